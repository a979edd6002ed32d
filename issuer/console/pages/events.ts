import { CATEGORIES, CATEGORY_NAMES, REGIONS, type Language } from '../../../shared/credential/index.ts';
import { html } from '../../../shared/pages/index.ts';
import type { Me } from '../../staff/me.ts';
import { consolePage, translate } from '../frame.ts';

/** `/events` (organizations): the events, newest first, and the form that creates one. `events.js` fills and wires it. */
export function eventsPage(lang: Language, path: string, me: Me, region: string | undefined): string {
  const t = translate(lang);
  const mayWrite = me.role !== 'viewer';
  const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
  const content = html`<link rel="stylesheet" href="/console/events.css">
<h1>${t('eventsTitle')}</h1>
<p class="muted">${t('eventsIntro')}</p>
<div class="list-message" aria-live="polite"></div>
<ul id="events" class="rows"><li class="muted">${t('loading')}</li></ul>
${mayWrite
  ? html`<form id="event-form" class="card" novalidate>
  <h2>${t('newEvent')}</h2>
  <div class="form-message" aria-live="assertive"></div>
  <label for="name-kk">${t('eventNameKk')}</label><input id="name-kk" name="activity.name.kk" maxlength="200">
  <label for="name-ru">${t('eventNameRu')}</label><input id="name-ru" name="activity.name.ru" maxlength="200">
  <label for="name-en">${t('eventNameEn')}</label><input id="name-en" name="activity.name.en" maxlength="200">
  <label for="project">${t('eventProject')}</label><input id="project" name="activity.project" maxlength="200">
  <label for="category">${t('eventCategory')}</label>
  <select id="category" name="activity.category">${CATEGORIES.map((c) => html`<option value="${c}">${CATEGORY_NAMES[lang][c]}</option>`)}</select>
  <label for="region">${t('eventRegion')}</label>
  <select id="region" name="activity.region">${REGIONS.map((r) => html`<option value="${r.code}" ${r.code === region ? 'selected' : ''}>${r[lang]}</option>`)}</select>
  <label for="start">${t('eventStart')}</label><input id="start" name="activity.activityStartDate" type="date" value="${today}" required>
  <label for="end">${t('eventEnd')}</label><input id="end" name="activity.activityEndDate" type="date" value="${today}" required>
  <label for="place">${t('eventPlace')}</label><input id="place" name="place" maxlength="200">
  <label for="until">${t('eventCheckInUntil')}</label><input id="until" name="checkInUntil" type="datetime-local" required>
  <button type="submit">${t('createEvent')}</button>
</form>`
  : ''}`;
  return consolePage({ lang, path, title: t('eventsTitle'), me, tab: 'events', content, scripts: ['events.js'] });
}

/** `/events/{id}`: the rotating check-in QR, who checked in, hours, removal and confirmation. `event.js` does the work. */
export function eventPage(lang: Language, path: string, me: Me, eventId: string): string {
  const t = translate(lang);
  const mayWrite = me.role !== 'viewer';
  const content = html`<link rel="stylesheet" href="/console/events.css">
<section id="event" data-event="${eventId}" data-write="${mayWrite ? 'yes' : 'no'}">
  <h1 id="event-name">${t('loading')}</h1>
  <p id="event-facts" class="muted"></p>
  <div class="event-message" aria-live="polite"></div>
  <section id="check-in-panel" class="card check-in-panel" hidden>
    <h2>${t('checkInCode')}</h2>
    <img id="check-in-qr" alt="${t('checkInCode')}" width="320" height="320">
    <p class="muted">${t('checkInHint')}</p>
    <p><a id="printed-qr" target="_blank" rel="noopener">${t('printCode')}</a></p>
    ${mayWrite ? html`<button type="button" id="close-check-in" class="secondary">${t('closeCheckIn')}</button>` : ''}
    ${mayWrite
      ? html`<div class="scan-volunteer">
      <p class="muted">${t('scanVolunteerHint')}</p>
      <button type="button" id="scan-volunteer" class="secondary">${t('scanVolunteer')}</button>
      <video id="scan-video" playsinline muted hidden></video>
      <p id="scan-status" role="status"></p>
    </div>`
      : ''}
  </section>
  <h2>${t('checkInsTitle')}</h2>
  ${mayWrite
    ? html`<form id="hours-form" class="card hours-form" novalidate>
    <div class="form-message" aria-live="assertive"></div>
    <label for="hours-all">${t('hoursForAll')}</label><input id="hours-all" name="hours" type="number" min="0.5" step="0.5" inputmode="decimal">
    <label for="role-all">${t('roleForAll')}</label><input id="role-all" name="role" maxlength="200">
  </form>`
    : ''}
  <ul id="check-ins" class="rows"><li class="muted">${t('loading')}</li></ul>
  ${mayWrite
    ? html`<div class="event-actions">
    <button type="button" id="save-hours" class="secondary">${t('saveHours')}</button>
    <button type="button" id="confirm-event">${t('confirmEvent')}</button>
  </div>`
    : ''}
</section>`;
  return consolePage({ lang, path, title: t('eventsTitle'), me, tab: 'events', content, scripts: ['jsQR.js', 'event.js'] });
}
