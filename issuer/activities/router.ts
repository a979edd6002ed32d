import { Router } from 'express';
import { z } from 'zod';
import type { SecretBox } from '../../shared/crypto/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { largeBody } from '../../shared/http/index.ts';
import { qrPng } from '../../shared/qr.ts';
import { organizationOf, requireActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { BATCH_BODY_LIMIT, BATCH_PATH, recordBatch } from './batch.ts';
import { checkActivityRequest } from './input.ts';
import { getActivity, LIST_STATUSES, listActivities } from './list.ts';
import { recordActivities } from './record.ts';

const ListQuerySchema = z.object({
  status: z.enum(LIST_STATUSES as [string, ...string[]], { message: `must be one of ${LIST_STATUSES.join(', ')}` }).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
});

/** The organization's activity routes (API.md): record, batch, list, read, and the offer's QR code. */
export function createActivitiesRouter(deps: IssuerDeps, offerBox: SecretBox): Router {
  const router = Router();
  router.use('/v1/activities', requireActor('organization'));

  router.post('/v1/activities', async (req, res) => {
    const org = organizationOf(res);
    const checked = checkActivityRequest(req.body, deps.now());
    if (!checked.request) {
      const first = checked.problems[0]!;
      throw new PassportError('invalid_request', `${first.field} ${first.message}`, { field: first.field, extra: { problems: checked.problems } });
    }
    const [outcome] = await recordActivities(deps, offerBox, org, [checked.request]);
    if (!outcome!.ok) throw new PassportError('conflict', outcome!.detail, { field: outcome!.field });
    const { id, status, offerUri, qrUrl, replayed } = outcome!;
    if (replayed) res.set('idempotent-replayed', 'true');
    res.status(201).json({ id, status, ...(offerUri ? { offerUri, qrUrl } : {}) });
  });

  // The 10 MiB body is read only after requireActor: an anonymous upload is refused unread.
  router.post(BATCH_PATH, largeBody(BATCH_BODY_LIMIT), async (req, res) => {
    const org = organizationOf(res);
    if (!req.is(['application/json', 'text/csv'])) {
      throw new PassportError('unsupported_media_type', 'A batch is sent as application/json (an array) or text/csv');
    }
    res.json(await recordBatch(deps, offerBox, org, req));
  });

  router.get('/v1/activities', async (req, res) => {
    const org = organizationOf(res);
    const query = ListQuerySchema.safeParse(req.query);
    if (!query.success) {
      const issue = query.error.issues[0]!;
      const field = issue.path.join('.');
      throw new PassportError('invalid_request', `${field} ${issue.message}`, { field });
    }
    res.json(await listActivities(deps, offerBox, org.id, query.data as Parameters<typeof listActivities>[3]));
  });

  router.get('/v1/activities/:id', async (req, res) => {
    res.json(await getActivity(deps, offerBox, organizationOf(res).id, req.params.id));
  });

  router.get('/v1/activities/:id/offer.png', async (req, res) => {
    const activity = await getActivity(deps, offerBox, organizationOf(res).id, req.params.id);
    if (!activity.offerUri) throw new PassportError('gone', `The offer of activity ${activity.id} can no longer be claimed (it is ${activity.status})`);
    res.type('image/png').set('cache-control', 'private, no-store').send(await qrPng(activity.offerUri));
  });
  return router;
}
