import type { Request, RequestHandler, Response } from 'express';
import { hashToken } from '../../shared/crypto/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { bearerToken } from '../../shared/http/index.ts';
import { cookie } from '../../shared/i18n/index.ts';
import { findVolunteer, type Volunteer } from '../accounts/index.ts';
import type { WalletDeps } from '../deps.ts';
import { SESSION_COOKIE } from './cookie.ts';

/** The session token of a request: the bearer token first, then the pages' cookie. */
export function sessionToken(req: Request): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const bearer = bearerToken(req);
  if (bearer) return { token: bearer, via: 'bearer' };
  const fromCookie = cookie(req, SESSION_COOKIE);
  return fromCookie ? { token: fromCookie, via: 'cookie' } : undefined;
}

/**
 * Lets only a signed-in volunteer through and leaves them in `res.locals.volunteer`. Writes that
 * the cookie authenticates have already passed the app's `cookieCsrfGuard` (own origin, no form
 * media types) before they get here.
 */
export function requireVolunteer(deps: Pick<WalletDeps, 'db' | 'now'>): RequestHandler {
  return async (req, res, next) => {
    const session = sessionToken(req);
    if (!session) throw new PassportError('unauthorized', 'Sign in first: send Authorization: Bearer <token> or the session cookie');
    const row = await deps.db.get<{ account_id: string }>('SELECT account_id FROM sessions WHERE token_hash = ? AND expires_at > ?', [
      hashToken(session.token),
      deps.now().toISOString(),
    ]);
    const volunteer = row && (await findVolunteer(deps.db, row.account_id));
    if (!volunteer) throw new PassportError('unauthorized', 'The session has ended or the token is not valid; sign in again');
    res.locals.volunteer = volunteer;
    next();
  };
}

/** The signed-in volunteer; for use after `requireVolunteer`. */
export function volunteerOf(res: Response): Volunteer {
  const volunteer = res.locals.volunteer as Volunteer | undefined;
  if (!volunteer) throw new PassportError('unauthorized', 'Sign in first');
  return volunteer;
}
