import { REGIONS, localized, type Language } from '../../../shared/credential/index.ts';
import { html } from '../../../shared/pages/index.ts';
import type { Me } from '../../staff/me.ts';
import type { UnitRecord } from '../../staff/units.ts';
import { consolePage, translate } from '../frame.ts';
import { peoplePanel } from './people.ts';

/** `/front-offices` (registry): the twenty regions' offices, and the form that opens one. */
export function frontOfficesPage(lang: Language, path: string, me: Me): string {
  const t = translate(lang);
  const canWrite = me.role !== 'viewer';
  const content = html`<h1>${t('frontOfficesTitle')}</h1>
<p class="muted">${t('frontOfficesIntro')}</p>
<p id="regions-without" class="muted"></p>
<ul id="front-offices" class="rows"><li class="muted">${t('loading')}</li></ul>
${canWrite
  ? html`<form id="front-office-form" class="card" novalidate>
  <h2>${t('createFrontOffice')}</h2>
  <div class="form-message" aria-live="assertive"></div>
  <label for="fo-region">${t('region')}</label>
  <select id="fo-region" name="region" required>${REGIONS.map((r) => html`<option value="${r.code}">${r[lang]}</option>`)}</select>
  <label for="fo-id">${t('frontOfficeId')}</label>
  <input id="fo-id" name="id" autocomplete="off" autocapitalize="none" spellcheck="false" required pattern="[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?">
  <p class="muted">${t('idHint')}</p>
  <label for="fo-name-kk">${t('nameKk')}</label>
  <input id="fo-name-kk" name="name.kk" lang="kk" required>
  <label for="fo-name-ru">${t('nameRu')}</label>
  <input id="fo-name-ru" name="name.ru" lang="ru" required>
  <label for="fo-name-en">${t('nameEn')}</label>
  <input id="fo-name-en" name="name.en" lang="en" required>
  <button type="submit">${t('create')}</button>
  <div id="front-office-result" aria-live="polite"></div>
</form>`
  : ''}`;
  return consolePage({ lang, path, title: t('frontOfficesTitle'), me, tab: 'front-offices', content, scripts: ['front-offices.js'] });
}

/** `/front-offices/{id}` (registry): one office, its region's organizations, and its people. */
export function frontOfficePage(lang: Language, path: string, me: Me, office: UnitRecord): string {
  const t = translate(lang);
  const name = localized(office.name, lang) || office.id;
  const region = REGIONS.find((r) => r.code === office.region);
  const content = html`<p class="crumbs"><a href="/front-offices">${t('frontOfficesTitle')}</a></p>
<h1>${name}</h1>
<p class="muted">${office.id} · ${region ? region[lang] : office.region}</p>
<p><a class="button secondary" href="/organizations?region=${office.region ?? ''}">${t('organizationsOfRegion', { region: region ? region[lang] : (office.region ?? '') })}</a></p>
${peoplePanel(t, `front-office:${office.id}`, t('peopleTitle'), me.role === 'admin')}`;
  return consolePage({ lang, path, title: name, me, tab: 'front-offices', content, scripts: ['people.js'] });
}
