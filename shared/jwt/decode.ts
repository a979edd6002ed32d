import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { PassportError } from '../errors.ts';
import { assertJsonDepth } from '../json/index.ts';

export interface DecodedJwt {
  header: ProtectedHeaderParameters;
  payload: JWTPayload & Record<string, unknown>;
}

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Parses a compact JWT without verifying it; `invalid_request` when it is not one, or when its
 * header or payload nests deeper than `MAX_JSON_DEPTH` (what a verifier echoes must serialise).
 *
 * One verification reads the same JWT several times (its kind, its claims, its signature); the
 * last few decodes are remembered by the JWT's text so that it is parsed once. The decoded
 * parts are frozen at the top level so that no caller changes what the next one reads.
 */
export function decodeJwtParts(jwt: string): DecodedJwt {
  if (typeof jwt !== 'string') throw new PassportError('invalid_request', 'Not a compact JWT (three base64url parts separated by dots)');
  const text = jwt.trim();
  const remembered = recent.get(text);
  if (remembered) return remembered;
  if (!COMPACT.test(text)) throw new PassportError('invalid_request', 'Not a compact JWT (three base64url parts separated by dots)');
  let decoded: DecodedJwt;
  try {
    decoded = { header: decodeProtectedHeader(text), payload: decodeJwt(text) as DecodedJwt['payload'] };
  } catch (cause) {
    throw new PassportError('invalid_request', 'The JWT header or payload is not base64url-encoded JSON', { cause });
  }
  assertJsonDepth(decoded.header, undefined, 'The JWT header');
  assertJsonDepth(decoded.payload, undefined, 'The JWT payload');
  Object.freeze(decoded.header);
  Object.freeze(decoded.payload);
  if (text.length > RECENT_MAX_CHARS) return decoded;
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(text, Object.freeze(decoded));
  return decoded;
}

// Enough for a presentation of many credentials and a few requests in flight; JWTs above
// `RECENT_MAX_CHARS` are not remembered, so the cache holds at most a few MB.
const RECENT = 64;
const RECENT_MAX_CHARS = 64 * 1024;
const recent = new Map<string, DecodedJwt>();
