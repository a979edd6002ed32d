import { Router } from 'express';
import type { TrustListPublisher } from './publish.ts';

/** `GET /v1/trust-list`: the registry-signed list of accredited organizations, for anyone. */
export function createTrustListRouter(publisher: TrustListPublisher): Router {
  const router = Router();
  router.get('/v1/trust-list', async (_req, res) => {
    const list = await publisher.current();
    res
      .type('application/jwt')
      .set({ 'cache-control': 'public, max-age=60', etag: list.etag, 'access-control-allow-origin': '*' })
      .send(list.jwt);
  });
  return router;
}
