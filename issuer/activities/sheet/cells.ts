import { CATEGORIES, CATEGORY_NAMES, LANGUAGES, REGIONS } from '../../../shared/credential/index.ts';
import type { SheetCell } from './table.ts';

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A date cell as the API's ISO `YYYY-MM-DD`: an Excel date, an Excel serial number, `dd.mm.yyyy`
 * (or with `/`), or ISO. Anything else is passed on as typed, for the activity rules to refuse.
 */
export function dateOf(cell: SheetCell): SheetCell {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell > 0 && cell < 100_000 ? new Date(EXCEL_EPOCH_MS + cell * DAY_MS).toISOString().slice(0, 10) : String(cell);
  }
  if (typeof cell !== 'string') return cell;
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(cell.trim());
  if (dotted) return `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}`;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(cell.trim());
  return iso ? iso[1] : cell;
}

/** Hours as a number; a decimal comma (`18,5`, as kk and ru spreadsheets write it) is accepted. */
export function hoursOf(cell: SheetCell): unknown {
  if (typeof cell === 'number' || cell === undefined) return cell;
  const text = String(cell).trim().replace(/\s/g, '');
  return /^\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : text;
}

/** Plain text of a cell. */
export function textOf(cell: SheetCell): string | undefined {
  if (cell === undefined) return undefined;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = String(cell).trim();
  return text === '' ? undefined : text;
}

const key = (s: string) => s.trim().toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ');

const CATEGORY_BY_NAME: ReadonlyMap<string, string> = new Map(
  CATEGORIES.flatMap((c) => [[c, c] as const, ...LANGUAGES.map((l) => [key(CATEGORY_NAMES[l][c]), c] as const)]),
);

/** A category by its code or its name in kk, ru or en, as the templates' second sheet lists them. */
export function categoryOf(cell: SheetCell): string | undefined {
  const text = textOf(cell);
  return text === undefined ? undefined : (CATEGORY_BY_NAME.get(key(text)) ?? text);
}

const REGION_BY_NAME: ReadonlyMap<string, string> = new Map(
  REGIONS.flatMap((r) => [[key(r.code), r.code] as const, ...LANGUAGES.map((l) => [key(r[l]), r.code] as const)]),
);

/** A region by its ISO 3166-2:KZ code or its name in kk, ru or en (regions.json). */
export function regionOf(cell: SheetCell): string | undefined {
  const text = textOf(cell);
  return text === undefined ? undefined : (REGION_BY_NAME.get(key(text)) ?? text);
}
