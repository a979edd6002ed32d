import { didKeyFromPublicKey, publicKeyFromDidKey } from '../did/index.ts';
import { publicJwk } from '../crypto/index.ts';

/** The Ed25519 public key an SD-JWT VC is bound to (`cnf.jwk`), as a JWK. */
export type HolderJwk = { kty: 'OKP'; crv: 'Ed25519'; x: string };

/** `cnf` for a holder's did:key (RFC 7800): the key itself, so any verifier can check the key binding. */
export function confirmationOf(holderDid: string): { jwk: HolderJwk } {
  return { jwk: publicJwk(publicKeyFromDidKey(holderDid)) };
}

/**
 * The holder's Ed25519 key named by `cnf.jwk`, and the did:key it is: the same key a volunteer's
 * VC-JWTs are bound to, so a verifier can tell that an SD-JWT VC and a presentation are one
 * person's. Undefined for anything but an Ed25519 public JWK.
 */
export function holderKeyOf(cnf: unknown): { publicKey: Uint8Array; did: string; jwk: HolderJwk } | undefined {
  const jwk = typeof cnf === 'object' && cnf !== null ? (cnf as { jwk?: unknown }).jwk : undefined;
  if (typeof jwk !== 'object' || jwk === null) return undefined;
  const { kty, crv, x, d } = jwk as Record<string, unknown>;
  if (kty !== 'OKP' || crv !== 'Ed25519' || typeof x !== 'string' || d !== undefined) return undefined;
  const publicKey = Buffer.from(x, 'base64url');
  if (publicKey.length !== 32 || publicKey.toString('base64url') !== x) return undefined;
  return { publicKey, did: didKeyFromPublicKey(publicKey), jwk: { kty, crv, x } };
}
