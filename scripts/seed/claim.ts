import { signJwt } from '../../shared/jwt/index.ts';
import type { Holder } from './holder.ts';
import { request } from './http.ts';

const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

interface CredentialOffer {
  credential_issuer: string;
  credential_configuration_ids: string[];
  grants?: Record<string, { 'pre-authorized_code'?: string }>;
}

interface IssuerEndpoints {
  credentialIssuer: string;
  credentialEndpoint: string;
  nonceEndpoint: string;
  tokenEndpoint: string;
}

/**
 * A wallet's side of OpenID4VCI 1.0, pre-authorized code flow, as any conformant wallet would run
 * it: resolve the offer by reference, discover the endpoints from the issuer's metadata, trade
 * the code for an access token, prove possession of the holder key over a fresh nonce, and take
 * the credential. The seed claims through this so its credentials are issued like everyone's.
 */
export class CredentialClaimer {
  private readonly endpoints = new Map<string, Promise<IssuerEndpoints>>();

  /** Claims the credential behind `offerUri` for `holder`; returns the VC-JWT. */
  async claim(offerUri: string, holder: Holder): Promise<string> {
    const offer = await request<CredentialOffer>(offerReference(offerUri));
    const code = offer.grants?.[PRE_AUTHORIZED_GRANT]?.['pre-authorized_code'];
    if (!code) throw new Error('The offer carries no pre-authorized code');
    const endpoints = await this.discover(offer.credential_issuer);
    const token = await request<{ access_token: string }>(endpoints.tokenEndpoint, {
      form: { grant_type: PRE_AUTHORIZED_GRANT, 'pre-authorized_code': code },
    });
    const { c_nonce } = await request<{ c_nonce: string }>(endpoints.nonceEndpoint, { method: 'POST' });
    const proof = await signJwt(
      { aud: endpoints.credentialIssuer, iat: Math.floor(Date.now() / 1000), nonce: c_nonce },
      { key: holder.key, kid: holder.kid, typ: 'openid4vci-proof+jwt' },
    );
    const response = await request<{ credentials?: { credential: string }[] }>(endpoints.credentialEndpoint, {
      token: token.access_token,
      json: { credential_configuration_id: offer.credential_configuration_ids[0], proofs: { jwt: [proof] } },
    });
    const credential = response.credentials?.[0]?.credential;
    if (typeof credential !== 'string') throw new Error('The credential response holds no credential');
    return credential;
  }

  private discover(credentialIssuer: string): Promise<IssuerEndpoints> {
    let found = this.endpoints.get(credentialIssuer);
    if (!found) {
      found = discoverEndpoints(credentialIssuer);
      found.catch(() => this.endpoints.delete(credentialIssuer));
      this.endpoints.set(credentialIssuer, found);
    }
    return found;
  }
}

async function discoverEndpoints(credentialIssuer: string): Promise<IssuerEndpoints> {
  const metadata = await request<{ credential_endpoint: string; nonce_endpoint: string; authorization_servers?: string[] }>(
    wellKnown(credentialIssuer, 'openid-credential-issuer'),
  );
  // Without authorization_servers the credential issuer is its own authorization server (section 12.2.4).
  const authorizationServer = metadata.authorization_servers?.[0] ?? credentialIssuer;
  const as = await request<{ token_endpoint: string }>(wellKnown(authorizationServer, 'oauth-authorization-server'));
  return { credentialIssuer, credentialEndpoint: metadata.credential_endpoint, nonceEndpoint: metadata.nonce_endpoint, tokenEndpoint: as.token_endpoint };
}

/** The `credential_offer_uri` inside an `openid-credential-offer://` link. */
function offerReference(offerUri: string): string {
  const reference = new URL(offerUri).searchParams.get('credential_offer_uri');
  if (!reference) throw new Error('The offer link has no credential_offer_uri');
  return reference;
}

/**
 * Where a well-known document of `base` lives: inserted between the host and any path
 * (OpenID4VCI 1.0, section 12.2.2; RFC 8414, section 3).
 */
function wellKnown(base: string, name: string): string {
  const url = new URL(base);
  return `${url.origin}/.well-known/${name}${url.pathname.replace(/\/$/, '')}`;
}
