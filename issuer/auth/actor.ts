import type { RequestHandler, Response } from 'express';
import { hashToken, safeEqual } from '../../shared/crypto/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { bearerToken } from '../../shared/http/index.ts';
import type { IssuerDeps } from '../deps.ts';

/**
 * What proved the caller's identity: one of the unit's API keys (by its public id, `key_…`), or
 * a staff member's session. The audit trail names this, so every entry says which key or person
 * acted, not only for which unit. Absent for the registry's admin token.
 */
export type Principal = { kind: 'api_key'; id: string } | { kind: 'staff'; id: string };

/** Who is calling: the national registry, a regional front office, or an organization, and through what. */
export type Actor =
  | { kind: 'registry'; by?: Principal }
  | { kind: 'front_office'; id: string; region: string; by?: Principal }
  | { kind: 'organization'; id: string; region: string; by?: Principal };

/** An organization as the caller; what `organizationOf` answers. */
export type OrganizationActor = Extract<Actor, { kind: 'organization' }>;

/**
 * Reads `Authorization: Bearer …` once per request and leaves the caller in `res.locals.actor`
 * (absent for anonymous callers). The registry's token is compared in constant time; API keys
 * are looked up by their SHA-256, the only form in which they are stored.
 */
export function authenticate(deps: Pick<IssuerDeps, 'config' | 'db'>): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req);
    if (!token) return next();
    if (safeEqual(token, deps.config.adminToken)) {
      res.locals.actor = { kind: 'registry' } satisfies Actor;
      return next();
    }
    const row = await deps.db.get<{ id: string; owner_kind: 'front_office' | 'organization'; owner_id: string; region: string }>(
      `SELECT k.id, k.owner_kind, k.owner_id, COALESCE(f.region, o.region) AS region
         FROM api_keys k
         LEFT JOIN front_offices f ON k.owner_kind = 'front_office' AND f.id = k.owner_id
         LEFT JOIN organizations o ON k.owner_kind = 'organization' AND o.id = k.owner_id
        WHERE k.key_hash = ? AND k.revoked_at IS NULL`,
      [hashToken(token)],
    );
    if (!row) return next(new PassportError('unauthorized', 'The bearer token is not a valid admin token or API key'));
    res.locals.actor = { kind: row.owner_kind, id: row.owner_id, region: row.region, by: { kind: 'api_key', id: row.id } } satisfies Actor;
    next();
  };
}

export function actorOf(res: Response): Actor | undefined {
  return res.locals.actor as Actor | undefined;
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
