import { Deadline, mapLimited } from '../../shared/async/index.ts';
import type { DecodedCredential } from './decode.ts';
import type { CredentialStatusChecker, StatusReport } from './status.ts';

/** Credentials whose sources the wallet waits for at once. */
const CHECKS_AT_ONCE = 8;

/**
 * The status of each credential, checked at most CHECKS_AT_ONCE at a time and all within one
 * deadline: a passport with credentials from slow or dead issuers answers in `deadlineMs` at
 * most, each credential not checked by then `unverifiable`, saying so.
 *
 * @example
 * const reports = await checkAll(deps.status, stored, deps.config.verifyDeadlineSeconds * 1000);
 */
export async function checkAll(status: CredentialStatusChecker, credentials: readonly DecodedCredential[], deadlineMs: number): Promise<StatusReport[]> {
  const deadline = new Deadline(deadlineMs);
  try {
    return await mapLimited(credentials, CHECKS_AT_ONCE, async (c) => {
      try {
        deadline.throwIfPassed('its status');
        return await deadline.race(status.check(c), 'its status');
      } catch (err) {
        return { status: 'unverifiable', reasons: [`status: ${(err as Error).message}`], organization: undefined } satisfies StatusReport;
      }
    });
  } finally {
    deadline.clear();
  }
}
