import { randomUUID } from 'node:crypto';
import type { CredentialPayload } from '@veramo/core-types';
import { buildVolunteerCredential, type Activity } from '../../shared/credential/index.ts';
import { hashToken } from '../../shared/crypto/index.ts';
import { forUpdate, type Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { DIGESTS_PER_CREDENTIAL, DISCLOSABLE_CLAIMS, SD_JWT_VC_FORMAT } from '../../shared/sd-jwt-vc/index.ts';
import { iinVault } from '../activities/iin.ts';
import { effectiveStatus } from '../activities/view.ts';
import { audit } from '../audit/index.ts';
import { recordCredential, withIssuingRetry } from '../credentials/issue.ts';
import { accreditedOrganization, type IssuingOrganization } from '../credentials/organization.ts';
import { signCredential, signSdJwtCredential } from '../credentials/sign.ts';
import { signingKeyOf } from '../registry/signing-key.ts';
import type { IssuerDeps } from '../deps.ts';
import { allocateStatusSlot, type StatusSlot } from '../status/allocate.ts';
import { statusEntry } from '../status/url.ts';
import { CONFIGURATION_ID, SD_JWT_CONFIGURATION_ID, type ConfigurationId } from './constants.ts';
import { readCredentialRequest } from './credential-request.ts';
import { consumeNonce } from './nonce.ts';
import { verifyProofJwt } from './proof.ts';
import { sdJwtVcClaims } from './sd-jwt-claims.ts';

export interface CredentialResponse {
  credentials: { credential: string }[];
}

export interface ActivityRow {
  id: string;
  organization_id: string;
  status: 'offered' | 'claimed' | 'revoked' | 'withdrawn';
  offer_expires_at: string;
  volunteer_name: string;
  volunteer_iin_sealed: string | null;
  activity: string;
}

/** The credential already issued for the activity through the same access token, in its other format. */
interface EarlierCredential {
  id: string;
  holder_did: string;
  status_list: number;
  status_index: number;
  revoked_at: string | null;
}

/**
 * The credential endpoint (OpenID4VCI 1.0, section 8): the access token names the activity, the
 * proof names the holder, the configuration the format. One token fetches each offered
 * configuration once: the VC-JWT and the SD-JWT VC of one activity, in either order, bound to the
 * same holder key and sharing one credential row, so one revocation flips one status bit for
 * both. The nonce, the token's use, the status index, the credential row, the activity's new
 * state and the audit entry are written in one transaction.
 */
export async function issueForAccessToken(deps: IssuerDeps, accessToken: string | undefined, body: unknown): Promise<CredentialResponse> {
  if (!accessToken) throw new PassportError('invalid_token', 'The credential endpoint needs the access token as Authorization: Bearer');
  const tokenHash = hashToken(accessToken);
  const { activity_id: activityId } = await liveToken(deps.db, tokenHash, deps.now());
  const request = readCredentialRequest(body);
  const proof = await verifyProofJwt(deps, request.proof, deps.now(), { acceptJwk: request.configurationId === SD_JWT_CONFIGURATION_ID });

  const jwt = await withIssuingRetry(() =>
    deps.db.transaction(async (tx) => {
      const now = deps.now();
      await consumeNonce(tx, proof.nonce, now);
      // The activity's row is locked before the token is checked again: two requests with one
      // token on two instances queue here, and the second sees the token's configuration used. A
      // withdrawal locks the activity first as well, so the two never wait on each other in a circle.
      const activity = await tx.get<ActivityRow>(
        `SELECT id, organization_id, status, offer_expires_at, volunteer_name, volunteer_iin_sealed, activity FROM activities WHERE id = ?${forUpdate(tx)}`,
        [activityId],
      );
      await liveToken(tx, tokenHash, now);
      if (!activity) throw new PassportError('credential_request_denied', 'The offer of this access token can no longer be claimed');
      const earlier = await earlierThroughToken(tx, tokenHash, activity.id);
      await useTokenFor(tx, tokenHash, request.configurationId, now);
      if (earlier) {
        if (activity.status !== 'claimed' || earlier.revoked_at) throw new PassportError('credential_request_denied', 'The credential of this offer has been revoked');
        if (earlier.holder_did !== proof.holderDid) {
          throw new PassportError('invalid_proof', 'Both credentials of an offer are bound to one key: this proof is signed by another key than the first', { field: 'proof' });
        }
      } else if (effectiveStatus(activity, now) !== 'offered') {
        throw new PassportError('credential_request_denied', 'The offer of this access token can no longer be claimed');
      }
      const organization = await accreditedOrganization(tx, activity.organization_id).catch((err: unknown) => {
        throw err instanceof PassportError && err.code === 'forbidden' ? new PassportError('credential_request_denied', err.detail) : err;
      });
      const credentialId = earlier?.id ?? `urn:uuid:${randomUUID()}`;
      const slot = earlier ? earlierSlot(deps.config.issuerUrl, organization.id, earlier) : await allocateStatusSlot(tx, organization.id, deps.config.issuerUrl, now);
      const signed = await sign(deps, tx, request.configurationId, { organization, activity, credentialId, holderDid: proof.holderDid, slot }, now);
      const actor = { kind: 'holder' as const, did: proof.holderDid };
      const record = { organization, credentialId, holderDid: proof.holderDid, activityId: activity.id, via: 'openid4vci' as const, actor, format: formatOf(request.configurationId) };
      if (earlier) {
        await audit(tx, { at: now, actor, action: 'credential.issued', subject: earlier.id, detail: { via: record.via, activityId: activity.id, holder: proof.holderDid, format: record.format } });
      } else {
        await recordCredential(tx, record, slot, now);
        await tx.run("UPDATE activities SET status = 'claimed', updated_at = ? WHERE id = ?", [now.toISOString(), activity.id]);
      }
      return signed;
    }),
  );
  return { credentials: [{ credential: jwt }] };
}

export interface SigningInput {
  organization: IssuingOrganization;
  activity: ActivityRow;
  credentialId: string;
  holderDid: string;
  slot: StatusSlot;
}

/** Signs the activity's credential in the configuration's format (also for an event's deferred credential). */
export async function sign(deps: IssuerDeps, tx: Queryable, configurationId: ConfigurationId, input: SigningInput, now: Date): Promise<string> {
  const { organization, activity, holderDid, slot } = input;
  const signer = await signingKeyOf(tx, organization.did);
  if (configurationId === CONFIGURATION_ID) {
    const credential = buildVolunteerCredential({
      issuerUrl: deps.config.issuerUrl,
      id: input.credentialId,
      issuer: { id: organization.did, name: organization.name },
      issuanceDate: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      subject: { id: holderDid, name: activity.volunteer_name },
      activity: JSON.parse(activity.activity) as Activity,
      status: slot.entry,
    });
    return (await signCredential(deps.agent, credential as unknown as CredentialPayload, signer)).jwt;
  }
  const iin = activity.volunteer_iin_sealed ? iinVault(deps.config.passportSecret).open(activity.volunteer_iin_sealed) : undefined;
  const claims = sdJwtVcClaims({
    issuerUrl: deps.config.issuerUrl,
    organizationName: organization.name,
    holderDid,
    volunteerName: activity.volunteer_name,
    iin,
    activity: JSON.parse(activity.activity) as Activity,
    status: slot.entry,
    now,
  });
  const disclosable = DISCLOSABLE_CLAIMS.filter((c) => claims[c] !== undefined);
  return signSdJwtCredential(deps.agent, claims, signer, { disclosable, decoys: DIGESTS_PER_CREDENTIAL - disclosable.length });
}

function formatOf(configurationId: ConfigurationId): string {
  return configurationId === CONFIGURATION_ID ? 'jwt_vc_json' : SD_JWT_VC_FORMAT;
}

async function liveToken(db: Pick<Queryable, 'get'>, tokenHash: string, now: Date): Promise<{ activity_id: string }> {
  const row = await db.get<{ activity_id: string; expires_at: string; revoked_at: string | null }>(
    'SELECT activity_id, expires_at, revoked_at FROM access_tokens WHERE token_hash = ?',
    [tokenHash],
  );
  if (!row || row.revoked_at) throw new PassportError('invalid_token', 'The access token is not valid');
  if (row.expires_at <= now.toISOString()) throw new PassportError('invalid_token', 'The access token has expired');
  return row;
}

/** A token fetches each configuration once: the primary key refuses a second use. */
async function useTokenFor(tx: Queryable, tokenHash: string, configurationId: ConfigurationId, now: Date): Promise<void> {
  const { changes } = await tx.run(
    'INSERT INTO access_token_credentials (token_hash, configuration_id, issued_at) VALUES (?, ?, ?) ON CONFLICT (token_hash, configuration_id) DO NOTHING',
    [tokenHash, configurationId, now.toISOString()],
  );
  if (changes !== 1) throw new PassportError('credential_request_denied', `The ${configurationId} credential of this access token was already issued`);
  await tx.run('UPDATE access_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL', [now.toISOString(), tokenHash]);
}

/** The activity's credential, when this very token fetched it in another configuration. */
async function earlierThroughToken(tx: Queryable, tokenHash: string, activityId: string): Promise<EarlierCredential | undefined> {
  const used = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM access_token_credentials WHERE token_hash = ?', [tokenHash]);
  if (Number(used?.n ?? 0) === 0) return undefined;
  return tx.get<EarlierCredential>('SELECT id, holder_did, status_list, status_index, revoked_at FROM credentials WHERE activity_id = ?', [activityId]);
}

function earlierSlot(issuerUrl: string, organizationId: string, earlier: EarlierCredential): StatusSlot {
  return { listNo: earlier.status_list, index: earlier.status_index, entry: statusEntry(issuerUrl, organizationId, earlier.status_list, earlier.status_index) };
}
