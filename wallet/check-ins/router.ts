import { Router } from 'express';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, volunteerOf } from '../sessions/index.ts';
import { cancelCheckIn } from './cancel.ts';
import { listCheckIns, refreshCheckIns } from './refresh.ts';

/** The volunteer's event check-ins: list, ask the issuers now, cancel one. */
export function createCheckInsRouter(deps: WalletDeps): Router {
  const router = Router();
  router.use('/v1/check-ins', requireVolunteer(deps));
  router.get('/v1/check-ins', async (_req, res) => {
    res.set('cache-control', 'no-store').json(await listCheckIns(deps, volunteerOf(res)));
  });
  router.post('/v1/check-ins/refresh', async (_req, res) => {
    res.set('cache-control', 'no-store').json(await refreshCheckIns(deps, volunteerOf(res)));
  });
  router.post('/v1/check-ins/:id/cancel', async (req, res) => {
    res.json(await cancelCheckIn(deps, volunteerOf(res), req.params.id));
  });
  return router;
}
