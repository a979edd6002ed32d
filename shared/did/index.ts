export { didKeyFromPublicKey, didKeyDocument, publicKeyFromDidKey, multibaseEd25519, publicKeyFromMultibase } from './key.ts';
export { didWebUrl, fetchDidWebDocument, MAX_DID_DOCUMENT_BYTES } from './web.ts';
export { createDidResolver, type DidResolver, type DidResolverOptions } from './resolver.ts';
export { findVerificationKey, type VerificationKey, type VerificationRelationship } from './verification-method.ts';
