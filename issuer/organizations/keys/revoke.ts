import { z } from 'zod';
import { PassportError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import type { Actor } from '../../auth/index.ts';
import type { IssuerDeps } from '../../deps.ts';
import { reason } from '../../registry/fields.ts';
import { keyRows, toKey } from '../../registry/web-identities.ts';
import { keysUnderAuthority } from './authority.ts';
import { markStatusListsForSigning, resignStatusLists } from './resign-status-lists.ts';
import { keyView, type KeyView } from './view.ts';

/** Clocks differ by a little: a `from` this far ahead of ours still counts as now. */
const FUTURE_SKEW_MS = 60_000;

const instant = z
  .string({ message: 'must be a string' })
  .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/, 'must be an ISO 8601 date or date-time such as 2026-05-01T00:00:00Z')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real date');

export const KeyRevocationInput = z.object({ from: instant.optional(), reason }).strict();
export type KeyRevocationInput = z.infer<typeof KeyRevocationInput>;

export interface KeyRevocation {
  did: string;
  keyId: string;
  revokedFrom: string;
  reason: string;
  keys: KeyView[];
}

/**
 * Marks an organization's key as compromised from `from` on (now when not given): credentials
 * and status lists it signed at or after that instant fail verification, those signed before
 * still pass. The registry publishes it in the trust list (`revokedKeys`), which verifiers and
 * wallets already trust, rather than dropping the key from the DID document, which would disown
 * everything it ever signed. The key that signs now cannot be revoked: rotate first, so the
 * organization keeps a key to issue with. Asking again with a later or equal `from` changes
 * nothing; an earlier one widens the revocation.
 */
export async function revokeOrganizationKey(deps: IssuerDeps, actor: Actor, organizationId: string, keyParam: string, input: KeyRevocationInput): Promise<KeyRevocation> {
  const now = deps.now();
  const from = input.from === undefined ? now : new Date(input.from);
  if (from.getTime() > now.getTime() + FUTURE_SKEW_MS) {
    throw new PassportError('invalid_request', 'from must not be in the future: it is when the key was compromised (give now or earlier)', { field: 'from' });
  }
  const org = await keysUnderAuthority(deps.db, actor, organizationId);
  const fragment = fragmentOf(keyParam, org.did);
  const outcome = await deps.db.transaction(async (tx) => {
    const keys = (await keyRows(tx, org.did)).map(toKey);
    const key = keys.find((k) => k.fragment === fragment);
    if (!key) throw new PassportError('not_found', `${org.did} has no key ${fragment}`);
    if (key.number === keys.at(-1)!.number) {
      throw new PassportError('conflict', `${fragment} is the key that signs now: rotate first (POST /v1/organizations/${org.id}/keys/rotate), then revoke it`);
    }
    if (key.revokedFrom && Date.parse(key.revokedFrom) <= from.getTime()) return { from: key.revokedFrom, reason: key.revokeReason ?? '', changed: false };
    const at = from.toISOString();
    await tx.run('UPDATE web_did_keys SET revoked_from = ?, revoked_at = ?, revoke_reason = ? WHERE did = ? AND fragment = ?', [at, now.toISOString(), input.reason, org.did, fragment]);
    await markStatusListsForSigning(tx, org.id);
    await audit(tx, { at: now, actor, action: 'organization.key_revoked', subject: org.id, detail: { keyId: `${org.did}#${fragment}`, from: at, reason: input.reason } });
    return { from: at, reason: input.reason, changed: true };
  });
  if (outcome.changed) await resignStatusLists(deps, org.id);
  const keys = (await keyRows(deps.db, org.did)).map((k) => keyView(org.did, toKey(k)));
  return { did: org.did, keyId: `${org.did}#${fragment}`, revokedFrom: outcome.from, reason: outcome.reason, keys };
}

/** `key-2`, or the whole verification method id `{did}#key-2` (URL-encoded in the path). */
function fragmentOf(param: string, did: string): string {
  const [owner, fragment] = param.includes('#') ? [param.slice(0, param.indexOf('#')), param.slice(param.indexOf('#') + 1)] : [did, param];
  if (owner !== did || !/^key-\d{1,6}$/.test(fragment)) {
    throw new PassportError('not_found', `${param} is not a key of ${did} (name it key-<n> or ${did}#key-<n>)`, { field: 'keyId' });
  }
  return fragment;
}
