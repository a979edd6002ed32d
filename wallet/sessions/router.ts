import { Router } from 'express';
import { createSignInLimit } from '../../shared/auth/index.ts';
import { clientAddress, loginCsrfGuard } from '../../shared/http/index.ts';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, sessionToken } from './authenticate.ts';
import { clearSessionCookie, setSessionCookie } from './cookie.ts';
import { signIn } from './create.ts';
import { endSession } from './end.ts';

export function createSessionsRouter(deps: WalletDeps): Router {
  const router = Router();
  const limit = createSignInLimit({ db: deps.db, now: deps.now });
  // JSON only and not from another site's page: a cross-site form must not sign the victim into the attacker's wallet.
  router.post('/v1/sessions', loginCsrfGuard({ publicUrl: deps.config.walletUrl }), async (req, res) => {
    const session = await signIn(deps, limit, req.body, clientAddress(req));
    setSessionCookie(res, deps.config, session.token, new Date(session.expiresAt));
    res.set('cache-control', 'no-store').json(session);
  });
  router.delete('/v1/sessions/current', requireVolunteer(deps), async (req, res) => {
    await endSession(deps.db, sessionToken(req)!.token);
    clearSessionCookie(res, deps.config);
    res.status(204).end();
  });
  return router;
}
