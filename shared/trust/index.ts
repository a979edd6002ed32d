export {
  TRUST_LIST_TYP,
  parseTrustList,
  accreditedAtIssuance,
  revokedKeyFor,
  claimedSigningTime,
  type RevokedKey,
  type TrustList,
  type TrustListPayload,
  type TrustedOrganization,
  type TrustedFrontOffice,
  type AccreditationInterval,
} from './trust-list.ts';
export { fetchTrustList, MAX_TRUST_LIST_BYTES, type FetchTrustListOptions } from './fetch.ts';
export { createTrustListSource, type TrustListSource, type TrustListSourceOptions } from './source.ts';
