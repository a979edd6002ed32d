import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys and bearer tokens are 256-bit random strings, so one SHA-256 is enough to store them:
 * no dictionary to guard against (passwords, which people choose, use scrypt instead).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh secret token with a readable prefix (`vp_org_…`), handed out once. */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A random opaque identifier for codes, nonces and share tokens. */
export function randomId(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
