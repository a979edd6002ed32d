import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../shared/auth/index.ts';
import { parseOfferLink } from '../../../wallet/claim/offer.ts';
import { wellKnownUrl } from '../../../wallet/claim/metadata.ts';
import { accreditedAtIssuance } from '../../../shared/trust/index.ts';
import { checkRequestObject } from '../../../wallet/presentations/request.ts';
import type { TrustedOrganization } from '../../../shared/trust/index.ts';

/** The wallet's small rules, each on its own, with the clock and inputs in the test's hands. */
describe('offer links', () => {
  const offer = { credential_issuer: 'https://issuer.kz', credential_configuration_ids: ['x'], grants: {} };
  it.each([
    `openid-credential-offer://?credential_offer_uri=${encodeURIComponent('https://issuer.kz/o/1')}`,
    `https://wallet.example/claim?credential_offer_uri=${encodeURIComponent('https://issuer.kz/o/1')}`,
  ])('reads an offer by reference from %s', (link) => {
    expect(parseOfferLink(link)).toEqual({ offerUri: 'https://issuer.kz/o/1' });
  });

  it('reads an offer by value', () => {
    expect(parseOfferLink(`openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`)).toEqual({ offer });
  });

  it.each(['', 'hello', 'ftp://x/?credential_offer_uri=a', 'openid-credential-offer://?nothing=1', 'openid-credential-offer://?credential_offer=%7Bbroken'])(
    'refuses %j naming offerUri',
    (link) => {
      expect(() => parseOfferLink(link)).toThrow(expect.objectContaining({ code: 'invalid_request', field: 'offerUri' }));
    },
  );
});

describe('well-known URLs', () => {
  it('puts the well-known segment between host and path', () => {
    expect(wellKnownUrl('https://issuer.kz', 'openid-credential-issuer')).toBe('https://issuer.kz/.well-known/openid-credential-issuer');
    expect(wellKnownUrl('https://issuer.kz/tenant/', 'oauth-authorization-server')).toBe('https://issuer.kz/.well-known/oauth-authorization-server/tenant');
  });
});

describe('accreditation at issuance, with the benefit of the nbf second', () => {
  const org = (from: string, until: string | null): TrustedOrganization => ({ id: 'o', did: 'did:web:x', name: {}, region: 'KZ-55', status: 'accredited', accreditations: [{ from, until }] });
  it('covers a credential whose nbf is the second the accreditation began in', () => {
    expect(accreditedAtIssuance(org('2025-01-01T00:00:00.408Z', null), new Date('2025-01-01T00:00:00Z'))).toBe(true);
    expect(accreditedAtIssuance(org('2025-01-01T00:00:01.000Z', null), new Date('2025-01-01T00:00:00Z'))).toBe(false);
  });
  it('covers the second a suspension began in, not the one after', () => {
    expect(accreditedAtIssuance(org('2024-01-01T00:00:00Z', '2025-01-01T00:00:00.500Z'), new Date('2025-01-01T00:00:00Z'))).toBe(true);
    expect(accreditedAtIssuance(org('2024-01-01T00:00:00Z', '2025-01-01T00:00:00.500Z'), new Date('2025-01-01T00:00:01Z'))).toBe(false);
    expect(accreditedAtIssuance(org('2024-01-01T00:00:00Z', '2025-01-01T00:00:00.000Z'), new Date('2025-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('passwords', () => {
  it('hashes with a fresh salt and checks in constant time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'plain')).toBe(false);
  });
});

describe('presentation requests', () => {
  const now = new Date('2026-05-01T10:00:00Z');
  const responseUri = 'https://verifier.kz/oid4vp/responses/r1';
  const claims = {
    client_id: `redirect_uri:${responseUri}`,
    response_type: 'vp_token',
    response_mode: 'direct_post',
    response_uri: responseUri,
    nonce: 'n1',
    state: 'r1',
    exp: now.getTime() / 1000 + 60,
    dcql_query: { credentials: [{ id: 'volunteer_activity', format: 'jwt_vc_json', meta: { type_values: [['VerifiableCredential', 'VolunteerActivityCredential']] } }] },
    client_metadata: { client_name: 'Employer' },
    purpose: { en: 'Hiring' },
    policy: { minHours: 5 },
  };
  const unsigned = (c: object, alg = 'none') => `${Buffer.from(JSON.stringify({ alg, typ: 'oauth-authz-req+jwt' })).toString('base64url')}.${Buffer.from(JSON.stringify(c)).toString('base64url')}.`;

  it('takes a well-formed unsigned request', () => {
    expect(checkRequestObject(unsigned(claims), claims.client_id, now)).toMatchObject({
      clientId: claims.client_id,
      clientName: 'Employer',
      nonce: 'n1',
      state: 'r1',
      credentialQueryId: 'volunteer_activity',
      policy: { minHours: 5 },
    });
  });

  it.each([
    ['a signed request', unsigned(claims, 'EdDSA'), 'unprocessable'],
    ['a response_uri elsewhere', unsigned({ ...claims, response_uri: 'https://else.kz/r' }), 'unprocessable'],
    ['another response mode', unsigned({ ...claims, response_mode: 'direct_post.jwt' }), 'unprocessable'],
    ['another client id prefix', unsigned({ ...claims, client_id: 'x509_san_dns:verifier.kz' }), 'unprocessable'],
    ['no nonce', unsigned({ ...claims, nonce: undefined }), 'unprocessable'],
    ['no jwt_vc_json query', unsigned({ ...claims, dcql_query: { credentials: [{ id: 'm', format: 'mso_mdoc' }] } }), 'unprocessable'],
    ['an expired request', unsigned({ ...claims, exp: now.getTime() / 1000 - 1 }), 'gone'],
  ])('refuses %s', (_what, jwt, code) => {
    expect(() => checkRequestObject(jwt, null, now)).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a link whose client_id differs from the request object', () => {
    expect(() => checkRequestObject(unsigned(claims), 'redirect_uri:https://other.kz/r', now)).toThrow(expect.objectContaining({ code: 'unprocessable' }));
  });
});
