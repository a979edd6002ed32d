export { createCredentialsRouter } from './router.ts';
export { revokeCredential, type Revocation } from './revoke.ts';
export { issueCredential, withIssuingRetry, type IssueCredentialInput, type IssuedCredential } from './issue.ts';
export { signCredential, type SignedCredential } from './sign.ts';
export { accreditedOrganization, findOrganization, type IssuingOrganization } from './organization.ts';
