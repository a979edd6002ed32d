import type { TrustedOrganization } from '../../shared/trust/index.ts';

/**
 * Was the organization accredited when it issued a credential whose JWT says `nbf` (whole
 * seconds)? A JWT cannot say more precisely than the second when it was issued, while the trust
 * list records accreditation to the millisecond: a credential issued 0.4 s after accreditation
 * carries an `nbf` 0.4 s before it. So both are compared in whole seconds: the interval's
 * bounds are taken down to their second, and the half-open rule [from, until) applies to those.
 */
export function accreditedAtIssuance(organization: TrustedOrganization, issuedAt: Date): boolean {
  const second = Math.floor(issuedAt.getTime() / 1000);
  return organization.accreditations.some((a) => {
    const from = Math.floor(Date.parse(a.from) / 1000);
    const until = a.until === null ? Infinity : Math.floor(Date.parse(a.until) / 1000);
    return from <= second && second < until;
  });
}
