import { Router, type Request } from 'express';
import iconv from 'iconv-lite';
import type { SecretBox } from '../../shared/crypto/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { pickLanguage } from '../../shared/i18n/index.ts';
import { largeBody } from '../../shared/http/index.ts';
import { qrPng } from '../../shared/qr.ts';
import { organizationOf, requireActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { sendBatchAnswer } from './batch-answer.ts';
import { collectAfterBatch } from './batch-gc.ts';
import { BATCH_BODY_LIMIT, BATCH_PATH, recordBatch, type BatchBody } from './batch.ts';
import { createDocumentsRouter } from './documents-router.ts';
import { createFollowUpRouter } from './follow-up-router.ts';
import { checkActivityRequest } from './input.ts';
import { getActivity, listActivities, type ListQuery } from './list.ts';
import { ListQuerySchema, parseQuery } from './query.ts';
import { recordActivities } from './record.ts';
import { reasonOf } from './sheet/problem-texts.ts';
import { listUploads } from './uploads.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/**
 * Batch bodies kept as bytes: the workbook; CSV (its encoding is told from the bytes); JSON, whose
 * rows are parsed one at a time (json-array.ts) rather than all at once.
 */
export const BATCH_RAW_TYPES = [XLSX_TYPE, 'text/csv', 'application/json'] as const;

function batchBody(req: Request): BatchBody {
  if (req.is(XLSX_TYPE)) return { type: 'xlsx', value: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) };
  if (req.is('text/csv')) return { type: 'csv', value: Buffer.isBuffer(req.body) || typeof req.body === 'string' ? req.body : '' };
  if (req.is('application/json')) return { type: 'json', value: Buffer.isBuffer(req.body) ? utf8(req.body, req.get('content-type')) : req.body };
  throw new PassportError('unsupported_media_type', `A batch is sent as application/json (an array), text/csv or ${XLSX_TYPE}`);
}

/** JSON bytes in UTF-8: other Unicode charsets converted, any other refused (as `express.json` does). */
function utf8(bytes: Buffer, contentType: string | undefined): Buffer {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? 'utf-8';
  if (charset === 'utf-8' || charset === 'utf8') return bytes;
  if (!charset.startsWith('utf-') || !iconv.encodingExists(charset)) throw new PassportError('unsupported_media_type', `Unsupported charset "${charset.toUpperCase()}"`);
  return Buffer.from(iconv.decode(bytes, charset), 'utf8');
}

/** The organization's activity routes (API.md): record, batch, list, read, the offer's QR, documents, follow-up. */
export function createActivitiesRouter(deps: IssuerDeps, offerBox: SecretBox): Router {
  const router = Router();
  router.use('/v1/activities', requireActor('organization'));

  router.post('/v1/activities', async (req, res) => {
    const org = organizationOf(res);
    const checked = checkActivityRequest(req.body, deps.now());
    if (!checked.request) {
      const first = checked.problems[0]!;
      throw new PassportError('invalid_request', `${first.field} ${first.message}`, { field: first.field, extra: { reason: reasonOf(first.field, first.message), problems: checked.problems } });
    }
    const [outcome] = await recordActivities(deps, offerBox, org, [checked.request]);
    if (!outcome!.ok) throw new PassportError('conflict', outcome!.detail, { field: outcome!.field });
    const { id, status, offerUri, claimUrl, qrUrl, replayed } = outcome!;
    if (replayed) res.set('idempotent-replayed', 'true');
    res.status(201).json({ id, status, ...(offerUri ? { offerUri, claimUrl, qrUrl } : {}) });
  });

  // The 10 MiB body is read only after requireActor: an anonymous upload is refused unread.
  router.post(BATCH_PATH, largeBody(BATCH_BODY_LIMIT, { raw: BATCH_RAW_TYPES }), async (req, res) => {
    const org = organizationOf(res);
    const dryRun = req.query.dryRun === 'true' || req.query.dryRun === '1';
    const rows = await sendBatchAnswer(res, recordBatch(deps, offerBox, org, batchBody(req), { dryRun, lang: pickLanguage(req) }), deps.logger);
    if (!dryRun) collectAfterBatch(rows);
  });

  router.use(createDocumentsRouter(deps, offerBox));

  router.get('/v1/activities', async (req, res) => {
    const query = parseQuery(ListQuerySchema, req) as ListQuery;
    res.json(await listActivities(deps, offerBox, organizationOf(res).id, query));
  });

  router.get('/v1/activities/uploads', async (_req, res) => {
    res.json({ items: await listUploads(deps, organizationOf(res).id) });
  });

  router.get('/v1/activities/:id', async (req, res) => {
    res.json(await getActivity(deps, offerBox, organizationOf(res).id, req.params.id));
  });

  router.get('/v1/activities/:id/offer.png', async (req, res) => {
    const activity = await getActivity(deps, offerBox, organizationOf(res).id, req.params.id);
    if (!activity.claimUrl) throw new PassportError('gone', `The offer of activity ${activity.id} can no longer be claimed (it is ${activity.status})`);
    // The https claim link: an ordinary phone camera opens it (`?form=wallet` gives the openid-credential-offer:// one).
    res.type('image/png').set('cache-control', 'private, no-store').send(await qrPng(req.query.form === 'wallet' ? activity.offerUri! : activity.claimUrl));
  });
  router.use(createFollowUpRouter(deps));
  return router;
}
