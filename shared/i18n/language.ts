import type { Request, Response } from 'express';
import { LANGUAGES, type Language } from '../credential/vocabulary.ts';

export const LANGUAGE_COOKIE = 'lang';

/**
 * The reader's language: an explicit `?lang=` first (and remembered in a cookie), then the
 * remembered choice, then the browser's Accept-Language, then Kazakh, the state language.
 */
export function pickLanguage(req: Request, res?: Response): Language {
  const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  if (asked && isLanguage(asked)) {
    res?.cookie(LANGUAGE_COOKIE, asked, { maxAge: 365 * 86_400_000, sameSite: 'lax', httpOnly: false, path: '/' });
    return asked;
  }
  const remembered = cookie(req, LANGUAGE_COOKIE);
  if (remembered && isLanguage(remembered)) return remembered;
  return fromAcceptLanguage(req.get('accept-language')) ?? 'kk';
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first supported language of an Accept-Language header, by quality. */
export function fromAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { lang: tag!.trim().toLowerCase().split('-')[0]!, q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.find((r) => isLanguage(r.lang))?.lang as Language | undefined;
}

/**
 * One cookie's value; the services need too few cookies to warrant a parser dependency. A value
 * that is not valid percent-encoding (`lang=%`, `passport_session=%zz`) counts as absent: the
 * browser holds garbage we never set, and the request goes on as if it had no such cookie.
 */
export function cookie(req: Request, name: string): string | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeCookieValue(part.slice(eq + 1).trim());
  }
  return undefined;
}

function decodeCookieValue(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * A message table in the three languages; every key must exist in all three, which the type
 * enforces, so no page ships with a missing translation.
 */
export type Messages<K extends string> = Record<Language, Record<K, string>>;

export function translator<K extends string>(messages: Messages<K>, lang: Language): (key: K, vars?: Record<string, string | number>) => string {
  return (key, vars) => {
    let text = messages[lang][key];
    if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
    return text;
  };
}
