import type { DIDDocument } from 'did-resolver';
import { publicJwk } from '../../shared/crypto/index.ts';
import type { WebIdentity } from './web-identities.ts';

/** The fragment of a DID's first key; the registry's DID keeps only this one. */
export const KEY_FRAGMENT = 'key-1';

/** The verification method of `did`'s first key: `{did}#key-1`. */
export function verificationMethodId(did: string): string {
  return `${did}#${KEY_FRAGMENT}`;
}

/**
 * The did:web document of an identity: each of its Ed25519 keys as a JsonWebKey2020, oldest
 * first, all authorized for assertions (credentials, status lists, the trust list) and
 * authentication. A rotated-out key stays, so what it signed keeps verifying; a compromised one
 * stays too, and the registry's trust list says from when what it signed is disowned (a
 * verifier that judged by the DID document alone could not tell a credential signed before the
 * compromise from one forged after it).
 */
export function didDocumentOf(identity: WebIdentity): DIDDocument {
  const ids = identity.keys.map((k) => `${identity.did}#${k.fragment}`);
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: identity.did,
    verificationMethod: identity.keys.map((k, i) => ({
      id: ids[i]!,
      type: 'JsonWebKey2020',
      controller: identity.did,
      publicKeyJwk: publicJwk(Buffer.from(k.publicKeyHex, 'hex')),
    })),
    assertionMethod: ids,
    authentication: ids,
  };
}
