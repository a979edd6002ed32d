import { Router } from 'express';
import { parseInput } from '../../shared/http/index.ts';
import { callerOf } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { KeyInput, createNamedApiKey, listApiKeys, revokeApiKey } from './manage.ts';

/** An organization's API keys: made by name and shown once, listed with when each was last used, revoked. */
export function createApiKeysRouter(deps: Pick<IssuerDeps, 'db' | 'now'>): Router {
  const router = Router();
  router.get('/v1/organizations/:id/api-keys', async (req, res) => {
    res.set('cache-control', 'private, no-store').json({ apiKeys: await listApiKeys(deps, callerOf(res), req.params.id) });
  });
  router.post('/v1/organizations/:id/api-keys', async (req, res) => {
    const actor = callerOf(res);
    const input = parseInput(KeyInput, req.body);
    res.status(201).set('cache-control', 'no-store').json(await createNamedApiKey(deps, actor, req.params.id, input));
  });
  router.delete('/v1/organizations/:id/api-keys/:keyId', async (req, res) => {
    await revokeApiKey(deps, callerOf(res), req.params.id, req.params.keyId);
    res.status(204).end();
  });
  return router;
}
