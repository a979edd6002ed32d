import { Router } from 'express';
import { z } from 'zod';
import { PassportError } from '../../shared/errors.ts';
import { organizationOf, requireActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { revokeCredential } from './revoke.ts';

const RevokeBody = z.object({ reason: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters') });

/** `POST /v1/credentials/{id}/revoke`: the issuing organization only. */
export function createCredentialsRouter(deps: IssuerDeps): Router {
  const router = Router();
  router.post('/v1/credentials/:id/revoke', requireActor('organization'), async (req, res) => {
    const org = organizationOf(res);
    const body = RevokeBody.safeParse(req.body ?? {});
    if (!body.success) {
      const issue = body.error.issues[0]!;
      const field = issue.path.join('.') || 'reason';
      throw new PassportError('invalid_request', `${field} ${issue.code === 'invalid_type' ? 'is required (a string)' : issue.message}`, { field });
    }
    res.json(await revokeCredential(deps, org, String(req.params.id), body.data.reason));
  });
  return router;
}
