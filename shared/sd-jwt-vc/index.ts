export * from './type.ts';
export { sdJwtHasher, sdJwtSalt } from './hasher.ts';
export { confirmationOf, holderKeyOf, type HolderJwk } from './holder-key.ts';
export { readSdJwt, type SdJwtUnderTest } from './read.ts';
