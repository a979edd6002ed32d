import { POLICY, checkPolicy, type Policy } from '../checks/index.ts';
import { allValid, type VerificationResult } from './report.ts';

/** Judges the policy over the credentials that verified, replacing the result's policy entry. */
export function withPolicy(result: VerificationResult, policy: Policy | undefined): VerificationResult {
  const activities = result.credentials
    .filter((c) => c.verified && c.activity)
    .map((c) => ({
      category: String(c.activity!.category),
      hours: Number(c.activity!.hours),
      activityStartDate: String(c.activity!.activityStartDate),
    }));
  const checks = result.checks.map((c) => (c.id === POLICY ? checkPolicy(policy, activities) : c));
  return { ...result, checks, verified: allValid(checks) };
}
