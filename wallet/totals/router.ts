import { Router } from 'express';
import { checkedCredentials } from '../credentials/index.ts';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, volunteerOf } from '../sessions/index.ts';
import { summarize } from './summarize.ts';

export function createTotalsRouter(deps: WalletDeps): Router {
  const router = Router();
  router.get('/v1/summary', requireVolunteer(deps), async (_req, res) => {
    res.set('cache-control', 'no-store').json(summarize(await checkedCredentials(deps, volunteerOf(res).id)));
  });
  return router;
}
