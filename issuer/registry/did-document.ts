import type { DIDDocument } from 'did-resolver';
import { publicJwk } from '../../shared/crypto/index.ts';
import type { WebIdentity } from './web-identities.ts';

/** The fragment of every issuer-held DID's one key: credentials and lists name it in `kid`. */
export const KEY_FRAGMENT = 'key-1';

/** The verification method that signs for `did`: `{did}#key-1`. */
export function verificationMethodId(did: string): string {
  return `${did}#${KEY_FRAGMENT}`;
}

/**
 * The did:web document of an identity: one Ed25519 key as a JsonWebKey2020, authorized for
 * assertions (credentials, status lists, the trust list) and authentication.
 */
export function didDocumentOf(identity: WebIdentity): DIDDocument {
  const id = verificationMethodId(identity.did);
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: identity.did,
    verificationMethod: [
      { id, type: 'JsonWebKey2020', controller: identity.did, publicKeyJwk: publicJwk(Buffer.from(identity.publicKeyHex, 'hex')) },
    ],
    assertionMethod: [id],
    authentication: [id],
  };
}
