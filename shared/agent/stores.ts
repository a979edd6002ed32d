import type { IIdentifier, IKey, ManagedKeyInfo, TKeyType } from '@veramo/core-types';
import { AbstractDIDStore } from '@veramo/did-manager';
import { AbstractKeyStore, AbstractPrivateKeyStore, type ImportablePrivateKey, type ManagedPrivateKey } from '@veramo/key-manager';
import { randomUUID } from 'node:crypto';
import { LruCache } from '../crypto/lru.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Migration, Queryable } from '../db/index.ts';

/**
 * Veramo's key, private-key and DID stores over the service's own database, so that one
 * database (and one backup) holds everything. Private keys are sealed with `PASSPORT_SECRET`
 * before they are written; the tables never hold key material in clear.
 */
export const AGENT_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'veramo stores',
    sql: `
      CREATE TABLE agent_keys (kid TEXT PRIMARY KEY, kms TEXT NOT NULL, type TEXT NOT NULL, public_key_hex TEXT NOT NULL, meta TEXT);
      CREATE TABLE agent_private_keys (alias TEXT PRIMARY KEY, type TEXT NOT NULL, sealed TEXT NOT NULL);
      CREATE TABLE agent_identifiers (did TEXT PRIMARY KEY, alias TEXT, provider TEXT NOT NULL, body TEXT NOT NULL);
      CREATE INDEX agent_identifiers_alias ON agent_identifiers (alias)
    `,
  },
];

export class DatabaseKeyStore extends AbstractKeyStore {
  constructor(private readonly db: Queryable) {
    super();
  }

  async importKey(key: Partial<IKey>): Promise<boolean> {
    await this.db.run(
      'INSERT INTO agent_keys (kid, kms, type, public_key_hex, meta) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kid) DO NOTHING',
      [key.kid!, key.kms!, key.type!, key.publicKeyHex!, JSON.stringify(key.meta ?? null)],
    );
    return true;
  }

  async getKey({ kid }: { kid: string }): Promise<IKey> {
    const row = await this.db.get<KeyRow>('SELECT * FROM agent_keys WHERE kid = ?', [kid]);
    if (!row) throw new Error('not_found: Key not found');
    return toKey(row);
  }

  async deleteKey({ kid }: { kid: string }): Promise<boolean> {
    return (await this.db.run('DELETE FROM agent_keys WHERE kid = ?', [kid])).changes > 0;
  }

  async listKeys(): Promise<ManagedKeyInfo[]> {
    return (await this.db.all<KeyRow>('SELECT * FROM agent_keys')).map(toKey);
  }
}

export class SealedPrivateKeyStore extends AbstractPrivateKeyStore {
  // Opening a sealed key costs an AES-GCM decryption; signing is hot, so opened keys are kept a while.
  private readonly opened = new LruCache<string, ManagedPrivateKey>(2_000, 10 * 60_000);

  constructor(
    private readonly db: Queryable,
    private readonly box: SecretBox,
    /** Told of a deleted key, so whatever holds it opened lets it go (the agent's direct signer). */
    private readonly onDelete: (alias: string) => void = () => undefined,
  ) {
    super();
  }

  async importKey(args: ImportablePrivateKey): Promise<ManagedPrivateKey> {
    const alias = args.alias ?? randomUUID();
    await this.db.run('INSERT INTO agent_private_keys (alias, type, sealed) VALUES (?, ?, ?) ON CONFLICT (alias) DO NOTHING', [
      alias,
      args.type,
      this.box.seal(Buffer.from(args.privateKeyHex, 'hex')),
    ]);
    return { alias, type: args.type, privateKeyHex: args.privateKeyHex };
  }

  async getKey({ alias }: { alias: string }): Promise<ManagedPrivateKey> {
    const hit = this.opened.get(alias);
    if (hit) return hit;
    const row = await this.db.get<{ alias: string; type: TKeyType; sealed: string }>('SELECT * FROM agent_private_keys WHERE alias = ?', [alias]);
    if (!row) throw new Error('not_found: PrivateKey not found');
    const key = { alias: row.alias, type: row.type, privateKeyHex: this.box.open(row.sealed).toString('hex') };
    this.opened.set(alias, key);
    return key;
  }

  async deleteKey({ alias }: { alias: string }): Promise<boolean> {
    this.opened.delete(alias);
    this.onDelete(alias);
    return (await this.db.run('DELETE FROM agent_private_keys WHERE alias = ?', [alias])).changes > 0;
  }

  async listKeys(): Promise<ManagedPrivateKey[]> {
    // Listing never opens keys: callers that need one ask for it by alias.
    const rows = await this.db.all<{ alias: string; type: TKeyType }>('SELECT alias, type FROM agent_private_keys');
    return rows.map((r) => ({ alias: r.alias, type: r.type, privateKeyHex: '' }));
  }
}

export class DatabaseDIDStore extends AbstractDIDStore {
  constructor(private readonly db: Queryable) {
    super();
  }

  async importDID(identifier: IIdentifier): Promise<boolean> {
    const body = { ...identifier, keys: identifier.keys.map(({ privateKeyHex: _secret, ...key }) => key) };
    await this.db.run(
      'INSERT INTO agent_identifiers (did, alias, provider, body) VALUES (?, ?, ?, ?) ON CONFLICT (did) DO UPDATE SET alias = excluded.alias, provider = excluded.provider, body = excluded.body',
      [identifier.did, identifier.alias ?? null, identifier.provider, JSON.stringify(body)],
    );
    return true;
  }

  async getDID(args: { did: string } | { alias: string }): Promise<IIdentifier> {
    const row =
      'did' in args
        ? await this.db.get<{ body: string }>('SELECT body FROM agent_identifiers WHERE did = ?', [args.did])
        : await this.db.get<{ body: string }>('SELECT body FROM agent_identifiers WHERE alias = ?', [args.alias]);
    if (!row) throw new Error('not_found: Identifier not found');
    return JSON.parse(row.body) as IIdentifier;
  }

  async deleteDID({ did }: { did: string }): Promise<boolean> {
    return (await this.db.run('DELETE FROM agent_identifiers WHERE did = ?', [did])).changes > 0;
  }

  async listDIDs(args: { alias?: string; provider?: string }): Promise<IIdentifier[]> {
    const rows = await this.db.all<{ body: string; alias: string | null; provider: string }>('SELECT body, alias, provider FROM agent_identifiers');
    return rows
      .filter((r) => (args.alias === undefined || r.alias === args.alias) && (args.provider === undefined || r.provider === args.provider))
      .map((r) => JSON.parse(r.body) as IIdentifier);
  }
}

interface KeyRow {
  kid: string;
  kms: string;
  type: TKeyType;
  public_key_hex: string;
  meta: string | null;
}

function toKey(row: KeyRow): IKey {
  return { kid: row.kid, kms: row.kms, type: row.type, publicKeyHex: row.public_key_hex, meta: JSON.parse(row.meta ?? 'null') };
}
