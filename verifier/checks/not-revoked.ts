import { PassportError } from '../../shared/errors.ts';
import { MAX_STATUS_ENTRIES, STATUS_BUDGET_EXCEEDED, STATUS_LIST_TOO_LARGE, reasonOf } from '../../shared/status-list/index.ts';
import { isObject } from '../credentials/claims.ts';
import type { CredentialUnderTest } from '../credentials/read-credential.ts';
import type { CheckContext } from './context.ts';
import { NOT_REVOKED } from './ids.ts';
import { failed, notApplicable, passed, unavailable, type Check } from './outcome.ts';

/**
 * Every Bitstring Status List entry of the credential is clear in a list signed by the
 * credential's own issuer (otherwise whoever serves the list could un-revoke). An unreachable
 * list means the status could not be checked, which fails verification: a verifier cannot say
 * "not revoked" about a list it has not seen. The lists are fetched in parallel; a credential
 * with more than MAX_STATUS_ENTRIES entries fails before anything is fetched, since each entry
 * may make the verifier fetch and inflate a list.
 */
export async function checkNotRevoked(c: CredentialUnderTest, ctx: CheckContext): Promise<Check> {
  const raw = c.credential.credentialStatus;
  if (raw === undefined) return notApplicable(NOT_REVOKED, 'The credential has no status entry: its issuer cannot revoke it');
  const entries = Array.isArray(raw) ? raw : [raw];
  if (entries.length > MAX_STATUS_ENTRIES) {
    return failed(NOT_REVOKED, 'too_many_status_entries', `The credential has ${entries.length} status entries; at most ${MAX_STATUS_ENTRIES} are checked`);
  }
  if (!c.issuerDid) return failed(NOT_REVOKED, 'malformed_status', 'The credential names no issuer whose status list could be trusted');
  const issuerDid = c.issuerDid;
  const outcomes = (await Promise.all(entries.map((entry) => judgeEntry(entry, issuerDid, ctx)))).filter((o): o is Check => o !== undefined);
  // A revocation found in one list outranks another list that could not be had.
  const worst = outcomes.find((o) => o.outcome === 'failed') ?? outcomes[0];
  return worst ?? passed(NOT_REVOKED, `Status checked in ${entries.length} list(s) signed by ${c.issuerDid}`);
}

async function judgeEntry(entry: unknown, issuerDid: string, ctx: CheckContext): Promise<Check | undefined> {
  if (!isObject(entry) || entry.type !== 'BitstringStatusListEntry') {
    return unavailable(NOT_REVOKED, 'status_unsupported', `only BitstringStatusListEntry is understood, not ${String(isObject(entry) ? entry.type : entry)}`);
  }
  const index = Number(entry.statusListIndex);
  const url = entry.statusListCredential;
  if (typeof url !== 'string' || typeof entry.statusListIndex !== 'string' || !/^\d+$/.test(entry.statusListIndex)) {
    return failed(NOT_REVOKED, 'malformed_status', 'credentialStatus needs statusListCredential and a numeric statusListIndex');
  }
  let list;
  try {
    list = await ctx.statusList(url, issuerDid);
  } catch (err) {
    const e = err instanceof PassportError ? err : new PassportError('fetch_failed', String(err));
    if (reasonOf(e) === STATUS_LIST_TOO_LARGE) return failed(NOT_REVOKED, 'status_list_too_large', e.detail);
    if (reasonOf(e) === STATUS_BUDGET_EXCEEDED) return unavailable(NOT_REVOKED, 'status_budget_exceeded', e.detail);
    if (e.code === 'fetch_failed' || e.code === 'fetch_refused') return unavailable(NOT_REVOKED, 'status_list_unavailable', e.detail);
    return failed(NOT_REVOKED, 'status_list_invalid', e.detail);
  }
  const purpose = typeof entry.statusPurpose === 'string' ? entry.statusPurpose : 'revocation';
  if (list.purpose !== purpose) return failed(NOT_REVOKED, 'status_list_invalid', `The list at ${url} is for ${list.purpose}, the entry for ${purpose}`);
  if (index >= list.bits.size) return failed(NOT_REVOKED, 'malformed_status', `statusListIndex ${index} is outside the list of ${list.bits.size} entries`);
  if (!list.bits.get(index)) return undefined;
  return purpose === 'suspension'
    ? failed(NOT_REVOKED, 'suspended', `The issuer has suspended this credential (list ${url}, index ${index})`)
    : failed(NOT_REVOKED, 'revoked', `The issuer has revoked this credential (list ${url}, index ${index})`);
}
