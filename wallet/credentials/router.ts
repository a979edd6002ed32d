import { Router } from 'express';
import type { WalletDeps } from '../deps.ts';
import { requireVolunteer, volunteerOf } from '../sessions/index.ts';
import { checkAll } from './check-all.ts';
import { listCredentials } from './list.ts';
import { loadCredential } from './load.ts';
import { removeCredential } from './remove.ts';
import { credentialView, issuerRecord } from './view.ts';

export function createCredentialsRouter(deps: WalletDeps): Router {
  const router = Router();
  router.get('/v1/credentials', requireVolunteer(deps), async (_req, res) => {
    res.set('cache-control', 'no-store').json({ credentials: await listCredentials(deps, volunteerOf(res).id) });
  });
  router.get('/v1/credentials/:id', requireVolunteer(deps), async (req, res) => {
    const stored = await loadCredential(deps.db, volunteerOf(res).id, String(req.params.id));
    const [report] = await checkAll(deps.status, [stored], deps.config.verifyDeadlineSeconds * 1000);
    res.set('cache-control', 'no-store').json({ ...credentialView(stored, report!), issuer: issuerRecord(stored, report!, deps.config.registryDid), jwt: stored.jwt });
  });
  router.delete('/v1/credentials/:id', requireVolunteer(deps), async (req, res) => {
    await removeCredential(deps.db, volunteerOf(res).id, String(req.params.id));
    res.status(204).end();
  });
  return router;
}
