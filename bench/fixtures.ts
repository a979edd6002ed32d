import { signJwt } from '../shared/jwt/index.ts';
import { CredentialClaimer } from '../scripts/seed/claim.ts';
import { seededHolder } from '../scripts/seed/holder.ts';
import { startService, tempDataDir, type StartedService } from '../test/helpers/services.ts';

/**
 * What every figure verifies: credentials from a real issuer service (claimed over OpenID4VCI,
 * with a status list entry and the issuer on the registry's trust list), one on its own and five
 * in a presentation signed by their holder.
 */
export const ADMIN = 'bench-admin-token';
export const SERVICE_ENV = { PASSPORT_ADMIN_TOKEN: ADMIN, PASSPORT_SECRET: 'bench-secret-0123456789abcdef', LOG_LEVEL: 'warn', WRITE_RATE_LIMIT: '100000000' };

export interface Fixtures {
  issuer: StartedService;
  dataDir: string;
  apiKey: string;
  credentials: string[];
  presentation: string;
}

export async function startFixtures(): Promise<Fixtures> {
  const dataDir = tempDataDir('passport-bench-');
  const issuer = await startService('issuer', { dataDir, env: SERVICE_ENV });
  try {
    const org = await post(issuer, '/v1/organizations', ADMIN, { id: 'bench-org', name: { en: 'Bench' }, region: 'KZ-71' });
    const apiKey = String(org.apiKey);
    const holder = seededHolder('bench', 0);
    const claimer = new CredentialClaimer();
    const credentials: string[] = [];
    for (let i = 0; i < 5; i++) {
      const recorded = await post(issuer, '/v1/activities', apiKey, activity(i));
      credentials.push(await claimer.claim(String(recorded.offerUri), holder));
    }
    const vp = { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], holder: holder.did, verifiableCredential: credentials };
    const presentation = await signJwt({ iss: holder.did, nbf: Math.floor(Date.now() / 1000), vp }, { key: holder.key, kid: holder.kid, typ: 'JWT' });
    return { issuer, dataDir, apiKey, credentials, presentation };
  } catch (err) {
    await issuer.stop();
    throw err;
  }
}

export function activity(i: number, volunteer = 'Bench Volunteer'): Record<string, unknown> {
  return {
    volunteer: { name: volunteer },
    activity: { name: { en: `Bench ${i}` }, category: 'social', region: 'KZ-71', activityStartDate: '2026-03-01', activityEndDate: '2026-03-01', hours: 4 },
  };
}

export async function post(service: StartedService, path: string, token: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(service.url + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}
