import type { IIdentifier } from '@veramo/core';
import { LruCache } from '../../shared/crypto/index.ts';
import type { IssuerDeps } from '../deps.ts';

/** A did:web the issuer serves and signs for, with the one Ed25519 key it was given. */
export interface WebIdentity {
  did: string;
  /** The key's id in the Veramo agent (`keyRef`). */
  kid: string;
  /** The raw 32-byte Ed25519 public key, hex. */
  publicKeyHex: string;
}

export interface WebIdentities {
  /** The identity of `did`, created on first use; a retry or a second instance gets the same key. */
  ensure(did: string): Promise<WebIdentity>;
  /** The identity of `did` if it was ever created. */
  find(did: string): Promise<WebIdentity | undefined>;
}

/**
 * The did:web identities of the registry and of organizations, held by the Veramo agent (private
 * keys sealed in its store). A DID's key never changes once claimed in `web_dids`, so the cache
 * of identities needs no invalidation between instances.
 */
export function createWebIdentities(deps: Pick<IssuerDeps, 'agent' | 'db' | 'now'>): WebIdentities {
  const cache = new LruCache<string, WebIdentity>(10_000, 60 * 60_000);

  async function find(did: string): Promise<WebIdentity | undefined> {
    const hit = cache.get(did);
    if (hit) return hit;
    const kid = await claimedKid(did);
    const identifier = kid ? await agentIdentifier(did) : undefined;
    const key = identifier?.keys.find((k) => k.kid === kid);
    if (!kid || !key) return undefined;
    const identity = { did, kid, publicKeyHex: key.publicKeyHex };
    cache.set(did, identity);
    return identity;
  }

  async function ensure(did: string): Promise<WebIdentity> {
    const known = await find(did);
    if (known) return known;
    const kid = await claimKey(did);
    await registerWithAgent(did, kid);
    const identity = await find(did);
    if (!identity) throw new Error(`The identity of ${did} could not be created`);
    return identity;
  }

  /**
   * Creates a key and claims it for `did`, unless a key was claimed before (by an earlier attempt
   * that crashed, or by another instance at the same moment): then that key wins and ours goes.
   */
  async function claimKey(did: string): Promise<string> {
    const claimed = await claimedKid(did);
    if (claimed) return claimed;
    const key = await deps.agent.keyManagerCreate({ kms: 'local', type: 'Ed25519' });
    const { changes } = await deps.db.run('INSERT INTO web_dids (did, kid, created_at) VALUES (?, ?, ?) ON CONFLICT (did) DO NOTHING', [
      did,
      key.kid,
      deps.now().toISOString(),
    ]);
    if (changes === 1) return key.kid;
    await deps.agent.keyManagerDelete({ kid: key.kid });
    const winner = await claimedKid(did);
    if (!winner) throw new Error(`The key claim of ${did} vanished`);
    return winner;
  }

  /** The agent's identifier record (needed to issue with it), made from the claimed key. */
  async function registerWithAgent(did: string, kid: string): Promise<void> {
    if (await agentKnows(did)) return;
    try {
      await deps.agent.didManagerCreate({ provider: 'did:web', alias: did.slice('did:web:'.length), options: { keyRef: kid } });
    } catch (err) {
      // Another instance registered the same DID with the same claimed key in between.
      if (!(await agentKnows(did))) throw err;
    }
  }

  async function claimedKid(did: string): Promise<string | undefined> {
    return (await deps.db.get<{ kid: string }>('SELECT kid FROM web_dids WHERE did = ?', [did]))?.kid;
  }

  async function agentIdentifier(did: string): Promise<IIdentifier | undefined> {
    try {
      return await deps.agent.didManagerGet({ did });
    } catch {
      return undefined;
    }
  }

  async function agentKnows(did: string): Promise<boolean> {
    return (await agentIdentifier(did)) !== undefined;
  }

  return { ensure, find };
}
