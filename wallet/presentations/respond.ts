import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import type { Volunteer } from '../accounts/index.ts';
import { checkedCredentials, loadCredentialsById } from '../credentials/index.ts';
import type { WalletDeps } from '../deps.ts';
import { parseInput } from '../../shared/http/index.ts';
import { askedClaims, identityDisclosure, presentIdentity } from './identity.ts';
import { RequestLinkSchema } from './inspect.ts';
import type { PresentationRequest } from './request.ts';
import { forgetPresentationRequest, openPresentationRequest } from './stored-request.ts';
import { signPresentation } from './vp.ts';

/** An answer is for this request only; a short life keeps a leaked one from being replayed later. */
const ANSWER_LIFETIME_MS = 5 * 60_000;

const RespondSchema = RequestLinkSchema.extend({
  credentialIds: z
    .array(z.string().min(1).max(200), { message: 'must be an array of credential ids' })
    .min(1, 'must name at least one credential')
    .max(200, 'must name at most 200 credentials')
    .refine((ids) => new Set(ids).size === ids.length, 'must not name a credential twice'),
}).strict();

export interface RequestAnswer {
  /** The HTTP status the verifier answered. */
  verifierStatus: number;
  /** Where the verifier asks the volunteer to go next, when it says. */
  redirectUri: string | null;
}

/**
 * Answers a verifier's OpenID4VP request with the chosen credentials (OpenID4VP 1.0, direct_post):
 * a VP-JWT signed by the volunteer's key, bound to the request's nonce and to the verifier's
 * client_id as audience, posted as `vp_token` (keyed by the DCQL query id) with `state`. When the
 * request asks for the volunteer's identity, the answer adds the SD-JWT VC that the respond page
 * showed, with only the asked disclosures and a Key Binding JWT for the same nonce and audience.
 */
export async function respondToRequest(deps: WalletDeps, volunteer: Volunteer, body: unknown): Promise<RequestAnswer> {
  const input = parseInput(RespondSchema, body);
  const request = await openPresentationRequest(deps, volunteer.id, input.requestUri);
  const now = deps.now();
  if (request.expiresAt && request.expiresAt <= now.toISOString()) throw new PassportError('gone', `The request expired at ${request.expiresAt}`, { field: 'requestUri' });
  const credentials = await loadCredentialsById(deps.db, volunteer.id, input.credentialIds);
  const vp = await signPresentation(deps.holders.signer(volunteer), credentials.map((c) => c.jwt), {
    now,
    expiresAt: new Date(now.getTime() + ANSWER_LIFETIME_MS),
    nonce: request.nonce,
    audience: request.clientId,
  });
  const identity = request.identityQuery ? await identityAnswer(deps, volunteer, request, input.credentialIds, now) : {};
  const form = new URLSearchParams({ vp_token: JSON.stringify({ [request.credentialQueryId]: [vp], ...identity }) });
  if (request.state) form.set('state', request.state);
  const res = await deps.fetch(request.responseUri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  });
  if (res.status >= 200 && res.status < 300) {
    await forgetPresentationRequest(deps.db, volunteer.id, input.requestUri);
    return { verifierStatus: res.status, redirectUri: redirectOf(res.text()) };
  }
  throw verifierRefused(res.status, res.text());
}

async function identityAnswer(deps: WalletDeps, volunteer: Volunteer, request: PresentationRequest, chosenIds: readonly string[], now: Date): Promise<Record<string, string[]>> {
  const query = request.identityQuery!;
  const { disclosure, chosen } = await identityDisclosure(query, await checkedCredentials(deps, volunteer.id), deps.identities, chosenIds);
  if (!chosen) {
    const missing = disclosure.missing.length ? disclosure.missing.join(', ') : 'an SD-JWT VC of the asked type';
    throw new PassportError('unprocessable', `The verifier asks for ${missing}, which no credential in this passport carries`, { field: 'requestUri' });
  }
  const presented = await presentIdentity(chosen.sdJwt, askedClaims(query), deps.holders.signer(volunteer), { nonce: request.nonce, audience: request.clientId, now });
  return { [query.id]: [presented] };
}

function redirectOf(text: string): string | null {
  try {
    const body = JSON.parse(text) as { redirect_uri?: unknown };
    return typeof body.redirect_uri === 'string' ? body.redirect_uri : null;
  } catch {
    return null;
  }
}

function verifierRefused(status: number, text: string): PassportError {
  let said = `HTTP ${status}`;
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown; detail?: unknown };
    const why = typeof body.error_description === 'string' ? body.error_description : typeof body.detail === 'string' ? body.detail : undefined;
    if (typeof body.error === 'string') said = `${body.error}${why ? `: ${why.slice(0, 300)}` : ''}`;
  } catch {
    // Not JSON: the status says enough.
  }
  const extra = { verifierStatus: status };
  if (status === 409) return new PassportError('conflict', `The verifier already has an answer to this request (${said})`, { extra });
  if (status >= 400 && status < 500) return new PassportError('unprocessable', `The verifier refused the answer (${said})`, { extra });
  return new PassportError('upstream_unavailable', `The verifier could not take the answer (${said})`, { extra });
}
