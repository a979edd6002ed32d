import { Router } from 'express';
import type { WalletDeps } from '../deps.ts';
import { createAccount } from './create.ts';

export function createAccountsRouter(deps: WalletDeps): Router {
  const router = Router();
  router.post('/v1/accounts', async (req, res) => {
    res.status(201).json(await createAccount(deps, req.body));
  });
  return router;
}
