import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENT_MIGRATIONS, createPassportAgent, keySignerOf, signJwtWithAgent, type PassportAgent } from '../../../shared/agent/index.ts';
import { didWebFromUrl } from '../../../shared/config.ts';
import { createSecretBox } from '../../../shared/crypto/index.ts';
import { createDidResolver } from '../../../shared/did/index.ts';
import { createGuardedFetch } from '../../../shared/net/index.ts';
import { signCredential } from '../../../issuer/credentials/sign.ts';
import { REGISTRY_MIGRATIONS } from '../../../issuer/registry/migrations.ts';
import { createWebIdentities } from '../../../issuer/registry/web-identities.ts';
import { openTestDatabase } from '../../helpers/database.ts';
import { tempDataDir } from '../../helpers/services.ts';

const SECRET = 'sign-direct-test-secret-0123456789';
const dataDir = tempDataDir('passport-sign-direct-');
const db = await openTestDatabase('issuer', dataDir, [...AGENT_MIGRATIONS, ...REGISTRY_MIGRATIONS]);
afterAll(async () => {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const fetch = createGuardedFetch({ httpHosts: [] });
const agent = createPassportAgent({ db, keyBox: createSecretBox(SECRET, 'agent-keys'), dids: createDidResolver({ fetch, httpHosts: [] }) });
/** The same agent without its direct signer: every signature goes through Veramo's key manager, as before. */
const throughVeramo = Object.create(agent) as PassportAgent;
const did = didWebFromUrl('https://passport.example.kz', 'orgs', 'direct');

describe('signing with the agent keys directly', () => {
  it('makes the very VC-JWT that the agent JWT provider makes (Ed25519 is deterministic)', async () => {
    expect(keySignerOf(agent)).toBeDefined();
    expect(keySignerOf(throughVeramo)).toBeUndefined();
    const identity = await createWebIdentities({ agent, db, now: () => new Date() }).ensure(did);
    const signer = { did, fragment: identity.fragment, kid: identity.kid };
    const credential = {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://passport.example.kz/contexts/volunteer/v1'],
      id: 'urn:uuid:0b7c3c1e-8d1b-4f55-a2a8-1b1f0f6b2c11',
      type: ['VerifiableCredential', 'VolunteerActivityCredential'],
      issuer: { id: did, name: { kk: 'Ұйым', ru: 'Организация', en: 'Organization' } },
      issuanceDate: '2026-06-01T10:00:00Z',
      credentialSubject: { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', name: 'Айгерім' },
      credentialStatus: { id: 'https://passport.example.kz/status/1#7', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: 'https://passport.example.kz/status/1' },
    };
    const direct = await signCredential(agent, { ...credential }, signer);
    const veramo = await signCredential(throughVeramo, { ...credential }, signer);
    expect(direct.jwt).toBe(veramo.jwt);
    expect(direct.verifiableCredential).toEqual(veramo.verifiableCredential);
    const typed = await signJwtWithAgent(agent, { did, kid: `${did}#${identity.fragment}`, keyRef: identity.kid }, { iss: did, n: 1 }, { typ: 'statuslist+jwt' });
    expect(typed).toBe(await signJwtWithAgent(throughVeramo, { did, kid: `${did}#${identity.fragment}`, keyRef: identity.kid }, { iss: did, n: 1 }, { typ: 'statuslist+jwt' }));
  });

  it('refuses to sign with a key the agent does not hold', async () => {
    await expect(keySignerOf(agent)!.sign('no-such-key', 'data')).rejects.toThrow(/key_not_found/);
  });

  it('stops signing with a key once the agent deletes it', async () => {
    const { kid } = await agent.keyManagerCreate({ kms: 'local', type: 'Ed25519' });
    expect(await keySignerOf(agent)!.sign(kid, 'data')).toMatch(/^[\w-]{86}$/);
    await agent.keyManagerDelete({ kid });
    await expect(keySignerOf(agent)!.sign(kid, 'data')).rejects.toThrow(/key_not_found/);
  });
});
