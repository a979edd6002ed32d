import type { Language } from '../../../shared/credential/index.ts';
import { html } from '../../../shared/pages/index.ts';
import type { Me } from '../../staff/me.ts';
import { consolePage, translate } from '../frame.ts';
import { COORDINATOR_CSS, categoryOptions, languageNames, languageOptions, regionOptions, todayInKazakhstan } from './coordinator-parts.ts';

/**
 * `/activities/new`: one activity of one volunteer. The organization's projects come from
 * `GET /v1/projects`; categories and regions are named in the page's language; the dates have
 * the browser's calendar and end today. `record.js` posts to `POST /v1/activities` and shows the
 * card to print and the link a phone camera opens. The activity stays filled in for the next
 * volunteer of the same work.
 */
export function recordPage(lang: Language, path: string, me: Me): string {
  const t = translate(lang);
  const today = todayInKazakhstan();
  const content = html`${COORDINATOR_CSS}
<h1>${t('coord.recordTitle')}</h1>
<p class="muted">${t('coord.recordIntro')}</p>
<form id="record-form" class="card" novalidate>
  <div class="form-message" aria-live="assertive"></div>
  <fieldset>
    <legend>${t('coord.volunteer')}</legend>
    <label for="rec-name">${t('coord.volunteerName')}</label>
    <input id="rec-name" name="volunteer.name" autocomplete="off" required maxlength="200">
    <label for="rec-email">${t('coord.volunteerEmail')}</label>
    <input id="rec-email" name="volunteer.email" type="email" autocomplete="off" autocapitalize="none" spellcheck="false" maxlength="254">
    <p class="muted">${t('coord.volunteerEmailHint')}</p>
    <label for="rec-language">${t('coord.mailLanguage')}</label>
    <select id="rec-language" name="volunteer.language">
      <option value="" id="rec-language-default">${t('coord.mailLanguageDefault', { language: '…' })}</option>
      ${languageOptions(t)}
    </select>
  </fieldset>
  <fieldset>
    <legend>${t('coord.activity')}</legend>
    <fieldset class="names">
      <legend class="sub">${t('coord.activityNames')}</legend>
      <label for="rec-name-kk">${t('coord.nameKk')}</label>
      <input id="rec-name-kk" name="activity.name.kk" lang="kk" maxlength="200">
      <label for="rec-name-ru">${t('coord.nameRu')}</label>
      <input id="rec-name-ru" name="activity.name.ru" lang="ru" maxlength="200">
      <label for="rec-name-en">${t('coord.nameEn')}</label>
      <input id="rec-name-en" name="activity.name.en" lang="en" maxlength="200">
    </fieldset>
    <label for="rec-project">${t('coord.project')}</label>
    <select id="rec-project" name="activity.project"><option value="">${t('coord.noProject')}</option></select>
    <p class="muted" id="rec-projects-empty" hidden>${t('coord.projectsEmpty')}</p>
    <label for="rec-category">${t('coord.category')}</label>
    <select id="rec-category" name="activity.category" required>${categoryOptions(lang)}</select>
    <label for="rec-region">${t('coord.region')}</label>
    <select id="rec-region" name="activity.region" required>${regionOptions(lang, me.region ?? '')}</select>
    <div class="pair">
      <div><label for="rec-start">${t('coord.startDate')}</label>
      <input id="rec-start" name="activity.activityStartDate" type="date" value="${today}" max="${today}" required></div>
      <div><label for="rec-end">${t('coord.endDate')}</label>
      <input id="rec-end" name="activity.activityEndDate" type="date" value="${today}" max="${today}" required></div>
    </div>
    <label for="rec-hours">${t('coord.hours')}</label>
    <input id="rec-hours" name="activity.hours" inputmode="decimal" autocomplete="off" required maxlength="10">
    <p class="muted">${t('coord.hoursHint')}</p>
    <label for="rec-role">${t('coord.activityRole')}</label>
    <input id="rec-role" name="activity.role" autocomplete="off" maxlength="200">
    <label for="rec-confirmed">${t('coord.confirmedBy')}</label>
    <input id="rec-confirmed" name="activity.confirmedBy" autocomplete="off" maxlength="200">
  </fieldset>
  <button type="submit">${t('coord.recordButton')}</button>
</form>
<section id="recorded" class="card" hidden aria-live="polite"></section>`;
  return consolePage({ lang, path, title: t('coord.recordTitle'), me, tab: 'record', content, scripts: ['coordinator.js', 'record.js'], data: { languages: languageNames(t) } });
}
