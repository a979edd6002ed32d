import ExcelJS from 'exceljs';
import { PassportError } from '../../../shared/errors.ts';
import type { SheetCell, SheetTable } from './table.ts';
import { assertZipWithin } from './zip-bounds.ts';

/** An `.xlsx` of 10,000 rows inflates to a few MiB; far more is a bomb, not a batch. */
const MAX_INFLATED_BYTES = 64 * 2 ** 20;
const MAX_ZIP_ENTRIES = 200;
const MAX_COLUMNS = 64;

/**
 * Reads the first worksheet of an `.xlsx` (with exceljs) into a table: the first non-empty row is
 * the header. Date cells come back as dates, numbers as numbers, rich text and formulas as their
 * text and result.
 */
export async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<SheetTable> {
  assertZipWithin(bytes, { maxInflatedBytes: MAX_INFLATED_BYTES, maxEntries: MAX_ZIP_ENTRIES });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (cause) {
    throw new PassportError('invalid_request', 'The file is not an Excel workbook (.xlsx) that can be read', { field: 'body', cause });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new PassportError('invalid_request', 'The workbook is empty: it needs a header row and at least one activity', { field: 'body' });
  if (sheet.rowCount > maxRows + 50) {
    throw new PassportError('payload_too_large', `A batch holds at most ${maxRows} activities; this workbook has ${sheet.rowCount} rows`, { field: 'body' });
  }
  const width = Math.min(sheet.columnCount, MAX_COLUMNS);
  const lines: SheetCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: SheetCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    lines.push(cells);
  });
  const [header, ...rows] = lines;
  const headers = (header ?? []).map((h) => (h === undefined ? '' : String(h).trim()));
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  return { headers, rows: rows.filter((r) => r.some((c) => c !== undefined)).map((r) => r.slice(0, headers.length)), source: 'xlsx' };
}

function cellValue(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim() || undefined;
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return cellValue(value.text as ExcelJS.CellValue);
    if ('error' in value) return undefined;
  }
  return String(value);
}
