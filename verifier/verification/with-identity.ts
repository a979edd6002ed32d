import { CHECK_IDS, IDENTITY, type CheckId } from '../checks/index.ts';
import { aggregate, allValid, provenTotals, type VerificationResult } from './report.ts';
import type { IdentityOutcome } from './verify-identity.ts';
import { subjectNameWarnings } from './verify-presentation.ts';

/**
 * Adds the identity query's outcome to an answer's result: the SD-JWT VC joins the credentials
 * (it has no activity: hours are counted from the activity credentials), each of its checks joins
 * the answer's check of that id, the identity check replaces "not asked", and a disclosed name
 * that differs from the activities' is a warning like any other.
 */
export function withIdentity(result: VerificationResult, outcome: IdentityOutcome): VerificationResult {
  const report = outcome.report;
  const credentials = report ? [...result.credentials, report] : result.credentials;
  const checks = CHECK_IDS.map((id: CheckId) => {
    if (id === IDENTITY) return outcome.identity;
    const own = result.checks.find((c) => c.id === id);
    const added = report?.checks.filter((c) => c.id === id) ?? [];
    return added.length ? aggregate(id, [...(own ? [own] : []), ...added]) : own!;
  });
  const warnings = [...subjectNameWarnings(credentials), ...result.warnings.filter((w) => w.code !== 'subject_names_differ'), ...(report?.warnings ?? [])];
  return { ...result, checks, credentials, warnings, verified: allValid(checks), totals: provenTotals(checks, credentials) };
}
