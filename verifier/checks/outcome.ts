import type { CheckId } from './ids.ts';

/**
 * One entry of a verification log, `{ id, valid, error? }` (API.md). `outcome` keeps the three
 * kinds of "not valid" apart from each other and from "not applicable":
 * - `passed`: the check was made and holds;
 * - `failed`: the check was made and does not hold (a bad signature, a revoked credential);
 * - `unavailable`: the check could not be made (status list or DID document unreachable); it
 *   fails verification, because a verifier must not vouch for what it could not see;
 * - `not_applicable`: the check has nothing to judge here (a challenge for a share link).
 */
export type CheckOutcome = 'passed' | 'failed' | 'unavailable' | 'not_applicable';

export interface CheckError {
  /** Stable machine code, e.g. `revoked`, `status_list_unavailable`. */
  code: string;
  /** What went wrong, for people and logs. */
  detail: string;
}

export interface Check {
  id: CheckId;
  valid: boolean;
  outcome: CheckOutcome;
  error?: CheckError;
  /** What the check found when it held or did not apply, in words. */
  detail?: string;
  /** The credential (its id) the entry is about, in a presentation's aggregated log. */
  credential?: string;
  /** Reported beside the others but not counted toward `verified` (the registry's trust of a credential that is not a volunteer's). */
  advisory?: boolean;
  [extra: string]: unknown;
}

export function passed(id: CheckId, detail?: string, extra: Record<string, unknown> = {}): Check {
  return { id, valid: true, outcome: 'passed', ...(detail ? { detail } : {}), ...extra };
}

export function failed(id: CheckId, code: string, detail: string, extra: Record<string, unknown> = {}): Check {
  return { id, valid: false, outcome: 'failed', error: { code, detail }, ...extra };
}

/** The check could not be made; it still fails verification (fail closed). */
export function unavailable(id: CheckId, code: string, detail: string, extra: Record<string, unknown> = {}): Check {
  return { id, valid: false, outcome: 'unavailable', error: { code, detail: `Could not be checked: ${detail}` }, ...extra };
}

export function notApplicable(id: CheckId, detail: string): Check {
  return { id, valid: true, outcome: 'not_applicable', detail };
}
