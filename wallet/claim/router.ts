import { Router } from 'express';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, volunteerOf } from '../sessions/index.ts';
import { claimOffer } from './claim.ts';

export function createClaimRouter(deps: WalletDeps): Router {
  const router = Router();
  router.post('/v1/credentials/claim', requireVolunteer(deps), async (req, res) => {
    const answer = await claimOffer(deps, volunteerOf(res), req.body);
    // An event check-in: accepted, its credential follows once the coordinator confirms.
    res.status('checkIn' in answer ? 202 : 201).json(answer);
  });
  return router;
}
