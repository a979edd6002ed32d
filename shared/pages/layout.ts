import type { Language } from '../credential/vocabulary.ts';
import { html, type SafeHtml } from './html.ts';

export interface LayoutOptions {
  lang: Language;
  title: string;
  body: SafeHtml;
  /** Same-origin script URLs (bundled libraries, page scripts); no inline scripts under the CSP. */
  scripts?: string[];
  /** Path of the current page, for the language switch links. */
  path: string;
}

const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** The page frame shared by the three services: mobile first, no network resource but our own. */
export function layout(options: LayoutOptions): string {
  const separator = options.path.includes('?') ? '&' : '?';
  return html`<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<link rel="stylesheet" href="/assets/passport.css">
</head>
<body>
<header class="top">
  <nav class="langs" aria-label="Language">
    ${(['kk', 'ru', 'en'] as Language[]).map(
      (l) => html`<a href="${options.path}${separator}lang=${l}" data-lang="${l}" ${l === options.lang ? html`aria-current="true"` : ''}>${LANGUAGE_NAMES[l]}</a>`,
    )}
  </nav>
</header>
<main>
${options.body}
</main>
${(options.scripts ?? []).map((src) => html`<script src="${src}"></script>`)}
</body>
</html>`.value;
}
