export { createClaimRouter } from './router.ts';
export { claimOffer } from './claim.ts';
export { parseOfferLink, resolveOffer, type CredentialOffer } from './offer.ts';
export { wellKnownUrl } from './metadata.ts';
