import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../../../shared/did/index.ts';
import { createGuardedFetch, type GuardedFetch } from '../../../shared/net/index.ts';
import { fetchStatusList } from '../../../shared/status-list/index.ts';
import { codeOf } from '../../helpers/errors.ts';
import { IssuerFixture } from '../../helpers/issuer-fixture.ts';

const HOSTS = ['localhost', '127.0.0.1'];


function serving(body: string): GuardedFetch {
  return async () => ({ status: 200, url: '', headers: {}, body: Buffer.from(body), text: () => body, json: <T>() => JSON.parse(body) as T });
}

describe('fetchStatusList', () => {
  let fixture: IssuerFixture;
  const fetch = createGuardedFetch({ httpHosts: HOSTS });
  const dids = createDidResolver({ fetch, httpHosts: HOSTS });

  beforeAll(async () => {
    fixture = await IssuerFixture.start();
    fixture.addOrganization('eco-qyran').statusList.set(94567, true);
    fixture.addOrganization('bilim');
  });
  afterAll(() => fixture.stop());

  it('decodes a list signed by the expected issuer', async () => {
    const org = fixture.organizations.get('eco-qyran')!;
    const list = await fetchStatusList(org.statusListUrl, { fetch, dids, expectedIssuer: org.did });
    expect(list.issuer).toBe(org.did);
    expect(list.purpose).toBe('revocation');
    expect(list.bits.get(94567)).toBe(true);
    expect(list.bits.get(94566)).toBe(false);
    expect(list.fetchedAt).toBeInstanceOf(Date);
  });

  it("refuses a list signed by another organization, even with a valid signature", async () => {
    const eco = fixture.organizations.get('eco-qyran')!;
    const bilim = fixture.organizations.get('bilim')!;
    const forged = await fixture.statusListJwt(eco, bilim);
    expect(await codeOf(fetchStatusList(eco.statusListUrl, { fetch: serving(forged), dids, expectedIssuer: eco.did }))).toBe('unprocessable');
  });

  it('refuses a list whose signature does not verify', async () => {
    const eco = fixture.organizations.get('eco-qyran')!;
    const jwt = await fixture.statusListJwt(eco);
    const [h, p, s] = jwt.split('.');
    const tampered = `${h}.${p}.${s!.slice(0, -4)}AAAA`;
    expect(await codeOf(fetchStatusList(eco.statusListUrl, { fetch: serving(tampered), dids, expectedIssuer: eco.did }))).toBe('unprocessable');
  });

  it('says it could not fetch when the list is down', async () => {
    const eco = fixture.organizations.get('eco-qyran')!;
    fixture.down.add('/status/eco-qyran/1');
    try {
      expect(await codeOf(fetchStatusList(eco.statusListUrl, { fetch, dids, expectedIssuer: eco.did }))).toBe('fetch_failed');
    } finally {
      fixture.down.delete('/status/eco-qyran/1');
    }
  });

  it('refuses a list on a loopback host that is not allowed, fetching nothing', async () => {
    const eco = fixture.organizations.get('eco-qyran')!;
    const strict = createGuardedFetch({ httpHosts: [] });
    const before = fixture.requests.length;
    expect(await codeOf(fetchStatusList(eco.statusListUrl, { fetch: strict, dids, expectedIssuer: eco.did }))).toBe('fetch_refused');
    expect(fixture.requests.length).toBe(before);
  });

  it('refuses a credential that is not a BitstringStatusList', async () => {
    const eco = fixture.organizations.get('eco-qyran')!;
    const { signJwt } = await import('../../../shared/jwt/index.ts');
    const jwt = await signJwt({ iss: eco.did, vc: { credentialSubject: { type: 'Something' } } }, { key: eco.key, kid: eco.kid });
    expect(await codeOf(fetchStatusList(eco.statusListUrl, { fetch: serving(jwt), dids, expectedIssuer: eco.did }))).toBe('unprocessable');
  });
});
