export { createOid4vciRouter } from './router.ts';
export { credentialIssuerMetadata, authorizationServerMetadata } from './metadata.ts';
export { credentialOffer, type CredentialOffer } from './offer.ts';
export { exchangePreAuthorizedCode, type TokenResponse } from './token.ts';
export { newCredentialNonce, consumeNonce } from './nonce.ts';
export { verifyProofJwt, type VerifiedProof } from './proof.ts';
export { issueForAccessToken, type CredentialResponse } from './credential.ts';
export { oauthErrorHandler } from './errors.ts';
export * from './constants.ts';
