import type { IncomingMessage } from 'node:http';
import { hashToken } from '../crypto/hash.ts';

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

const hashes = new WeakMap<IncomingMessage, string>();

/**
 * The SHA-256 (hex, as `hashToken` makes it) of the request's bearer token, or of the whole
 * Authorization header when it holds no bearer token; undefined without one. Computed once per
 * request: the rate limit and the authentication that follows both need it, and API keys and
 * sessions are stored under exactly this hash.
 */
export function authorizationHash(req: IncomingMessage): string | undefined {
  const known = hashes.get(req);
  if (known !== undefined) return known;
  const header = req.headers.authorization;
  if (!header) return undefined;
  const hash = hashToken(bearerToken(req) ?? header);
  hashes.set(req, hash);
  return hash;
}
