import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { DIDDocument, VerificationMethod } from 'did-resolver';
import { base58 } from '@scure/base';
import { LruCache } from '../crypto/lru.ts';
import { PassportError } from '../errors.ts';
import { publicKeyFromMultibase } from './key.ts';

export type VerificationRelationship = 'assertionMethod' | 'authentication';

export interface VerificationKey {
  id: string;
  key: KeyObject;
  /** The one JWS algorithm this key may sign with; a JWT's own `alg` header is never trusted. */
  alg: 'EdDSA' | 'ES256' | 'ES384';
}

/**
 * The key a DID document authorizes for `relationship` under `kid` (a full DID URL or a bare
 * `#fragment`). When `kid` is absent the document must authorize exactly one key.
 */
export function findVerificationKey(doc: DIDDocument, kid: string | undefined, relationship: VerificationRelationship): VerificationKey {
  const authorized = (doc[relationship] ?? []).map((ref) => (typeof ref === 'string' ? ref : ref.id)).map((id) => absolute(doc.id, id));
  const methods = new Map<string, VerificationMethod>();
  for (const vm of [...(doc.verificationMethod ?? []), ...(doc[relationship] ?? []).filter((r): r is VerificationMethod => typeof r !== 'string')]) {
    methods.set(absolute(doc.id, vm.id), vm);
  }
  let id: string | undefined;
  if (kid) {
    id = absolute(doc.id, kid);
    if (!authorized.includes(id)) {
      throw new PassportError('unprocessable', `The key ${kid} is not authorized for ${relationship} in ${doc.id}`);
    }
  } else {
    if (authorized.length !== 1) throw new PassportError('unprocessable', `No kid given and ${doc.id} has ${authorized.length} ${relationship} keys`);
    id = authorized[0]!;
  }
  const vm = methods.get(id);
  if (!vm) throw new PassportError('unprocessable', `The DID document of ${doc.id} has no verification method ${id}`);
  return { id, ...keyOf(vm) };
}

function absolute(did: string, id: string): string {
  return id.startsWith('#') ? did + id : id;
}

function keyOf(vm: VerificationMethod): { key: KeyObject; alg: VerificationKey['alg'] } {
  let jwk: JsonWebKey;
  if (vm.publicKeyJwk) {
    jwk = vm.publicKeyJwk as JsonWebKey;
  } else if (vm.publicKeyMultibase) {
    jwk = { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyFromMultibase(vm.publicKeyMultibase)).toString('base64url') };
  } else if (vm.publicKeyBase58 && /Ed25519/.test(vm.type)) {
    jwk = { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(base58.decode(vm.publicKeyBase58)).toString('base64url') };
  } else {
    throw new PassportError('unprocessable', `The verification method ${vm.id} has no supported public key`);
  }
  const alg = algFor(jwk);
  const cacheKey = `${jwk.kty}:${jwk.crv}:${jwk.x}:${jwk.y ?? ''}`;
  const cached = importedKeys.get(cacheKey);
  if (cached) return { key: cached, alg };
  try {
    const key = createPublicKey({ format: 'jwk', key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } as JsonWebKey });
    importedKeys.set(cacheKey, key);
    return { key, alg };
  } catch (cause) {
    throw new PassportError('unprocessable', `The public key of ${vm.id} is malformed`, { cause });
  }
}

// Importing a key costs more than verifying with it; keys are immutable values, so the cache
// is keyed by the key material itself and never goes stale.
const importedKeys = new LruCache<string, KeyObject>(10_000, 24 * 3_600_000);

function algFor(jwk: JsonWebKey): VerificationKey['alg'] {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'EC' && jwk.crv === 'P-384') return 'ES384';
  throw new PassportError('unprocessable', `Unsupported key type ${jwk.kty}/${jwk.crv ?? ''}`);
}
