import { CATEGORIES, CATEGORY_NAMES, LANGUAGES, REGIONS, type Language } from '../../../shared/credential/index.ts';
import { html, type SafeHtml } from '../../../shared/pages/index.ts';
import type { Translate } from '../frame.ts';
import type { ConsoleText } from '../texts/messages.ts';

/** The coordinator pages' own stylesheet, beside the console's. */
export const COORDINATOR_CSS: SafeHtml = html`<link rel="stylesheet" href="/console/coordinator.css">`;

/** Categories by name in the page's language, as `<option>`s. */
export function categoryOptions(lang: Language, selected = ''): SafeHtml[] {
  return CATEGORIES.map((c) => html`<option value="${c}" ${c === selected ? 'selected' : ''}>${CATEGORY_NAMES[lang][c]}</option>`);
}

/** The 20 regions by name in the page's language, as `<option>`s. */
export function regionOptions(lang: Language, selected = ''): SafeHtml[] {
  return REGIONS.map((r) => html`<option value="${r.code}" ${r.code === selected ? 'selected' : ''}>${r[lang]}</option>`);
}

/** The three e-mail languages by name in the page's language. */
export function languageOptions(t: Translate, selected = ''): SafeHtml[] {
  return LANGUAGES.map((l) => html`<option value="${l}" ${l === selected ? 'selected' : ''}>${t(`language.${l}` as ConsoleText)}</option>`);
}

/** The language names the scripts show (the organization's default e-mail language). */
export function languageNames(t: Translate): Record<Language, string> {
  return Object.fromEntries(LANGUAGES.map((l) => [l, t(`language.${l}` as ConsoleText)])) as Record<Language, string>;
}

/** Today's date in Kazakhstan (UTC+5), for the date inputs' default and maximum. */
export function todayInKazakhstan(now = new Date()): string {
  return new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
}
