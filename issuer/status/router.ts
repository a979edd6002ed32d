import { Router } from 'express';
import { PassportError } from '../../shared/errors.ts';
import type { IssuerDeps } from '../deps.ts';
import { STATUS_LIST_JWT_TYPE } from '../../shared/status-list/index.ts';
import { publishedStatusList } from './publish.ts';
import { publishedTokenStatusList } from './token-list.ts';

/**
 * `GET /status/{org}/{list}`: anyone. Verifiers and wallets revalidate their copy every `ttl`
 * (STATUS_LIST_TTL_SECONDS) with `If-None-Match`, so the usual answer is a `304` without a body.
 * Shared caches on the way must ask too (`no-cache`), or a revocation would wait for them.
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
    res.set({ 'cache-control': 'public, no-cache', etag, vary: 'accept' });
    if (noneMatch(req.get('if-none-match'), etag)) {
      res.status(304).end();
      return;
    }
    res.type(req.accepts(['application/vc+jwt', 'application/jwt']) === 'application/jwt' ? 'application/jwt' : 'application/vc+jwt').send(jwt);
  });
  return router;
}

/**
 * `If-None-Match` holds the current ETag (RFC 9110, section 13.1.2): `*`, or one of a
 * comma-separated list, compared weakly (a `W/` prefix does not matter).
 */
function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}
