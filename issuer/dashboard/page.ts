import { CATEGORY_NAMES, REGIONS, type Language } from '../../shared/credential/index.ts';
import { translator } from '../../shared/i18n/index.ts';
import { html, layout, raw, type SafeHtml } from '../../shared/pages/index.ts';
import { DASHBOARD_TEXTS } from './texts.ts';
import { tileMapSvg } from './tile-map.ts';

/** The breakdowns drawn as charts, in page order; regions have the map instead. */
const CHARTS = ['byMonth', 'byCategory', 'byOrganization', 'byProject'] as const;
const MEASURES = ['volunteers', 'organizations', 'activities', 'credentialsClaimed', 'credentialsRevoked', 'hours'] as const;
export const DASHBOARD_SCRIPTS = ['format.js', 'tile-map.js', 'dashboard.js'] as const;

/**
 * The dashboard page. The server renders the frame, the words and the map's tiles; the page
 * script signs in with the console's session (when `consoleSession`) or a key kept in
 * `sessionStorage`, fetches `/v1/stats` and draws the figures.
 * The words the script needs travel as a JSON data block, which the CSP allows since it is never
 * executed.
 */
export function dashboardPage(lang: Language, options: { consoleSession?: boolean } = {}): string {
  const t = translator(DASHBOARD_TEXTS, lang);
  const texts = {
    lang,
    consoleSession: options.consoleSession ?? false,
    messages: DASHBOARD_TEXTS[lang],
    categories: CATEGORY_NAMES[lang],
    regions: Object.fromEntries(REGIONS.map((r) => [r.code, r[lang]])),
    measures: MEASURES,
  };
  /** A breakdown's table (open on wide screens, one tap away on phones) and its CSV download. */
  const table = (name: string) => html`<div class="figures">
      <p class="muted" data-note="${name}" hidden></p>
      <details class="figures-table"><summary>${t('figures')}</summary>
        <div class="table-scroll"><table data-table="${name}"><thead></thead><tbody></tbody></table></div>
      </details>
      <button type="button" class="secondary" data-csv="${name}">${t('downloadCsv')}</button>
    </div>`;
  const radio = (name: string, value: string, label: string, checked: boolean): SafeHtml =>
    html`<label><input type="radio" name="${name}" value="${value}"${checked ? html` checked` : ''}><span>${label}</span></label>`;
  const body = html`
<div class="dashboard">
<h1>${t('title')}</h1>
<p class="muted">${t('intro')}</p>
<section id="sign-in" class="card">
  <h2>${t('signInTitle')}</h2>
  <form id="sign-in-form" autocomplete="off">
    <label for="key">${t('keyLabel')}</label>
    <input id="key" name="key" type="password" required spellcheck="false">
    <p class="muted">${t('keyHint')}</p>
    <button type="submit">${t('signIn')}</button>
    <p id="sign-in-error" class="bad" role="alert" hidden></p>
  </form>
</section>
<section id="figures" hidden>
  <div class="card scope-bar">
    <span id="scope"></span>
    <button id="sign-out" type="button" class="secondary">${t('signOut')}</button>
  </div>
  <form id="filters" class="card filters">
    <div><label for="filter-region">${t('filterRegion')}</label>
      <select id="filter-region" name="region">
        <option value="">${t('allRegions')}</option>
        ${REGIONS.map((r) => html`<option value="${r.code}">${r[lang]}</option>`)}
      </select></div>
    <div><label for="filter-from">${t('filterFrom')}</label><input id="filter-from" name="from" type="date"></div>
    <div><label for="filter-to">${t('filterTo')}</label><input id="filter-to" name="to" type="date"></div>
    <fieldset id="attribution" class="switch"><legend>${t('attribution')}</legend>
      ${radio('by', 'activity', t('byActivity'), true)}
      ${radio('by', 'organization', t('byOrganizationRegion'), false)}
    </fieldset>
    <div><button type="submit">${t('apply')}</button></div>
  </form>
  <p id="status" class="muted" role="status"></p>
  <div id="totals" class="totals">
    ${MEASURES.map((m) => html`<div class="card total"><span class="label">${t(m)}</span><strong data-measure="${m}"></strong></div>`)}
  </div>
  <p class="muted">${t('smallCells')} ${t('hoursNote')}</p>
  <section class="card breakdown map-card" data-stats="byRegion">
    <div class="card-head">
      <h2>${t('byRegion')}</h2>
      <fieldset id="map-measure" class="switch"><legend class="visually-hidden">${t('mapMeasure')}</legend>
        ${radio('measure', 'hours', t('hours'), true)}
        ${radio('measure', 'volunteers', t('volunteers'), false)}
      </fieldset>
    </div>
    <p id="attribution-note" class="muted"></p>
    <div class="split">
      <div class="map-box">
        ${tileMapSvg(lang, t('mapLabel'))}
        <ul id="map-legend" class="legend"></ul>
        <div id="map-info" class="map-info" aria-live="polite"><p class="muted">${t('mapHint')}</p></div>
      </div>
      ${table('byRegion')}
    </div>
  </section>
  ${CHARTS.map(
    (name) => html`<section class="card breakdown chart-card" data-stats="${name}">
    <h2>${t(name)}</h2>
    <div class="split">
      <div class="chart-box"><canvas data-chart="${name}" role="img" aria-label="${t(name)}"></canvas></div>
      ${table(name)}
    </div>
  </section>`,
  )}
</div>
<script type="application/json" id="dashboard-texts">${raw(JSON.stringify(texts).replace(/</g, '\\u003c'))}</script>`;
  return layout({
    lang,
    title: t('title'),
    body,
    path: '/dashboard',
    scripts: ['/assets/chart.umd.js', ...DASHBOARD_SCRIPTS.map((file) => `/dashboard/${file}`)],
    // The shared frame links the common stylesheet only; the dashboard's wider grid is its own.
  }).replace('</head>', '<link rel="stylesheet" href="/dashboard/dashboard.css">\n</head>');
}
