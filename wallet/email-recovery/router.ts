import { Router } from 'express';
import { createSignInLimit } from '../../shared/auth/index.ts';
import { clientAddress, loginCsrfGuard } from '../../shared/http/index.ts';
import { isLanguage, pickLanguage } from '../../shared/i18n/index.ts';
import type { Request } from 'express';
import type { Language } from '../../shared/credential/index.ts';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, volunteerOf } from '../sessions/index.ts';
import { addEmail, removeEmail } from './add-email.ts';
import { completePasswordReset } from './complete-reset.ts';
import { confirmEmail } from './confirm-email.ts';
import { requestPasswordReset } from './request-reset.ts';

/** The language of the e-mail: `?lang=`, else the page's cookie or Accept-Language. */
function mailLanguage(req: Request): Language {
  return isLanguage(req.query.lang) ? req.query.lang : pickLanguage(req);
}

/**
 * Optional e-mail recovery (docs/wallet.md): add and confirm an address when signed in, then
 * "forgot password" mails a single-use link that sets a new one. Every route answers 404 when
 * the wallet has no `SMTP_URL`.
 */
export function createEmailRecoveryRouter(deps: WalletDeps): Router {
  const router = Router();
  const signIns = createSignInLimit({ db: deps.db, now: deps.now });
  // Routes without a session: JSON only and same-site, like sign-in.
  const loginGuard = loginCsrfGuard({ publicUrl: deps.config.walletUrl });
  router.put('/v1/account/email', requireVolunteer(deps), async (req, res) => {
    res.status(202).set('cache-control', 'no-store').json(await addEmail(deps, signIns, volunteerOf(res), req.body, { client: clientAddress(req), lang: mailLanguage(req) }));
  });
  router.delete('/v1/account/email', requireVolunteer(deps), async (_req, res) => {
    await removeEmail(deps, volunteerOf(res));
    res.status(204).end();
  });
  router.post('/v1/account/email/confirm', loginGuard, async (req, res) => {
    res.set('cache-control', 'no-store').json(await confirmEmail(deps, req.body));
  });
  router.post('/v1/account/password-reset', loginGuard, async (req, res) => {
    await requestPasswordReset(deps, req.body, { client: clientAddress(req), lang: mailLanguage(req) });
    res.status(202).set('cache-control', 'no-store').json({ status: 'accepted' });
  });
  router.post('/v1/account/password-reset/complete', loginGuard, async (req, res) => {
    await completePasswordReset(deps, req.body);
    res.status(204).end();
  });
  return router;
}
