import { Router } from 'express';
import { PassportError } from '../../shared/errors.ts';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, sessionToken } from './authenticate.ts';
import { clearSessionCookie, setSessionCookie } from './cookie.ts';
import { signIn } from './create.ts';
import { endSession } from './end.ts';

export function createSessionsRouter(deps: WalletDeps): Router {
  const router = Router();
  router.post('/v1/sessions', async (req, res) => {
    try {
      const session = await signIn(deps, req.body, req.ip ?? 'unknown');
      setSessionCookie(res, deps.config, session.token, new Date(session.expiresAt));
      res.set('cache-control', 'no-store').json(session);
    } catch (err) {
      if (err instanceof PassportError && err.code === 'rate_limited') res.set('retry-after', String(err.extra?.retryAfterSeconds ?? 900));
      throw err;
    }
  });
  router.delete('/v1/sessions/current', requireVolunteer(deps), async (req, res) => {
    await endSession(deps.db, sessionToken(req)!.token);
    clearSessionCookie(res, deps.config);
    res.status(204).end();
  });
  return router;
}
