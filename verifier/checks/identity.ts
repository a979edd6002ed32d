import { IDENTITY } from './ids.ts';
import { failed, notApplicable, passed, type Check } from './outcome.ts';

/** How the verifier compares a disclosed IIN with the one it was given, without keeping that one. */
export interface IinComparison {
  /** True when `iin` is the IIN typed for the request (compared by a salted keyed hash). */
  matches(iin: string): boolean;
}

export const IDENTITY_NOT_ASKED = notApplicable(IDENTITY, 'No IIN was asked for');

/**
 * The disclosed IIN equals the one typed. Judged only once the SD-JWT VC that carries it has
 * verified: an IIN from a credential that did not is no evidence. The check keeps `matched`
 * (true or false) and never the IIN.
 */
export function checkIdentity(proven: boolean, disclosedIin: unknown, comparison: IinComparison): Check {
  if (!proven) return failed(IDENTITY, 'identity_unproven', 'The SD-JWT VC that carries the IIN did not verify, so its IIN proves nothing', { matched: false });
  if (typeof disclosedIin !== 'string') return failed(IDENTITY, 'iin_not_disclosed', 'The answer does not disclose an IIN', { matched: false });
  if (!comparison.matches(disclosedIin)) return failed(IDENTITY, 'iin_mismatch', 'The disclosed IIN differs from the one typed', { matched: false });
  return passed(IDENTITY, 'The disclosed IIN equals the one typed', { matched: true });
}

/** No SD-JWT VC answered the identity query at all. */
export function identityNotPresented(): Check {
  return failed(IDENTITY, 'identity_not_presented', 'The answer carries no SD-JWT VC for the identity query', { matched: false });
}
