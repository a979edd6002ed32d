import { parse } from 'csv-parse/sync';
import { PassportError } from '../../shared/errors.ts';

/** The columns of a CSV batch (API.md), in any order; at least one of the name columns is needed. */
export const CSV_COLUMNS = [
  'volunteer_name', 'volunteer_email', 'name_kk', 'name_ru', 'name_en', 'project', 'category', 'region',
  'start_date', 'end_date', 'hours', 'role', 'confirmed_by', 'idempotency_key',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

const REQUIRED: readonly Column[] = ['volunteer_name', 'category', 'region', 'start_date', 'end_date', 'hours'];

/** Where each request field comes from, so a problem is reported on the column the user typed in. */
const COLUMN_OF_FIELD: Record<string, string> = {
  'volunteer.name': 'volunteer_name',
  'volunteer.email': 'volunteer_email',
  'activity.name': 'name_kk, name_ru, name_en',
  'activity.name.kk': 'name_kk',
  'activity.name.ru': 'name_ru',
  'activity.name.en': 'name_en',
  'activity.project': 'project',
  'activity.category': 'category',
  'activity.region': 'region',
  'activity.activityStartDate': 'start_date',
  'activity.activityEndDate': 'end_date',
  'activity.hours': 'hours',
  'activity.role': 'role',
  'activity.confirmedBy': 'confirmed_by',
  idempotencyKey: 'idempotency_key',
};

export function csvColumnOf(field: string): string {
  return COLUMN_OF_FIELD[field] ?? field;
}

export type CsvRow = { request: unknown; problem?: undefined } | { request?: undefined; problem: { field: string; message: string } };

/**
 * Turns a CSV batch (UTF-8, optional BOM, comma- or semicolon-separated as spreadsheets save it)
 * into the same request objects as the JSON batch. A header that is not ours is refused as a
 * whole; a row with the wrong number of cells is refused alone.
 */
export function parseActivityCsv(text: string, maxRows: number): CsvRow[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (cause) {
    throw new PassportError('invalid_request', `The CSV could not be read: ${(cause as Error).message}`, { field: 'body', cause });
  }
  const [header, ...rows] = records;
  if (!header) throw new PassportError('invalid_request', 'The CSV is empty: it needs a header row and at least one activity', { field: 'body' });
  const columns = checkHeader(header);
  if (rows.length === 0) throw new PassportError('invalid_request', 'The CSV has a header but no activity rows', { field: 'body' });
  if (rows.length > maxRows) throw new PassportError('payload_too_large', `A batch holds at most ${maxRows} activities; this CSV has ${rows.length}`);
  return rows.map((cells) => {
    if (cells.length !== columns.length) {
      return { problem: { field: 'row', message: `has ${cells.length} cells but the header has ${columns.length}` } };
    }
    const cell = new Map(columns.map((c, i) => [c, cells[i] === '' ? undefined : cells[i]]));
    return { request: requestOf(cell) };
  });
}

function checkHeader(header: string[]): Column[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) {
    throw new PassportError('invalid_request', `Unknown CSV column(s): ${unknown.join(', ')}. Known columns: ${CSV_COLUMNS.join(', ')}`, { field: unknown[0] });
  }
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length) throw new PassportError('invalid_request', `CSV column ${repeated[0]} appears twice`, { field: repeated[0] });
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length) throw new PassportError('invalid_request', `Missing CSV column(s): ${missing.join(', ')}`, { field: missing[0] });
  if (!names.some((n) => n.startsWith('name_'))) {
    throw new PassportError('invalid_request', 'The CSV needs at least one of the columns name_kk, name_ru, name_en', { field: 'name_kk' });
  }
  return names as Column[];
}

function requestOf(cell: Map<Column, string | undefined>): unknown {
  const name = { kk: cell.get('name_kk'), ru: cell.get('name_ru'), en: cell.get('name_en') };
  return {
    volunteer: { name: cell.get('volunteer_name'), email: cell.get('volunteer_email') },
    activity: {
      name: Object.fromEntries(Object.entries(name).filter(([, v]) => v !== undefined)),
      project: cell.get('project'),
      category: cell.get('category'),
      region: cell.get('region'),
      activityStartDate: cell.get('start_date'),
      activityEndDate: cell.get('end_date'),
      hours: hoursOf(cell.get('hours')),
      role: cell.get('role'),
      confirmedBy: cell.get('confirmed_by'),
    },
    idempotencyKey: cell.get('idempotency_key'),
  };
}

/** Hours as a number; a decimal comma (`18,5`, as kk and ru spreadsheets write it) is accepted. */
function hoursOf(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  return /^\d+([.,]\d+)?$/.test(value) ? Number(value.replace(',', '.')) : value;
}
