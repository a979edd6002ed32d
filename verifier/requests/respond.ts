import type { Config } from '../../shared/config.ts';
import type { Database } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Verifier } from '../verification/verifier.ts';
import { kindOf } from '../verification/verify-jwt.ts';
import { volunteerActivityVct } from '../../shared/sd-jwt-vc/index.ts';
import { iinComparison } from './iin-hash.ts';
import { IDENTITY_QUERY_ID } from './request-object.ts';
import { claimRequest, findRequest, recordResult } from './store.ts';
import { requestUrls } from './urls.ts';

export interface AuthorizationResponse {
  state: string;
  presentations: string[];
  /** What answers the identity query (`volunteer_identity`): SD-JWT VC presentations, as given. */
  identity: string[] | undefined;
}

/**
 * Reads a `direct_post` answer: `state` and a `vp_token` that is a JSON object holding, under the
 * DCQL query id `volunteer_activity`, one presentation or an array of them (OpenID4VP 1.0,
 * section 8.1), and under `volunteer_identity` the SD-JWT VC when the request asked for the IIN
 * (judged by the verification: its absence fails the identity check). A malformed answer is
 * `invalid_request` and leaves the request open.
 */
export function parseAuthorizationResponse(body: unknown): AuthorizationResponse {
  const form = (body ?? {}) as Record<string, unknown>;
  if (typeof form.state !== 'string' || !form.state) throw new PassportError('invalid_request', 'state is required', { field: 'state' });
  if (typeof form.vp_token !== 'string' || !form.vp_token) throw new PassportError('invalid_request', 'vp_token is required', { field: 'vp_token' });
  let token: unknown;
  try {
    token = JSON.parse(form.vp_token);
  } catch {
    throw new PassportError('invalid_request', 'vp_token must be a JSON object keyed by the DCQL credential query id', { field: 'vp_token' });
  }
  const entry = token && typeof token === 'object' && !Array.isArray(token) ? (token as Record<string, unknown>).volunteer_activity : undefined;
  const presentations = typeof entry === 'string' ? [entry] : Array.isArray(entry) ? entry : [];
  if (!presentations.length || presentations.length > 20 || !presentations.every((p): p is string => typeof p === 'string' && p.length > 0)) {
    throw new PassportError('invalid_request', 'vp_token.volunteer_activity must hold one to 20 presentation JWTs', { field: 'vp_token' });
  }
  presentations.forEach((jwt, i) => {
    if (!isPresentation(jwt)) throw new PassportError('invalid_request', `vp_token.volunteer_activity[${i}] is not a verifiable presentation JWT`, { field: 'vp_token' });
  });
  const identity = (token as Record<string, unknown>)[IDENTITY_QUERY_ID];
  const identities = identity === undefined ? undefined : typeof identity === 'string' ? [identity] : identity;
  if (identities !== undefined && (!Array.isArray(identities) || identities.length > 1 || !identities.every((p): p is string => typeof p === 'string' && p.length > 0 && p.length <= 64 * 1024))) {
    throw new PassportError('invalid_request', `vp_token.${IDENTITY_QUERY_ID} must hold one SD-JWT VC presentation`, { field: 'vp_token' });
  }
  return { state: form.state, presentations, identity: identities };
}

function isPresentation(jwt: string): boolean {
  try {
    return kindOf(jwt) === 'presentation';
  } catch {
    return false;
  }
}

/** A request whose typed IIN is gone (it has been compared once already) matches nothing. */
const NOTHING_TO_COMPARE = { matches: () => false };

/**
 * Accepts the one answer a request takes, verifies it with the request's nonce, audience and
 * policy, and stores the result for `GET /v1/requests/{id}`. A second answer is `conflict`; an
 * answer after the request expired is refused.
 */
export async function answerRequest(
  deps: { db: Database; verifier: Verifier; verifierUrl: string; logger: Logger; now: () => Date; config: Pick<Config, 'issuerUrl' | 'passportSecret'> },
  id: string,
  answer: AuthorizationResponse,
): Promise<void> {
  if (answer.state !== id) throw new PassportError('invalid_request', 'state does not name this request', { field: 'state' });
  const request = await findRequest(deps.db, id);
  if (!request) throw new PassportError('not_found', 'No such presentation request');
  const now = deps.now();
  if (!(await claimRequest(deps.db, id, now))) {
    const current = await findRequest(deps.db, id);
    if (current && current.status !== 'pending') throw new PassportError('conflict', 'This request has already been answered; a request takes one answer only');
    throw new PassportError('invalid_request', 'This request has expired; ask for a new one', { extra: { expiresAt: request.expiresAt } });
  }
  const { clientId } = requestUrls(deps.verifierUrl, id);
  try {
    // A request that asked for the IIN is judged on it whatever the answer holds; one that did not ignores an identity sent along.
    const identity = request.asksIin
      ? { presented: answer.identity, expected: { vct: volunteerActivityVct(deps.config.issuerUrl), iin: request.iin ? iinComparison(deps.config.passportSecret, request.iin) : NOTHING_TO_COMPARE } }
      : undefined;
    const result = await deps.verifier.verifyAnswer(answer.presentations, { nonce: request.nonce, audience: clientId }, request.policy, identity);
    await recordResult(deps.db, id, result);
  } catch (err) {
    // The answer was taken: it must end as failed, never hang as pending.
    await deps.db.run("UPDATE presentation_requests SET status = 'failed', iin_hash = NULL WHERE id = ? AND status = 'answered'", [id]);
    if (!(err instanceof PassportError)) deps.logger.error({ err, request: id }, 'verifying an answer failed');
    throw err;
  }
}
