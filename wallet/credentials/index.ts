export { createCredentialsRouter } from './router.ts';
export { acceptCredential, rejectionOf, type RejectionCode } from './accept.ts';
export { acceptSdJwtVc } from './accept-sd-jwt.ts';
export { decodeCredential, isVolunteerActivity, type DecodedCredential } from './decode.ts';
export { storeCredential } from './store.ts';
export { loadCredentials, loadCredential, loadCredentialsById, type KeptSdJwt, type StoredCredential } from './load.ts';
export { checkedCredentials, listCredentials, type CheckedCredential } from './list.ts';
export { credentialView, organizationName, type CredentialView } from './view.ts';
export { createCredentialStatusChecker, type CredentialStatus, type CredentialStatusChecker, type StatusReport } from './status.ts';
