import { join } from 'node:path';
import { REGIONS } from '../../shared/credential/index.ts';
import { seedNationalPicture } from '../seed/run.ts';
import { ApiClient, ApiError } from './http.ts';
import { DEMO_ACTIVITIES, DEMO_ORGANIZATIONS, DEMO_STAFF, DEMO_VOLUNTEER, frontOfficeName } from './demo-data.ts';
import { ensureDemoPerson, type DemoPerson } from './staff.ts';

export interface DemoSecrets {
  volunteer: { login: string; password: string };
  organizations: { id: string; apiKey: string }[];
  /** One per region, for the regional view of the dashboard. */
  frontOffices: { id: string; region: string; apiKey: string }[];
  /** The console's people: an admin of the registry, of a front office and of an organization. */
  staff?: DemoPerson[];
  /** False while the first start is still seeding; a start that finds it so seeds the rest. */
  complete: boolean;
}

/**
 * Seeds the demo through the services' own HTTP APIs: the 20 regional front offices, a handful of
 * accredited organizations, an admin each for the console of the registry, a front office and an
 * organization, a volunteer who has claimed one credential from each of four of
 * them, and a small national picture of other volunteers (`npm run seed`'s code path). Each API key is handed to `save` as soon as it is made, and `kept` holds those of an
 * interrupted earlier start, so a start that was stopped half-way is finished by the next one;
 * idempotency keys make the re-run record nothing twice.
 */
export async function seedDemo(
  urls: { issuer: string; wallet: string },
  adminToken: string,
  dataDir: string,
  kept: DemoSecrets | undefined,
  save: (secrets: DemoSecrets) => void,
): Promise<DemoSecrets> {
  const registry = new ApiClient(urls.issuer, adminToken);
  const secrets: DemoSecrets = {
    volunteer: { login: DEMO_VOLUNTEER.login, password: DEMO_VOLUNTEER.password },
    organizations: [...(kept?.organizations ?? [])],
    frontOffices: [...(kept?.frontOffices ?? [])],
    staff: [...(kept?.staff ?? [])],
    complete: false,
  };
  for (const region of REGIONS) {
    const id = `fo-${region.code.toLowerCase()}`;
    if (secrets.frontOffices.some((f) => f.id === id)) continue;
    const created = await createdOnce(() => registry.json<{ apiKey: string }>('POST', '/v1/front-offices', { id, name: frontOfficeName(region), region: region.code }));
    if (created) {
      secrets.frontOffices.push({ id, region: region.code, apiKey: created.apiKey });
      save(secrets);
    }
  }
  for (const org of DEMO_ORGANIZATIONS) {
    if (secrets.organizations.some((o) => o.id === org.id)) continue;
    const created = await createdOnce(() => registry.json<{ apiKey: string }>('POST', '/v1/organizations', org));
    if (!created) throw new Error(`The demo organization ${org.id} exists but its API key was not kept; remove DATA_DIR to seed the demo afresh`);
    secrets.organizations.push({ id: org.id, apiKey: created.apiKey });
    save(secrets);
  }

  for (const person of DEMO_STAFF) {
    if (secrets.staff!.some((p) => p.login === person.login)) continue;
    secrets.staff!.push(await ensureDemoPerson(registry, person));
    save(secrets);
  }

  const wallet = new ApiClient(urls.wallet);
  await createdOnce(() => wallet.json('POST', '/v1/accounts', { login: DEMO_VOLUNTEER.login, password: DEMO_VOLUNTEER.password }));
  const session = await wallet.json<{ token: string }>('POST', '/v1/sessions', { login: DEMO_VOLUNTEER.login, password: DEMO_VOLUNTEER.password });
  const volunteer = wallet.withToken(session.token);

  for (const [i, item] of DEMO_ACTIVITIES.entries()) {
    const key = secrets.organizations.find((o) => o.id === item.organization)!.apiKey;
    const recorded = await new ApiClient(urls.issuer, key).json<{ offerUri?: string }>('POST', '/v1/activities', {
      volunteer: { name: DEMO_VOLUNTEER.name },
      activity: item.activity,
      idempotencyKey: `demo-${i}`,
    });
    // A replayed activity that was claimed before has no offer left to claim.
    if (recorded.offerUri) await createdOnce(() => volunteer.json('POST', '/v1/credentials/claim', { offerUri: recorded.offerUri }));
  }
  // A small national picture, so the front offices' dashboard shows real figures from the first
  // minute (cells under five volunteers are hidden, which one demo volunteer alone would be).
  await seedNationalPicture({
    issuerUrl: urls.issuer,
    adminToken,
    volunteers: 60,
    organizations: 10,
    seed: 'demo',
    until: new Date().toISOString().slice(0, 10),
    batchSize: 500,
    concurrency: 4,
    keysFile: join(dataDir, 'seed-demo-keys.json'),
    progressSeconds: 5,
    log: (line) => console.log(line),
  });
  secrets.complete = true;
  save(secrets);
  return secrets;
}

/** The answer of a creating request, or undefined when the thing already existed (409). */
async function createdOnce<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) return undefined;
    throw err;
  }
}
