import type { Migration } from '../../shared/db/index.ts';

/**
 * Columns the accounting of volunteer work groups and filters by, derived from the activity JSON
 * that issuance stores, so statistics are SQL aggregates over indexed columns and the issuing
 * code keeps a single source of truth. SQLite can only add VIRTUAL generated columns to an
 * existing table (computed on read; the indexes store them) and reads the JSON with
 * json_extract; PostgreSQL adds STORED ones and reads it with jsonb's `->>`.
 */
const STATS_INDEXES = `
      CREATE INDEX activities_stats_region ON activities (activity_region, activity_end_date);
      CREATE INDEX activities_stats_end_date ON activities (activity_end_date);
      CREATE INDEX activities_stats_category ON activities (activity_category);
      CREATE INDEX activities_stats_project ON activities (activity_project)
`;

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
` + STATS_INDEXES,
    postgres: `
      ALTER TABLE activities
        ADD COLUMN activity_category TEXT GENERATED ALWAYS AS ((activity::jsonb) ->> 'category') STORED,
        ADD COLUMN activity_region TEXT GENERATED ALWAYS AS ((activity::jsonb) ->> 'region') STORED,
        ADD COLUMN activity_project TEXT GENERATED ALWAYS AS ((activity::jsonb) ->> 'project') STORED,
        ADD COLUMN activity_end_date TEXT GENERATED ALWAYS AS ((activity::jsonb) ->> 'activityEndDate') STORED,
        ADD COLUMN activity_month TEXT GENERATED ALWAYS AS (left((activity::jsonb) ->> 'activityEndDate', 7)) STORED,
        ADD COLUMN activity_hours DOUBLE PRECISION GENERATED ALWAYS AS (((activity::jsonb) ->> 'hours')::double precision) STORED;
` + STATS_INDEXES,
  },
];
