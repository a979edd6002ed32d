import type { Response } from 'express';
import type { Config } from '../../shared/config.ts';
import { STAFF_COOKIE } from './session-actor.ts';

/**
 * The console's session cookie: HttpOnly (no script reads it), SameSite=Lax, Secure whenever the
 * issuer is served over https. It lives as long as the browser; the server ends the session
 * itself after a day without a request.
 */
export function setStaffCookie(res: Response, config: Config, token: string): void {
  res.cookie(STAFF_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: config.issuerUrl.startsWith('https:') });
}

export function clearStaffCookie(res: Response, config: Config): void {
  res.clearCookie(STAFF_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: config.issuerUrl.startsWith('https:') });
}
