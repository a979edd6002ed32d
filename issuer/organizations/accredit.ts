import { z } from 'zod';
import { didWebFromUrl } from '../../shared/config.ts';
import { PassportError } from '../../shared/errors.ts';
import { audit, describeActor } from '../audit/index.ts';
import { createApiKey, mayAccredit, type Actor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { bin, contact, regionCode, slug, someName } from '../registry/fields.ts';
import type { WebIdentities } from '../registry/web-identities.ts';

export const OrganizationInput = z.object({ id: slug, name: someName, region: regionCode, bin: bin.optional(), contact: contact.optional() }).strict();
export type OrganizationInput = z.infer<typeof OrganizationInput>;

export interface AccreditedOrganization {
  id: string;
  did: string;
  /** Handed out once; only its hash is kept. */
  apiKey: string;
  /** The key's public id, as the audit trail names it (`key:<id>`). */
  apiKeyId: string;
  status: 'accredited';
}

/**
 * Accredits an organization: its own did:web and Ed25519 key (held by the agent), the profile,
 * the first accreditation interval (open from now), its API key and the audit record.
 *
 * The DID is created before the transaction, because the agent writes on its own. A crash in
 * between leaves an identity with no organization; the retry finds and reuses it, so the
 * organization keeps the one key its DID was first given.
 */
export async function accreditOrganization(
  deps: Pick<IssuerDeps, 'config' | 'db' | 'now'>,
  identities: WebIdentities,
  actor: Actor,
  input: OrganizationInput,
): Promise<AccreditedOrganization> {
  if (!mayAccredit(actor, input.region)) {
    throw new PassportError('forbidden', `A front office accredits organizations in its own region only, not in ${input.region}`, { field: 'region' });
  }
  if (await deps.db.get('SELECT id FROM organizations WHERE id = ?', [input.id])) throw duplicate(input.id);
  const { did } = await identities.ensure(didWebFromUrl(deps.config.issuerUrl, 'orgs', input.id));
  const now = deps.now();
  const at = now.toISOString();
  const by = describeActor(actor);
  const key = await deps.db.transaction(async (tx) => {
    const { changes } = await tx.run(
      `INSERT INTO organizations (id, did, name_kk, name_ru, name_en, region, bin, contact, status, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'accredited', ?, ?) ON CONFLICT DO NOTHING`,
      [input.id, did, input.name.kk ?? null, input.name.ru ?? null, input.name.en ?? null, input.region, input.bin ?? null, input.contact ?? null, at, by],
    );
    // Two requests for the same id at once: both passed the check above, only one row lands.
    if (changes === 0) throw duplicate(input.id);
    await tx.run('INSERT INTO accreditation_intervals (organization_id, seq, accredited_from, granted_by) VALUES (?, 1, ?, ?)', [input.id, at, by]);
    const created = await createApiKey(tx, { kind: 'organization', id: input.id }, at);
    await audit(tx, { at: now, actor, action: 'organization.accredited', subject: input.id, detail: { did, region: input.region, apiKeyId: created.id } });
    return created;
  });
  return { id: input.id, did, apiKey: key.apiKey, apiKeyId: key.id, status: 'accredited' };
}

function duplicate(id: string): PassportError {
  return new PassportError('conflict', `An organization with id ${id} exists already`, { field: 'id' });
}
