import { LANGUAGES, type Activity, type LocalizedText } from '../../shared/credential/index.ts';
import type { DisclosableClaim } from '../../shared/sd-jwt-vc/index.ts';
import type { TrustedOrganization } from '../../shared/trust/index.ts';
import type { StoredCredential } from './load.ts';
import type { CredentialStatus, StatusReport } from './status.ts';

/** A credential as the API shows it: decoded, with its organization's names and its status now. */
export interface CredentialView {
  id: string;
  issuerDid: string;
  organization: { id: string | null; name: Record<'kk' | 'ru' | 'en', string> };
  holderName: string | null;
  activity: Activity;
  issuedAt: string;
  expiresAt: string | null;
  storedAt: string;
  source: 'claim' | 'import';
  status: CredentialStatus;
  statusReasons: string[];
  /** The SD-JWT VC kept with it: the claims the volunteer may disclose by choice (`name`, `iin`); null without one. */
  selectiveDisclosure: { claims: DisclosableClaim[] } | null;
}

export function credentialView(stored: StoredCredential, report: StatusReport): CredentialView {
  return {
    id: stored.id,
    issuerDid: stored.issuerDid,
    organization: { id: report.organization?.id ?? null, name: organizationName(stored, report.organization) },
    holderName: stored.credential.credentialSubject.name ?? null,
    activity: stored.credential.credentialSubject.activity,
    issuedAt: stored.issuedAt.toISOString(),
    expiresAt: stored.expiresAt?.toISOString() ?? null,
    storedAt: stored.storedAt,
    source: stored.source,
    status: report.status,
    statusReasons: report.reasons,
    selectiveDisclosure: stored.sdJwt ? { claims: stored.sdJwt.claims } : null,
  };
}

/**
 * The organization's name in the three languages: the registry's trust list is the authority;
 * the name the credential carries stands in when the list does not name the issuer.
 */
export function organizationName(stored: StoredCredential, organization: TrustedOrganization | undefined): Record<'kk' | 'ru' | 'en', string> {
  const own = stored.credential.issuer.name;
  const names: LocalizedText = organization?.name ?? (typeof own === 'string' ? { kk: own, ru: own, en: own } : (own ?? {}));
  const fallback = names.ru ?? names.kk ?? names.en ?? stored.issuerDid;
  return Object.fromEntries(LANGUAGES.map((l) => [l, names[l] ?? fallback])) as Record<'kk' | 'ru' | 'en', string>;
}

/**
 * Who stands behind a credential, for its own page: the issuing organization as the registry's
 * trust list names it (region, accreditation now and since when) and the registry that vouches
 * for it. `accredited` is null when the trust list could not be had or does not name the issuer.
 */
export interface IssuerRecord {
  did: string;
  region: string | null;
  accredited: { status: 'accredited' | 'suspended'; since: string | null } | null;
  registryDid: string;
}

export function issuerRecord(stored: StoredCredential, report: StatusReport, registryDid: string): IssuerRecord {
  const organization = report.organization;
  const firstAccreditation = organization?.accreditations.map((a) => a.from).sort()[0] ?? null;
  return {
    did: stored.issuerDid,
    region: organization?.region ?? null,
    accredited: organization ? { status: organization.status, since: firstAccreditation } : null,
    registryDid,
  };
}
