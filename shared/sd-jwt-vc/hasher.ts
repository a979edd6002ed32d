import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';

/** SHA-256 on Node's crypto, as the SD-JWT library takes it (`_sd_alg: sha-256`). */
export function sdJwtHasher(data: string | ArrayBuffer, alg: string): Uint8Array {
  return digest(data, alg);
}

/** 128-bit random salts for disclosures (RFC 9901, section 9.3). */
export function sdJwtSalt(): string {
  return generateSalt(16);
}
