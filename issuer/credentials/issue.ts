import type { CredentialPayload } from '@veramo/core-types';
import type { BitstringStatusListEntry } from '../../shared/credential/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import { audit, type AuditActor } from '../audit/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { signingKeyOf } from '../registry/signing-key.ts';
import { allocateStatusSlot, type StatusSlot } from '../status/allocate.ts';
import type { IssuingOrganization } from './organization.ts';
import { signCredential, signEnvelopedCredential, type SignedCredential, type SignedEnvelopedCredential } from './sign.ts';

export interface IssueCredentialInput {
  organization: IssuingOrganization;
  /**
   * The credential's id (`urn:uuid:…` for OpenID4VCI, what the caller gave for the VC API), also the
   * JWT's `jti` and a handle for revocation. A credential without one is recorded under its
   * status entry's id, which it carries (`credentialStatus.id`).
   */
  credentialId: string | undefined;
  /** The subject's DID ('' when the credential names none, several separated by spaces). */
  holderDid: string;
  /** A VC-JWT (VC 1.1 JWT encoding, the default) or a vc+jwt (VC 2.0, VC-JOSE-COSE, enveloped). */
  securing?: 'jwt_vc_json' | 'vc+jwt';
  /** The activity this credential records, when issued for one (OpenID4VCI); absent for the VC API. */
  activityId?: string;
  /** How it was asked for, for the audit trail. */
  via: 'openid4vci' | 'vc-api' | 'event';
  /** Who asked: the organization's key (VC API) or the holder claiming an offer (OpenID4VCI). */
  actor: AuditActor;
  /** The unsigned credential, given its status list entry: for a vc+jwt, the JWT payload itself. */
  build(status: BitstringStatusListEntry): CredentialPayload;
}

export type IssuedCredential = (SignedCredential | SignedEnvelopedCredential) & {
  /** The credential's id, or its status entry's id when it has none. */
  id: string;
  status: BitstringStatusListEntry;
};

/**
 * Issues one credential inside the caller's transaction: a random free status index, the
 * signature, the credential row, and the audit entry are written together or not at all.
 */
export async function issueCredential(deps: Pick<IssuerDeps, 'agent' | 'config'>, tx: Queryable, input: IssueCredentialInput, now: Date): Promise<IssuedCredential> {
  const slot = await allocateStatusSlot(tx, input.organization.id, deps.config.issuerUrl, now);
  const credential = input.build(slot.entry);
  const signer = await signingKeyOf(tx, input.organization.did);
  const signed =
    input.securing === 'vc+jwt'
      ? await signEnvelopedCredential(deps.agent, credential, signer, now)
      : await signCredential(deps.agent, credential, signer);
  const id = await recordCredential(tx, input, slot, now);
  return { id, status: slot.entry, ...signed };
}

/**
 * Records an issued credential and its status slot, and audits it, inside the caller's
 * transaction. For issuers that sign in another format than `issueCredential` does (an SD-JWT VC)
 * but keep one row per credential all the same, so revocation flips one bit for it.
 */
export async function recordCredential(
  tx: Queryable,
  input: Pick<IssueCredentialInput, 'organization' | 'credentialId' | 'holderDid' | 'activityId' | 'via' | 'actor'> & { format?: string },
  slot: StatusSlot,
  now: Date,
): Promise<string> {
  const id = input.credentialId ?? slot.entry.id;
  await tx.run(
    'INSERT INTO credentials (id, organization_id, activity_id, holder_did, status_list, status_index, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [id, input.organization.id, input.activityId ?? null, input.holderDid, slot.listNo, slot.index, now.toISOString()],
  );
  await audit(tx, {
    at: now,
    actor: input.actor,
    action: 'credential.issued',
    subject: id,
    unit: `organization:${input.organization.id}`,
    detail: { via: input.via, activityId: input.activityId, holder: input.holderDid, statusList: slot.listNo, ...(input.format ? { format: input.format } : {}) },
  });
  return id;
}

/**
 * Runs an issuing transaction again when it lost a race to another instance and a unique
 * constraint refused it (the whole transaction rolled back): for a status index, or for a
 * credential id given by the caller (the VC API), which the second run then finds taken and
 * answers as a conflict. Under SQLite the single writer makes that impossible; with several
 * instances on PostgreSQL it is rare.
 */
export async function withIssuingRetry<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !isIssuingConflict(err)) throw err;
    }
  }
}

function isIssuingConflict(err: unknown): boolean {
  const e = err as { code?: string; message?: string; constraint?: string };
  const unique = e?.code?.startsWith('SQLITE_CONSTRAINT') || e?.code === '23505';
  return unique && /status_index|status_list|credentials_pkey|credentials\.id\b/.test(`${e.message ?? ''} ${e.constraint ?? ''}`);
}
