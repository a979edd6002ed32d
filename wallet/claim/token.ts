import type { GuardedFetch } from '../../shared/net/index.ts';
import { PRE_AUTHORIZED_GRANT } from './offer.ts';
import { issuerJson, malformed } from './steps.ts';

export interface AccessToken {
  accessToken: string;
  /** Older issuers hand the first nonce out with the token (OpenID4VCI drafts before 1.0). */
  cNonce: string | undefined;
}

/** Exchanges the pre-authorized code (and the transaction code, when the offer asks for one) for an access token. */
export async function requestAccessToken(fetch: GuardedFetch, tokenEndpoint: string, preAuthorizedCode: string, txCode?: string): Promise<AccessToken> {
  const form = new URLSearchParams({ grant_type: PRE_AUTHORIZED_GRANT, 'pre-authorized_code': preAuthorizedCode });
  if (txCode) form.set('tx_code', txCode);
  const res = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  });
  const body = issuerJson<{ access_token?: unknown; token_type?: unknown; c_nonce?: unknown }>(res, 'token');
  if (typeof body.access_token !== 'string' || !body.access_token) throw malformed('token', 'the token response has no access_token');
  if (typeof body.token_type === 'string' && body.token_type.toLowerCase() !== 'bearer') {
    throw malformed('token', `the token type ${body.token_type} is not supported (Bearer only)`);
  }
  return { accessToken: body.access_token, cNonce: typeof body.c_nonce === 'string' ? body.c_nonce : undefined };
}
