import type { Database } from '../../shared/db/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Verifier } from '../verification/verifier.ts';
import { kindOf } from '../verification/verify-jwt.ts';
import { claimRequest, findRequest, recordResult } from './store.ts';
import { requestUrls } from './urls.ts';

export interface AuthorizationResponse {
  state: string;
  presentations: string[];
}

/**
 * Reads a `direct_post` answer: `state` and a `vp_token` that is a JSON object holding, under the
 * DCQL query id `volunteer_activity`, one presentation or an array of them (OpenID4VP 1.0,
 * section 8.1). A malformed answer is `invalid_request` and leaves the request open.
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
  return { state: form.state, presentations };
}

function isPresentation(jwt: string): boolean {
  try {
    return kindOf(jwt) === 'presentation';
  } catch {
    return false;
  }
}

/**
 * Accepts the one answer a request takes, verifies it with the request's nonce, audience and
 * policy, and stores the result for `GET /v1/requests/{id}`. A second answer is `conflict`; an
 * answer after the request expired is refused.
 */
export async function answerRequest(
  deps: { db: Database; verifier: Verifier; verifierUrl: string; logger: Logger; now: () => Date },
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
    const result = await deps.verifier.verifyAnswer(answer.presentations, { nonce: request.nonce, audience: clientId }, request.policy);
    await recordResult(deps.db, id, result);
  } catch (err) {
    // The answer was taken: it must end as failed, never hang as pending.
    await deps.db.run("UPDATE presentation_requests SET status = 'failed' WHERE id = ? AND status = 'answered'", [id]);
    if (!(err instanceof PassportError)) deps.logger.error({ err, request: id }, 'verifying an answer failed');
    throw err;
  }
}
