import { Router } from 'express';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { organizationOf } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { sendOfferAgain } from './send.ts';
import { withdrawOffer } from './withdraw.ts';

const SendBody = z
  .object({
    email: z.email('must be an email address').max(254).optional(),
    language: z.enum(LANGUAGES as [Language, ...Language[]], { message: 'must be one of kk, ru, en' }).optional(),
  })
  .strict();
const WithdrawBody = z.object({ reason: z.string().trim().max(500, 'must be at most 500 characters').optional() }).strict();

function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys[0]! : 'body');
    throw new PassportError('invalid_request', `${field} ${issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message}`, { field });
  }
  return parsed.data;
}

/** `POST /v1/activities/{id}/send` (202, the e-mail queued) and `/withdraw` (200). */
export function createFollowUpRouter(deps: IssuerDeps): Router {
  const router = Router();
  router.post('/v1/activities/:id/send', async (req, res) => {
    const to = parseBody(SendBody, req.body);
    res.status(202).json(await sendOfferAgain(deps, organizationOf(res).id, String(req.params.id), to));
  });
  router.post('/v1/activities/:id/withdraw', async (req, res) => {
    const { reason } = parseBody(WithdrawBody, req.body);
    res.json(await withdrawOffer(deps, organizationOf(res), String(req.params.id), reason ?? ''));
  });
  return router;
}
