import { Router } from 'express';
import { parseInput } from '../../shared/http/index.ts';
import { callerOf } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { JournalQuery, listJournal } from './list.ts';

/** `GET /v1/audit?cursor=`: the audit trail of the caller's unit and the units below it, for its admins. */
export function createJournalRouter(deps: Pick<IssuerDeps, 'db'>): Router {
  const router = Router();
  router.get('/v1/audit', async (req, res) => {
    const actor = callerOf(res);
    const query = parseInput(JournalQuery, { ...req.query });
    res.set('cache-control', 'private, no-store').json(await listJournal(deps, actor, query.cursor));
  });
  return router;
}
