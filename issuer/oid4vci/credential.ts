import { randomUUID } from 'node:crypto';
import { buildVolunteerCredential, type Activity } from '../../shared/credential/index.ts';
import { hashToken } from '../../shared/crypto/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { effectiveStatus } from '../activities/view.ts';
import { issueCredential, withIssuingRetry } from '../credentials/issue.ts';
import { accreditedOrganization } from '../credentials/organization.ts';
import type { IssuerDeps } from '../deps.ts';
import { CONFIGURATION_ID } from './constants.ts';
import { consumeNonce } from './nonce.ts';
import { verifyProofJwt } from './proof.ts';

export interface CredentialResponse {
  credentials: { credential: string }[];
}

/**
 * The credential endpoint (OpenID4VCI 1.0, section 8): the access token names the activity, the
 * proof names the holder. The token works for its own offer only and only once; the nonce, the
 * token, the status index, the credential, the activity's new state and the audit entry are
 * written in one transaction.
 */
export async function issueForAccessToken(deps: IssuerDeps, accessToken: string | undefined, body: unknown): Promise<CredentialResponse> {
  if (!accessToken) throw new PassportError('invalid_token', 'The credential endpoint needs the access token as Authorization: Bearer');
  const tokenHash = hashToken(accessToken);
  await liveToken(deps, tokenHash, deps.now());
  const proofJwt = requestedProof(body);
  const proof = await verifyProofJwt(deps, proofJwt, deps.now());

  const jwt = await withIssuingRetry(() =>
    deps.db.transaction(async (tx) => {
      const now = deps.now();
      const token = await liveToken({ db: tx }, tokenHash, now);
      await consumeNonce(tx, proof.nonce, now);
      const activity = await tx.get<{ id: string; organization_id: string; status: 'offered' | 'claimed' | 'revoked' | 'withdrawn'; offer_expires_at: string; volunteer_name: string; activity: string }>(
        'SELECT id, organization_id, status, offer_expires_at, volunteer_name, activity FROM activities WHERE id = ?',
        [token.activity_id],
      );
      if (!activity || effectiveStatus(activity, now) !== 'offered') {
        throw new PassportError('credential_request_denied', 'The offer of this access token can no longer be claimed');
      }
      const organization = await accreditedOrganization(tx, activity.organization_id).catch((err: unknown) => {
        throw err instanceof PassportError && err.code === 'forbidden' ? new PassportError('credential_request_denied', err.detail) : err;
      });
      await tx.run('UPDATE access_tokens SET used_at = ? WHERE token_hash = ?', [now.toISOString(), tokenHash]);
      const credentialId = `urn:uuid:${randomUUID()}`;
      const issued = await issueCredential(
        deps,
        tx,
        {
          organization,
          credentialId,
          holderDid: proof.holderDid,
          activityId: activity.id,
          via: 'openid4vci',
          actor: { kind: 'holder', did: proof.holderDid },
          build: (status) =>
            buildVolunteerCredential({
              issuerUrl: deps.config.issuerUrl,
              id: credentialId,
              issuer: { id: organization.did, name: organization.name },
              issuanceDate: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
              subject: { id: proof.holderDid, name: activity.volunteer_name },
              activity: JSON.parse(activity.activity) as Activity,
              status,
            }),
        },
        now,
      );
      await tx.run("UPDATE activities SET status = 'claimed', updated_at = ? WHERE id = ?", [now.toISOString(), activity.id]);
      return issued.jwt;
    }),
  );
  return { credentials: [{ credential: jwt }] };
}

async function liveToken(deps: { db: Pick<IssuerDeps['db'], 'get'> }, tokenHash: string, now: Date): Promise<{ activity_id: string }> {
  const row = await deps.db.get<{ activity_id: string; expires_at: string; used_at: string | null; revoked_at: string | null }>(
    'SELECT activity_id, expires_at, used_at, revoked_at FROM access_tokens WHERE token_hash = ?',
    [tokenHash],
  );
  if (!row || row.revoked_at) throw new PassportError('invalid_token', 'The access token is not valid');
  if (row.expires_at <= now.toISOString()) throw new PassportError('invalid_token', 'The access token has expired');
  if (row.used_at) throw new PassportError('credential_request_denied', 'The credential of this access token was already issued');
  return row;
}

/**
 * The one proof JWT of a credential request: `proofs: { jwt: [jwt] }` (OpenID4VCI 1.0), or the
 * older `proof: { proof_type: 'jwt', jwt }` that earlier drafts and many wallets still send.
 */
function requestedProof(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new PassportError('invalid_credential_request', 'The credential request must be a JSON object');
  }
  const request = body as Record<string, unknown>;
  if (request.credential_identifier !== undefined) {
    throw new PassportError('invalid_credential_request', 'credential_identifier is not used by this issuer; send credential_configuration_id', { field: 'credential_identifier' });
  }
  const configuration = request.credential_configuration_id;
  const legacyFormat = configuration === undefined && request.format === 'jwt_vc_json';
  if (configuration !== CONFIGURATION_ID && !legacyFormat) {
    throw new PassportError('unknown_credential_configuration', `credential_configuration_id must be ${CONFIGURATION_ID}`, { field: 'credential_configuration_id' });
  }
  const { proofs, proof } = request as { proofs?: { jwt?: unknown }; proof?: { proof_type?: unknown; jwt?: unknown } };
  if (proofs !== undefined && proof !== undefined) {
    throw new PassportError('invalid_credential_request', 'Send either proofs or proof, not both', { field: 'proofs' });
  }
  if (proofs !== undefined) {
    if (typeof proofs !== 'object' || proofs === null || !Array.isArray(proofs.jwt)) {
      throw new PassportError('invalid_proof', 'proofs must be { "jwt": [<proof JWT>] }', { field: 'proofs' });
    }
    if (proofs.jwt.length !== 1) {
      throw new PassportError('invalid_credential_request', 'Exactly one proof is accepted: this issuer issues one credential per request', { field: 'proofs.jwt' });
    }
    return proofs.jwt[0];
  }
  if (proof !== undefined) {
    if (typeof proof !== 'object' || proof === null || proof.proof_type !== 'jwt') {
      throw new PassportError('invalid_proof', 'proof must be { "proof_type": "jwt", "jwt": <proof JWT> }', { field: 'proof' });
    }
    return proof.jwt;
  }
  throw new PassportError('invalid_proof', 'The credential request needs a proof of possession of the holder key (proofs.jwt)', { field: 'proofs' });
}
