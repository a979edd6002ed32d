import { Router } from 'express';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, volunteerOf } from '../sessions/index.ts';
import { exportPassport } from './export.ts';
import { importPassport } from './import.ts';

export function createExchangeRouter(deps: WalletDeps): Router {
  const router = Router();
  router.get('/v1/export', requireVolunteer(deps), async (_req, res) => {
    const file = await exportPassport(deps, volunteerOf(res));
    res
      .set('cache-control', 'no-store')
      .attachment(`volunteer-passport-${file.exportedAt.slice(0, 10)}.json`)
      .type('application/json')
      .send(JSON.stringify(file, null, 2));
  });
  router.post('/v1/import', requireVolunteer(deps), async (req, res) => {
    const results = await importPassport(deps, volunteerOf(res), req.body);
    res.json({ imported: results.filter((r) => r.imported).length, refused: results.filter((r) => !r.imported).length, results });
  });
  return router;
}
