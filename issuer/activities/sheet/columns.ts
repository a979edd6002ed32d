import type { Language } from '../../../shared/credential/index.ts';

/** The columns of a spreadsheet batch: the API's snake_case names (API.md) and their headers per language. */
export const SHEET_COLUMNS = [
  'volunteer_name', 'volunteer_email', 'volunteer_language', 'name_kk', 'name_ru', 'name_en', 'project', 'category', 'region',
  'start_date', 'end_date', 'hours', 'role', 'confirmed_by', 'idempotency_key',
] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly SheetColumn[] = ['volunteer_name', 'category', 'region', 'start_date', 'end_date', 'hours'];

/** The header each template writes, per language; a header is also recognised by its other spellings below. */
export const COLUMN_HEADERS: Record<Language, Record<SheetColumn, string>> = {
  kk: {
    volunteer_name: 'Волонтердің аты-жөні',
    volunteer_email: 'Волонтердің email-і',
    volunteer_language: 'Хат тілі',
    name_kk: 'Іс-шара атауы (қазақша)',
    name_ru: 'Іс-шара атауы (орысша)',
    name_en: 'Іс-шара атауы (ағылшынша)',
    project: 'Жоба',
    category: 'Санат',
    region: 'Өңір',
    start_date: 'Басталған күні',
    end_date: 'Аяқталған күні',
    hours: 'Сағат',
    role: 'Рөлі',
    confirmed_by: 'Растаған',
    idempotency_key: 'Жол кілті',
  },
  ru: {
    volunteer_name: 'ФИО',
    volunteer_email: 'Email волонтёра',
    volunteer_language: 'Язык письма',
    name_kk: 'Название (на казахском)',
    name_ru: 'Название (на русском)',
    name_en: 'Название (на английском)',
    project: 'Проект',
    category: 'Категория',
    region: 'Регион',
    start_date: 'Дата начала',
    end_date: 'Дата окончания',
    hours: 'Часы',
    role: 'Роль',
    confirmed_by: 'Подтвердил',
    idempotency_key: 'Ключ строки',
  },
  en: {
    volunteer_name: 'Volunteer name',
    volunteer_email: 'Volunteer email',
    volunteer_language: 'Email language',
    name_kk: 'Activity name (Kazakh)',
    name_ru: 'Activity name (Russian)',
    name_en: 'Activity name (English)',
    project: 'Project',
    category: 'Category',
    region: 'Region',
    start_date: 'Start date',
    end_date: 'End date',
    hours: 'Hours',
    role: 'Role',
    confirmed_by: 'Confirmed by',
    idempotency_key: 'Row key',
  },
};

/** Other spellings people type in their own spreadsheets. */
const ALIASES: Partial<Record<SheetColumn, string[]>> = {
  volunteer_name: ['аты-жөні', 'волонтер', 'фио волонтера', 'имя', 'name', 'full name', 'volunteer'],
  volunteer_email: ['email', 'e-mail', 'эл. почта', 'электронная почта', 'почта', 'электрондық пошта'],
  volunteer_language: ['language', 'язык', 'тілі', 'тіл'],
  hours: ['часов', 'кол-во часов', 'количество часов', 'сағат саны', 'h'],
  start_date: ['начало', 'басы', 'from', 'start'],
  end_date: ['конец', 'окончание', 'соңы', 'to', 'end'],
  region: ['область', 'облыс', 'регион деятельности'],
  confirmed_by: ['подтверждено', 'кто подтвердил', 'confirmed'],
};

/** Lower case, one space, `ё` read as `е`, no trailing punctuation: how headers are compared. */
export function normalizeHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').replace(/[:*]+$/, '').trim();
}

const BY_HEADER: ReadonlyMap<string, SheetColumn> = (() => {
  const map = new Map<string, SheetColumn>();
  for (const column of SHEET_COLUMNS) {
    map.set(column, column);
    for (const lang of ['kk', 'ru', 'en'] as const) map.set(normalizeHeader(COLUMN_HEADERS[lang][column]), column);
    for (const alias of ALIASES[column] ?? []) map.set(normalizeHeader(alias), column);
  }
  return map;
})();

/** The column a header stands for, in any of the three languages or as the API's snake_case name. */
export function columnOfHeader(header: string): SheetColumn | undefined {
  return BY_HEADER.get(normalizeHeader(header));
}
