import { hashToken } from '../../shared/crypto/index.ts';
import type { Actor, StaffRole } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';

/** The console's cookie; the API takes the same token as `Authorization: Bearer`. */
export const STAFF_COOKIE = 'passport_staff';
export const STAFF_TOKEN_PREFIX = 'vp_staff_';

interface SessionRow {
  staff_id: string;
  role: StaffRole;
  unit_kind: 'registry' | 'front_office' | 'organization';
  unit_id: string;
  region: string | null;
  last_seen_at: string;
}

/**
 * The actor of a live staff session, or undefined. A session ends after a day (the configured
 * idle time) without a request: each use moves its end forward. The move is written at most
 * every tenth of the idle time, so a busy page does not write on every request.
 */
export async function staffSessionActor(deps: Pick<IssuerDeps, 'config' | 'db' | 'now'>, token: string): Promise<Actor | undefined> {
  const now = deps.now();
  const tokenHash = hashToken(token);
  const row = await deps.db.get<SessionRow>(
    `SELECT s.staff_id, p.role, p.unit_kind, p.unit_id, COALESCE(f.region, o.region) AS region, s.last_seen_at
       FROM staff_sessions s
       JOIN staff p ON p.id = s.staff_id AND p.status = 'active'
       LEFT JOIN front_offices f ON p.unit_kind = 'front_office' AND f.id = p.unit_id
       LEFT JOIN organizations o ON p.unit_kind = 'organization' AND o.id = p.unit_id
      WHERE s.token_hash = ? AND s.expires_at > ?`,
    [tokenHash, now.toISOString()],
  );
  if (!row) return undefined;
  const idleMs = deps.config.staffSessionIdleSeconds * 1000;
  if (now.getTime() - Date.parse(row.last_seen_at) > Math.min(60_000, idleMs / 10)) {
    await deps.db.run('UPDATE staff_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?', [
      now.toISOString(),
      new Date(now.getTime() + idleMs).toISOString(),
      tokenHash,
    ]);
  }
  const by = { kind: 'staff', id: row.staff_id, role: row.role } as const;
  if (row.unit_kind === 'registry') return { kind: 'registry', by };
  if (row.region === null) return undefined;
  return { kind: row.unit_kind, id: row.unit_id, region: row.region, by };
}
