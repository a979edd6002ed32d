import { randomUUID } from 'node:crypto';
import type { SecretBox } from '../../shared/crypto/index.ts';
import { localized, type Language } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { OrganizationActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { checkActivityRequest, rowIdempotencyKey, type ActivityRequest } from './input.ts';
import { accreditedOrganization } from '../credentials/organization.ts';
import { prepareActivities, recordPrepared } from './record.ts';
import { readBatchFile, type BatchFile } from './sheet/read-file.ts';
import { problemText, reasonOf, type ProblemReason } from './sheet/problem-texts.ts';
import type { SheetPlace, SheetRow } from './sheet/rows.ts';

/** A batch may carry up to this many activities and this many bytes (see `BATCH_BODY_LIMIT`). */
export const BATCH_MAX_ROWS = 10_000;
export const BATCH_BODY_LIMIT = '10mb';
/** The one route that takes bodies above the 1 MiB default; it reads them only once the caller is known. */
export const BATCH_PATH = '/v1/activities/batch';

/** Activities written per transaction: large enough to be fast, small enough not to hold the writer long. */
const ROWS_PER_TRANSACTION = 2_000;

export interface RowProblem {
  code: string;
  /** The request field (JSON), or the column header as the user wrote it (a spreadsheet). */
  field: string;
  detail: string;
  /** A machine reason, the same in every language (`unknown_region`, `bad_date`, …). */
  reason: ProblemReason;
  /** The problem in the reader's language, naming their header and cell. */
  message: string;
  header?: string;
  cell?: string;
}

export interface BatchResult {
  /** 1-based position of the activity in the JSON array, or of the data row in the file (the header not counted). */
  row: number;
  id?: string;
  /** `offered` (or the activity's state when a replay); in a dry run `ready`, or `recorded` when it already was. */
  status?: string;
  offerUri?: string;
  claimUrl?: string;
  uploadId?: string;
  error?: RowProblem;
  /** What the row holds, for a preview table: who, what, when, how long. */
  preview?: { volunteer: string; activity: string; startDate: string; endDate: string; hours: number };
}

export interface BatchOptions {
  dryRun: boolean;
  lang: Language;
}

export interface BatchWindow {
  /**
   * The results of consecutive rows, in row order, each as its JSON text (a `BatchResult`): the
   * windows together answer every row once. Text, a few hundred bytes a row, rather than objects
   * that would hold the row's strings.
   */
  results: string[];
  /** Set when the window had rows to record (not in a dry run): the id the list and the cards take (`?upload=`). */
  uploadId?: string;
}

/**
 * Records a batch: a JSON array of activity requests, or a spreadsheet (`.xlsx`, or CSV in UTF-8
 * or Windows-1251) with headers in kk, ru or en or the API's snake_case names. Every row is
 * checked; the good ones are recorded in transactions of 2,000 (or, in a dry run, only looked
 * up), the bad ones answered with the reason in the reader's language on their own cell.
 * A spreadsheet row with no idempotency key gets one from its content, so a file uploaded twice
 * records nothing twice.
 *
 * The answer comes a window at a time: the rows up to and including the 2,000th good one, checked,
 * then recorded in one transaction a few hundred at a time (each part's ids, offers, statement
 * parameters and outcomes let go once its results are text), and answered. Only the window's
 * checked rows and its results' text live across its transaction, and nothing across windows, so
 * a 10,000-row request never holds all of it at once (docs/performance.md). A problem with the
 * whole body (not an array, too many rows, unknown columns) is thrown by the first `next()`.
 * The first window has a good row if any row is good, so it tells whether anything is recorded.
 */
export async function* recordBatch(
  deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>,
  box: SecretBox,
  organization: OrganizationActor,
  body: { type: 'json'; value: unknown } | { type: 'csv' | 'xlsx'; value: Buffer | string },
  options: BatchOptions,
): AsyncGenerator<BatchWindow, void, void> {
  const file: BatchFile = body.type === 'json' ? jsonFile(body.value) : await readBatchFile(body.type, body.value, BATCH_MAX_ROWS);
  const now = deps.now();
  const uploadId = options.dryRun ? undefined : randomUUID();
  const problem: ProblemOf = (row, field, message, code = 'invalid_request') => {
    const reason = reasonOf(field, message);
    const place: SheetPlace | undefined = file.placeOf(field, row);
    const shown = place ?? { header: field, cell: String(row) };
    return {
      code,
      field: place ? place.header : field,
      detail: `${place ? place.header : field} ${message}`,
      reason,
      message: problemText(options.lang, reason, shown),
      ...(place ? { header: place.header, cell: place.cell } : {}),
    };
  };
  let results: string[] = [];
  let good: GoodRow[] = [];
  const settle = async (): Promise<BatchWindow> => {
    if (good.length && options.dryRun) await lookUp(deps, organization.id, results, good, options.lang);
    else if (good.length) await record(deps, box, organization, results, good, { uploadId: uploadId!, lang: options.lang, problem });
    const window = { results, ...(good.length && uploadId ? { uploadId } : {}) };
    results = [];
    good = [];
    return window;
  };
  for (const input of file.rows) {
    const { row } = input;
    if (input.problem) {
      results.push(JSON.stringify({ row, error: problem(row, input.problem.field, input.problem.message) } satisfies BatchResult));
      continue;
    }
    const checked = checkActivityRequest(input.request, now);
    if (!checked.request) {
      const [first, ...rest] = checked.problems;
      const error = problem(row, first!.field, first!.message);
      if (rest.length) error.detail += `; ${rest.map((p) => `${file.placeOf(p.field, row)?.header ?? p.field} ${p.message}`).join('; ')}`;
      results.push(JSON.stringify({ row, error, preview: previewOf(input.request, options.lang) } satisfies BatchResult));
      continue;
    }
    const request = checked.request;
    if (file.sheet && !request.idempotencyKey) request.idempotencyKey = rowIdempotencyKey(request);
    // Its place in the window, filled with its result once it is recorded.
    good.push({ at: results.length, row, request });
    results.push('');
    if (good.length === ROWS_PER_TRANSACTION) yield await settle();
  }
  if (results.length) yield await settle();
}

type ProblemOf = (row: number, field: string, message: string, code?: string) => RowProblem;

/** A row that passed its checks: its place in the window's results, its number, what it asks for. */
interface GoodRow {
  at: number;
  row: number;
  request: ActivityRequest;
}

/** Rows prepared and written at a time within a window's transaction. */
const ROWS_PER_PART = 200;

/**
 * Records a window's good rows in one transaction, a part at a time, and puts each row's result
 * (as text) in its place. The work may run again (PostgreSQL retries a transaction it aborted for
 * a deadlock): each run fills every place afresh.
 */
async function record(
  deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>,
  box: SecretBox,
  organization: OrganizationActor,
  results: string[],
  good: readonly GoodRow[],
  context: { uploadId: string; lang: Language; problem: ProblemOf },
): Promise<void> {
  const { uploadId, lang, problem } = context;
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await accreditedOrganization(tx, organization.id);
    for (let i = 0; i < good.length; i += ROWS_PER_PART) {
      const part = good.slice(i, i + ROWS_PER_PART);
      const prepared = prepareActivities(deps, box, part.map((g) => g.request));
      const outcomes = await recordPrepared(tx, deps, box, organization, prepared, now, { uploadId });
      part.forEach(({ at, row, request }, j) => {
        const o = outcomes[j]!;
        const preview = previewOf(request, lang);
        const result: BatchResult = o.ok
          ? { row, id: o.id, status: o.status, ...(o.offerUri ? { offerUri: o.offerUri, claimUrl: o.claimUrl } : {}), ...(o.replayed ? {} : { uploadId }), preview }
          : { row, error: problem(row, o.field, o.detail, o.code), preview };
        results[at] = JSON.stringify(result);
      });
    }
  });
}

/** A dry run: each good row is `ready`, or `recorded` (with its id) when its key already was. */
async function lookUp(deps: Pick<IssuerDeps, 'db'>, organizationId: string, results: string[], good: readonly GoodRow[], lang: Language): Promise<void> {
  const earlier = await recordedUnder(deps, organizationId, good.map((g) => g.request.idempotencyKey).filter((k): k is string => Boolean(k)));
  for (const { at, row, request } of good) {
    const id = request.idempotencyKey ? earlier.get(request.idempotencyKey) : undefined;
    results[at] = JSON.stringify({ row, preview: previewOf(request, lang), status: id ? 'recorded' : 'ready', ...(id ? { id } : {}) } satisfies BatchResult);
  }
}

function previewOf(request: unknown, lang: Language): BatchResult['preview'] {
  const r = request as { volunteer?: { name?: unknown }; activity?: { name?: unknown; activityStartDate?: unknown; activityEndDate?: unknown; hours?: unknown } } | null;
  if (!r || typeof r !== 'object') return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const name = r.activity?.name && typeof r.activity.name === 'object' ? localized(r.activity.name as Record<string, string>, lang) : '';
  return {
    volunteer: str(r.volunteer?.name),
    activity: name,
    startDate: str(r.activity?.activityStartDate),
    endDate: str(r.activity?.activityEndDate),
    hours: typeof r.activity?.hours === 'number' ? r.activity.hours : 0,
  };
}

async function recordedUnder(deps: Pick<IssuerDeps, 'db'>, organizationId: string, keys: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += 500) {
    const slice = unique.slice(i, i + 500);
    const rows = await deps.db.all<{ id: string; idempotency_key: string }>(
      `SELECT id, idempotency_key FROM activities WHERE organization_id = ? AND idempotency_key IN (${slice.map(() => '?').join(', ')})`,
      [organizationId, ...slice],
    );
    for (const r of rows) found.set(r.idempotency_key, r.id);
  }
  return found;
}

function jsonFile(body: unknown): BatchFile {
  if (!Array.isArray(body)) {
    throw new PassportError('invalid_request', 'A batch is a JSON array of activities (or text/csv, or an .xlsx workbook)', { field: 'body' });
  }
  if (body.length === 0) throw new PassportError('invalid_request', 'The batch is empty', { field: 'body' });
  if (body.length > BATCH_MAX_ROWS) throw new PassportError('payload_too_large', `A batch holds at most ${BATCH_MAX_ROWS} activities; this one has ${body.length}`);
  return { rows: jsonRows(body), placeOf: () => undefined, sheet: false };
}

function* jsonRows(body: unknown[]): Generator<SheetRow> {
  for (let i = 0; i < body.length; i++) yield { row: i + 1, request: body[i] };
}
