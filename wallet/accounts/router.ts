import { Router } from 'express';
import { createSignUpLimit } from '../../shared/auth/index.ts';
import { clientAddress, loginCsrfGuard } from '../../shared/http/index.ts';
import type { WalletDeps } from '../deps.ts';
import { createAccount } from './create.ts';

export function createAccountsRouter(deps: WalletDeps): Router {
  const router = Router();
  const signUps = createSignUpLimit({ db: deps.db, now: deps.now });
  // JSON only and not from another site's page: a cross-site form must not open an account in the victim's browser.
  router.post('/v1/accounts', loginCsrfGuard({ publicUrl: deps.config.walletUrl }), async (req, res) => {
    res.status(201).json(await createAccount(deps, req.body, { signUps, client: clientAddress(req) }));
  });
  return router;
}
