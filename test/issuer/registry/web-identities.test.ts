import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENT_MIGRATIONS, createPassportAgent } from '../../../shared/agent/index.ts';
import { didWebFromUrl, loadConfig } from '../../../shared/config.ts';
import { createSecretBox } from '../../../shared/crypto/index.ts';
import type { Database } from '../../../shared/db/index.ts';
import { createDidResolver } from '../../../shared/did/index.ts';
import { createLogger } from '../../../shared/logger.ts';
import { createGuardedFetch } from '../../../shared/net/index.ts';
import type { IssuerDeps } from '../../../issuer/deps.ts';
import { REGISTRY_MIGRATIONS } from '../../../issuer/registry/migrations.ts';
import { ensureRegistryIdentity } from '../../../issuer/registry/router.ts';
import { createWebIdentities } from '../../../issuer/registry/web-identities.ts';
import { databaseUrlFor, openServiceDatabase, openTestDatabase } from '../../helpers/database.ts';
import { tempDataDir } from '../../helpers/services.ts';

const SECRET = 'web-identities-test-secret-0123456789';
const dataDir = tempDataDir('passport-web-identities-');
const opened: Database[] = [];
afterAll(async () => {
  // The first opened made the database (and drops it on PostgreSQL): it closes last.
  for (const db of opened.reverse()) await db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** One issuer instance's view: its own connections to the shared database file, its own agent. */
async function instance(): Promise<IssuerDeps> {
  const db =
    opened.length === 0
      ? await openTestDatabase('issuer', dataDir, [...AGENT_MIGRATIONS, ...REGISTRY_MIGRATIONS])
      : await openServiceDatabase({ name: 'issuer', dataDir, databaseUrl: await databaseUrlFor(dataDir) });
  opened.push(db);
  const config = loadConfig({ DATA_DIR: dataDir, ISSUER_URL: 'https://passport.example.kz', PASSPORT_ADMIN_TOKEN: 'unused-admin-token', PASSPORT_SECRET: SECRET });
  const fetch = createGuardedFetch({ httpHosts: [] });
  const dids = createDidResolver({ fetch, httpHosts: [] });
  const agent = createPassportAgent({ db, keyBox: createSecretBox(SECRET, 'agent-keys'), dids });
  return { config, db, agent, dids, fetch, logger: createLogger('issuer', 'silent'), now: () => new Date() };
}

describe('did:web identities', () => {
  it('two instances creating the same DID at once agree on one key, and the other key is gone', async () => {
    const [a, b] = [await instance(), await instance()];
    const did = didWebFromUrl('https://passport.example.kz', 'orgs', 'race');
    const results = await Promise.all([createWebIdentities(a).ensure(did), createWebIdentities(b).ensure(did), createWebIdentities(a).ensure(did)]);
    expect(new Set(results.map((r) => r.publicKeyHex)).size).toBe(1);
    expect((await a.agent.didManagerGet({ did })).keys.map((k) => k.kid)).toEqual([results[0]!.kid]);
    const keys = await a.db.all<{ kid: string }>('SELECT kid FROM agent_keys');
    const privateKeys = await a.db.all<{ alias: string }>('SELECT alias FROM agent_private_keys');
    expect(keys.map((k) => k.kid)).toEqual([results[0]!.kid]);
    expect(privateKeys).toHaveLength(1);
  });

  it("the registry's identity is made once, whoever starts first", async () => {
    const [a, b] = [await instance(), await instance()];
    await Promise.all([ensureRegistryIdentity(a), ensureRegistryIdentity(b)]);
    await ensureRegistryIdentity(await instance());
    const did = 'did:web:passport.example.kz';
    const found = await Promise.all([createWebIdentities(a).find(did), createWebIdentities(b).find(did)]);
    expect(found[0]).toBeDefined();
    expect(found[1]).toEqual(found[0]);
    expect(await a.db.all('SELECT did FROM web_dids WHERE did = ?', [did])).toHaveLength(1);
  });

  it('an identity signs with the key its DID document publishes', async () => {
    const deps = await instance();
    const did = didWebFromUrl('https://passport.example.kz', 'orgs', 'signer');
    const identity = await createWebIdentities(deps).ensure(did);
    const signature = await deps.agent.keyManagerSign({ keyRef: identity.kid, data: 'hello', algorithm: 'EdDSA', encoding: 'utf-8' });
    const { createPublicKey, verify } = await import('node:crypto');
    const publicKey = createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(identity.publicKeyHex, 'hex').toString('base64url') } });
    expect(verify(null, Buffer.from('hello'), publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
  });
});
