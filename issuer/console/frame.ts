import { REGIONS, localized, type Language } from '../../shared/credential/index.ts';
import { translator } from '../../shared/i18n/index.ts';
import { html, layout, raw, type SafeHtml } from '../../shared/pages/index.ts';
import type { Me } from '../staff/me.ts';
import { navigation, type Tab } from './nav.ts';
import { CONSOLE_TEXTS, type ConsoleText } from './texts/messages.ts';

export type Translate = (key: ConsoleText, vars?: Record<string, string | number>) => string;

export interface ConsoleView {
  lang: Language;
  /** The page's path and query without `lang`, for the language links. */
  path: string;
  title: string;
  /** The signed-in person; absent on the sign-in and invitation pages. */
  me?: Me;
  tab?: Tab;
  content: SafeHtml;
  /** Page scripts under `/console/`, loaded after `console.js` (the API client, texts, errors). */
  scripts?: string[];
  /** Facts the page's scripts need (ids, what the person may do), as a JSON data block. */
  data?: Record<string, unknown>;
}

export function translate(lang: Language): Translate {
  return translator(CONSOLE_TEXTS, lang);
}

/**
 * The frame of every console page: the shared layout and stylesheet, the person's unit and
 * menu, a notice area, and the texts and page facts the scripts read. Pages render their
 * structure on the server; their data comes from the JSON API, fetched by their scripts.
 */
export function consolePage(view: ConsoleView): string {
  const t = translate(view.lang);
  const body = html`<link rel="stylesheet" href="/console/console.css">
${view.me ? header(t, view.lang, view.me, view.tab) : html`<p class="console-brand">${t('appName')} · ${t('consoleName')}</p>`}
<div id="notice" aria-live="polite"></div>
${view.content}
${dataBlock('console-texts', { ...CONSOLE_TEXTS[view.lang], ...regionTexts(view.lang) })}
${dataBlock('console-page', { me: view.me ?? null, ...view.data })}`;
  return layout({
    lang: view.lang,
    title: `${view.title} · ${t('appName')}`,
    body,
    path: view.path,
    scripts: ['/console/console.js', ...(view.scripts ?? []).map((s) => `/console/${s}`)],
  });
}

function header(t: Translate, lang: Language, me: Me, tab: Tab | undefined): SafeHtml {
  const unit = me.unitKind === 'registry' ? t('unit.registry') : localized(me.unitName, lang) || me.unitId;
  return html`<header class="console-head card">
  <div class="who">
    <strong class="unit-name">${unit}</strong>
    <span class="muted">${me.name} · ${t(`role.${me.role}` as ConsoleText)}</span>
  </div>
  <button type="button" id="sign-out" class="secondary small">${t('signOut')}</button>
</header>
<nav class="console-nav" aria-label="${t('consoleName')}">
  ${navigation(me).map((item) => html`<a href="${item.href}" ${item.tab === tab ? html`aria-current="page"` : ''}>${t(item.text)}</a>`)}
</nav>`;
}

function regionTexts(lang: Language): Record<string, string> {
  return Object.fromEntries(REGIONS.map((r) => [`region.${r.code}`, r[lang]]));
}

/**
 * A JSON data block: the CSP forbids inline scripts, but a block of type application/json is
 * never executed. `<` is escaped so no text can end the block early.
 */
function dataBlock(id: string, value: unknown): SafeHtml {
  return html`<script type="application/json" id="${id}">${raw(JSON.stringify(value).replace(/</g, '\\u003c'))}</script>`;
}
