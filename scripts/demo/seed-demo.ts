import { REGIONS } from '../../shared/credential/index.ts';
import { ApiClient, ApiError } from './http.ts';
import { DEMO_ACTIVITIES, DEMO_ORGANIZATIONS, DEMO_VOLUNTEER, frontOfficeName } from './demo-data.ts';

export interface DemoSecrets {
  volunteer: { login: string; password: string };
  organizations: { id: string; apiKey: string }[];
}

/**
 * Seeds the demo through the services' own HTTP APIs: the 20 regional front offices, a handful of
 * accredited organizations, and a volunteer who has claimed one credential from each of four of
 * them. Idempotency keys make a re-run after an interrupted first start record nothing twice.
 */
export async function seedDemo(urls: { issuer: string; wallet: string }, adminToken: string): Promise<DemoSecrets> {
  const registry = new ApiClient(urls.issuer, adminToken);
  for (const region of REGIONS) {
    await ignoreConflict(() =>
      registry.json('POST', '/v1/front-offices', { id: `fo-${region.code.toLowerCase()}`, name: frontOfficeName(region), region: region.code }),
    );
  }
  const organizations: DemoSecrets['organizations'] = [];
  for (const org of DEMO_ORGANIZATIONS) {
    const created = await registry.json<{ apiKey: string }>('POST', '/v1/organizations', org);
    organizations.push({ id: org.id, apiKey: created.apiKey });
  }

  const wallet = new ApiClient(urls.wallet);
  await ignoreConflict(() => wallet.json('POST', '/v1/accounts', { login: DEMO_VOLUNTEER.login, password: DEMO_VOLUNTEER.password }));
  const session = await wallet.json<{ token: string }>('POST', '/v1/sessions', { login: DEMO_VOLUNTEER.login, password: DEMO_VOLUNTEER.password });
  const volunteer = wallet.withToken(session.token);

  for (const [i, item] of DEMO_ACTIVITIES.entries()) {
    const key = organizations.find((o) => o.id === item.organization)!.apiKey;
    const recorded = await new ApiClient(urls.issuer, key).json<{ offerUri: string }>('POST', '/v1/activities', {
      volunteer: { name: DEMO_VOLUNTEER.name },
      activity: item.activity,
      idempotencyKey: `demo-${i}`,
    });
    await ignoreConflict(() => volunteer.json('POST', '/v1/credentials/claim', { offerUri: recorded.offerUri }));
  }
  return { volunteer: { login: DEMO_VOLUNTEER.login, password: DEMO_VOLUNTEER.password }, organizations };
}

async function ignoreConflict(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 409)) throw err;
  }
}
