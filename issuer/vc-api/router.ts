import { Router } from 'express';
import { organizationOf, requireActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { issueByVcApi } from './issue.ts';

/** W3C VC API: `POST /credentials/issue` for organizations (their API key). */
export function createVcApiRouter(deps: IssuerDeps): Router {
  const router = Router();
  router.post('/credentials/issue', requireActor('organization'), async (req, res) => {
    res.status(201).json({ verifiableCredential: await issueByVcApi(deps, organizationOf(res), req.body) });
  });
  return router;
}
