import type { Queryable } from '../../shared/db/index.ts';
import type { RevokedKey, TrustedFrontOffice, TrustedOrganization, TrustListPayload } from '../../shared/trust/index.ts';
import { localizedName, organizationProfiles } from '../organizations/index.ts';

/** How long a signed trust list may be relied on; verifiers fetch a fresh one well before. */
export const TRUST_LIST_LIFETIME_S = 24 * 60 * 60;

/**
 * The trust list's payload at `version`: every organization ever accredited (suspended ones
 * too, since their past credentials stay valid), with its intervals, and the front offices.
 */
export async function buildTrustListPayload(db: Queryable, options: { iss: string; version: number; now: Date }): Promise<TrustListPayload> {
  const iat = Math.floor(options.now.getTime() / 1000);
  const profiles = await organizationProfiles(db);
  const revoked = await revokedKeysByDid(db);
  const organizations: TrustedOrganization[] = profiles.map((p) => ({
    id: p.id,
    did: p.did,
    name: p.name,
    region: p.region,
    status: p.status,
    accreditations: p.accreditations,
    ...(revoked.has(p.did) ? { revokedKeys: revoked.get(p.did)! } : {}),
  }));
  const offices = await db.all<{ id: string; region: string; name_kk: string | null; name_ru: string | null; name_en: string | null }>(
    'SELECT id, region, name_kk, name_ru, name_en FROM front_offices ORDER BY region',
  );
  const frontOffices: TrustedFrontOffice[] = offices.map((o) => ({ id: o.id, region: o.region, name: localizedName(o) }));
  return { iss: options.iss, iat, exp: iat + TRUST_LIST_LIFETIME_S, version: options.version, organizations, frontOffices };
}

/** The organizations' compromised keys (`POST /v1/organizations/{id}/keys/{keyId}/revoke`), by DID. */
async function revokedKeysByDid(db: Queryable): Promise<Map<string, RevokedKey[]>> {
  const rows = await db.all<{ did: string; fragment: string; revoked_from: string }>(
    `SELECT k.did, k.fragment, k.revoked_from FROM web_did_keys k JOIN organizations o ON o.did = k.did
      WHERE k.revoked_from IS NOT NULL ORDER BY k.did, k.number`,
  );
  const byDid = new Map<string, RevokedKey[]>();
  for (const r of rows) byDid.set(r.did, [...(byDid.get(r.did) ?? []), { kid: `${r.did}#${r.fragment}`, from: r.revoked_from }]);
  return byDid;
}

