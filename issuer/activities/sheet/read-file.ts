import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import { rowsOfSheet, type SheetPlace, type SheetRow } from './rows.ts';

/** A batch's rows, wherever they came from, and where each field of a row sits in the user's file. */
export interface BatchFile {
  /** In row order, numbered from 1; read once. */
  rows: Iterable<SheetRow>;
  placeOf(field: string, row: number): SheetPlace | undefined;
  /** True for a spreadsheet: its rows get an idempotency key from their content when they have none. */
  sheet: boolean;
}

/** Reads an uploaded `.xlsx` or CSV (bytes, or text already decoded) into batch rows. */
export async function readBatchFile(type: 'csv' | 'xlsx', value: Buffer | string, maxRows: number): Promise<BatchFile> {
  const table = type === 'xlsx' ? await readXlsx(value as Buffer, maxRows) : readCsv(value);
  const sheet = rowsOfSheet(table, maxRows);
  return { rows: sheet.rows, placeOf: sheet.placeOf, sheet: true };
}
