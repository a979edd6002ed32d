import { CHECK_IDS, HOLDER_BINDING, failed } from '../checks/index.ts';
import { aggregate, allValid, provenTotals, type VerificationResult } from './report.ts';

/**
 * One result from several presentations answering one request (an OpenID4VP `vp_token` may
 * carry more than one): each check holds when it holds in all of them.
 */
export function mergeResults(results: VerificationResult[]): VerificationResult {
  if (results.length === 1) return results[0]!;
  const holders = new Set(results.map((r) => r.holder?.did));
  const checks = CHECK_IDS.map((id) => {
    // Presentations by two different people in one answer would add up one person's record from another's.
    if (id === HOLDER_BINDING && holders.size > 1) return failed(id, 'several_holders', `The answer holds presentations by ${holders.size} different holders`);
    return aggregate(id, results.flatMap((r) => r.checks));
  });
  const credentials = results.flatMap((r) => r.credentials);
  return {
    verified: allValid(checks),
    kind: 'presentation',
    checks,
    credentials,
    totals: provenTotals(checks, credentials),
    warnings: results.flatMap((r) => r.warnings),
    ...(holders.size === 1 ? { holder: results[0]!.holder! } : {}),
    verifiedAt: results[0]!.verifiedAt,
  };
}
