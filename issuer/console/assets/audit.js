// The journal of the unit and the units below it: who did what to what, newest first.
'use strict';

(function () {
  const { api, el, say, showError, t, dateTime, localized } = window.Console;
  const list = document.getElementById('audit');
  const more = document.getElementById('more');
  const message = document.querySelector('.list-message');
  let cursor;

  function who(entry) {
    const [kind, ...rest] = entry.actor.split(':');
    const id = rest.join(':');
    if (kind === 'key') return t('actorKey', { id: entry.actorName || id });
    if (entry.actorName) return entry.actorName;
    if (kind === 'registry') return t('actorRegistry');
    if (kind === 'holder') return t('actorHolder');
    if (kind === 'organization' || kind === 'front_office') return t('actorUnit', { unit: id });
    return entry.actor;
  }

  /** What the entry is about: a name when the journal knows one, a key's name, else the id. */
  function subject(entry) {
    return localized(entry.subjectName) || (entry.detail && entry.detail.name) || entry.subject;
  }

  function row(entry) {
    return el(
      'li',
      { class: 'row', 'data-action': entry.action, 'data-actor': entry.actor },
      el(
        'div',
        { class: 'row-main' },
        el('span', {}, el('strong', {}, who(entry)), ' ', t('action.' + entry.action, { subject: subject(entry) })),
        el('span', { class: 'muted' }, dateTime(entry.at) + (entry.detail && entry.detail.reason ? ' · ' + entry.detail.reason : '')),
      ),
    );
  }

  async function load() {
    try {
      const page = await api('GET', '/v1/audit' + (cursor ? '?cursor=' + encodeURIComponent(cursor) : ''));
      list.append(...page.entries.map(row));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      if (list.children.length === 0) say(message, t('auditNone'), 'muted');
    } catch (err) {
      showError(message, err);
    }
  }

  more.addEventListener('click', load);
  load();
})();
