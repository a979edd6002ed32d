import type { KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';

export interface SignJwtOptions {
  key: KeyObject;
  /** The full DID URL of the signing key, put in the `kid` header. */
  kid: string;
  alg?: 'EdDSA' | 'ES256' | 'ES384';
  typ?: string;
}

/**
 * Signs a JSON payload as a compact JWS with Node's crypto. The payload is taken as given
 * (no claims added), so callers set `iss`, `iat`, `exp` themselves.
 *
 * @example
 * const jwt = await signJwt({ iss: did, iat }, { key, kid: `${did}#key-1`, typ: 'JWT' });
 */
export async function signJwt(payload: Record<string, unknown>, options: SignJwtOptions): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: options.alg ?? 'EdDSA', kid: options.kid, ...(options.typ ? { typ: options.typ } : {}) })
    .sign(options.key);
}
