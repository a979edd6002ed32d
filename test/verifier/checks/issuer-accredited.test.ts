import { describe, expect, it } from 'vitest';
import { PassportError } from '../../../shared/errors.ts';
import { parseTrustList } from '../../../shared/trust/index.ts';
import { checkIssuerAccredited, type CheckContext } from '../../../verifier/checks/index.ts';

const ORG = 'did:web:issuer.example:orgs:eco-qyran';

function context(trustList: () => ReturnType<typeof parseTrustList>): CheckContext {
  return {
    dids: undefined as never,
    statusList: () => Promise.reject(new Error('not used')),
    tokenStatusList: () => Promise.reject(new Error('not used')),
    trustList: async () => trustList(),
    now: new Date('2026-06-01T00:00:00Z'),
    clockSkewSeconds: 60,
  };
}

const list = (status: 'accredited' | 'suspended', accreditations: { from: string; until: string | null }[]) =>
  parseTrustList({
    iss: 'did:web:issuer.example',
    iat: 0,
    exp: 0,
    version: 1,
    organizations: [{ id: 'eco-qyran', did: ORG, name: { kk: 'Эко Қыран', ru: 'Эко Кыран', en: 'Eco Qyran' }, region: 'KZ-55', status, accreditations }],
    frontOffices: [],
  });

describe('checkIssuerAccredited', () => {
  const suspended = list('suspended', [{ from: '2026-01-01T10:00:00.400Z', until: '2026-03-01T12:00:00.300Z' }]);

  it('holds inside an accreditation interval and warns when the organization is suspended now', async () => {
    const found = await checkIssuerAccredited(ORG, new Date('2026-02-01T00:00:00Z'), context(() => suspended));
    expect(found.check.outcome).toBe('passed');
    expect(found.organization?.name.en).toBe('Eco Qyran');
    expect(found.warning?.code).toBe('organization_suspended');
  });

  it('gives a credential the benefit of its nbf second at both ends of the interval', async () => {
    const ctx = context(() => suspended);
    expect((await checkIssuerAccredited(ORG, new Date('2026-01-01T10:00:00Z'), ctx)).check.valid).toBe(true);
    expect((await checkIssuerAccredited(ORG, new Date('2026-03-01T12:00:00Z'), ctx)).check.valid).toBe(true);
    expect((await checkIssuerAccredited(ORG, new Date('2026-03-01T12:00:01Z'), ctx)).check.error?.code).toBe('not_accredited_at_issuance');
    expect((await checkIssuerAccredited(ORG, new Date('2026-01-01T09:59:59Z'), ctx)).check.error?.code).toBe('not_accredited_at_issuance');
  });

  it('fails for an issuer not in the list, and could not check when the list is unavailable', async () => {
    expect((await checkIssuerAccredited('did:key:z6Mkstranger', new Date(), context(() => suspended))).check.error?.code).toBe('not_in_trust_list');
    const down = await checkIssuerAccredited(ORG, new Date(), context(() => { throw new PassportError('fetch_failed', 'down'); }));
    expect(down.check).toMatchObject({ valid: false, outcome: 'unavailable', error: { code: 'trust_list_unavailable' } });
    const forged = await checkIssuerAccredited(ORG, new Date(), context(() => { throw new PassportError('unprocessable', 'bad signature'); }));
    expect(forged.check).toMatchObject({ valid: false, outcome: 'unavailable', error: { code: 'trust_list_invalid' } });
  });
});
