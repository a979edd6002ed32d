import type { Request } from 'express';
import type { SecretBox } from '../../shared/crypto/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { OrganizationActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { csvColumnOf, parseActivityCsv } from './csv.ts';
import { checkActivityRequest, type ActivityRequest } from './input.ts';
import { recordActivities } from './record.ts';

/** A batch may carry up to this many activities and this many bytes (see `BATCH_BODY_LIMIT`). */
export const BATCH_MAX_ROWS = 10_000;
export const BATCH_BODY_LIMIT = '10mb';
/** The one route that takes bodies above the 1 MiB default; it reads them only once the caller is known. */
export const BATCH_PATH = '/v1/activities/batch';

/** Activities written per transaction: large enough to be fast, small enough not to hold the writer long. */
const ROWS_PER_TRANSACTION = 2_000;

export interface BatchResult {
  /** 1-based position of the activity in the JSON array, or of the data row in the CSV (the header not counted). */
  row: number;
  id?: string;
  status?: string;
  offerUri?: string;
  error?: { code: string; field: string; detail: string };
}

/**
 * Records a batch (a JSON array of activity requests, or a CSV with the columns of API.md). Every
 * row is checked first; the good ones are recorded in a few large transactions, the bad ones
 * answered with the field and the reason. Idempotency keys make a replayed batch record nothing twice.
 */
export async function recordBatch(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, box: SecretBox, organization: OrganizationActor, req: Request): Promise<BatchResult[]> {
  const isCsv = req.is('text/csv') === 'text/csv';
  const inputs = isCsv ? csvInputs(req.body) : jsonInputs(req.body);
  const now = deps.now();
  const results: BatchResult[] = [];
  const good: { row: number; request: ActivityRequest }[] = [];
  inputs.forEach((input, i) => {
    const row = i + 1;
    if ('problem' in input) {
      results[i] = { row, error: { code: 'invalid_request', field: input.problem.field, detail: `${input.problem.field} ${input.problem.message}` } };
      return;
    }
    const checked = checkActivityRequest(input.request, now);
    if (checked.request) {
      good.push({ row, request: checked.request });
      return;
    }
    const first = checked.problems[0]!;
    const field = isCsv ? csvColumnOf(first.field) : first.field;
    results[i] = { row, error: { code: 'invalid_request', field, detail: checked.problems.map((p) => `${isCsv ? csvColumnOf(p.field) : p.field} ${p.message}`).join('; ') } };
  });

  for (let i = 0; i < good.length; i += ROWS_PER_TRANSACTION) {
    const chunk = good.slice(i, i + ROWS_PER_TRANSACTION);
    const outcomes = await recordActivities(deps, box, organization, chunk.map((g) => g.request));
    chunk.forEach(({ row }, j) => {
      const o = outcomes[j]!;
      results[row - 1] = o.ok
        ? { row, id: o.id, status: o.status, ...(o.offerUri ? { offerUri: o.offerUri } : {}) }
        : { row, error: { code: o.code, field: isCsv ? csvColumnOf(o.field) : o.field, detail: o.detail } };
    });
  }
  return results;
}

type BatchInput = { request: unknown } | { problem: { field: string; message: string } };

function jsonInputs(body: unknown): BatchInput[] {
  if (!Array.isArray(body)) {
    throw new PassportError('invalid_request', 'A batch is a JSON array of activities (or text/csv)', { field: 'body' });
  }
  if (body.length === 0) throw new PassportError('invalid_request', 'The batch is empty', { field: 'body' });
  if (body.length > BATCH_MAX_ROWS) throw new PassportError('payload_too_large', `A batch holds at most ${BATCH_MAX_ROWS} activities; this one has ${body.length}`);
  return body.map((request) => ({ request }));
}

function csvInputs(body: unknown): BatchInput[] {
  if (typeof body !== 'string') throw new PassportError('invalid_request', 'The CSV body could not be read as UTF-8 text', { field: 'body' });
  return parseActivityCsv(body, BATCH_MAX_ROWS);
}
