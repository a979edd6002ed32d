import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { PassportError } from '../errors.ts';
import { assertJsonDepth } from '../json/index.ts';

export interface DecodedJwt {
  header: ProtectedHeaderParameters;
  payload: JWTPayload & Record<string, unknown>;
}

/**
 * Parses a compact JWT without verifying it; `invalid_request` when it is not one, or when its
 * header or payload nests deeper than `MAX_JSON_DEPTH` (what a verifier echoes must serialise).
 */
export function decodeJwtParts(jwt: string): DecodedJwt {
  if (typeof jwt !== 'string' || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(jwt.trim())) {
    throw new PassportError('invalid_request', 'Not a compact JWT (three base64url parts separated by dots)');
  }
  let decoded: DecodedJwt;
  try {
    decoded = { header: decodeProtectedHeader(jwt.trim()), payload: decodeJwt(jwt.trim()) as DecodedJwt['payload'] };
  } catch (cause) {
    throw new PassportError('invalid_request', 'The JWT header or payload is not base64url-encoded JSON', { cause });
  }
  assertJsonDepth(decoded.header, undefined, 'The JWT header');
  assertJsonDepth(decoded.payload, undefined, 'The JWT payload');
  return decoded;
}
