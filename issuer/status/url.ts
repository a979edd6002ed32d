/** The URL of an organization's status list credential: `{ISSUER_URL}/status/{org}/{list}`. */
export function statusListUrl(issuerUrl: string, organizationId: string, listNo: number): string {
  return `${issuerUrl}/status/${encodeURIComponent(organizationId)}/${listNo}`;
}
