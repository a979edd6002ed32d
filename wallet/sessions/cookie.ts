import type { Response } from 'express';
import type { Config } from '../../shared/config.ts';

/** The session cookie the pages use; the API takes the same token as `Authorization: Bearer`. */
export const SESSION_COOKIE = 'passport_session';
export const SESSION_LIFETIME_MS = 12 * 60 * 60_000;

export function setSessionCookie(res: Response, config: Config, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    // Secure whenever the wallet is served over https; plain http only for localhost development.
    secure: config.walletUrl.startsWith('https:'),
    expires: expiresAt,
  });
}

export function clearSessionCookie(res: Response, config: Config): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: config.walletUrl.startsWith('https:') });
}
