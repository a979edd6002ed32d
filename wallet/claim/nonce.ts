import type { GuardedFetch } from '../../shared/net/index.ts';
import { issuerJson, malformed } from './steps.ts';

/** A fresh `c_nonce` from the issuer's Nonce Endpoint (OpenID4VCI 1.0, section 7), for the proof of possession. */
export async function requestNonce(fetch: GuardedFetch, nonceEndpoint: string): Promise<string> {
  const res = await fetch(nonceEndpoint, { method: 'POST', headers: { accept: 'application/json' } });
  const body = issuerJson<{ c_nonce?: unknown }>(res, 'nonce');
  if (typeof body.c_nonce !== 'string' || !body.c_nonce) throw malformed('nonce', 'the nonce response has no c_nonce');
  return body.c_nonce;
}
