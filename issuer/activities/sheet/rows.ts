import { PassportError } from '../../../shared/errors.ts';
import { columnOfHeader, REQUIRED_COLUMNS, SHEET_COLUMNS, type SheetColumn } from './columns.ts';
import { categoryOf, dateOf, hoursOf, regionOf, textOf } from './cells.ts';
import { columnLetter, type SheetTable } from './table.ts';

/** Where a problem sits, as the user sees their file: the header they wrote and the cell. */
export interface SheetPlace {
  header: string;
  /** `F7` in a workbook, `7:Часы` (row and header) in a CSV. */
  cell: string;
}

export type SheetRow =
  | { row: number; request: unknown; problem?: undefined }
  | { row: number; request?: undefined; problem: { field: string; message: string; place?: SheetPlace } };

export interface ReadSheet {
  rows: SheetRow[];
  /** Finds the header and cell of a request field (`activity.hours`) in the given data row. */
  placeOf(field: string, row: number): SheetPlace | undefined;
  /** True when the file has its own idempotency column; otherwise each row's content names it. */
  hasIdempotencyColumn: boolean;
}

/** Which request field each column fills, so a problem is reported on the column the user typed in. */
const FIELD_COLUMN: Record<string, SheetColumn> = {
  'volunteer.name': 'volunteer_name',
  'volunteer.email': 'volunteer_email',
  'volunteer.language': 'volunteer_language',
  'activity.name': 'name_kk',
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

/**
 * Turns a spreadsheet (headers in kk, ru or en, or the API's snake_case names) into the same
 * request objects as the JSON batch. A header that is not ours, or a required one missing, is
 * refused for the whole file; a problem in one row stays with that row.
 */
export function rowsOfSheet(table: SheetTable, maxRows: number): ReadSheet {
  const columns = checkHeaders(table.headers);
  if (table.rows.length === 0) throw new PassportError('invalid_request', 'The file has a header but no activity rows', { field: 'body' });
  if (table.rows.length > maxRows) {
    throw new PassportError('payload_too_large', `A batch holds at most ${maxRows} activities; this file has ${table.rows.length}`);
  }
  const index = new Map(columns.map((c, i) => [c, i]));
  const placeOf = (field: string, row: number): SheetPlace | undefined => {
    const column = FIELD_COLUMN[field] ?? (field.startsWith('activity.name') ? firstNameColumn(index) : undefined);
    const i = column === undefined ? undefined : index.get(column);
    if (i === undefined) return undefined;
    const header = table.headers[i]!;
    // The header is row 1 of a workbook, so data row n sits on line n + 1.
    return { header, cell: table.source === 'xlsx' ? `${columnLetter(i)}${row + 1}` : `${row + 1}:${header}` };
  };
  const rows = table.rows.map((cells, i): SheetRow => {
    const row = i + 1;
    if (table.source === 'csv' && cells.length !== columns.length) {
      return { row, problem: { field: 'row', message: `has ${cells.length} cells but the header has ${columns.length}` } };
    }
    const cell = (c: SheetColumn) => (index.has(c) ? cells[index.get(c)!] : undefined);
    return { row, request: requestOf(cell) };
  });
  return { rows, placeOf, hasIdempotencyColumn: index.has('idempotency_key') };
}

function checkHeaders(headers: string[]): SheetColumn[] {
  const columns = headers.map((h) => columnOfHeader(h));
  const unknown = headers.filter((_, i) => columns[i] === undefined);
  if (unknown.length) {
    throw new PassportError('invalid_request', `Unknown column(s): ${unknown.join(', ')}. Use the template's headers (kk, ru or en) or ${SHEET_COLUMNS.join(', ')}`, {
      field: unknown[0],
      extra: { unknownColumns: unknown },
    });
  }
  const known = columns as SheetColumn[];
  const repeated = known.find((c, i) => known.indexOf(c) !== i);
  if (repeated) throw new PassportError('invalid_request', `Column ${headers[known.lastIndexOf(repeated)]} appears twice`, { field: headers[known.lastIndexOf(repeated)] });
  const missing = REQUIRED_COLUMNS.filter((c) => !known.includes(c));
  if (missing.length) throw new PassportError('invalid_request', `Missing column(s): ${missing.join(', ')}`, { field: missing[0], extra: { missingColumns: missing } });
  if (!known.some((c) => c.startsWith('name_'))) {
    throw new PassportError('invalid_request', 'The file needs at least one activity name column (kk, ru or en)', { field: 'name_kk', extra: { missingColumns: ['name_kk'] } });
  }
  return known;
}

function firstNameColumn(index: Map<SheetColumn, number>): SheetColumn | undefined {
  return (['name_kk', 'name_ru', 'name_en'] as const).find((c) => index.has(c));
}

function requestOf(cell: (c: SheetColumn) => unknown): unknown {
  const t = (c: SheetColumn) => textOf(cell(c) as never);
  const name = { kk: t('name_kk'), ru: t('name_ru'), en: t('name_en') };
  const language = t('volunteer_language')?.toLowerCase();
  return {
    volunteer: { name: t('volunteer_name'), email: t('volunteer_email'), ...(language ? { language } : {}) },
    activity: {
      name: Object.fromEntries(Object.entries(name).filter(([, v]) => v !== undefined)),
      project: t('project'),
      category: categoryOf(cell('category') as never),
      region: regionOf(cell('region') as never),
      activityStartDate: dateOf(cell('start_date') as never),
      activityEndDate: dateOf(cell('end_date') as never),
      hours: hoursOf(cell('hours') as never),
      role: t('role'),
      confirmedBy: t('confirmed_by'),
    },
    idempotencyKey: t('idempotency_key'),
  };
}
