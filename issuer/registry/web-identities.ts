import type { IIdentifier } from '@veramo/core';
import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { IssuerDeps } from '../deps.ts';

/** One key of a did:web, as its DID document publishes it. */
export interface WebDidKey {
  /** 1, 2, …: the newest signs. */
  number: number;
  /** `key-<number>`: the verification method is `{did}#key-<number>`. */
  fragment: string;
  /** The key's id in the Veramo agent (`keyRef`). */
  kid: string;
  /** The raw 32-byte Ed25519 public key, hex. */
  publicKeyHex: string;
  createdAt: string;
  /** The instant from which what this key signed is disowned (a compromise), if it was revoked. */
  revokedFrom: string | null;
  revokeReason: string | null;
}

/** A did:web the issuer serves and signs for, with every key it was given. */
export interface WebIdentity {
  did: string;
  /** The newest key's id in the Veramo agent: the one that signs now. */
  kid: string;
  /** The newest key, raw Ed25519, hex. */
  publicKeyHex: string;
  /** The newest key's fragment (`key-2` after one rotation). */
  fragment: string;
  /** Every key, oldest first. */
  keys: WebDidKey[];
}

export interface WebIdentities {
  /** The identity of `did`, created on first use; a retry or a second instance gets the same key. */
  ensure(did: string): Promise<WebIdentity>;
  /** The identity of `did` if it was ever created. */
  find(did: string): Promise<WebIdentity | undefined>;
  /**
   * Makes a new key for `did` and publishes it as the next `key-<n>` inside `tx` (with whatever
   * else the caller writes there), so it signs from the moment `tx` commits.
   */
  addKey(tx: Queryable, did: string, created: CreatedKey): Promise<WebDidKey>;
  /** A new key held by the agent and attached to `did`'s identifier, not yet published. */
  createKey(did: string): Promise<CreatedKey>;
}

export interface CreatedKey {
  kid: string;
  publicKeyHex: string;
}

interface KeyRow {
  number: number;
  fragment: string;
  kid: string;
  public_key_hex: string;
  created_at: string;
  revoked_from: string | null;
  revoke_reason: string | null;
}

/**
 * The did:web identities of the registry and of organizations, held by the Veramo agent (private
 * keys sealed in its store). `web_did_keys` is the authority on which keys a DID has: read on
 * every look, so a rotation made through one instance shows in every other's DID documents and
 * signatures at once.
 */
export function createWebIdentities(deps: Pick<IssuerDeps, 'agent' | 'db' | 'now'>): WebIdentities {
  async function find(did: string): Promise<WebIdentity | undefined> {
    const rows = await keyRows(deps.db, did);
    // An identity is served once the agent can sign for it: a claim left by a crash mid-creation is not.
    if (rows.length === 0 || !(await agentKnows(did))) return undefined;
    const keys = rows.map(toKey);
    const newest = keys.at(-1)!;
    return { did, kid: newest.kid, publicKeyHex: newest.publicKeyHex, fragment: newest.fragment, keys };
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
   * Creates a key and claims it for `did` as its key-1, unless a key was claimed before (by an
   * earlier attempt that crashed, or by another instance at the same moment): then that key wins
   * and ours goes.
   */
  async function claimKey(did: string): Promise<string> {
    const claimed = await claimedKid(did);
    if (claimed) return claimed;
    const key = await deps.agent.keyManagerCreate({ kms: 'local', type: 'Ed25519' });
    const at = deps.now().toISOString();
    const won = await deps.db.transaction(async (tx) => {
      const { changes } = await tx.run('INSERT INTO web_dids (did, kid, created_at) VALUES (?, ?, ?) ON CONFLICT (did) DO NOTHING', [did, key.kid, at]);
      if (changes === 1) {
        await tx.run("INSERT INTO web_did_keys (did, number, fragment, kid, public_key_hex, created_at) VALUES (?, 1, 'key-1', ?, ?, ?)", [did, key.kid, key.publicKeyHex, at]);
      }
      return changes === 1;
    });
    if (won) return key.kid;
    await deps.agent.keyManagerDelete({ kid: key.kid });
    const winner = await claimedKid(did);
    if (!winner) throw new Error(`The key claim of ${did} vanished`);
    return winner;
  }

  async function createKey(did: string): Promise<CreatedKey> {
    const key = await deps.agent.keyManagerCreate({ kms: 'local', type: 'Ed25519' });
    // Attached before it is published: an attached key nobody published is never used to sign.
    await deps.agent.didManagerAddKey({ did, key });
    return { kid: key.kid, publicKeyHex: key.publicKeyHex };
  }

  async function addKey(tx: Queryable, did: string, created: CreatedKey): Promise<WebDidKey> {
    const last = await tx.get<{ number: number | null }>('SELECT MAX(number) AS number FROM web_did_keys WHERE did = ?', [did]);
    if (last?.number === null || last?.number === undefined) throw new PassportError('not_found', `${did} has no keys to rotate`);
    const number = Number(last.number) + 1;
    const at = deps.now().toISOString();
    const { changes } = await tx.run(
      'INSERT INTO web_did_keys (did, number, fragment, kid, public_key_hex, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (did, number) DO NOTHING',
      [did, number, `key-${number}`, created.kid, created.publicKeyHex, at],
    );
    if (changes === 0) throw new PassportError('conflict', `Another rotation of ${did} took key-${number} at the same moment; ask again`);
    return { number, fragment: `key-${number}`, kid: created.kid, publicKeyHex: created.publicKeyHex, createdAt: at, revokedFrom: null, revokeReason: null };
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

  return { ensure, find, addKey, createKey };
}

/** Every key of `did`, oldest first. */
export async function keyRows(q: Queryable, did: string): Promise<KeyRow[]> {
  return q.all<KeyRow>(
    'SELECT number, fragment, kid, public_key_hex, created_at, revoked_from, revoke_reason FROM web_did_keys WHERE did = ? ORDER BY number',
    [did],
  );
}

export function toKey(row: KeyRow): WebDidKey {
  return {
    number: Number(row.number),
    fragment: row.fragment,
    kid: row.kid,
    publicKeyHex: row.public_key_hex,
    createdAt: row.created_at,
    revokedFrom: row.revoked_from,
    revokeReason: row.revoke_reason,
  };
}
