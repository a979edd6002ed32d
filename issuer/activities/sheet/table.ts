/** A cell as read from a spreadsheet: text, a number, a date (from an Excel date cell), or empty. */
export type SheetCell = string | number | Date | undefined;

/** A spreadsheet as rows of cells under one header row, whatever file it came from. */
export interface SheetTable {
  /** The header row as the user wrote it. */
  headers: string[];
  rows: SheetCell[][];
  /** `xlsx` tables name cells A1-style; CSV tables by row and header. */
  source: 'xlsx' | 'csv';
}

/** `A`, `B`, … `Z`, `AA`: the spreadsheet's name for a 0-based column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}
