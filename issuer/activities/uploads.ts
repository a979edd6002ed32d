import type { IssuerDeps } from '../deps.ts';

/** How many of an organization's latest uploads `GET /v1/activities/uploads` lists. */
export const UPLOADS_LISTED = 20;

export interface UploadSummary {
  uploadId: string;
  /** When its first row was recorded. */
  recordedAt: string;
  /** Activities it recorded (rows recorded by an earlier upload are that upload's). */
  activities: number;
  /** Of them, claimed by their volunteers (a revoked credential was claimed too). */
  claimed: number;
  /** Of them, withdrawn before anyone claimed them. */
  withdrawn: number;
}

/**
 * An organization's latest spreadsheet uploads, newest first, each with what became of its rows:
 * the console's upload page lists them, so that a coordinator can come back to an upload's
 * activities and cards later, not only through the link shown right after recording it.
 */
export async function listUploads(deps: Pick<IssuerDeps, 'db'>, organizationId: string): Promise<UploadSummary[]> {
  const rows = await deps.db.all<{ upload_id: string; recorded_at: string; activities: number | string; claimed: number | string | null; withdrawn: number | string | null }>(
    `SELECT upload_id, MIN(created_at) AS recorded_at, COUNT(*) AS activities,
        SUM(CASE WHEN status IN ('claimed', 'revoked') THEN 1 ELSE 0 END) AS claimed,
        SUM(CASE WHEN status = 'withdrawn' THEN 1 ELSE 0 END) AS withdrawn
       FROM activities WHERE organization_id = ? AND upload_id IS NOT NULL
      GROUP BY upload_id ORDER BY recorded_at DESC, upload_id DESC LIMIT ?`,
    [organizationId, UPLOADS_LISTED],
  );
  return rows.map((r) => ({
    uploadId: r.upload_id,
    recordedAt: r.recorded_at,
    activities: Number(r.activities),
    claimed: Number(r.claimed ?? 0),
    withdrawn: Number(r.withdrawn ?? 0),
  }));
}
