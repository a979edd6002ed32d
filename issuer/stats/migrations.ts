import type { Migration } from '../../shared/db/index.ts';

/**
 * Columns the accounting of volunteer work groups and filters by, derived from the activity JSON
 * that issuance stores, so statistics are SQL aggregates over indexed columns and the issuing
 * code keeps a single source of truth. SQLite can only add VIRTUAL generated columns to an
 * existing table (computed on read; the indexes store them). On PostgreSQL the same columns are
 * `ALTER TABLE activities ADD COLUMN activity_category TEXT GENERATED ALWAYS AS ((activity::jsonb)->>'category') STORED`,
 * likewise `->>'region'`, `->>'project'`, `->>'activityEndDate'`, `left((activity::jsonb)->>'activityEndDate', 7)`
 * and `((activity::jsonb)->>'hours')::double precision` for the hours.
 */
export const STATS_MIGRATIONS: readonly Migration[] = [
  {
    id: 300,
    name: 'stats columns',
    sql: `
      ALTER TABLE activities ADD COLUMN activity_category TEXT GENERATED ALWAYS AS (json_extract(activity, '$.category')) VIRTUAL;
      ALTER TABLE activities ADD COLUMN activity_region TEXT GENERATED ALWAYS AS (json_extract(activity, '$.region')) VIRTUAL;
      ALTER TABLE activities ADD COLUMN activity_project TEXT GENERATED ALWAYS AS (json_extract(activity, '$.project')) VIRTUAL;
      ALTER TABLE activities ADD COLUMN activity_end_date TEXT GENERATED ALWAYS AS (json_extract(activity, '$.activityEndDate')) VIRTUAL;
      ALTER TABLE activities ADD COLUMN activity_month TEXT GENERATED ALWAYS AS (substr(json_extract(activity, '$.activityEndDate'), 1, 7)) VIRTUAL;
      ALTER TABLE activities ADD COLUMN activity_hours REAL GENERATED ALWAYS AS (CAST(json_extract(activity, '$.hours') AS REAL)) VIRTUAL;
      CREATE INDEX activities_stats_region ON activities (activity_region, activity_end_date);
      CREATE INDEX activities_stats_end_date ON activities (activity_end_date);
      CREATE INDEX activities_stats_category ON activities (activity_category);
      CREATE INDEX activities_stats_project ON activities (activity_project)
    `,
  },
];
