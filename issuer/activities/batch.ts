import { randomUUID } from 'node:crypto';
import type { SecretBox } from '../../shared/crypto/index.ts';
import { localized, type Language } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import type { OrganizationActor } from '../auth/index.ts';
import type { IssuerDeps } from '../deps.ts';
import { readJsonArray, type JsonArrayBytes } from './json-array.ts';
import { checkActivityRequest, rowIdempotencyKey, type ActivityRequest } from './input.ts';
import { accreditedOrganization } from '../credentials/organization.ts';
import { prepareActivities, recordPrepared, type RecordedActivity } from './record.ts';
import { offerLinks, type LinkBases } from './view.ts';
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

/** A batch as received: JSON (parsed, or its UTF-8 bytes, read an item at a time), or a spreadsheet. */
export type BatchBody = { type: 'json'; value: unknown } | { type: 'csv' | 'xlsx'; value: Buffer | string };

export interface BatchWindow {
  /** How many rows the window answers: consecutive ones, in row order; the windows together answer every row once. */
  length: number;
  /**
   * Row `i` of the window's result (a `BatchResult`) as JSON text, made when asked for: a
   * recorded row is kept as its id and offer token until then, not as some 600 bytes of links.
   */
  text(i: number): string;
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
 * then recorded in one transaction a few hundred at a time (each part's offers and statement
 * parameters let go once written), and answered, each result made text only as it is sent (a
 * recorded row is kept as its outcome: id and offer token). Only the window's checked rows and
 * outcomes live across its transaction, and nothing across windows, so a 10,000-row request
 * never holds all of it at once (docs/performance.md, "Batches and memory"). A problem with the
 * whole body (not an array, too many rows, unknown columns) is thrown by the first `next()`.
 * The first window has a good row if any row is good, so it tells whether anything is recorded.
 */
export async function* recordBatch(
  deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>,
  box: SecretBox,
  organization: OrganizationActor,
  body: BatchBody,
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
  const bases = { issuerUrl: deps.config.issuerUrl, walletUrl: deps.config.walletUrl };
  // The window's results: the text of a refused row, or a good row whose result is made when sent.
  let results: (string | GoodRow)[] = [];
  let good: GoodRow[] = [];
  const settle = async (): Promise<BatchWindow> => {
    if (good.length && options.dryRun) await lookUp(deps, organization.id, good);
    else if (good.length) await record(deps, box, organization, good, uploadId!);
    const items = results;
    const text = (i: number): string => {
      const item = items[i]!;
      return typeof item === 'string' ? item : JSON.stringify(resultOf(item, { bases, uploadId, lang: options.lang, problem }));
    };
    const window = { length: items.length, text, ...(good.length && uploadId ? { uploadId } : {}) };
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
    const checkedRow: GoodRow = { row, request };
    good.push(checkedRow);
    results.push(checkedRow);
    if (good.length === ROWS_PER_TRANSACTION) yield await settle();
  }
  if (results.length) yield await settle();
}

type ProblemOf = (row: number, field: string, message: string, code?: string) => RowProblem;

/** A row that passed its checks, and then what recording it (or, in a dry run, looking it up) found. */
interface GoodRow {
  row: number;
  request: ActivityRequest;
  outcome?: RecordedActivity;
  /** A dry run: the activity already recorded under the row's key, or null. */
  earlier?: string | null;
}

/** Rows prepared and written at a time within a window's transaction. */
const ROWS_PER_PART = 200;

/**
 * Records a window's good rows in one transaction, a part at a time (each part's ids, offers and
 * statement parameters let go once it is written), and keeps each row's outcome. The work may
 * run again (PostgreSQL retries a transaction it aborted for a deadlock): each run sets every
 * outcome afresh.
 */
async function record(deps: Pick<IssuerDeps, 'db' | 'config' | 'now'>, box: SecretBox, organization: OrganizationActor, good: readonly GoodRow[], uploadId: string): Promise<void> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await accreditedOrganization(tx, organization.id);
    for (let i = 0; i < good.length; i += ROWS_PER_PART) {
      const part = good.slice(i, i + ROWS_PER_PART);
      const outcomes = await recordPrepared(tx, deps, box, organization, prepareActivities(deps, box, part.map((g) => g.request)), now, { uploadId });
      part.forEach((g, j) => (g.outcome = outcomes[j]!));
    }
  });
}

/** A dry run: each good row is `ready`, or `recorded` (with its id) when its key already was. */
async function lookUp(deps: Pick<IssuerDeps, 'db'>, organizationId: string, good: readonly GoodRow[]): Promise<void> {
  const earlier = await recordedUnder(deps, organizationId, good.map((g) => g.request.idempotencyKey).filter((k): k is string => Boolean(k)));
  for (const g of good) g.earlier = (g.request.idempotencyKey && earlier.get(g.request.idempotencyKey)) || null;
}

/** A good row's result, with its offer's links, as the answer carries it. */
function resultOf(g: GoodRow, context: { bases: LinkBases; uploadId: string | undefined; lang: Language; problem: ProblemOf }): BatchResult {
  const { row } = g;
  const preview = previewOf(g.request, context.lang);
  if (g.earlier !== undefined) return { row, preview, status: g.earlier ? 'recorded' : 'ready', ...(g.earlier ? { id: g.earlier } : {}) };
  const o = g.outcome!;
  if (!o.ok) return { row, error: context.problem(row, o.field, o.detail, o.code), preview };
  const links = o.offerToken ? offerLinks(context.bases, o.id, o.offerToken) : undefined;
  return { row, id: o.id, status: o.status, ...(links ? { offerUri: links.offerUri, claimUrl: links.claimUrl } : {}), ...(o.replayed ? {} : { uploadId: context.uploadId }), preview };
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
  const array = Buffer.isBuffer(body) ? readJsonArray(body) : { value: body };
  if ('value' in array && !Array.isArray(array.value)) {
    throw new PassportError('invalid_request', 'A batch is a JSON array of activities (or text/csv, or an .xlsx workbook)', { field: 'body' });
  }
  const items: JsonArrayBytes = 'value' in array ? { length: (array.value as unknown[]).length, item: (i) => (array.value as unknown[])[i] } : array;
  if (items.length === 0) throw new PassportError('invalid_request', 'The batch is empty', { field: 'body' });
  if (items.length > BATCH_MAX_ROWS) throw new PassportError('payload_too_large', `A batch holds at most ${BATCH_MAX_ROWS} activities; this one has ${items.length}`);
  return { rows: jsonRows(items), placeOf: () => undefined, sheet: false };
}

function* jsonRows(items: JsonArrayBytes): Generator<SheetRow> {
  for (let i = 0; i < items.length; i++) yield { row: i + 1, request: items.item(i) };
}
