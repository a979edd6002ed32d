import { PassportError } from '../../shared/errors.ts';
import { STATUS_BUDGET_EXCEEDED, STATUS_LIST_TOO_LARGE, reasonOf } from '../../shared/status-list/index.ts';
import { isObject } from '../credentials/claims.ts';
import type { CheckContext } from './context.ts';
import { NOT_REVOKED } from './ids.ts';
import { failed, notApplicable, passed, unavailable, type Check } from './outcome.ts';

/**
 * The `status` of an SD-JWT VC (IETF OAuth Status List: `status_list: { idx, uri }`) is 0 in a
 * Token Status List signed by the credential's own issuer. As for Bitstring lists, an unreachable
 * list could not be checked and fails verification; 1 is revoked, 2 suspended, anything else
 * is a status this verifier does not take for valid.
 */
export async function checkTokenStatus(status: unknown, issuerDid: string | undefined, ctx: CheckContext): Promise<Check> {
  if (status === undefined) return notApplicable(NOT_REVOKED, 'The credential has no status: its issuer cannot revoke it');
  const reference = isObject(status) ? status.status_list : undefined;
  if (!isObject(reference)) return unavailable(NOT_REVOKED, 'status_unsupported', 'only a status_list reference (IETF OAuth Status List) is understood');
  const { idx, uri } = reference;
  if (typeof uri !== 'string' || typeof idx !== 'number' || !Number.isInteger(idx) || idx < 0) {
    return failed(NOT_REVOKED, 'malformed_status', 'status.status_list needs a uri and a whole, non-negative idx');
  }
  if (!issuerDid) return failed(NOT_REVOKED, 'malformed_status', 'The credential names no issuer whose status list could be trusted');
  let fetched;
  try {
    fetched = await ctx.tokenStatusList(uri, issuerDid);
  } catch (err) {
    const e = err instanceof PassportError ? err : new PassportError('fetch_failed', String(err));
    if (reasonOf(e) === STATUS_LIST_TOO_LARGE) return failed(NOT_REVOKED, 'status_list_too_large', e.detail);
    if (reasonOf(e) === STATUS_BUDGET_EXCEEDED) return unavailable(NOT_REVOKED, 'status_budget_exceeded', e.detail);
    if (e.code === 'fetch_failed' || e.code === 'fetch_refused') return unavailable(NOT_REVOKED, 'status_list_unavailable', e.detail);
    return failed(NOT_REVOKED, 'status_list_invalid', e.detail);
  }
  if (idx >= fetched.list.size) return failed(NOT_REVOKED, 'malformed_status', `status_list.idx ${idx} is outside the list of ${fetched.list.size} entries`);
  const value = fetched.list.get(idx);
  if (value === 0) return passed(NOT_REVOKED, `Status checked in the list ${uri} signed by ${issuerDid}`);
  if (value === 1) return failed(NOT_REVOKED, 'revoked', `The issuer has revoked this credential (list ${uri}, index ${idx})`);
  if (value === 2) return failed(NOT_REVOKED, 'suspended', `The issuer has suspended this credential (list ${uri}, index ${idx})`);
  return failed(NOT_REVOKED, 'revoked', `The credential's status is ${value}, not valid (list ${uri}, index ${idx})`);
}
