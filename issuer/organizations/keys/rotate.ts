import { audit } from '../../audit/index.ts';
import type { Actor } from '../../auth/index.ts';
import type { IssuerDeps } from '../../deps.ts';
import type { WebIdentities } from '../../registry/web-identities.ts';
import { keysUnderAuthority } from './authority.ts';
import { markStatusListsForSigning, resignStatusLists } from './resign-status-lists.ts';
import { keyView, type KeyView } from './view.ts';

export interface Rotation {
  did: string;
  /** The new key's verification method, `{did}#key-<n>`: what signs from now on. */
  keyId: string;
  keys: KeyView[];
}

/**
 * Rotates an organization's signing key: a new Ed25519 key becomes `key-<n+1>` of its did:web
 * document and signs every credential and status list from the commit on. The older keys stay
 * in the document, so what they signed keeps verifying; the status lists are re-signed with the
 * new key. The key is made before the transaction (the agent writes on its own); a crash before
 * the commit leaves an unpublished key that never signs.
 */
export async function rotateOrganizationKey(deps: IssuerDeps, identities: WebIdentities, actor: Actor, organizationId: string): Promise<Rotation> {
  const org = await keysUnderAuthority(deps.db, actor, organizationId);
  const created = await identities.createKey(org.did);
  const now = deps.now();
  const added = await deps.db.transaction(async (tx) => {
    const key = await identities.addKey(tx, org.did, created);
    await markStatusListsForSigning(tx, org.id);
    await audit(tx, { at: now, actor, action: 'organization.key_rotated', subject: org.id, detail: { keyId: `${org.did}#${key.fragment}` } });
    return key;
  });
  await resignStatusLists(deps, org.id);
  const identity = await identities.find(org.did);
  return { did: org.did, keyId: `${org.did}#${added.fragment}`, keys: (identity?.keys ?? [added]).map((k) => keyView(org.did, k)) };
}
