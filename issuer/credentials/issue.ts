import type { CredentialPayload } from '@veramo/core-types';
import type { BitstringStatusListEntry } from '../../shared/credential/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import { audit, type AuditActor } from '../audit/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { signingKeyOf } from '../registry/signing-key.ts';
import { allocateStatusSlot } from '../status/allocate.ts';
import type { IssuingOrganization } from './organization.ts';
import { signCredential, type SignedCredential } from './sign.ts';

export interface IssueCredentialInput {
  organization: IssuingOrganization;
  /** `urn:uuid:…`, also the JWT's `jti` and the handle for revocation. */
  credentialId: string;
  holderDid: string;
  /** The activity this credential records, when issued for one (OpenID4VCI); absent for the VC API. */
  activityId?: string;
  /** How it was asked for, for the audit trail. */
  via: 'openid4vci' | 'vc-api';
  /** Who asked: the organization's key (VC API) or the holder claiming an offer (OpenID4VCI). */
  actor: AuditActor;
  /** The unsigned credential, given its status list entry. */
  build(status: BitstringStatusListEntry): CredentialPayload;
}

export interface IssuedCredential extends SignedCredential {
  id: string;
  status: BitstringStatusListEntry;
}

/**
 * Issues one credential inside the caller's transaction: a random free status index, the
 * signature, the credential row, and the audit entry are written together or not at all.
 */
export async function issueCredential(deps: Pick<IssuerDeps, 'agent' | 'config'>, tx: Queryable, input: IssueCredentialInput, now: Date): Promise<IssuedCredential> {
  const slot = await allocateStatusSlot(tx, input.organization.id, deps.config.issuerUrl, now);
  const signed = await signCredential(deps.agent, input.build(slot.entry), await signingKeyOf(tx, input.organization.did));
  await tx.run(
    'INSERT INTO credentials (id, organization_id, activity_id, holder_did, status_list, status_index, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [input.credentialId, input.organization.id, input.activityId ?? null, input.holderDid, slot.listNo, slot.index, now.toISOString()],
  );
  await audit(tx, {
    at: now,
    actor: input.actor,
    action: 'credential.issued',
    subject: input.credentialId,
    detail: { via: input.via, activityId: input.activityId, holder: input.holderDid, statusList: slot.listNo },
  });
  return { id: input.credentialId, status: slot.entry, ...signed };
}

/**
 * Runs an issuing transaction, again when it lost a race for a status index to another instance
 * (the unique constraint refused it and the whole transaction rolled back). Under SQLite the
 * single writer makes that impossible; with several instances on PostgreSQL it is rare.
 */
export async function withIssuingRetry<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !isStatusIndexConflict(err)) throw err;
    }
  }
}

function isStatusIndexConflict(err: unknown): boolean {
  const e = err as { code?: string; message?: string; constraint?: string };
  const unique = e?.code === 'SQLITE_CONSTRAINT' || e?.code === '23505';
  return unique && /status_index|status_list/.test(`${e.message ?? ''} ${e.constraint ?? ''}`);
}
