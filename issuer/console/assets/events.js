// The organization's events (issue 12): the list from GET /v1/events, and the form that creates
// one with POST /v1/events, then opens its page with the check-in code.
'use strict';

(function () {
  const { api, el, clear, showError, onSubmit, t, localized, date } = window.Console;
  const list = document.getElementById('events');
  const message = document.querySelector('.list-message');

  function row(event) {
    const counts = t('eventCounts', { waiting: event.checkIns.waiting, confirmed: event.checkIns.confirmed });
    return el(
      'li',
      { class: 'row status-' + event.status, 'data-event': event.id },
      el(
        'div',
        { class: 'row-main' },
        el('a', { href: '/events/' + encodeURIComponent(event.id) }, localized(event.activity.name)),
        el('span', { class: 'muted' }, date(event.activity.activityStartDate) + (event.place ? ' · ' + event.place : '') + ' · ' + counts),
      ),
      el('span', { class: 'badge ' + event.status }, t('eventStatus.' + event.status)),
    );
  }

  async function load() {
    try {
      const { events } = await api('GET', '/v1/events');
      clear(list);
      if (events.length === 0) list.append(el('li', { class: 'muted' }, t('noEvents')));
      list.append(...events.map(row));
    } catch (err) {
      clear(list);
      showError(message, err);
    }
  }

  const form = document.getElementById('event-form');
  if (form) {
    // Check-in closes at the end of the event's last day by default.
    const until = form.elements.checkInUntil;
    if (!until.value) until.value = form.elements['activity.activityEndDate'].value + 'T23:00';
    onSubmit(form, async (values) => {
      const body = { ...values };
      if (body.checkInUntil) body.checkInUntil = new Date(body.checkInUntil).toISOString();
      const event = await api('POST', '/v1/events', body);
      location.assign('/events/' + encodeURIComponent(event.id));
    });
  }

  load();
})();
