/** The one credential configuration this issuer offers (OpenID4VCI 1.0, section 12.2.4). */
export const CONFIGURATION_ID = 'VolunteerActivityCredential';
export const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
export const PROOF_TYP = 'openid4vci-proof+jwt';

export const ACCESS_TOKEN_TTL_SECONDS = 600;
export const NONCE_TTL_SECONDS = 300;
/** How far a proof's `iat` may be from our clock, either way. */
export const PROOF_IAT_SKEW_SECONDS = 300;
/** Live codes per offer: each fetch of the offer mints one; a scanner looping on it stops here. */
export const MAX_LIVE_CODES_PER_OFFER = 20;

export const paths = {
  offer: '/oid4vci/offers/:token',
  token: '/oid4vci/token',
  nonce: '/oid4vci/nonce',
  credential: '/oid4vci/credential',
  issuerMetadata: '/.well-known/openid-credential-issuer',
  authorizationServerMetadata: '/.well-known/oauth-authorization-server',
} as const;
