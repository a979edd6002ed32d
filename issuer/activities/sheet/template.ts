import ExcelJS from 'exceljs';
import { CATEGORIES, CATEGORY_NAMES, REGIONS, type Language } from '../../../shared/credential/index.ts';
import { COLUMN_HEADERS, SHEET_COLUMNS, type SheetColumn } from './columns.ts';

/** The template's columns: everything but the idempotency key, which a row's content stands for. */
const TEMPLATE_COLUMNS = SHEET_COLUMNS.filter((c) => c !== 'idempotency_key');

const LISTS_TITLE: Record<Language, { sheet: string; category: string; region: string; language: string }> = {
  kk: { sheet: 'Тізімдер', category: 'Санаттар', region: 'Өңірлер', language: 'Хат тілдері' },
  ru: { sheet: 'Списки', category: 'Категории', region: 'Регионы', language: 'Языки писем' },
  en: { sheet: 'Lists', category: 'Categories', region: 'Regions', language: 'Email languages' },
};
const DATA_TITLE: Record<Language, string> = { kk: 'Іс-шаралар', ru: 'Мероприятия', en: 'Activities' };

/** A filled example row: a week of tree planting in Pavlodar, as DESIGN.md's credential. */
function exampleRow(lang: Language): Record<SheetColumn, string | number | Date> {
  return {
    volunteer_name: lang === 'en' ? 'Dana Aliyeva' : 'Дана Әлиева',
    volunteer_email: 'dana@example.kz',
    volunteer_language: lang,
    name_kk: 'Ағаш отырғызу',
    name_ru: 'Посадка деревьев',
    name_en: 'Tree planting',
    project: 'Жас ағаш',
    category: CATEGORY_NAMES[lang].ecology,
    region: REGIONS.find((r) => r.code === 'KZ-55')![lang],
    start_date: new Date(Date.UTC(2026, 3, 20)),
    end_date: new Date(Date.UTC(2026, 3, 27)),
    hours: 18.5,
    role: lang === 'en' ? 'team lead' : lang === 'ru' ? 'бригадир' : 'топ жетекшісі',
    confirmed_by: lang === 'en' ? 'Coordinator' : lang === 'ru' ? 'Координатор' : 'Үйлестіруші',
    idempotency_key: '',
  };
}

/**
 * The `.xlsx` template in one language: the headers and a filled example row on the first sheet
 * (dates as Excel dates, hours as a number), the category, region and language lists on the
 * second, and drop-downs on the category and region columns that point at those lists.
 */
export async function xlsxTemplate(lang: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(DATA_TITLE[lang]);
  const lists = workbook.addWorksheet(LISTS_TITLE[lang].sheet);
  data.columns = TEMPLATE_COLUMNS.map((c) => ({ header: COLUMN_HEADERS[lang][c], key: c, width: Math.max(14, COLUMN_HEADERS[lang][c].length + 2) }));
  data.getRow(1).font = { bold: true };
  data.addRow(exampleRow(lang));
  for (const c of ['start_date', 'end_date'] as const) data.getColumn(c).numFmt = 'dd.mm.yyyy';

  const t = LISTS_TITLE[lang];
  lists.columns = [{ header: t.category, width: 26 }, { header: t.region, width: 34 }, { header: t.language, width: 14 }];
  lists.getRow(1).font = { bold: true };
  const rows = Math.max(CATEGORIES.length, REGIONS.length);
  for (let i = 0; i < rows; i++) {
    lists.addRow([CATEGORIES[i] ? CATEGORY_NAMES[lang][CATEGORIES[i]!] : null, REGIONS[i]?.[lang] ?? null, ['kk', 'ru', 'en'][i] ?? null]);
  }
  const letter = (c: SheetColumn) => data.getColumn(c).letter;
  const listRange = { category: `$A$2:$A$${CATEGORIES.length + 1}`, region: `$B$2:$B$${REGIONS.length + 1}`, volunteer_language: '$C$2:$C$4' } as const;
  for (const [column, range] of Object.entries(listRange) as [SheetColumn, string][]) {
    for (let r = 2; r <= 1001; r++) {
      data.getCell(`${letter(column)}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`'${t.sheet}'!${range}`] };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The CSV template in one language: UTF-8 with a BOM (so Excel reads it), `;`, a filled example row. */
export function csvTemplate(lang: Language): string {
  const example = exampleRow(lang);
  const cell = (v: string | number | Date) => {
    const text = v instanceof Date ? `${String(v.getUTCDate()).padStart(2, '0')}.${String(v.getUTCMonth() + 1).padStart(2, '0')}.${v.getUTCFullYear()}` : typeof v === 'number' ? String(v).replace('.', ',') : v;
    return /[;"\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${TEMPLATE_COLUMNS.map((c) => cell(COLUMN_HEADERS[lang][c])).join(';')}\r\n${TEMPLATE_COLUMNS.map((c) => cell(example[c])).join(';')}\r\n`;
}
