import { Router } from 'express';
import { PassportError } from '../../shared/errors.ts';
import type { IssuerDeps } from '../deps.ts';
import { STATUS_LIST_JWT_TYPE } from '../../shared/status-list/index.ts';
import { publishedStatusList } from './publish.ts';
import { publishedTokenStatusList } from './token-list.ts';

/**
 * `GET /status/{org}/{list}`: anyone. Verifiers poll this for every credential they check, so it
 * is cacheable for a minute and answers `304` to a matching `If-None-Match`.
 */
export function createStatusRouter(deps: IssuerDeps): Router {
  const router = Router();
  router.get('/status/:org/:list', async (req, res) => {
    const listNo = Number(req.params.list);
    if (!Number.isInteger(listNo) || listNo < 1) throw new PassportError('not_found', `No status list ${req.params.list}`);
    // SD-JWT VCs point here too: a reader asking for a Token Status List gets the same bits as one.
    if (req.accepts(['application/vc+jwt', 'application/jwt', `application/${STATUS_LIST_JWT_TYPE}`]) === `application/${STATUS_LIST_JWT_TYPE}`) {
      const jwt = await publishedTokenStatusList(deps, req.params.org, listNo);
      res.set({ 'cache-control': 'public, max-age=60', vary: 'accept' }).type(`application/${STATUS_LIST_JWT_TYPE}`).send(jwt);
      return;
    }
    const { jwt, etag } = await publishedStatusList(deps, req.params.org, listNo);
    res.set({ 'cache-control': 'public, max-age=60', etag, vary: 'accept' });
    if (req.get('if-none-match') === etag) {
      res.status(304).end();
      return;
    }
    res.type(req.accepts(['application/vc+jwt', 'application/jwt']) === 'application/jwt' ? 'application/jwt' : 'application/vc+jwt').send(jwt);
  });
  return router;
}
