import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import { clientAuthenticationAnonymous, HashAlgorithm, type Jwk } from '@openid4vc/oauth2';
import { Openid4vciClient, setGlobalConfig } from '@openid4vc/openid4vci';
import { CompactSign } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDidResolver } from '../../../shared/did/index.ts';
import { verifyDidJwt } from '../../../shared/jwt/index.ts';
import { createGuardedFetch } from '../../../shared/net/index.ts';
import { createEvent, newHolder, startIssuer, type Holder, type IssuerUnderTest, type Organization } from './setup.ts';

/**
 * An independent OpenID4VCI 1.0 client (OpenWallet Foundation's `@openid4vc/openid4vci`) checks
 * in to an event and, after the coordinator confirms, fetches its credential from the deferred
 * endpoint: other wallets than ours can take part in events.
 */
let t: IssuerUnderTest;
let org: Organization;

beforeAll(async () => {
  setGlobalConfig({ allowInsecureUrls: true });
  t = await startIssuer();
  org = await t.accredit('library-events');
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

describe('an independent OpenID4VCI 1.0 client at an event', () => {
  it('checks in, is told to wait (202, transaction_id, interval), and fetches its credential once confirmed', async () => {
    const holder = newHolder();
    const client = libraryClient(holder);
    const event = await createEvent(t, org);

    const offer = await client.resolveCredentialOffer(event.checkInOfferUri);
    const issuerMetadata = await client.resolveIssuerMetadata(offer.credential_issuer);
    expect(issuerMetadata.credentialIssuer.deferred_credential_endpoint).toBe(`${t.issuer.url}/oid4vci/deferred`);
    const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer: offer, issuerMetadata });
    const { c_nonce } = await client.requestNonce({ issuerMetadata });
    const { jwt: proof } = await client.createCredentialRequestJwtProof({
      issuerMetadata,
      credentialConfigurationId: 'VolunteerActivityCredential',
      nonce: c_nonce,
      signer: { method: 'did', didUrl: holder.kid, alg: 'EdDSA' },
    });
    const { credentialResponse, response } = await client.retrieveCredentials({
      issuerMetadata,
      accessToken: accessTokenResponse.access_token,
      credentialConfigurationId: 'VolunteerActivityCredential',
      proofs: { jwt: [proof] },
      additionalRequestPayload: { display_name: 'Library Volunteer' },
    });
    expect(response.status).toBe(202);
    const transactionId = credentialResponse.transaction_id!;
    expect(credentialResponse.interval).toBeGreaterThan(0);

    const pending = await client.retrieveDeferredCredentials({ issuerMetadata, accessToken: accessTokenResponse.access_token, transactionId });
    expect(pending.response.status).toBe(202);
    expect(pending.deferredCredentialResponse.transaction_id).toBe(transactionId);

    const confirmed = await t.api('POST', `/v1/events/${event.id}/confirm`, { token: org.apiKey, body: { hours: 5 } });
    expect(confirmed.body.confirmed).toBe(1);

    const ready = await client.retrieveDeferredCredentials({ issuerMetadata, accessToken: accessTokenResponse.access_token, transactionId });
    expect(ready.response.status).toBe(200);
    const credential = (ready.deferredCredentialResponse.credentials?.[0] as { credential: string }).credential;
    const dids = createDidResolver({ fetch: createGuardedFetch({ httpHosts: ['localhost'] }), httpHosts: ['localhost'] });
    const verified = await verifyDidJwt(credential, { dids, relationship: 'assertionMethod', expectedDid: org.did });
    expect(verified.payload.sub).toBe(holder.did);
    expect((verified.payload.vc as any).credentialSubject).toMatchObject({ name: 'Library Volunteer', activity: { hours: 5 } });
  });
});
