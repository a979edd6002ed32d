import { performance } from 'node:perf_hooks';
import { signJwt } from '../shared/jwt/index.ts';
import { CredentialClaimer } from '../scripts/seed/claim.ts';
import { seededHolder } from '../scripts/seed/holder.ts';
import { startService, tempDataDir, type StartedService } from '../test/helpers/services.ts';

/**
 * Verification throughput of the verifier service over HTTP with one worker and with two
 * (`WORKERS=2`), for a presentation of five credentials from a real issuer (six signatures, five
 * schema checks per request, so the server's work outweighs the load generator's on the same
 * machine), with the trust list and status list warm in the caches: what a second core buys.
 */
export interface CoresFigure {
  oneWorker: number;
  twoWorkers: number;
}

const ADMIN = 'bench-admin-token';
const REQUESTS = 600;
const CONCURRENCY = 16;

export async function verifierThroughputByWorkers(): Promise<CoresFigure> {
  const dataDir = tempDataDir('passport-bench-');
  const env = { PASSPORT_ADMIN_TOKEN: ADMIN, PASSPORT_SECRET: 'bench-secret-0123456789abcdef', LOG_LEVEL: 'warn', WRITE_RATE_LIMIT: '1000000' };
  const issuer = await startService('issuer', { dataDir, env });
  try {
    const jwt = await presentationOfFive(issuer);
    const oneWorker = await throughput(jwt, issuer, '1', dataDir, env);
    const twoWorkers = await throughput(jwt, issuer, '2', dataDir, env);
    return { oneWorker, twoWorkers };
  } finally {
    await issuer.stop();
  }
}

async function presentationOfFive(issuer: StartedService): Promise<string> {
  const post = async (path: string, token: string, body: unknown) => {
    const res = await fetch(issuer.url + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return res.json() as Promise<Record<string, string>>;
  };
  const org = await post('/v1/organizations', ADMIN, { id: 'bench-org', name: { en: 'Bench' }, region: 'KZ-71' });
  const holder = seededHolder('bench', 0);
  const claimer = new CredentialClaimer();
  const credentials: string[] = [];
  for (let i = 0; i < 5; i++) {
    const recorded = await post('/v1/activities', org.apiKey!, {
      volunteer: { name: 'Bench Volunteer' },
      activity: { name: { en: `Bench ${i}` }, category: 'social', region: 'KZ-71', activityStartDate: '2026-03-01', activityEndDate: '2026-03-01', hours: 4 },
    });
    credentials.push(await claimer.claim(recorded.offerUri!, holder));
  }
  const vp = { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], holder: holder.did, verifiableCredential: credentials };
  return signJwt({ iss: holder.did, nbf: Math.floor(Date.now() / 1000), vp }, { key: holder.key, kid: holder.kid, typ: 'JWT' });
}

async function throughput(jwt: string, issuer: StartedService, workers: string, dataDir: string, env: Record<string, string>): Promise<number> {
  const verifier = await startService('verifier', {
    dataDir,
    env: { ...env, WORKERS: workers, ISSUER_URL: issuer.url, VERIFIER_CACHE_SECONDS: '3600', WRITE_RATE_LIMIT: '1000000' },
  });
  try {
    const verify = async () => {
      const res = await fetch(`${verifier.url}/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jwt }) });
      const result = (await res.json()) as { verified: boolean };
      if (!result.verified) throw new Error('the benchmark credential did not verify');
    };
    for (let i = 0; i < 100; i++) await verify();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < REQUESTS) await verify();
      }),
    );
    return REQUESTS / ((performance.now() - started) / 1000);
  } finally {
    await verifier.stop();
  }
}
