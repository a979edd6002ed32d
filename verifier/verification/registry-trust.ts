import { VOLUNTEER_CREDENTIAL_TYPE } from '../../shared/credential/index.ts';
import { ISSUER_ACCREDITED, type Check, type Warning } from '../checks/index.ts';
import { about, aggregate, allValid, provenTotals, type CredentialReport, type VerificationResult } from './report.ts';

/**
 * The VC API's reading of the registry's trust (`POST /credentials/verify`, `/presentations/verify`):
 * a VolunteerActivityCredential counts only when its issuer was accredited, as everywhere; a
 * credential of any other type is judged by the standard checks (signature, validity, status), and
 * its `issuer_accredited` entry is reported beside them as advisory, with a warning when it did
 * not hold. The registry accredits volunteer organizations; it has nothing to say about the rest.
 */
export function withRegistryTrust(result: VerificationResult): VerificationResult {
  const credentials = result.credentials.map(trustAdvisedFor);
  if (credentials.every((c, i) => c === result.credentials[i])) return result;
  const trust =
    result.kind === 'credential'
      ? credentials[0]!.checks.find((c) => c.id === ISSUER_ACCREDITED)!
      : aggregate(ISSUER_ACCREDITED, credentials.flatMap(about));
  const checks = result.checks.map((c) => (c.id === ISSUER_ACCREDITED ? trust : c));
  const warnings = [...result.warnings, ...credentials.flatMap(untrustedWarning)];
  return { ...result, checks, credentials, totals: provenTotals(checks, credentials), warnings, verified: allValid(checks) };
}

function trustAdvisedFor(report: CredentialReport): CredentialReport {
  const trust = report.checks.find((c) => c.id === ISSUER_ACCREDITED);
  if (!trust || trust.valid || report.types.includes(VOLUNTEER_CREDENTIAL_TYPE)) return report;
  const checks = report.checks.map((c): Check => (c === trust ? { ...c, advisory: true } : c));
  return { ...report, checks, verified: allValid(checks) };
}

function untrustedWarning(report: CredentialReport): Warning[] {
  const trust = report.checks.find((c) => c.id === ISSUER_ACCREDITED);
  if (!trust?.advisory) return [];
  return [
    {
      code: 'issuer_not_accredited',
      detail: `Not vouched for by the national registry (${trust.error?.detail ?? 'no accreditation'}); the other checks stand on their own`,
      ...(report.id ? { credential: report.id } : {}),
    },
  ];
}
