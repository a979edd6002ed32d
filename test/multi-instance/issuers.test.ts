import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../../shared/db/index.ts';
import { decodeJwtParts } from '../../shared/jwt/index.ts';
import { TEST_BACKEND, createTestDatabase, dropTestDatabase } from '../helpers/database.ts';
import { call, type Answer } from '../helpers/http.ts';
import { startLoadBalancer, type LoadBalancer } from '../helpers/load-balancer.ts';
import { freePort, startService, tempDataDir, type StartedService } from '../helpers/services.ts';
import { activity, newHolder, offerUrlOf, PRE_AUTH, proofJwt, type Holder } from '../issuer/issuance/setup.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ADMIN = 'multi-instance-admin-token';
const SECRET = 'multi-instance-passport-secret-0123456789';
const BATCHES = 3;
const ROWS = 200;
const CLAIMS = 24;
/** Credentials one wallet claim fetches: the offer names the VC-JWT and the SD-JWT VC of its activity. */
const FORMATS = 2;

/**
 * Two issuer processes on one PostgreSQL database behind a round-robin load balancer, as an
 * operator runs them: the same PASSPORT_SECRET, DATABASE_URL and public ISSUER_URL (the
 * balancer's). A wallet on the same DATABASE_URL (its own schema) claims through the balancer,
 * so the steps of every claim land on either instance; batches go to both instances at once with
 * the same idempotency keys. Nothing may be recorded twice, no status index handed out twice, and
 * nothing lost.
 */
describe.runIf(TEST_BACKEND === 'postgres')('two issuer instances on one PostgreSQL (runs only with TEST_DATABASE_URL; skipped on SQLite)', () => {
  let databaseUrl: string;
  let balancer: LoadBalancer;
  let a: StartedService;
  let b: StartedService;
  let wallet: StartedService;
  let issuerDb: Database;
  let apiKey: string;
  const recorded: { id: string; offerUri: string }[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    const migrated = await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/migrate.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: tempDataDir(), PASSPORT_ADMIN_TOKEN: ADMIN, PASSPORT_SECRET: SECRET },
    });
    expect(migrated.stdout).toMatch(/issuer: applied 1, /);
    balancer = await startLoadBalancer();
    const env = { DATABASE_URL: databaseUrl, PASSPORT_SECRET: SECRET, PASSPORT_ADMIN_TOKEN: ADMIN, ISSUER_URL: balancer.url };
    // Started at once: both make the registry's identity, and must agree on one.
    [a, b] = await Promise.all([startService('issuer', { env, port: await freePort() }), startService('issuer', { env, port: await freePort() })]);
    balancer.backends = [a.url, b.url];
    wallet = await startService('wallet', { env: { DATABASE_URL: databaseUrl, PASSPORT_SECRET: SECRET, ISSUER_URL: balancer.url, WALLET_CACHE_SECONDS: '0', VERIFIER_URL: 'http://localhost:9' } });
    issuerDb = await openPostgres({ url: databaseUrl, schema: 'issuer', poolSize: 2 });
    const org = await call(balancer.url, 'POST', '/v1/organizations', { token: ADMIN, body: { id: 'two-instances', name: { en: 'Two instances' }, region: 'KZ-55' } });
    expect(org.status, org.text).toBe(201);
    apiKey = org.body.apiKey;
  });
  afterAll(async () => {
    await issuerDb?.close();
    await Promise.all([a?.stop(), b?.stop(), wallet?.stop()]);
    await balancer?.stop();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('answers with one registry identity from both instances', async () => {
    const [fromA, fromB] = await Promise.all([call(a.url, 'GET', '/.well-known/did.json'), call(b.url, 'GET', '/.well-known/did.json')]);
    expect(fromA.body).toEqual(fromB.body);
  });

  it('records each batch once when it is sent to both instances at once', async () => {
    const batches = Array.from({ length: BATCHES }, (_, n) =>
      Array.from({ length: ROWS }, (_, i) => ({ volunteer: { name: `Волонтёр ${n}-${i}` }, activity: activity({ hours: 1 + (i % 8) }), idempotencyKey: `batch-${n}-row-${i}` })),
    );
    const answers = await Promise.all(batches.flatMap((rows) => [a, b].map((to) => call(to.url, 'POST', '/v1/activities/batch', { token: apiKey, body: rows }))));
    for (const answer of answers) expect(answer.status, answer.text).toBe(200);
    for (let n = 0; n < BATCHES; n++) {
      const fromA: { id: string; offerUri: string }[] = answers[2 * n]!.body;
      const fromB: { id: string; offerUri: string }[] = answers[2 * n + 1]!.body;
      expect(fromA.map((r) => r.id)).toEqual(fromB.map((r) => r.id));
      recorded.push(...fromA);
    }
    expect(new Set(recorded.map((r) => r.id)).size).toBe(BATCHES * ROWS);
    expect(await count("SELECT COUNT(*) AS n FROM activities WHERE organization_id = 'two-instances'")).toBe(BATCHES * ROWS);
  });

  it('records one activity for one idempotency key raced over both instances', async () => {
    const body = { volunteer: { name: 'Ерлан' }, activity: activity({ hours: 2 }), idempotencyKey: 'raced-single' };
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => call((i % 2 ? b : a).url, 'POST', '/v1/activities', { token: apiKey, body })));
    expect(answers.map((r) => r.status).every((s) => s === 201 || s === 200)).toBe(true);
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM activities WHERE idempotency_key = 'raced-single'")).toBe(1);
  });

  it('issues claims made at once through the balancer, each with its own status index', async () => {
    const volunteers = await Promise.all(['aru', 'bolat', 'gaukhar'].map((login) => volunteer(login)));
    const offers = recorded.slice(0, CLAIMS);
    const answers = await Promise.all(offers.map((o, i) => call(wallet.url, 'POST', '/v1/credentials/claim', { token: volunteers[i % 3]!, body: { offerUri: o.offerUri } })));
    expect(answers.filter((r) => r.status !== 201).map((r) => r.text)).toEqual([]);
    const served = [a, b].map((s) => (balancer.served.get(s.url) ?? []).filter((r) => r === 'POST /oid4vci/credential').length);
    // The offer names both formats (VC-JWT and SD-JWT VC), and the wallet fetches each once.
    expect(served[0]! + served[1]!).toBe(CLAIMS * FORMATS);
    expect(Math.min(...served)).toBeGreaterThan(0);
    const indices = await issuerDb.all<{ slot: string }>("SELECT status_list || '#' || status_index AS slot FROM credentials WHERE organization_id = 'two-instances'");
    // Both formats of one activity are one credential: one row, one status index.
    expect(indices).toHaveLength(CLAIMS);
    expect(new Set(indices.map((r) => r.slot)).size).toBe(CLAIMS);
    for (const token of volunteers) expect((await call(wallet.url, 'GET', '/v1/credentials', { token })).body.credentials).toHaveLength(CLAIMS / 3);
  });

  it('issues one credential for one offer claimed by two holders on the two instances at once', async () => {
    for (const offer of recorded.slice(CLAIMS, CLAIMS + 4)) {
      const answers = await Promise.all([claimByHand(a, offer.offerUri, newHolder()), claimByHand(b, offer.offerUri, newHolder())]);
      const [won, lost] = answers.sort((x, y) => x.status - y.status);
      expect(won!.status, won!.text).toBe(200);
      // Refused at whichever step the winner's claim had already closed: the offer, the token or the credential.
      expect(lost!.status, lost!.text).toBeGreaterThanOrEqual(400);
      expect(lost!.status).toBeLessThan(500);
      expect(await count('SELECT COUNT(*) AS n FROM credentials WHERE activity_id = ?', [offer.id])).toBe(1);
    }
  });

  it('issues one credential for one VC API id sent to both instances at once; the other is a conflict', async () => {
    const did = (await call(balancer.url, 'GET', '/orgs/two-instances/did.json')).body.id;
    const credential = {
      '@context': ['https://www.w3.org/2018/credentials/v1', `${balancer.url}/contexts/volunteer/v1`],
      id: `urn:uuid:${crypto.randomUUID()}`,
      type: ['VerifiableCredential', 'VolunteerActivityCredential'],
      issuer: did,
      credentialSubject: { id: newHolder().did, name: 'Дана Әлиева', activity: activity() },
    };
    const answers = await Promise.all([a, b].map((to) => call(to.url, 'POST', '/credentials/issue', { token: apiKey, body: { credential } })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await count('SELECT COUNT(*) AS n FROM credentials WHERE id = ?', [credential.id])).toBe(1);
  });

  it('loses nothing: every recording and issuance is in the audit trail once, and both instances publish one status list', async () => {
    const activities = await count("SELECT COUNT(*) AS n FROM activities WHERE organization_id = 'two-instances'");
    const credentials = await count("SELECT COUNT(*) AS n FROM credentials WHERE organization_id = 'two-instances'");
    expect(activities).toBe(BATCHES * ROWS + 1);
    expect(credentials).toBe(CLAIMS + 4 + 1);
    expect(await count("SELECT COUNT(*) AS n FROM activities WHERE organization_id = 'two-instances' AND status = 'claimed'")).toBe(CLAIMS + 4);
    expect(await count("SELECT COUNT(DISTINCT subject) AS n FROM audit_log WHERE action = 'activity.recorded'")).toBe(activities);
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'activity.recorded'")).toBe(activities);
    // Each format signed is audited: the wallet's claims signed an SD-JWT VC beside each VC-JWT.
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'credential.issued'")).toBe(credentials + CLAIMS * (FORMATS - 1));
    expect(await count("SELECT used AS n FROM status_lists WHERE organization_id = 'two-instances' AND list_no = 1")).toBe(credentials);

    const [issued] = await issuerDb.all<{ id: string }>("SELECT id FROM credentials WHERE organization_id = 'two-instances' LIMIT 1");
    expect((await call(a.url, 'POST', `/v1/credentials/${issued!.id}/revoke`, { token: apiKey, body: { reason: 'seen by both' } })).status).toBe(200);
    const [listA, listB] = await Promise.all([call(a.url, 'GET', '/status/two-instances/1'), call(b.url, 'GET', '/status/two-instances/1')]);
    expect(listA.headers.get('etag')).toBe(listB.headers.get('etag'));
    expect(decodeJwtParts(listA.text).payload.vc).toEqual(decodeJwtParts(listB.text).payload.vc);
  });

  async function count(sql: string, params: string[] = []): Promise<number> {
    return (await issuerDb.get<{ n: number }>(sql, params))!.n;
  }

  async function volunteer(login: string): Promise<string> {
    const password = 'a long passphrase 1';
    const created = await call(wallet.url, 'POST', '/v1/accounts', { body: { login, password } });
    expect(created.status, created.text).toBe(201);
    const session = await call(wallet.url, 'POST', '/v1/sessions', { body: { login, password } });
    expect(session.status, session.text).toBe(200);
    return session.body.token;
  }

  /** The pre-authorized flow by hand, every step on the instance `to` (the proof names the public URL); the first refusal ends it. */
  async function claimByHand(to: StartedService, offerUri: string, holder: Holder): Promise<Answer> {
    const offer = await call(to.url, 'GET', new URL(offerUrlOf(offerUri)).pathname);
    if (offer.status !== 200) return offer;
    const form = new URLSearchParams({ grant_type: PRE_AUTH, 'pre-authorized_code': offer.body.grants[PRE_AUTH]['pre-authorized_code'] }).toString();
    const token = await call(to.url, 'POST', '/oid4vci/token', { raw: form, type: 'application/x-www-form-urlencoded' });
    if (token.status !== 200) return token;
    const nonce = (await call(to.url, 'POST', '/oid4vci/nonce')).body.c_nonce;
    const jwt = await proofJwt(holder, { aud: balancer.url, nonce });
    return call(to.url, 'POST', '/oid4vci/credential', { token: token.body.access_token, body: { credential_configuration_id: 'VolunteerActivityCredential', proofs: { jwt: [jwt] } } });
  }
});
