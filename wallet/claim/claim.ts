import { createHash } from 'node:crypto';
import { z } from 'zod';
import { VOLUNTEER_CREDENTIAL_TYPE } from '../../shared/credential/index.ts';
import type { Queryable } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { Volunteer } from '../accounts/index.ts';
import { SD_JWT_VC_FORMAT } from '../../shared/sd-jwt-vc/index.ts';
import { acceptCredential, acceptSdJwtVc, credentialView, storeCredential, type CredentialView, type KeptSdJwt } from '../credentials/index.ts';
import type { WalletDeps } from '../deps.ts';
import { parseInput } from '../../shared/http/index.ts';
import { requestCredential } from './credential-request.ts';
import { rememberCheckIn, type CheckInView } from '../check-ins/index.ts';
import { fetchAuthorizationServer, fetchIssuerMetadata, type IssuerMetadata } from './metadata.ts';
import { requestNonce } from './nonce.ts';
import { PRE_AUTHORIZED_GRANT, parseOfferLink, resolveOffer, type CredentialOffer } from './offer.ts';
import { makeKeyProof } from './proof.ts';
import { atStep, malformed } from './steps.ts';
import { requestAccessToken } from './token.ts';

const ClaimSchema = z
  .object({
    offerUri: z.string({ message: 'must be a string' }).trim().min(1, 'must not be empty').max(8_192, 'must be at most 8192 characters'),
    txCode: z.string().trim().min(1).max(64).optional(),
  })
  .strict();

/** A claimed credential, and why an SD-JWT VC offered beside it was not kept, if it was not. */
export type ClaimWarning = { code: 'sd_jwt_vc_not_kept'; detail: string };
/** A claimed credential; or, for an event check-in answered with deferred issuance, the check-in now waiting. */
export type ClaimAnswer = (CredentialView & { warnings?: ClaimWarning[] }) | { checkIn: CheckInView & { existing: boolean } };

/**
 * Claims a credential offer with OpenID4VCI 1.0's pre-authorized code flow, against whatever
 * issuer the offer names (every URL through the guarded fetch): offer → issuer metadata →
 * authorization server metadata → token → nonce → key proof → credential. The credential is
 * checked (signature, subject, type, schema) before it is stored. When the offer also names an
 * SD-JWT VC of the activity, the same access token fetches it (one request per configuration)
 * and it is kept with the VC-JWT as one item. An offer is claimed once: its link and its code are
 * remembered as hashes, in the same transaction as the credential.
 */
export async function claimOffer(deps: WalletDeps, volunteer: Volunteer, body: unknown): Promise<ClaimAnswer> {
  const input = parseInput(ClaimSchema, body);
  const link = parseOfferLink(input.offerUri);
  const linkHash = offerHash('link', input.offerUri);
  await refuseClaimed(deps.db, [linkHash]);

  const offer = await atStep('offer', () => resolveOffer(deps.fetch, link));
  const grant = offer.grants[PRE_AUTHORIZED_GRANT]!;
  const codeHash = offerHash('code', `${offer.credential_issuer}\n${grant['pre-authorized_code']}`);
  await refuseClaimed(deps.db, [codeHash]);
  if (grant.tx_code && !input.txCode) {
    throw new PassportError('invalid_request', `This offer needs the transaction code the issuer sent separately${grant.tx_code.description ? ` (${grant.tx_code.description})` : ''}`, {
      field: 'txCode',
    });
  }

  const metadata = await atStep('issuer_metadata', () => fetchIssuerMetadata(deps.fetch, offer.credential_issuer));
  const configurationId = pickConfiguration(offer, metadata);
  const sdJwtConfiguration = pickSdJwtConfiguration(offer, metadata);
  const server = grant.authorization_server ?? metadata.authorization_servers?.[0] ?? offer.credential_issuer;
  const authorization = await atStep('authorization_server_metadata', () => fetchAuthorizationServer(deps.fetch, server));
  const token = await atStep('token', () => requestAccessToken(deps.fetch, authorization.token_endpoint, grant['pre-authorized_code'], input.txCode));

  const signer = deps.holders.signer(volunteer);
  const freshNonce = () => (metadata.nonce_endpoint ? atStep('nonce', () => requestNonce(deps.fetch, metadata.nonce_endpoint!)) : Promise.resolve(token.cNonce));
  // The display name travels only to issuers that say they take it (this issuer's extension for events, docs/events.md).
  const extra: Record<string, string> = metadata.credential_request_display_name_supported && volunteer.name ? { display_name: volunteer.name } : {};
  const fetchCredential = (configuration: string, keyAs: 'kid' | 'jwk') => {
    const ask = async (nonce: string | undefined) =>
      requestCredential(deps.fetch, metadata.credential_endpoint, token.accessToken, configuration, await makeKeyProof(signer, offer.credential_issuer, nonce, deps.now(), keyAs), extra);
    return atStep('credential', async () => {
      try {
        return await ask(await freshNonce());
      } catch (err) {
        // A nonce may expire between the two calls; one retry with a new one is what the spec expects of wallets.
        if (err instanceof PassportError && err.extra?.issuerError === 'invalid_nonce' && metadata.nonce_endpoint) return ask(await freshNonce());
        throw err;
      }
    });
  };

  const first = await fetchCredential(configurationId, 'kid');
  if ('deferred' in first) {
    // An event check-in: the credential comes later, from the Deferred Credential Endpoint.
    const deferredEndpoint = metadata.deferred_credential_endpoint;
    if (!deferredEndpoint) throw malformed('credential', 'the issuer deferred issuance but names no deferred_credential_endpoint');
    const checkIn = await atStep('storage', () =>
      rememberCheckIn(deps, volunteer, { ...first.deferred, issuer: offer.credential_issuer, accessToken: token.accessToken, deferredEndpoint, cancelEndpoint: metadata.check_in_cancel_endpoint }),
    );
    return { checkIn };
  }
  const jwt = first.credential;
  const credential = await atStep('verification', () => acceptCredential(jwt, volunteer.did, deps));
  const warnings: ClaimWarning[] = [];
  let sdJwt: KeptSdJwt | undefined;
  if (sdJwtConfiguration) {
    // The VC-JWT is the volunteer's already: an SD-JWT VC that cannot be had or kept does not cost it.
    try {
      const answer = await fetchCredential(sdJwtConfiguration.id, sdJwtConfiguration.keyAs);
      if (!('credential' in answer)) throw malformed('credential', 'the issuer deferred the SD-JWT VC');
      const text = answer.credential;
      const accepted = await atStep('verification', () => acceptSdJwtVc(text, credential, volunteer.did, sdJwtConfiguration.vct, deps));
      sdJwt = { sealed: deps.identities.seal(Buffer.from(accepted.text, 'utf8')), claims: accepted.claims };
    } catch (err) {
      if (!(err instanceof PassportError)) throw err;
      deps.logger.warn({ step: err.extra?.step, code: err.code, issuer: offer.credential_issuer }, 'the SD-JWT VC of an offer was not kept');
      warnings.push({ code: 'sd_jwt_vc_not_kept', detail: err.detail });
    }
  }
  const now = deps.now();
  await atStep('storage', () =>
    deps.db.transaction(async (tx) => {
      await rememberClaimed(tx, [linkHash, codeHash], volunteer.id, now);
      await storeCredential(tx, volunteer.id, credential, 'claim', now, sdJwt);
    }),
  );
  const view = credentialView({ ...credential, storedAt: now.toISOString(), source: 'claim', ...(sdJwt ? { sdJwt } : {}) }, await deps.status.check(credential));
  return warnings.length ? { ...view, warnings } : view;
}

/** The offered configuration this wallet can hold: a `jwt_vc_json` VolunteerActivityCredential, else any `jwt_vc_json`. */
function pickConfiguration(offer: CredentialOffer, metadata: IssuerMetadata): string {
  const supported = offer.credential_configuration_ids.filter((id) => metadata.credential_configurations_supported[id]?.format === 'jwt_vc_json');
  const volunteer = supported.find((id) => metadata.credential_configurations_supported[id]?.credential_definition?.type?.includes(VOLUNTEER_CREDENTIAL_TYPE));
  const chosen = volunteer ?? supported[0];
  if (!chosen) {
    throw new PassportError('unprocessable', `Reading the issuer's metadata failed: none of the offered configurations (${offer.credential_configuration_ids.join(', ')}) is jwt_vc_json (this passport keeps an SD-JWT VC only beside the VC-JWT of its activity)`, {
      extra: { step: 'issuer_metadata' },
    });
  }
  return chosen;
}

/**
 * The SD-JWT VC configuration offered beside the VC-JWT, if any: fetched with the same token, its
 * key proof in the form the configuration binds (`jwk` when it lists only that).
 */
function pickSdJwtConfiguration(offer: CredentialOffer, metadata: IssuerMetadata): { id: string; vct: string | undefined; keyAs: 'kid' | 'jwk' } | undefined {
  const id = offer.credential_configuration_ids.find((c) => metadata.credential_configurations_supported[c]?.format === SD_JWT_VC_FORMAT);
  if (!id) return undefined;
  const configuration = metadata.credential_configurations_supported[id]!;
  const methods = configuration.cryptographic_binding_methods_supported ?? [];
  return { id, vct: configuration.vct, keyAs: methods.includes('jwk') && !methods.includes('did:key') ? 'jwk' : 'kid' };
}

function offerHash(kind: 'link' | 'code', value: string): string {
  return createHash('sha256').update(`${kind}:${value.trim()}`).digest('hex');
}

async function refuseClaimed(db: Queryable, hashes: string[]): Promise<void> {
  for (const hash of hashes) {
    if (await db.get('SELECT 1 AS claimed FROM claimed_offers WHERE offer_hash = ?', [hash])) {
      throw new PassportError('conflict', 'This offer has already been claimed', { field: 'offerUri' });
    }
  }
}

async function rememberClaimed(tx: Queryable, hashes: string[], accountId: string, now: Date): Promise<void> {
  for (const hash of hashes) {
    const inserted = await tx.run('INSERT INTO claimed_offers (offer_hash, account_id, claimed_at) VALUES (?, ?, ?) ON CONFLICT (offer_hash) DO NOTHING', [
      hash,
      accountId,
      now.toISOString(),
    ]);
    if (inserted.changes === 0) throw new PassportError('conflict', 'This offer has already been claimed', { field: 'offerUri' });
  }
}

