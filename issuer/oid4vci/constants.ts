/** The VC-JWT (`jwt_vc_json`) credential configuration (OpenID4VCI 1.0, section 12.2.4). */
export const CONFIGURATION_ID = 'VolunteerActivityCredential';
/** The SD-JWT VC (`dc+sd-jwt`) configuration of the same activity, whose name and IIN the holder discloses by choice. */
export const SD_JWT_CONFIGURATION_ID = 'VolunteerActivitySdJwt';
/** Every offer names both: one access token fetches each once (OpenID4VCI 1.0, section 8). */
export const CONFIGURATION_IDS = [CONFIGURATION_ID, SD_JWT_CONFIGURATION_ID] as const;
export type ConfigurationId = (typeof CONFIGURATION_IDS)[number];
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
  deferred: '/oid4vci/deferred',
  checkInCancel: '/oid4vci/check-in/cancel',
  issuerMetadata: '/.well-known/openid-credential-issuer',
  authorizationServerMetadata: '/.well-known/oauth-authorization-server',
} as const;
