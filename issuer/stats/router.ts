import { Router } from 'express';
import { actorOf, requireActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { volunteerWorkStats } from './aggregate.ts';
import { parseStatsFilters, scopeFilters } from './filters.ts';
import { recountUnlessSlow } from './recount.ts';
import { SMALL_CELL_THRESHOLD } from './small-cells.ts';

/**
 * `GET /v1/stats`: the accounting of volunteer work, for the national registry (everything) and
 * regional front offices (their region). Organizations and anonymous callers are refused.
 */
export function createStatsRouter(deps: Pick<IssuerDeps, 'db' | 'now'>): Router {
  const router = Router();
  const counted = recountUnlessSlow((filters) => volunteerWorkStats(deps.db, filters), { now: deps.now });
  router.get('/v1/stats', requireActor('registry', 'front_office'), async (req, res) => {
    const actor = actorOf(res)!;
    const filters = scopeFilters(actor, parseStatsFilters(req.query));
    const { stats, countedAt } = await counted(filters);
    res.set('cache-control', 'private, no-store').json({
      scope: actor.kind === 'front_office' ? { kind: actor.kind, region: actor.region } : { kind: actor.kind },
      smallCellThreshold: SMALL_CELL_THRESHOLD,
      countedAt: countedAt.toISOString(),
      ...stats,
    });
  });
  return router;
}
