import { PassportError } from '../../shared/errors.ts';
import {
  checkCredentialFormat,
  checkIssuerAccredited,
  checkNotExpired,
  checkNotRevoked,
  checkSchema,
  checkSignature,
  checkSigningKeyNotRevoked,
  resolveIssuer,
  unreadableCredential,
  type CheckContext,
} from '../checks/index.ts';
import { VOLUNTEER_CREDENTIAL_TYPE } from '../../shared/credential/index.ts';
import { asString, isObject, types } from '../credentials/claims.ts';
import { readCredential } from '../credentials/read-credential.ts';
import { allValid, type CredentialReport } from './report.ts';

/**
 * Verifies one credential in full: every credential check runs, whatever the others found, so
 * the log says everything that is wrong at once. Never throws: an unreadable credential is a
 * report whose format check failed.
 *
 * @example
 * const report = await verifyCredentialJwt(jwt, ctx);
 * report.checks.find((c) => c.id === 'not_revoked')?.valid;
 */
export async function verifyCredentialJwt(jwt: string, ctx: CheckContext): Promise<CredentialReport> {
  let c;
  try {
    c = readCredential(jwt);
  } catch (err) {
    return unreadableReport(err instanceof PassportError ? err.detail : String(err));
  }
  const resolved = await resolveIssuer(c.issuerDid, ctx);
  const [signature, accreditation, revocation] = await Promise.all([
    checkSignature(c.jwt, c.issuerDid, 'assertionMethod', ctx, resolved),
    checkIssuerAccredited(c.issuerDid, c.issuedAt, ctx),
    checkNotRevoked(c, ctx),
  ]);
  const checks = [
    checkCredentialFormat(c),
    checkSigningKeyNotRevoked(signature, c, accreditation.organization),
    resolved.check,
    accreditation.check,
    revocation,
    checkNotExpired(c, ctx.now, ctx.clockSkewSeconds),
    checkSchema(c, ctx.now),
  ];
  const org = accreditation.organization;
  const subject = subjectOf(c.credential.credentialSubject);
  const subjectName = asString(subject.name);
  const credentialTypes = types(c.credential.type);
  return {
    id: c.id,
    verified: allValid(checks),
    securing: c.securing,
    types: credentialTypes,
    issuer: {
      did: c.issuerDid,
      // Names come from the signed trust list only: a credential's own claim of a name proves nothing.
      ...(org ? { organization: org.id, name: org.name, region: org.region, status: org.status } : {}),
    },
    subject: { did: c.subjectDid, ...(subjectName ? { name: subjectName } : {}) },
    // Only a volunteer's credential has hours that count toward totals and policies.
    ...(credentialTypes.includes(VOLUNTEER_CREDENTIAL_TYPE) && isObject(subject.activity) ? { activity: subject.activity } : {}),
    ...(c.issuedAt ? { issuanceDate: c.issuedAt.toISOString() } : {}),
    ...(c.expiresAt ? { expirationDate: c.expiresAt.toISOString() } : {}),
    checks,
    warnings: accreditation.warning ? [{ ...accreditation.warning, ...(c.id ? { credential: c.id } : {}) }] : [],
  };
}

/** The subject a report names: the one subject, or the first of a set (VC 2.0 allows several). */
function subjectOf(value: unknown): Record<string, unknown> {
  const first = Array.isArray(value) ? value[0] : value;
  return isObject(first) ? first : {};
}

export function unreadableReport(detail: string): CredentialReport {
  return {
    id: undefined,
    verified: false,
    securing: undefined,
    types: [],
    issuer: { did: undefined },
    subject: { did: undefined },
    checks: [unreadableCredential(detail)],
    warnings: [],
  };
}
