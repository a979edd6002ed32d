import { Router } from 'express';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, volunteerOf } from '../sessions/index.ts';
import { inspectRequest } from './inspect.ts';
import { respondToRequest } from './respond.ts';

export function createPresentationsRouter(deps: WalletDeps): Router {
  const router = Router();
  router.post('/v1/presentations/requests', requireVolunteer(deps), async (req, res) => {
    res.set('cache-control', 'no-store').json(await inspectRequest(deps, volunteerOf(res), req.body));
  });
  router.post('/v1/presentations/respond', requireVolunteer(deps), async (req, res) => {
    res.json(await respondToRequest(deps, volunteerOf(res), req.body));
  });
  return router;
}
