import type { Actor } from '../auth/index.ts';

/**
 * Who an audit entry names: an authenticated caller, the volunteer whose wallet claimed an offer
 * (OpenID4VCI proves the holder's key, not an API key), or a person acting before they have a
 * session (accepting their invitation proves the link, and the entry names them).
 */
export type AuditActor = Actor | { kind: 'holder'; did: string } | { kind: 'person'; id: string };

/**
 * The `actor` column: the key or person that acted, as precisely as the caller was proven.
 * `key:<id>` for an API key, `staff:<id>` for a staff member's session, `registry` for the
 * registry's admin token, `holder:<did>` for a wallet's claim. A unit named without the key that
 * acted (`organization:<id>`) is only written by code that acts on its own behalf.
 */
export function describeActor(actor: AuditActor): string {
  if (actor.kind === 'holder') return `holder:${actor.did}`;
  if (actor.kind === 'person') return `staff:${actor.id}`;
  if (actor.by?.kind === 'api_key') return `key:${actor.by.id}`;
  if (actor.by?.kind === 'staff') return `staff:${actor.by.id}`;
  return actor.kind === 'registry' ? 'registry' : `${actor.kind}:${actor.id}`;
}
