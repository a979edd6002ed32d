import { base58 } from '@scure/base';
import type { DIDDocument } from 'did-resolver';
import { PassportError } from '../errors.ts';

/** Multicodec prefix of an Ed25519 public key (0xed, varint-encoded). */
const ED25519_PUB = Uint8Array.of(0xed, 0x01);

/**
 * did:key for Ed25519 (the only key type holders get here): `did:key:z6Mk…`, the base58btc
 * multibase of the multicodec-prefixed public key.
 *
 * @example
 * const did = didKeyFromPublicKey(keys.publicKey); // did:key:z6Mk…
 */
export function didKeyFromPublicKey(publicKey: Uint8Array): string {
  return `did:key:${multibaseEd25519(publicKey)}`;
}

export function multibaseEd25519(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new Error('An Ed25519 public key has 32 bytes');
  const bytes = new Uint8Array(34);
  bytes.set(ED25519_PUB, 0);
  bytes.set(publicKey, 2);
  return `z${base58.encode(bytes)}`;
}

/** The raw Ed25519 public key of a `z6Mk…` multibase value (multicodec-prefixed or not). */
export function publicKeyFromMultibase(value: string): Uint8Array {
  if (!value.startsWith('z')) throw new PassportError('invalid_request', 'Only base58btc (z…) multibase keys are supported');
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(value.slice(1));
  } catch {
    throw new PassportError('invalid_request', 'The multibase key is not valid base58btc');
  }
  if (bytes.length === 34 && bytes[0] === ED25519_PUB[0] && bytes[1] === ED25519_PUB[1]) return bytes.slice(2);
  if (bytes.length === 32) return bytes;
  throw new PassportError('invalid_request', 'The multibase value is not an Ed25519 public key');
}

/** The Ed25519 public key inside a did:key, or a `PassportError` for any other key type. */
export function publicKeyFromDidKey(did: string): Uint8Array {
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)$/.exec(did.split('#')[0]!);
  if (!match) throw new PassportError('invalid_request', `Not a did:key: ${did.slice(0, 100)}`);
  const bytes = base58.decode(match[1]!.slice(1));
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB[0] || bytes[1] !== ED25519_PUB[1]) {
    throw new PassportError('invalid_request', 'Only Ed25519 did:key identifiers (did:key:z6Mk…) are supported');
  }
  return bytes.slice(2);
}

/** The DID document of an Ed25519 did:key (did:key method, section 3.1.2), computed, never fetched. */
export function didKeyDocument(did: string): DIDDocument {
  const publicKey = publicKeyFromDidKey(did);
  const fragment = multibaseEd25519(publicKey);
  const id = `${did}#${fragment}`;
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'],
    id: did,
    verificationMethod: [{ id, type: 'Ed25519VerificationKey2020', controller: did, publicKeyMultibase: fragment }],
    authentication: [id],
    assertionMethod: [id],
    capabilityInvocation: [id],
    capabilityDelegation: [id],
  };
}
