import { Router } from 'express';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, volunteerOf } from '../sessions/index.ts';
import { cancelCheckIn } from './cancel.ts';
import { listCheckIns, refreshCheckIns } from './refresh.ts';
import { createCheckInRequest, receiveOffer } from './requests.ts';

/** The volunteer's event check-ins: list, ask the issuers now, cancel one. */
export function createCheckInsRouter(deps: WalletDeps): Router {
  const router = Router();
  // The personal QR's inbox: the token in the path stands for the volunteer (no session).
  router.post('/v1/check-ins/inbox/:token', async (req, res) => {
    const answer = await receiveOffer(deps, req.params.token, req.body);
    res.status('checkIn' in answer ? 202 : 201).json('checkIn' in answer ? { status: answer.checkIn.status, existing: answer.checkIn.existing } : { status: 'claimed' });
  });
  router.use('/v1/check-ins', requireVolunteer(deps));
  router.post('/v1/check-ins/requests', async (_req, res) => {
    res.status(201).set('cache-control', 'no-store').json(await createCheckInRequest(deps, volunteerOf(res)));
  });
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
