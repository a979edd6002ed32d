import { Router } from 'express';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, volunteerOf } from '../sessions/index.ts';
import { claimOffer } from './claim.ts';

export function createClaimRouter(deps: WalletDeps): Router {
  const router = Router();
  router.post('/v1/credentials/claim', requireVolunteer(deps), async (req, res) => {
    res.status(201).json(await claimOffer(deps, volunteerOf(res), req.body));
  });
  return router;
}
