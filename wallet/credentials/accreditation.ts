import type { TrustedOrganization } from '../../shared/trust/index.ts';

/**
 * Was the organization accredited when it issued a credential whose JWT says `nbf` (whole
 * seconds)? A JWT says only the second of issuance, while the trust list records accreditation to
 * the millisecond, so the credential gets the benefit of that second at both ends: accredited when
 * some instant of its second lies in [from, until). A credential issued 0.4 s after accreditation
 * carries an `nbf` 0.4 s before it, and one issued 0.2 s before a suspension carries the
 * suspension's own second; both stay valid. The verifier judges the same way, so the wallet's
 * totals are what a verifier confirms.
 */
export function accreditedAtIssuance(organization: TrustedOrganization, issuedAt: Date): boolean {
  const second = Math.floor(issuedAt.getTime() / 1000);
  return organization.accreditations.some((a) => {
    const from = Math.floor(Date.parse(a.from) / 1000);
    const until = a.until === null ? Infinity : Math.ceil(Date.parse(a.until) / 1000);
    return from <= second && second < until;
  });
}
