import type { Language } from '../../shared/credential/index.ts';
import { LOCALES, TIME_ZONE } from '../../shared/pages/index.ts';

/**
 * Dates as words in the reader's language, by Node's ICU: "20–27 апреля 2025 г.",
 * "2025 ж. 20–27 сәуір", "20 – 27 April 2025". Node 20 ships full ICU with Kazakh month names
 * (checked by the PDF test), so no month names of our own are kept.
 */
const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** A span of calendar days (`2025-04-20`…`2025-04-27`), shared parts written once; one day when it starts and ends the same day. */
export function dayRange(start: string, end: string, lang: Language): string {
  const format = new Intl.DateTimeFormat(LOCALES[lang], { ...DAY, timeZone: 'UTC' });
  const from = new Date(`${start.slice(0, 10)}T00:00:00Z`);
  const to = new Date(`${(end || start).slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return [start, end].filter(Boolean).join(' – ');
  return to <= from ? format.format(from) : format.formatRange(from, to);
}

/** The day of an instant in Kazakhstan (UTC+5), in words: what "printed on" means to the reader. */
export function dayOf(at: Date, lang: Language): string {
  return at.toLocaleDateString(LOCALES[lang], { ...DAY, timeZone: TIME_ZONE });
}
