import { parse } from 'csv-parse/sync';
import { PassportError } from '../../../shared/errors.ts';
import { decodeCsvBytes } from './decode-text.ts';
import type { SheetTable } from './table.ts';

/**
 * Reads a CSV as spreadsheets save it: UTF-8 with or without BOM, or Windows-1251; `;` (Excel
 * with a decimal comma, as in kk and ru locales) or `,` as the separator, told by the header row.
 */
export function readCsv(input: Uint8Array | string): SheetTable {
  const text = (typeof input === 'string' ? input : decodeCsvBytes(input).text).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (cause) {
    throw new PassportError('invalid_request', `The CSV could not be read: ${(cause as Error).message}`, { field: 'body', cause });
  }
  const [headers, ...rows] = records;
  if (!headers) throw new PassportError('invalid_request', 'The file is empty: it needs a header row and at least one activity', { field: 'body' });
  return { headers, rows: rows.map((r) => r.map((c) => (c === '' ? undefined : c))), source: 'csv' };
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}
