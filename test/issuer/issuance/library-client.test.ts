import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import { clientAuthenticationAnonymous, HashAlgorithm, type Jwk } from '@openid4vc/oauth2';
import { Openid4vciClient, setGlobalConfig } from '@openid4vc/openid4vci';
import { CompactSign } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../../../shared/did/index.ts';
import { verifyDidJwt } from '../../../shared/jwt/index.ts';
import { createGuardedFetch } from '../../../shared/net/index.ts';
import { iinFor } from '../../helpers/iin.ts';
import { libraryVerifier } from '../../helpers/sd-jwt.ts';
import { activity, newHolder, recordOne, startIssuer, type Holder, type IssuerUnderTest, type Organization } from './setup.ts';

/**
 * An independent OpenID4VCI client (OpenWallet Foundation's `@openid4vc/openid4vci`) claims a
 * credential from the issuer. Only the holder's key is made with our code; the offer, metadata,
 * token, nonce, proof and credential request are all the library's, signed with `jose`.
 */
let t: IssuerUnderTest;
let org: Organization;

beforeAll(async () => {
  // The test issuer listens on http://localhost; the library accepts only https unless told.
  setGlobalConfig({ allowInsecureUrls: true });
  t = await startIssuer();
  org = await t.accredit('library-org');
}, 60_000);
afterAll(async () => {
  setGlobalConfig({ allowInsecureUrls: false });
  await t?.issuer.stop();
});

function libraryClient(holder: Holder): Openid4vciClient {
  return new Openid4vciClient({
    callbacks: {
      fetch,
      hash: (data, alg) => createHash(alg === HashAlgorithm.Sha256 ? 'sha256' : alg === HashAlgorithm.Sha384 ? 'sha384' : 'sha512').update(data).digest(),
      generateRandom: (bytes) => randomBytes(bytes),
      clientAuthentication: clientAuthenticationAnonymous(),
      signJwt: async (_signer, { header, payload }) => {
        const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header as never).sign(holder.key);
        return { jwt, signerJwk: createPublicKey(holder.key).export({ format: 'jwk' }) as Jwk };
      },
    },
  });
}

describe('an independent OpenID4VCI 1.0 client', () => {
  it('claims a credential through the pre-authorized code flow', async () => {
    const holder = newHolder();
    const client = libraryClient(holder);

    const { offerUri } = await recordOne(t, org, {}, 'Library Volunteer');
    const offer = await client.resolveCredentialOffer(offerUri);
    expect(offer.credential_issuer).toBe(t.issuer.url);
    const issuerMetadata = await client.resolveIssuerMetadata(offer.credential_issuer);
    expect(issuerMetadata.originalDraftVersion).toBe('V1');

    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer: offer, issuerMetadata });
    const { c_nonce } = await client.requestNonce({ issuerMetadata });
    const { jwt: proof } = await client.createCredentialRequestJwtProof({
      issuerMetadata,
      credentialConfigurationId: 'VolunteerActivityCredential',
      nonce: c_nonce,
      signer: { method: 'did', didUrl: holder.kid, alg: 'EdDSA' },
    });
    const { credentialResponse } = await client.retrieveCredentials({
      issuerMetadata,
      accessToken: accessTokenResponse.access_token,
      credentialConfigurationId: 'VolunteerActivityCredential',
      proofs: { jwt: [proof] },
    });

    const credential = (credentialResponse.credentials?.[0] as { credential?: unknown } | undefined)?.credential;
    expect(typeof credential).toBe('string');
    const dids = createDidResolver({ fetch: createGuardedFetch({ httpHosts: ['localhost'] }), httpHosts: ['localhost'] });
    const verified = await verifyDidJwt(credential as string, { dids, relationship: 'assertionMethod', expectedDid: org.did });
    expect(verified.payload.sub).toBe(holder.did);
    expect((verified.payload.vc as any).credentialSubject.name).toBe('Library Volunteer');
  });

  it('claims both configurations of one offer with one access token, the SD-JWT VC bound to its jwk', async () => {
    const holder = newHolder();
    const client = libraryClient(holder);
    const iin = iinFor('95030540011');
    const recorded = await t.api('POST', '/v1/activities', { token: org.apiKey, body: { volunteer: { name: 'Library Volunteer', iin }, activity: activity() } });
    const offer = await client.resolveCredentialOffer(recorded.body.offerUri);
    expect(offer.credential_configuration_ids).toEqual(['VolunteerActivityCredential', 'VolunteerActivitySdJwt']);
    const issuerMetadata = await client.resolveIssuerMetadata(offer.credential_issuer);
    expect(issuerMetadata.credentialIssuer.credential_configurations_supported.VolunteerActivitySdJwt).toMatchObject({ format: 'dc+sd-jwt', vct: `${t.issuer.url}/vct/volunteer-activity/v1` });
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer: offer, issuerMetadata });
    const publicJwk = createPublicKey(holder.key).export({ format: 'jwk' }) as Jwk;

    const credentials: Record<string, string> = {};
    for (const [credentialConfigurationId, signer] of [
      ['VolunteerActivitySdJwt', { method: 'jwk', publicJwk, alg: 'EdDSA' }],
      ['VolunteerActivityCredential', { method: 'did', didUrl: holder.kid, alg: 'EdDSA' }],
    ] as const) {
      const { c_nonce } = await client.requestNonce({ issuerMetadata });
      const { jwt: proof } = await client.createCredentialRequestJwtProof({ issuerMetadata, credentialConfigurationId, nonce: c_nonce, signer });
      const { credentialResponse } = await client.retrieveCredentials({ issuerMetadata, accessToken: accessTokenResponse.access_token, credentialConfigurationId, proofs: { jwt: [proof] } });
      credentials[credentialConfigurationId] = (credentialResponse.credentials?.[0] as { credential: string }).credential;
    }

    const verified = await (await libraryVerifier(`${t.issuer.url}/orgs/${org.id}/did.json`)).verify(credentials.VolunteerActivitySdJwt!);
    expect(verified.payload).toMatchObject({ iss: org.did, name: 'Library Volunteer', iin, cnf: { jwk: { x: publicJwk.x } } });
    const dids = createDidResolver({ fetch: createGuardedFetch({ httpHosts: ['localhost'] }), httpHosts: ['localhost'] });
    const vc = await verifyDidJwt(credentials.VolunteerActivityCredential!, { dids, relationship: 'assertionMethod', expectedDid: org.did });
    expect(vc.payload.sub).toBe(holder.did);
  });
});
