import { CHALLENGE, HOLDER_BINDING, IDENTITY_NOT_ASKED, POLICY, notApplicable, type CheckContext } from '../checks/index.ts';
import { allValid, inOrder, provenTotals, type VerificationResult } from './report.ts';
import { verifyCredentialJwt } from './verify-credential.ts';

/**
 * A credential handed over on its own. Its checks are a credential's; holder binding, challenge
 * and policy do not apply, and the result says so, because nothing shows who hands it over.
 */
export async function verifyCredentialAlone(jwt: string, ctx: CheckContext): Promise<VerificationResult> {
  const report = await verifyCredentialJwt(jwt, ctx);
  const checks = inOrder([
    ...report.checks,
    notApplicable(HOLDER_BINDING, 'A credential on its own is not presented by anyone: only a presentation signed by its subject proves who holds it'),
    notApplicable(CHALLENGE, 'A credential on its own answers no challenge'),
    notApplicable(POLICY, 'No policy was asked for'),
    IDENTITY_NOT_ASKED,
  ]);
  return {
    verified: allValid(checks),
    kind: 'credential',
    checks,
    credentials: [report],
    totals: provenTotals(checks, [report]),
    warnings: report.warnings,
    verifiedAt: ctx.now.toISOString(),
  };
}
