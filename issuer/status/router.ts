import { Router } from 'express';
import { PassportError } from '../../shared/errors.ts';
import type { IssuerDeps } from '../deps.ts';
import { publishedStatusList } from './publish.ts';

/**
 * `GET /status/{org}/{list}`: anyone. Verifiers poll this for every credential they check, so it
 * is cacheable for a minute and answers `304` to a matching `If-None-Match`.
 */
export function createStatusRouter(deps: IssuerDeps): Router {
  const router = Router();
  router.get('/status/:org/:list', async (req, res) => {
    const listNo = Number(req.params.list);
    if (!Number.isInteger(listNo) || listNo < 1) throw new PassportError('not_found', `No status list ${req.params.list}`);
    const { jwt, etag } = await publishedStatusList(deps, req.params.org, listNo);
    res.set({ 'cache-control': 'public, max-age=60', etag });
    if (req.get('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    res.type(req.accepts(['application/vc+jwt', 'application/jwt']) === 'application/jwt' ? 'application/jwt' : 'application/vc+jwt').send(jwt);
  });
  return router;
}
