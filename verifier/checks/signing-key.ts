import { claimedSigningTime, revokedKeyFor, type TrustedOrganization } from '../../shared/trust/index.ts';
import type { CredentialUnderTest } from '../credentials/read-credential.ts';
import { SIGNATURE } from './ids.ts';
import { failed, type Check } from './outcome.ts';

/**
 * A signature that verifies still fails when its key was revoked as compromised at or before
 * the time the credential claims (`claimedSigningTime`: the latest of `iat`, `nbf` and its issuance date), as the
 * registry's trust list says (`revokedKeys`). The DID document keeps such a key, because what it
 * signed before the compromise stays valid; only the trust list can tell the two apart. Applied
 * to the signature check once it passed, with the organization the accreditation check found in
 * that same trust list.
 */
export function checkSigningKeyNotRevoked(signature: Check, c: CredentialUnderTest, organization: TrustedOrganization | undefined): Check {
  if (signature.outcome !== 'passed' || !organization || typeof signature.kid !== 'string') return signature;
  const signedAt = claimedSigningTime(c.payload);
  const revoked = revokedKeyFor(organization, signature.kid, signedAt);
  if (!revoked) return signature;
  const when = signedAt ? `claims to be signed on ${signedAt.toISOString()}` : 'names no time of signing';
  return failed(SIGNATURE, 'key_revoked', `Signed with ${revoked.kid}, which ${organization.id} reported compromised from ${revoked.from}; this credential ${when}`, {
    kid: signature.kid,
  });
}
