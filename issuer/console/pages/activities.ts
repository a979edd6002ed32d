import type { Language } from '../../../shared/credential/index.ts';
import { html } from '../../../shared/pages/index.ts';
import { LIST_STATUSES } from '../../activities/list.ts';
import type { Me } from '../../staff/me.ts';
import { consolePage, translate } from '../frame.ts';
import type { ConsoleText } from '../texts/messages.ts';
import { COORDINATOR_CSS, languageNames } from './coordinator-parts.ts';

/**
 * `/activities`: the organization's activities with filters (status, project, dates, upload) and
 * a search by the volunteer's name, the counts, and exports. Each activity can be printed as a
 * card or sent by e-mail (with its recorded e-mail state), its offer withdrawn while unclaimed,
 * its credential revoked once claimed (a reason, then a confirm step that says it is
 * irreversible); several can be selected and printed together. Filters are the query string, so
 * a filtered list is a link; `activities.js` reads them and pages through `GET /v1/activities`.
 */
export function activitiesPage(lang: Language, path: string, me: Me): string {
  const t = translate(lang);
  const content = html`${COORDINATOR_CSS}
<h1>${t('coord.activitiesTitle')}</h1>
<form id="activity-filters" class="card filters activity-filters" role="search" method="get" action="/activities">
  <div class="grow"><label for="filter-q">${t('coord.searchName')}</label>
    <input id="filter-q" name="q" type="search" autocomplete="off" maxlength="200"></div>
  <div><label for="filter-status">${t('status')}</label>
    <select id="filter-status" name="status">
      <option value="">${t('allStatuses')}</option>
      ${LIST_STATUSES.map((s) => html`<option value="${s}">${t(`status.${s}` as ConsoleText)}</option>`)}
    </select></div>
  <div><label for="filter-project">${t('coord.project')}</label>
    <select id="filter-project" name="project"><option value="">${t('coord.allProjects')}</option></select></div>
  <div class="pair">
    <div><label for="filter-from">${t('coord.from')}</label><input id="filter-from" name="from" type="date"></div>
    <div><label for="filter-to">${t('coord.to')}</label><input id="filter-to" name="to" type="date"></div>
  </div>
  <input type="hidden" id="filter-upload" name="upload">
  <div><button type="submit">${t('show')}</button></div>
</form>
<div id="upload-filter" class="card" hidden>
  <p>${t('coord.oneUpload')}</p>
  <p class="links"><a class="button" id="upload-filter-cards" target="_blank" rel="noopener">${t('coord.uploadCards')}</a>
  <a id="upload-filter-clear" href="/activities">${t('coord.allUploads')}</a></p>
</div>
<div class="summary">
  <p id="counts" class="counts" aria-live="polite"></p>
  <p class="links"><a id="export-csv" download>${t('coord.exportCsv')}</a> <a id="export-xlsx" download>${t('coord.exportXlsx')}</a></p>
</div>
<div class="selection card">
  <label class="choice"><input type="checkbox" id="select-shown"><span>${t('coord.selectShown')}</span></label>
  <a class="button secondary" id="cards-selected" target="_blank" rel="noopener" hidden></a>
  <p class="muted">${t('coord.cardsHint')}</p>
</div>
<div class="list-message" aria-live="polite"></div>
<ul id="activities" class="rows activities"></ul>
<button type="button" id="more" class="secondary" hidden>${t('more')}</button>`;
  return consolePage({
    lang,
    path,
    title: t('coord.activitiesTitle'),
    me,
    tab: 'activities',
    content,
    scripts: ['coordinator.js', 'activities.js'],
    data: { mayWrite: me.role !== 'viewer', languages: languageNames(t) },
  });
}
