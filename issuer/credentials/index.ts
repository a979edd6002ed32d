export { createCredentialsRouter } from './router.ts';
export { revokeCredential, type Revocation } from './revoke.ts';
export { issueCredential, withIssuingRetry, type IssueCredentialInput, type IssuedCredential } from './issue.ts';
export { signCredential, ORGANIZATION_KEY_FRAGMENT, type SignedCredential } from './sign.ts';
export { accreditedOrganization, findOrganization, type IssuingOrganization } from './organization.ts';
