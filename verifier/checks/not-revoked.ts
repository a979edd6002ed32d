import { PassportError } from '../../shared/errors.ts';
import { isObject } from '../credentials/claims.ts';
import type { CredentialUnderTest } from '../credentials/read-credential.ts';
import type { CheckContext } from './context.ts';
import { NOT_REVOKED } from './ids.ts';
import { failed, notApplicable, passed, unavailable, type Check } from './outcome.ts';

/**
 * Every Bitstring Status List entry of the credential is clear in a list signed by the
 * credential's own issuer (otherwise whoever serves the list could un-revoke). An unreachable
 * list means the status could not be checked, which fails verification: a verifier cannot say
 * "not revoked" about a list it has not seen.
 */
export async function checkNotRevoked(c: CredentialUnderTest, ctx: CheckContext): Promise<Check> {
  const raw = c.credential.credentialStatus;
  if (raw === undefined) return notApplicable(NOT_REVOKED, 'The credential has no status entry: its issuer cannot revoke it');
  const entries = Array.isArray(raw) ? raw : [raw];
  if (!c.issuerDid) return failed(NOT_REVOKED, 'malformed_status', 'The credential names no issuer whose status list could be trusted');
  for (const entry of entries) {
    const outcome = await judgeEntry(entry, c.issuerDid, ctx);
    if (outcome) return outcome;
  }
  return passed(NOT_REVOKED, `Status checked in ${entries.length} list(s) signed by ${c.issuerDid}`);
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
