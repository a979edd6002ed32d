import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import { SD_JWT_VC_FORMAT } from '../../shared/sd-jwt-vc/index.ts';
import { decodeJwtParts } from '../../shared/jwt/index.ts';
import type { GuardedFetch } from '../../shared/net/index.ts';

const REDIRECT_URI_PREFIX = 'redirect_uri:';

/** A verifier's OpenID4VP request, checked and reduced to what the wallet shows and answers. */
export interface PresentationRequest {
  clientId: string;
  clientName: string | null;
  purpose: Record<string, string> | null;
  policy: { minHours?: number; categories?: string[]; since?: string } | null;
  responseUri: string;
  nonce: string;
  state: string | null;
  expiresAt: string | null;
  /** The id of the DCQL credential query the answer's vp_token is keyed by. */
  credentialQueryId: string;
  /** The credential types the query asks for (`meta.type_values`), any of which will do. */
  typeValues: string[][];
  /**
   * The DCQL query for an SD-JWT VC, when the verifier asks one to be disclosed beside the
   * activities: its id, the types it takes (`meta.vct_values`), and the top-level claims it asks
   * for (`name`, `iin`). Absent (or null, from requests kept before) when it does not ask.
   */
  identityQuery?: IdentityQuery | null;
}

export interface IdentityQuery {
  id: string;
  vctValues: string[];
  claims: string[];
}

const RequestObjectSchema = z.object({
  client_id: z.string().min(1),
  response_type: z.literal('vp_token', { message: 'must be vp_token' }),
  response_mode: z.literal('direct_post', { message: 'must be direct_post (the only mode this wallet answers)' }),
  response_uri: z.string().url(),
  nonce: z.string().min(1),
  state: z.string().optional(),
  exp: z.number().optional(),
  dcql_query: z.object({
    credentials: z
      .array(
        z.object({
          id: z.string().min(1),
          format: z.string(),
          meta: z.object({ type_values: z.array(z.array(z.string())).optional(), vct_values: z.array(z.string()).optional() }).optional(),
          claims: z.array(z.object({ path: z.array(z.union([z.string(), z.number(), z.null()])).min(1) })).optional(),
        }),
      )
      .min(1),
  }),
  client_metadata: z.object({ client_name: z.string().optional() }).passthrough().optional(),
  purpose: z.record(z.string(), z.string()).optional(),
  policy: z
    .object({ minHours: z.number().optional(), categories: z.array(z.string()).optional(), since: z.string().optional() })
    .passthrough()
    .optional(),
});

/**
 * Reads an `openid4vp://?client_id=…&request_uri=…` link (or the same on https), fetches the
 * request object through the guarded fetch and checks it (contracts.md): an unsigned request
 * object, as `redirect_uri:` client ids must not sign; the client_id of the link and of the
 * object agree; the response_uri is the one the client_id names, so a request cannot send the
 * answer anywhere else; direct_post; not expired; a DCQL query for `jwt_vc_json`.
 */
export async function fetchPresentationRequest(fetch: GuardedFetch, link: string, now: Date): Promise<PresentationRequest> {
  const params = linkParameters(link);
  const requestUri = params.get('request_uri');
  const byValue = params.get('request');
  let jwt: string;
  if (requestUri) {
    const post = params.get('request_uri_method') === 'post';
    const res = await fetch(requestUri, {
      method: post ? 'POST' : 'GET',
      headers: { accept: 'application/oauth-authz-req+jwt', ...(post ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(post ? { body: '' } : {}),
    });
    if (res.status === 404 || res.status === 410) throw new PassportError('gone', `The verifier no longer has this request (HTTP ${res.status})`, { field: 'requestUri' });
    if (res.status !== 200) throw new PassportError('upstream_unavailable', `The verifier answered HTTP ${res.status} for the request object`);
    jwt = res.text().trim();
  } else if (byValue) {
    jwt = byValue;
  } else {
    throw new PassportError('invalid_request', 'requestUri carries neither request_uri nor request', { field: 'requestUri' });
  }
  return checkRequestObject(jwt, params.get('client_id'), now);
}

export function checkRequestObject(jwt: string, linkClientId: string | null, now: Date): PresentationRequest {
  const { header, payload } = decodeUnsigned(jwt);
  if (header.alg !== 'none') {
    throw unacceptable(`the request object is signed (alg ${String(header.alg)}); this wallet answers redirect_uri: clients, whose requests are unsigned`);
  }
  const parsed = RequestObjectSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw unacceptable(`${issue.path.join('.') || 'the request object'} ${issue.message}`);
  }
  const request = parsed.data;
  if (linkClientId !== null && linkClientId !== request.client_id) throw unacceptable('the client_id of the link and of the request object differ');
  if (!request.client_id.startsWith(REDIRECT_URI_PREFIX)) throw unacceptable(`the client_id ${request.client_id} does not use the redirect_uri: prefix`);
  if (request.client_id.slice(REDIRECT_URI_PREFIX.length) !== request.response_uri) {
    throw unacceptable('the response_uri is not the URL the client_id names');
  }
  if (request.exp !== undefined && request.exp * 1000 <= now.getTime()) {
    throw new PassportError('gone', `The request expired at ${new Date(request.exp * 1000).toISOString()}`, { field: 'requestUri' });
  }
  const query = request.dcql_query.credentials.find((c) => c.format === 'jwt_vc_json');
  if (!query) throw unacceptable('the DCQL query asks for no jwt_vc_json credential');
  const identity = request.dcql_query.credentials.find((c) => c.format === SD_JWT_VC_FORMAT);
  return {
    clientId: request.client_id,
    clientName: request.client_metadata?.client_name ?? null,
    purpose: request.purpose ?? null,
    policy: request.policy ? pickPolicy(request.policy) : null,
    responseUri: request.response_uri,
    nonce: request.nonce,
    state: request.state ?? null,
    expiresAt: request.exp !== undefined ? new Date(request.exp * 1000).toISOString() : null,
    credentialQueryId: query.id,
    typeValues: query.meta?.type_values ?? [],
    identityQuery: identity
      ? {
          id: identity.id,
          vctValues: identity.meta?.vct_values ?? [],
          claims: (identity.claims ?? []).flatMap((c) => (typeof c.path[0] === 'string' ? [c.path[0]] : [])),
        }
      : null,
  };
}

function linkParameters(link: string): URLSearchParams {
  const text = link.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (!scheme || !['openid4vp', 'https', 'http', 'haip', 'mdoc-openid4vp'].includes(scheme) || !text.includes('?')) {
    throw new PassportError('invalid_request', 'requestUri must be an openid4vp:// (or https://) link with parameters', { field: 'requestUri' });
  }
  return new URLSearchParams(text.slice(text.indexOf('?') + 1).split('#')[0]);
}

function decodeUnsigned(jwt: string) {
  // jose's decoder reads the header and payload whatever the signature part holds, empty included.
  try {
    return decodeJwtParts(jwt);
  } catch {
    throw unacceptable('the request object is not a JWT');
  }
}

function pickPolicy(policy: { minHours?: number | undefined; categories?: string[] | undefined; since?: string | undefined }): NonNullable<PresentationRequest['policy']> {
  return {
    ...(policy.minHours !== undefined ? { minHours: policy.minHours } : {}),
    ...(policy.categories ? { categories: policy.categories } : {}),
    ...(policy.since ? { since: policy.since } : {}),
  };
}

function unacceptable(detail: string): PassportError {
  return new PassportError('unprocessable', `The verifier's request is not acceptable: ${detail}`, { field: 'requestUri' });
}
