export type Lang = 'kk' | 'ru' | 'en';

/**
 * Latin words a Kazakh or Russian page may show: abbreviations the field writes in Latin letters
 * (DID, QR, PDF, JWT, API, CSV, Excel and the file types .xlsx and .csv, the time zone, the range a–z of letters a login may use), the language switch's own "English", and the proper names
 * and identifiers of the test data (the organization `eco-qyran`).
 */
export const ALLOWED_LATIN = new Set(['DID', 'QR', 'PDF', 'JWT', 'VC-JWT', 'CSV', 'IIN', 'GMT', 'UTC', 'URL', 'API', 'email', 'e-mail', 'English', 'eco-qyran', 'fo-pavlodar', 'nonce', 'ID', 'Excel', 'xlsx', 'csv']);

/**
 * Names the test data gives in English that a Kazakh or Russian page rightly shows as they are:
 * the console lists an organization's name in all three languages.
 */
const PROPER_NAMES = ['Organization eco-qyran', 'Pavlodar front office'];

/** What is an identifier, not a word: URLs, DIDs, URNs, logins and e-mail addresses, long tokens. */
const IDENTIFIERS = [
  /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi,
  /\bdid:[a-z0-9]+(:\S+)?/gi,
  /\burn:[a-z0-9]+:\S+/gi,
  /\bopenid[\w-]*:\S*/gi,
  /\S+@\S+/g,
  /\ba–z\b/g,
  // A spreadsheet's cell, as a refused row names it (L4).
  /\b[A-Z]{1,3}[1-9]\d{0,6}\b/g,
  /\b(?=\w*\d)[A-Za-z0-9_-]{16,}\b/g,
];

/** The Latin words of a page's visible text that are neither allowed names nor identifiers. */
export function foreignWords(text: string): string[] {
  let rest = text;
  for (const name of PROPER_NAMES) rest = rest.replaceAll(name, ' ');
  for (const pattern of IDENTIFIERS) rest = rest.replace(pattern, ' ');
  const words = rest.match(/[A-Za-z][A-Za-z-]*[A-Za-z]|[A-Za-z]/g) ?? [];
  return [...new Set(words.filter((w) => !ALLOWED_LATIN.has(w) && !/^(dana|login)\./i.test(w)))];
}

const UNIT: Record<Lang, string> = { kk: 'сағ', ru: 'ч', en: 'h' };

/**
 * Hours as the reader's locale writes them: a decimal comma with "сағ" or "ч" in kk and ru, a
 * point with "h" in en; and, on a page that shows a total, that total written so.
 */
export function hourProblems(text: string, lang: Lang, hours: number | undefined): string[] {
  const problems: string[] = [];
  const flat = text.replace(/\s+/g, ' ');
  const wrongSeparator = lang === 'en' ? /\d,\d+ ?h\b/ : /\d\.\d+ ?(сағ|ч)(?![а-яәғқңөұүһі])/i;
  const wrong = wrongSeparator.exec(flat);
  if (wrong) problems.push(`hours written "${wrong[0]}"`);
  if (hours !== undefined) {
    const written = `${String(hours).replace('.', lang === 'en' ? '.' : ',')} ${UNIT[lang]}`;
    if (!flat.includes(written)) problems.push(`total not written as "${written}"`);
  }
  return problems;
}
