import type { BitstringStatusListEntry } from '../../shared/credential/index.ts';

/** The URL of an organization's status list credential: `{ISSUER_URL}/status/{org}/{list}`. */
export function statusListUrl(issuerUrl: string, organizationId: string, listNo: number): string {
  return `${issuerUrl}/status/${encodeURIComponent(organizationId)}/${listNo}`;
}

/** The status entry of one index of one list: what VC-JWTs carry, and what an SD-JWT VC's `status` points at. */
export function statusEntry(issuerUrl: string, organizationId: string, listNo: number, index: number): BitstringStatusListEntry {
  const url = statusListUrl(issuerUrl, organizationId, listNo);
  return { id: `${url}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: url };
}
