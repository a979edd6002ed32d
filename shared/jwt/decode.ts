import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { PassportError } from '../errors.ts';

export interface DecodedJwt {
  header: ProtectedHeaderParameters;
  payload: JWTPayload & Record<string, unknown>;
}

/** Parses a compact JWT without verifying it; `invalid_request` when it is not one. */
export function decodeJwtParts(jwt: string): DecodedJwt {
  if (typeof jwt !== 'string' || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(jwt.trim())) {
    throw new PassportError('invalid_request', 'Not a compact JWT (three base64url parts separated by dots)');
  }
  try {
    return { header: decodeProtectedHeader(jwt.trim()), payload: decodeJwt(jwt.trim()) as DecodedJwt['payload'] };
  } catch (cause) {
    throw new PassportError('invalid_request', 'The JWT header or payload is not base64url-encoded JSON', { cause });
  }
}
