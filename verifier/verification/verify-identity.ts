import { activityProblems } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { readSdJwt, type SdJwtUnderTest } from '../../shared/sd-jwt-vc/index.ts';
import {
  IDENTITY,
  SCHEMA,
  checkIdentity,
  checkIssuerAccredited,
  checkKeyBinding,
  checkNotExpired,
  checkSdJwtFormat,
  checkSignature,
  checkTokenStatus,
  failed,
  identityNotPresented,
  passed,
  resolveIssuer,
  unreadableCredential,
  type Challenge,
  type Check,
  type CheckContext,
  type IinComparison,
} from '../checks/index.ts';
import { asString, didOf, fromSeconds } from '../credentials/claims.ts';
import { allValid, type CredentialReport } from './report.ts';

/** What an identity query asked for: the SD-JWT VC type, and the IIN to compare with. */
export interface IdentityExpectation {
  vct: string;
  iin: IinComparison;
}

export interface IdentityOutcome {
  /** The SD-JWT VC's own log; absent when none was presented. */
  report?: CredentialReport;
  identity: Check;
}

/** Where the SD-JWT VC's checks point in an aggregated log. */
export const IDENTITY_CREDENTIAL = 'vp_token.volunteer_identity';

/**
 * Verifies the SD-JWT VC that answers an identity query, check by check as any credential
 * (signature by its issuer's DID, issuer resolved and accredited at issuance, status in its
 * Token Status List, validity period, the activity it records) and as a presentation (its Key
 * Binding JWT: the holder's key, this selection, this verifier's nonce and audience, bound to the
 * same key as the answer's activities), then compares the disclosed IIN. The report keeps the
 * name the volunteer disclosed, never the IIN: the identity check says only whether it matched.
 */
export async function verifyIdentity(
  presented: readonly string[] | undefined,
  ctx: CheckContext,
  challenge: Challenge,
  presenterDid: string | undefined,
  expected: IdentityExpectation,
): Promise<IdentityOutcome> {
  if (!presented?.length) return { identity: identityNotPresented() };
  let sd: SdJwtUnderTest;
  try {
    if (presented.length > 1) throw new PassportError('invalid_request', 'The identity query takes one SD-JWT VC');
    sd = await readSdJwt(presented[0]!);
  } catch (err) {
    const check = unreadableCredential(err instanceof PassportError ? err.detail : String(err));
    return { report: reportOf(undefined, [check]), identity: checkIdentity(false, undefined, expected.iin) };
  }
  const issuerDid = didOf(sd.payload.iss);
  const issuedAt = fromSeconds(sd.payload.iat);
  const resolved = await resolveIssuer(issuerDid, ctx);
  const [signature, accreditation, revocation, binding] = await Promise.all([
    checkSignature(sd.issuerJwt, issuerDid, 'assertionMethod', ctx, resolved),
    checkIssuerAccredited(issuerDid, issuedAt, ctx),
    checkTokenStatus(sd.payload.status, issuerDid, ctx),
    checkKeyBinding(sd, challenge, presenterDid, ctx),
  ]);
  const checks = [
    checkSdJwtFormat(sd, expected.vct),
    signature,
    resolved.check,
    accreditation.check,
    revocation,
    checkNotExpired({ notBefore: fromSeconds(sd.payload.nbf), expiresAt: fromSeconds(sd.payload.exp) }, ctx.now, ctx.clockSkewSeconds),
    checkActivity(sd, ctx.now),
    binding.holderBinding,
    binding.challenge,
  ];
  const report = reportOf(sd, checks, binding.holderDid, accreditation.organization, issuedAt);
  const warnings = accreditation.warning ? [{ ...accreditation.warning, credential: IDENTITY_CREDENTIAL }] : [];
  return { report: { ...report, warnings }, identity: checkIdentity(report.verified, sd.claims.iin, expected.iin) };
}

function checkActivity(sd: SdJwtUnderTest, now: Date): Check {
  const problems = activityProblems(sd.claims.activity, 'activity', now).map((p) => `${p.field} ${p.message}`);
  if (sd.claims.name !== undefined && typeof sd.claims.name !== 'string') problems.push('name is not a string');
  if (problems.length) return failed(SCHEMA, 'schema_violation', problems.join('; '), { problems });
  return passed(SCHEMA, 'A volunteer activity as its type metadata describes');
}

function reportOf(
  sd: SdJwtUnderTest | undefined,
  checks: Check[],
  holderDid?: string,
  org?: { id: string; name: CredentialReport['issuer']['name']; region: string; status: string },
  issuedAt?: Date,
): CredentialReport {
  const name = asString(sd?.claims.name);
  return {
    id: undefined,
    verified: allValid(checks),
    securing: sd ? 'dc+sd-jwt' : undefined,
    types: sd && typeof sd.payload.vct === 'string' ? [sd.payload.vct] : [],
    issuer: { did: didOf(sd?.payload.iss), ...(org ? { organization: org.id, name: org.name, region: org.region, status: org.status } : {}) },
    // The name, if disclosed; the IIN never leaves this function but as the identity check's verdict.
    subject: { did: holderDid, ...(name ? { name } : {}) },
    ...(issuedAt ? { issuanceDate: issuedAt.toISOString() } : {}),
    checks: checks.map((c) => ({ ...c, credential: IDENTITY_CREDENTIAL })).filter((c) => c.id !== IDENTITY),
    warnings: [],
  };
}
