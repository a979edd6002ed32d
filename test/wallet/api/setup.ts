import { startService, type StartedService } from '../../helpers/services.ts';

import { call, type Answer, type CallOptions } from '../../helpers/http.ts';

export { call, type Answer, type CallOptions };

export const ADMIN = 'wallet-test-admin-token';
const SECRET = 'wallet-test-passport-secret-0123456789';

export interface Organization {
  id: string;
  did: string;
  apiKey: string;
}

export interface Volunteer {
  login: string;
  password: string;
  id: string;
  did: string;
  token: string;
}

/** A realistic completed activity; `overrides` replace its fields. */
export function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: { kk: 'Ағаш отырғызу', ru: 'Посадка деревьев', en: 'Tree planting' },
    project: 'Жас ағаш',
    category: 'ecology',
    region: 'KZ-55',
    activityStartDate: '2025-04-20',
    activityEndDate: '2025-04-27',
    hours: 18.5,
    role: 'team lead',
    confirmedBy: 'Coordinator, Pavlodar front office',
    ...overrides,
  };
}

/**
 * A real issuer and a real wallet as separate processes that know each other only by URL, with
 * the registry token set through the environment, as in a deployment.
 */
export class Passport {
  private constructor(
    readonly issuer: StartedService,
    readonly wallet: StartedService,
  ) {}

  static async start(walletEnv: Record<string, string> = {}, issuerEnv: Record<string, string> = {}): Promise<Passport> {
    const issuer = await startService('issuer', { env: { PASSPORT_ADMIN_TOKEN: ADMIN, PASSPORT_SECRET: SECRET, ...issuerEnv } });
    const wallet = await startService('wallet', {
      env: {
        PASSPORT_SECRET: SECRET,
        ISSUER_URL: issuer.url,
        WALLET_CACHE_SECONDS: '0',
        VERIFIER_URL: 'http://localhost:9',
        ...walletEnv,
      },
    });
    return new Passport(issuer, wallet);
  }

  async stop(): Promise<void> {
    await Promise.all([this.wallet.stop(), this.issuer.stop()]);
  }

  issuerApi<T = any>(method: string, path: string, options?: CallOptions): Promise<Answer<T>> {
    return call<T>(this.issuer.url, method, path, options);
  }

  walletApi<T = any>(method: string, path: string, options?: CallOptions): Promise<Answer<T>> {
    return call<T>(this.wallet.url, method, path, options);
  }

  async accredit(id: string, region = 'KZ-55'): Promise<Organization> {
    const res = await this.issuerApi('POST', '/v1/organizations', {
      token: ADMIN,
      body: { id, name: { kk: `${id} ұйымы`, ru: `Организация ${id}`, en: `Organization ${id}` }, region },
    });
    if (res.status !== 201) throw new Error(`accrediting ${id} answered ${res.status}: ${res.text}`);
    return { id, did: res.body.did, apiKey: res.body.apiKey };
  }

  /** Records an activity at the issuer; answers its id and offer link. */
  async record(org: Organization, overrides: Record<string, unknown> = {}, volunteerName = 'Дана Серікқызы'): Promise<{ id: string; offerUri: string }> {
    const res = await this.issuerApi('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: volunteerName }, activity: activity(overrides) } });
    if (res.status !== 201) throw new Error(`recording an activity answered ${res.status}: ${res.text}`);
    return { id: res.body.id, offerUri: res.body.offerUri };
  }

  async volunteer(login: string, password = 'a long passphrase 1'): Promise<Volunteer> {
    const created = await this.walletApi('POST', '/v1/accounts', { body: { login, password } });
    if (created.status !== 201) throw new Error(`creating ${login} answered ${created.status}: ${created.text}`);
    const session = await this.walletApi('POST', '/v1/sessions', { body: { login, password } });
    if (session.status !== 200) throw new Error(`signing ${login} in answered ${session.status}: ${session.text}`);
    return { login, password, id: created.body.id, did: created.body.did, token: session.body.token };
  }

  async claim(volunteer: Volunteer, offerUri: string): Promise<Answer> {
    return this.walletApi('POST', '/v1/credentials/claim', { token: volunteer.token, body: { offerUri } });
  }
}
