import { PassportError } from '../../shared/errors.ts';
import { accreditedAtIssuance, type TrustedOrganization } from '../../shared/trust/index.ts';
import type { CheckContext, Warning } from './context.ts';
import { ISSUER_ACCREDITED } from './ids.ts';
import { failed, passed, unavailable, type Check } from './outcome.ts';

export interface AccreditationFinding {
  check: Check;
  organization?: TrustedOrganization;
  warning?: Warning;
}

/**
 * The issuer is in the registry's signed trust list and was accredited when the credential was
 * issued. A suspension after issuance does not spoil the credential (DESIGN.md, Trust), but the
 * reader is told that the organization is suspended now.
 */
export async function checkIssuerAccredited(issuerDid: string | undefined, issuedAt: Date | undefined, ctx: CheckContext): Promise<AccreditationFinding> {
  let list;
  try {
    list = await ctx.trustList(issuerDid, issuedAt);
  } catch (err) {
    const e = err instanceof PassportError ? err : new PassportError('fetch_failed', String(err));
    const code = e.code === 'fetch_failed' || e.code === 'fetch_refused' ? 'trust_list_unavailable' : 'trust_list_invalid';
    return { check: unavailable(ISSUER_ACCREDITED, code, `the registry's trust list: ${e.detail}`) };
  }
  const organization = issuerDid ? list.byDid.get(issuerDid) : undefined;
  if (!organization) {
    return { check: failed(ISSUER_ACCREDITED, 'not_in_trust_list', `${issuerDid ?? 'The issuer'} is not an organization in the registry's trust list`) };
  }
  const about = { organization: organization.id };
  if (!issuedAt) return { check: failed(ISSUER_ACCREDITED, 'no_issuance_date', 'The credential has no issuance date to judge accreditation at', about), organization };
  if (!accreditedAtIssuance(organization, issuedAt)) {
    const detail = `${organization.id} was not accredited on ${issuedAt.toISOString()}, when the credential was issued (status now: ${organization.status})`;
    return { check: failed(ISSUER_ACCREDITED, 'not_accredited_at_issuance', detail, about), organization };
  }
  const check = passed(ISSUER_ACCREDITED, `${organization.id} was accredited on ${issuedAt.toISOString()}`, about);
  if (organization.status !== 'suspended') return { check, organization };
  return {
    check,
    organization,
    warning: {
      code: 'organization_suspended',
      detail: `${organization.id} is suspended now; this credential was issued while it was accredited and stays valid`,
    },
  };
}
