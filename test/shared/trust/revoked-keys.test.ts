import { describe, expect, it } from 'vitest';
import { claimedSigningTime, parseTrustList, revokedKeyFor, type TrustedOrganization } from '../../../shared/trust/index.ts';

const DID = 'did:web:issuer.example:orgs:eco-qyran';
const org: TrustedOrganization = {
  id: 'eco-qyran',
  did: DID,
  name: { en: 'Eco Qyran' },
  region: 'KZ-55',
  status: 'accredited',
  accreditations: [{ from: '2026-01-01T00:00:00Z', until: null }],
  revokedKeys: [{ kid: `${DID}#key-1`, from: '2026-05-01T10:00:00.600Z' }],
};

describe('revokedKeyFor', () => {
  it('disowns what the key signed from the second of `from` on, and nothing before', () => {
    expect(revokedKeyFor(org, `${DID}#key-1`, new Date('2026-05-01T10:00:00Z'))).toEqual(org.revokedKeys![0]);
    expect(revokedKeyFor(org, `${DID}#key-1`, new Date('2026-06-01T00:00:00Z'))).toBeDefined();
    expect(revokedKeyFor(org, `${DID}#key-1`, new Date('2026-05-01T09:59:59Z'))).toBeUndefined();
  });

  it('reads a relative kid, ignores other keys, and disowns a signature of unknown time', () => {
    expect(revokedKeyFor(org, '#key-1', new Date('2026-06-01T00:00:00Z'))).toBeDefined();
    expect(revokedKeyFor(org, `${DID}#key-2`, new Date('2026-06-01T00:00:00Z'))).toBeUndefined();
    expect(revokedKeyFor(org, `${DID}#key-1`, undefined)).toBeDefined();
    expect(revokedKeyFor({ ...org, revokedKeys: undefined }, `${DID}#key-1`, undefined)).toBeUndefined();
  });
});

describe('claimedSigningTime', () => {
  it('takes the latest time a credential claims, so no claim puts it before a revocation', () => {
    const iat = Date.parse('2026-05-02T00:00:00Z') / 1000;
    expect(claimedSigningTime({ iat, nbf: iat - 86_400, vc: { issuanceDate: '2026-04-01T00:00:00Z' } })).toEqual(new Date(iat * 1000));
    expect(claimedSigningTime({ nbf: iat, validFrom: '2026-07-01T00:00:00Z' })).toEqual(new Date('2026-07-01T00:00:00Z'));
    expect(claimedSigningTime({ vc: {} })).toBeUndefined();
  });
});

describe('parseTrustList', () => {
  it('refuses revokedKeys it cannot read rather than taking them as none', () => {
    const payload = (revokedKeys: unknown) => ({ iss: 'did:web:issuer.example', iat: 0, exp: 1, version: 1, organizations: [{ ...org, revokedKeys }], frontOffices: [] });
    expect(parseTrustList(payload([{ kid: `${DID}#key-1`, from: '2026-05-01T00:00:00Z' }])).byDid.get(DID)?.revokedKeys).toHaveLength(1);
    expect(() => parseTrustList(payload('key-1'))).toThrow(/malformed revokedKeys/);
    expect(() => parseTrustList(payload([{ kid: `${DID}#key-1`, from: 'soon' }]))).toThrow(/malformed revokedKeys/);
  });
});
