import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../../../shared/did/index.ts';
import { createGuardedFetch } from '../../../shared/net/index.ts';
import { fetchTrustList } from '../../../shared/trust/index.ts';
import { codeOf } from '../../helpers/errors.ts';
import { IssuerFixture, signer } from '../../helpers/issuer-fixture.ts';

const HOSTS = ['localhost', '127.0.0.1'];


describe('fetchTrustList', () => {
  let fixture: IssuerFixture;
  const fetch = createGuardedFetch({ httpHosts: HOSTS });
  const fresh = () => createDidResolver({ fetch, httpHosts: HOSTS });

  beforeAll(async () => {
    fixture = await IssuerFixture.start();
    fixture.addOrganization('eco-qyran');
  });
  afterAll(() => fixture.stop());

  it('accepts the list signed by the registry DID and indexes it by DID', async () => {
    const list = await fetchTrustList({ url: fixture.trustListUrl, registryDid: fixture.registry.did, fetch, dids: fresh() });
    const org = fixture.organizations.get('eco-qyran')!;
    expect(list.byDid.get(org.did)?.name.en).toBe('Organization eco-qyran');
    expect(list.iss).toBe(fixture.registry.did);
  });

  it('refuses a list when another DID is named as the registry', async () => {
    const other = signer('did:web:example.invalid', 'key-1');
    expect(await codeOf(fetchTrustList({ url: fixture.trustListUrl, registryDid: other.did, fetch, dids: fresh() }))).toBe('unprocessable');
  });

  it('refuses an expired list', async () => {
    const later = () => new Date(Date.now() + 2 * 3600_000);
    expect(await codeOf(fetchTrustList({ url: fixture.trustListUrl, registryDid: fixture.registry.did, fetch, dids: fresh(), now: later }))).toBe('unprocessable');
  });

  it('says it could not fetch when the list is down', async () => {
    fixture.down.add('/v1/trust-list');
    try {
      expect(await codeOf(fetchTrustList({ url: fixture.trustListUrl, registryDid: fixture.registry.did, fetch, dids: fresh() }))).toBe('fetch_failed');
    } finally {
      fixture.down.delete('/v1/trust-list');
    }
  });

  it('refuses, without fetching, a list on a loopback host that is not allowed', async () => {
    const strict = createGuardedFetch({ httpHosts: [] });
    const before = fixture.requests.length;
    const code = await codeOf(
      fetchTrustList({ url: fixture.trustListUrl, registryDid: fixture.registry.did, fetch: strict, dids: createDidResolver({ fetch: strict, httpHosts: [] }) }),
    );
    expect(code).toBe('fetch_refused');
    expect(fixture.requests.length).toBe(before);
  });

  it('refuses a list whose typ is not trust-list+jwt', async () => {
    const { signJwt } = await import('../../../shared/jwt/index.ts');
    const iat = Math.floor(Date.now() / 1000);
    const jwt = await signJwt({ iss: fixture.registry.did, iat, exp: iat + 60, organizations: [] }, { key: fixture.registry.key, kid: fixture.registry.kid, typ: 'JWT' });
    const served = async () => ({ status: 200, url: '', headers: {}, body: Buffer.from(jwt), text: () => jwt, json: <T>() => JSON.parse(jwt) as T });
    expect(await codeOf(fetchTrustList({ url: fixture.trustListUrl, registryDid: fixture.registry.did, fetch: served, dids: fresh() }))).toBe('unprocessable');
  });
});
