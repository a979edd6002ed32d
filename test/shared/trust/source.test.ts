import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../../../shared/did/index.ts';
import { createGuardedFetch } from '../../../shared/net/index.ts';
import { createTrustListSource } from '../../../shared/trust/index.ts';
import { IssuerFixture } from '../../helpers/issuer-fixture.ts';

const HOSTS = ['localhost', '127.0.0.1'];

describe('createTrustListSource', () => {
  let fixture: IssuerFixture;
  let clock = Date.parse('2026-06-01T10:00:00Z');
  const fetch = createGuardedFetch({ httpHosts: HOSTS });
  const trustListFetches = () => fixture.requests.filter((p) => p === '/v1/trust-list').length;
  const source = () =>
    createTrustListSource({
      url: fixture.trustListUrl,
      registryDid: fixture.registry.did,
      fetch,
      dids: createDidResolver({ fetch, httpHosts: HOSTS }),
      ttlMs: 300_000,
      now: () => new Date(clock),
    });

  beforeAll(async () => {
    fixture = await IssuerFixture.start();
    fixture.addOrganization('eco-qyran');
  });
  afterAll(() => fixture.stop());

  it('uses its copy while it is fresh and knows the issuer', async () => {
    const trust = source();
    const before = trustListFetches();
    const eco = fixture.organizations.get('eco-qyran')!;
    await trust.current();
    const list = await trust.forCredential(eco.did, new Date(clock - 60_000));
    expect(list.byDid.has(eco.did)).toBe(true);
    expect(trustListFetches() - before).toBe(1);
  });

  it('fetches again when an issuer accredited since is not on its copy, at most once a second', async () => {
    const trust = source();
    await trust.current();
    const before = trustListFetches();
    const fresh = fixture.addOrganization('new-org');
    clock += 2_000;
    expect((await trust.forCredential(fresh.did, new Date(clock - 1_000))).byDid.has(fresh.did)).toBe(true);
    expect(trustListFetches() - before).toBe(1);
    // An issuer that is on no list at all does not make every look a fetch.
    await trust.forCredential('did:web:unknown.example', undefined);
    await trust.forCredential('did:web:unknown.example', undefined);
    expect(trustListFetches() - before).toBe(1);
  });

  it('fetches again for a credential issued after its copy was fetched', async () => {
    const trust = source();
    const eco = fixture.organizations.get('eco-qyran')!;
    await trust.current();
    const before = trustListFetches();
    clock += 5_000;
    await trust.forCredential(eco.did, new Date(clock - 1_000));
    expect(trustListFetches() - before).toBe(1);
  });

  it('answers every look of a burst at a newly accredited issuer from the list that has it', async () => {
    const trust = source();
    await trust.current();
    const before = trustListFetches();
    const fresh = fixture.addOrganization('burst-org');
    clock += 2_000;
    // 16 verifications at once, as under load: the first finds the copy behind and fetches; the
    // others must not be answered from the old copy (that read as not_in_trust_list).
    const lists = await Promise.all(Array.from({ length: 16 }, () => trust.forCredential(fresh.did, new Date(clock - 1_000))));
    expect(lists.map((l) => l.byDid.has(fresh.did))).toEqual(lists.map(() => true));
    expect(trustListFetches() - before).toBe(1);
  });
});
