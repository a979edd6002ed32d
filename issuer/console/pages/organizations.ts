import { REGIONS, type Language } from '../../../shared/credential/index.ts';
import { html } from '../../../shared/pages/index.ts';
import type { Me } from '../../staff/me.ts';
import { consolePage, translate } from '../frame.ts';

/**
 * `/organizations` (registry, front offices): search and filter by status (and region for the
 * registry; a front office sees its own region). `organizations.js` pages through the API.
 */
export function organizationsPage(lang: Language, path: string, me: Me, asked: { region?: string; status?: string; q?: string }): string {
  const t = translate(lang);
  const ownRegion = me.unitKind === 'front_office' ? me.region : null;
  const region = ownRegion ?? asked.region ?? '';
  const regionName = REGIONS.find((r) => r.code === ownRegion)?.[lang];
  const content = html`<h1>${ownRegion ? t('organizationsOfRegion', { region: regionName ?? ownRegion }) : t('organizationsTitle')}</h1>
${me.role !== 'viewer' ? html`<p><a class="button" href="/organizations/new">${t('accredit')}</a></p>` : ''}
<form id="filters" class="card filters" role="search">
  <div class="grow"><label for="filter-q">${t('search')}</label>
    <input id="filter-q" name="q" type="search" value="${asked.q ?? ''}" placeholder="${t('searchHint')}" autocomplete="off" maxlength="100"></div>
  <div><label for="filter-status">${t('status')}</label>
    <select id="filter-status" name="status">
      <option value="">${t('allStatuses')}</option>
      ${(['accredited', 'suspended'] as const).map((s) => html`<option value="${s}" ${asked.status === s ? 'selected' : ''}>${t(`status.${s}`)}</option>`)}
    </select></div>
  ${ownRegion
    ? html`<input type="hidden" name="region" value="${ownRegion}">`
    : html`<div><label for="filter-region">${t('region')}</label>
    <select id="filter-region" name="region">
      <option value="">${t('allRegions')}</option>
      ${REGIONS.map((r) => html`<option value="${r.code}" ${region === r.code ? 'selected' : ''}>${r[lang]}</option>`)}
    </select></div>`}
  <div><button type="submit">${t('show')}</button></div>
</form>
<div class="list-message" aria-live="polite"></div>
<ul id="organizations" class="rows"></ul>
<button type="button" id="more" class="secondary" hidden>${t('more')}</button>`;
  return consolePage({ lang, path, title: t('organizationsTitle'), me, tab: 'organizations', content, scripts: ['organizations.js'] });
}

/**
 * `/organizations/new`: accreditation. A front office's region is fixed to its own; the BIN's
 * check digit and every other rule are the API's, whose refusals the page shows by field.
 */
export function accreditPage(lang: Language, path: string, me: Me): string {
  const t = translate(lang);
  const ownRegion = me.unitKind === 'front_office' ? me.region : null;
  const content = html`<p class="crumbs"><a href="/organizations">${t('organizationsTitle')}</a></p>
<h1>${t('accreditTitle')}</h1>
<p class="muted">${t('accreditIntro')}</p>
<form id="accredit-form" class="card" novalidate>
  <div class="form-message" aria-live="assertive"></div>
  <label for="org-id">${t('organizationId')}</label>
  <input id="org-id" name="id" autocomplete="off" autocapitalize="none" spellcheck="false" required>
  <p class="muted">${t('organizationIdHint')}</p>
  <fieldset>
    <legend>${t('namesHint')}</legend>
    <label for="org-name-kk">${t('nameKk')}</label>
    <input id="org-name-kk" name="name.kk" lang="kk">
    <label for="org-name-ru">${t('nameRu')}</label>
    <input id="org-name-ru" name="name.ru" lang="ru">
    <label for="org-name-en">${t('nameEn')}</label>
    <input id="org-name-en" name="name.en" lang="en">
  </fieldset>
  <label for="org-region">${t('region')}</label>
  ${ownRegion
    ? html`<select id="org-region" name="region" disabled><option value="${ownRegion}">${REGIONS.find((r) => r.code === ownRegion)?.[lang] ?? ownRegion}</option></select>
  <input type="hidden" name="region" value="${ownRegion}">
  <p class="muted">${t('regionFixed')}</p>`
    : html`<select id="org-region" name="region" required>${REGIONS.map((r) => html`<option value="${r.code}">${r[lang]}</option>`)}</select>`}
  <label for="org-bin">${t('bin')}</label>
  <input id="org-bin" name="bin" inputmode="numeric" autocomplete="off" maxlength="12" pattern="[0-9]{12}">
  <p class="muted">${t('binHint')}</p>
  <label for="org-contact">${t('contact')}</label>
  <input id="org-contact" name="contact" autocomplete="off" maxlength="200">
  <p class="muted">${t('contactHint')}</p>
  <button type="submit">${t('accreditButton')}</button>
</form>
<section id="accredited" class="card" hidden aria-live="polite"></section>`;
  return consolePage({ lang, path, title: t('accreditTitle'), me, tab: 'organizations', content, scripts: ['accredit.js'] });
}
