import type { Language } from '../credential/vocabulary.ts';

/** The locale each page language formats numbers and dates in. */
export const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** Kazakhstan's one time zone since 2024 (UTC+5); times on pages say it ("GMT+5"). */
export const TIME_ZONE = 'Asia/Almaty';

const HOUR_UNIT: Record<Language, string> = { kk: 'сағ', ru: 'ч', en: 'h' };

/** A number in the reader's locale: "79,5" in kk and ru, "79.5" in en. */
export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 }).format(value);
}

/** Hours with their unit: "79,5 сағ", "79,5 ч", "79.5 h". */
export function formatHours(value: number, lang: Language): string {
  return `${formatNumber(value, lang)}\u00a0${HOUR_UNIT[lang]}`;
}

/**
 * A calendar date (`2025-04-20`, or the date part of a timestamp) in words: "20 апреля 2025 г.".
 * A date without a time is a day, not an instant, so it is read in UTC and never shifts.
 */
export function formatDate(isoDate: string, lang: Language): string {
  const day = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return isoDate;
  return day.toLocaleDateString(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A span of days: one date when it starts and ends the same day. */
export function formatDateRange(start: string, end: string, lang: Language): string {
  if (!start) return formatDate(end, lang);
  if (!end || start.slice(0, 10) === end.slice(0, 10)) return formatDate(start, lang);
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

/** An instant with its date, time and zone: "30 ноября 2026 г. в 20:06 GMT+5". */
export function formatDateTime(iso: string, lang: Language): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleString(LOCALES[lang], {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE, timeZoneName: 'short',
  });
}

/** An instant's time of day with its zone: "20:06 GMT+5". */
export function formatTime(iso: string, lang: Language): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleTimeString(LOCALES[lang], { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE, timeZoneName: 'short' });
}

/**
 * A long identifier shortened for the eye (`did:key:z6Mk…AbCd`); pages put the full value in a
 * `title` and behind a copy button, so nothing is lost and a phone never scrolls sideways.
 */
export function shortIdentifier(id: string | undefined, keep = 6): string {
  if (!id) return '';
  const prefix = /^(did:[a-z0-9]+:|urn:uuid:)/i.exec(id)?.[0] ?? '';
  const rest = id.slice(prefix.length);
  return rest.length > keep * 2 + 3 ? `${prefix}${rest.slice(0, keep)}…${rest.slice(-4)}` : id;
}
