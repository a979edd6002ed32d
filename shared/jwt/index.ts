export { signJwt, type SignJwtOptions } from './sign.ts';
export { decodeJwtParts, type DecodedJwt } from './decode.ts';
export { verifyDidJwt, type VerifiedDidJwt, type VerifyDidJwtOptions } from './verify.ts';
