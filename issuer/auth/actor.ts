import type { RequestHandler, Response } from 'express';
import { hashToken, safeEqual } from '../../shared/crypto/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { bearerToken } from '../../shared/http/index.ts';
import { cookie } from '../../shared/i18n/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { STAFF_COOKIE, STAFF_TOKEN_PREFIX, staffSessionActor } from '../staff/session-actor.ts';

export type StaffRole = 'admin' | 'member' | 'viewer';

/** A person signed in to the console, with their role in their unit. */
export interface StaffPrincipal {
  kind: 'staff';
  id: string;
  role: StaffRole;
}

/**
 * What proved the caller's identity: one of the unit's API keys (by its public id), or a
 * person's session. The audit trail names this. Absent for the registry's admin token.
 */
export type Principal = { kind: 'api_key'; id: string } | StaffPrincipal;

/** Who is calling: the national registry, a regional front office, or an organization, and through what. */
export type Actor =
  | { kind: 'registry'; by?: Principal }
  | { kind: 'front_office'; id: string; region: string; by?: Principal }
  | { kind: 'organization'; id: string; region: string; by?: Principal };

/** The person acting, when a person (not a key or the admin token) acts. */
export function staffOf(actor: Actor | undefined): StaffPrincipal | undefined {
  return actor?.by?.kind === 'staff' ? actor.by : undefined;
}

/** The registry's own admin token (PASSPORT_ADMIN_TOKEN): no person, no key. */
export function isAdminToken(actor: Actor | undefined): boolean {
  return actor?.kind === 'registry' && actor.by === undefined;
}

/** An organization as the caller; what `organizationOf` answers. */
export type OrganizationActor = Extract<Actor, { kind: 'organization' }>;

/**
 * Reads `Authorization: Bearer …` (or, without one, the console's session cookie) once per
 * request and leaves the caller in `res.locals.actor` (absent for anonymous callers). The
 * registry's token is compared in constant time; API keys and staff session tokens are looked
 * up by their SHA-256, the only form in which they are stored. A stale console cookie leaves the
 * caller anonymous (public routes still answer); a bad bearer token is refused.
 *
 * Only headers are read, never the body, so this may run before body parsing.
 */
export function authenticate(deps: Pick<IssuerDeps, 'config' | 'db' | 'now'>): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req);
    if (!token) {
      const session = cookie(req, STAFF_COOKIE);
      const actor = session ? await staffSessionActor(deps, session) : undefined;
      if (actor) res.locals.actor = actor;
      return next();
    }
    if (safeEqual(token, deps.config.adminToken)) {
      res.locals.actor = { kind: 'registry' } satisfies Actor;
      return next();
    }
    const actor = token.startsWith(STAFF_TOKEN_PREFIX) ? await staffSessionActor(deps, token) : await apiKeyActor(deps, token);
    if (!actor) return next(new PassportError('unauthorized', 'The bearer token is not a valid admin token, API key or staff session'));
    res.locals.actor = actor;
    next();
  };
}

/** Keys remember when they were last used, to the minute: often enough to tell, rarely enough not to write on every call. */
const LAST_USED_PRECISION_MS = 60_000;

async function apiKeyActor(deps: Pick<IssuerDeps, 'db' | 'now'>, token: string): Promise<Actor | undefined> {
  const keyHash = hashToken(token);
  const row = await deps.db.get<{ id: string; owner_kind: 'front_office' | 'organization'; owner_id: string; region: string; last_used_at: string | null }>(
    `SELECT k.id, k.owner_kind, k.owner_id, COALESCE(f.region, o.region) AS region, k.last_used_at
       FROM api_keys k
       LEFT JOIN front_offices f ON k.owner_kind = 'front_office' AND f.id = k.owner_id
       LEFT JOIN organizations o ON k.owner_kind = 'organization' AND o.id = k.owner_id
      WHERE k.key_hash = ? AND k.revoked_at IS NULL`,
    [keyHash],
  );
  if (!row) return undefined;
  const now = deps.now();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= LAST_USED_PRECISION_MS) {
    await deps.db.run('UPDATE api_keys SET last_used_at = ? WHERE key_hash = ?', [now.toISOString(), keyHash]);
  }
  return { kind: row.owner_kind, id: row.owner_id, region: row.region, by: { kind: 'api_key', id: row.id } };
}

export function actorOf(res: Response): Actor | undefined {
  return res.locals.actor as Actor | undefined;
}

/** The caller, or `unauthorized` for an anonymous one. */
export function callerOf(res: Response): Actor {
  const actor = actorOf(res);
  if (!actor) throw new PassportError('unauthorized', 'Sign in first: send Authorization: Bearer <token> or the console cookie');
  return actor;
}

/** Passes only the listed kinds of caller: 401 without a token, 403 with the wrong kind. */
export function requireActor(...kinds: Actor['kind'][]): RequestHandler {
  return (_req, res, next) => {
    const actor = actorOf(res);
    if (!actor) return next(new PassportError('unauthorized', 'This route needs an Authorization: Bearer token'));
    if (!kinds.includes(actor.kind)) {
      return next(new PassportError('forbidden', `This route is for ${kinds.join(' or ').replaceAll('_', ' ')} keys, not ${actor.kind.replace('_', ' ')} keys`));
    }
    next();
  };
}

/** The organization calling; for use after `requireActor('organization')`. */
export function organizationOf(res: Response): OrganizationActor {
  const actor = actorOf(res);
  if (actor?.kind !== 'organization') throw new PassportError('forbidden', 'This route is for organization keys');
  return actor;
}

/**
 * May this caller accredit, suspend or reinstate in `region`? The registry anywhere; a regional
 * front office only in its own region (DESIGN.md, "Trust").
 */
export function mayAccredit(actor: Actor | undefined, region: string): boolean {
  if (!actor) return false;
  if (actor.kind === 'registry') return true;
  return actor.kind === 'front_office' && actor.region === region;
}
