// The organization's activities: filters from the query string, counts, exports, and per
// activity its card, its e-mail (sent again on request), withdrawal of an unclaimed offer and
// revocation of a claimed credential (a reason, then a confirm step). Offers can be selected and
// printed together.
'use strict';

(function () {
  const { api, el, clear, say, showError, confirmStep, t, date, dateTime, localized, badge, page } = window.Console;
  const { number, hours, dates, projects, documentUrl } = window.Coordinator;
  const FILTERS = ['q', 'status', 'project', 'from', 'to', 'upload'];
  const STATUSES = ['offered', 'claimed', 'revoked', 'withdrawn', 'expired'];
  const list = document.getElementById('activities');
  const message = document.querySelector('.list-message');
  const moreButton = document.getElementById('more');
  const selectShown = document.getElementById('select-shown');
  const cardsSelected = document.getElementById('cards-selected');
  const selected = new Set();
  let cursor = null;
  let shown = [];

  const asked = new URLSearchParams(location.search);
  const filters = {};
  for (const name of FILTERS) {
    const value = (asked.get(name) || '').trim();
    if (value) filters[name] = value;
    const field = document.getElementById('filter-' + name);
    if (field && value) field.value = value;
  }

  function query(extra) {
    return new URLSearchParams({ ...filters, ...(extra || {}) }).toString();
  }

  function showSelection() {
    cardsSelected.hidden = selected.size === 0;
    cardsSelected.textContent = t('coord.cardsSelected', { n: number(selected.size) });
    cardsSelected.href = selected.size ? documentUrl('/v1/activities/cards.pdf', { ids: [...selected].join(',') }) : '#';
    const offers = shown.filter((a) => a.status === 'offered');
    selectShown.checked = offers.length > 0 && offers.every((a) => selected.has(a.id));
  }

  function mailLine(activity) {
    const mail = activity.mail;
    if (!mail) return '';
    const to = (activity.volunteer && activity.volunteer.email) || '';
    // Why a mail server refused is its own (English) words: kept as a tooltip, not page text.
    return el('span', { class: 'muted mail mail-' + mail.status, 'data-mail': mail.status, title: mail.error || null }, t('mail.' + mail.status, { to, date: dateTime(mail.at) }));
  }

  function stateLine(activity) {
    if (activity.status === 'offered' && activity.offerExpiresAt) return t('coord.offerUntil', { date: date(activity.offerExpiresAt) });
    if (activity.status === 'claimed' && activity.claimedAt) return t('coord.claimedAt', { date: date(activity.claimedAt) });
    if ((activity.status === 'revoked' || activity.status === 'withdrawn') && activity.revokedAt) return t('coord.endedAt', { date: date(activity.revokedAt) });
    return '';
  }

  function sendForm(activity, anchor, done) {
    const email = el('input', { type: 'email', name: 'email', value: (activity.volunteer && activity.volunteer.email) || '', autocomplete: 'off', 'aria-label': t('coord.sendTo'), class: 'send-email' });
    const recorded = activity.volunteer && activity.volunteer.language;
    const language = el(
      'select',
      { name: 'language', class: 'send-language', 'aria-label': t('coord.mailLanguage') },
      el('option', { value: '' }, t('coord.sendLanguageKept') + (recorded ? ' (' + page.languages[recorded] + ')' : '')),
      ['kk', 'ru', 'en'].map((l) => el('option', { value: l }, page.languages[l])),
    );
    const go = el('button', { type: 'submit', class: 'small' }, t('coord.sendButton'));
    const cancel = el('button', { type: 'button', class: 'secondary small' }, t('cancel'));
    const out = el('div', { class: 'form-message', 'aria-live': 'assertive' });
    const form = el('form', { class: 'confirm inline send-form', novalidate: true }, out, el('label', {}, t('coord.sendTo')), email, el('label', {}, t('coord.mailLanguage')), language, go, cancel);
    cancel.addEventListener('click', () => form.remove());
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      go.disabled = true;
      try {
        const body = { ...(email.value.trim() ? { email: email.value.trim() } : {}), ...(language.value ? { language: language.value } : {}) };
        const sent = await api('POST', '/v1/activities/' + encodeURIComponent(activity.id) + '/send', body);
        form.remove();
        done(t('coord.sent', { to: sent.to }));
      } catch (err) {
        showError(out, err, 'send');
      } finally {
        go.disabled = false;
      }
    });
    const existing = anchor.parentNode.querySelector('.send-form');
    if (existing) existing.remove();
    anchor.after(form);
    email.focus();
  }

  function revokeStep(activity, anchor, done) {
    const reason = el('textarea', { rows: 2, maxlength: 500, name: 'reason', class: 'revoke-reason' });
    const next = el('button', { type: 'submit', class: 'small danger' }, t('coord.revokeNext'));
    const cancel = el('button', { type: 'button', class: 'secondary small' }, t('cancel'));
    const out = el('div', { class: 'form-message', 'aria-live': 'assertive' });
    const form = el('form', { class: 'confirm inline revoke-form', novalidate: true }, out, el('label', {}, t('coord.revokeReason')), reason, next, cancel);
    cancel.addEventListener('click', () => form.remove());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!reason.value.trim()) {
        reason.setAttribute('aria-invalid', 'true');
        return say(out, t('error.invalid_request.reason'), 'bad');
      }
      reason.removeAttribute('aria-invalid');
      say(out, '');
      const name = activity.volunteer.name;
      confirmStep(next, t('coord.revokeConfirm', { name }), t('coord.revokeYes'), async () => {
        try {
          await api('POST', '/v1/credentials/' + encodeURIComponent(activity.id) + '/revoke', { reason: reason.value.trim() });
          form.remove();
          done(t('coord.revoked', { name }));
        } catch (err) {
          showError(out, err);
        }
      });
    });
    const existing = anchor.parentNode.querySelector('.revoke-form');
    if (existing) existing.remove();
    anchor.after(form);
    reason.focus();
  }

  function row(activity) {
    const name = activity.volunteer.name;
    const a = activity.activity || {};
    const what = [localized(a.name), dates(a.activityStartDate, a.activityEndDate), typeof a.hours === 'number' ? hours(a.hours) : '', a.project || ''].filter(Boolean).join(' · ');
    const actions = el('div', { class: 'row-actions' });
    const after = (text) => {
      say(message, text, 'ok');
      reload();
    };
    const offered = activity.status === 'offered';
    if (offered) {
      actions.append(el('a', { class: 'print', href: documentUrl('/v1/activities/cards.pdf', { ids: activity.id }), target: '_blank', rel: 'noopener' }, t('coord.printCard')));
    }
    if (offered && page.mayWrite) {
      const send = el('button', { type: 'button', class: 'link send' }, t(activity.mail ? 'coord.sendAgain' : 'coord.send'));
      send.addEventListener('click', () => sendForm(activity, actions, after));
      const withdraw = el('button', { type: 'button', class: 'link danger withdraw' }, t('coord.withdraw'));
      withdraw.addEventListener('click', () =>
        confirmStep(actions, t('coord.withdrawConfirm', { name }), t('coord.withdrawYes'), async () => {
          try {
            await api('POST', '/v1/activities/' + encodeURIComponent(activity.id) + '/withdraw', {});
            after(t('coord.withdrawn', { name }));
          } catch (err) {
            showError(message, err, 'withdraw');
          }
        }),
      );
      actions.append(send, withdraw);
    }
    if (activity.status === 'claimed' && page.mayWrite) {
      const revoke = el('button', { type: 'button', class: 'link danger revoke' }, t('coord.revoke'));
      revoke.addEventListener('click', () => revokeStep(activity, actions, after));
      actions.append(revoke);
    }
    let pick = '';
    if (offered) {
      const box = el('input', { type: 'checkbox', class: 'pick', 'aria-label': t('coord.select', { name }) });
      box.checked = selected.has(activity.id);
      box.addEventListener('change', () => {
        if (box.checked) selected.add(activity.id);
        else selected.delete(activity.id);
        showSelection();
      });
      pick = box;
    }
    return el(
      'li',
      { class: 'row activity status-' + activity.status, 'data-activity': activity.id, 'data-status': activity.status },
      pick,
      el('div', { class: 'row-main' }, el('strong', { class: 'volunteer' }, name), el('span', {}, what), el('span', { class: 'muted' }, stateLine(activity)), mailLine(activity)),
      badge(activity.status),
      actions,
    );
  }

  function showCounts(counts) {
    const counter = document.getElementById('counts');
    clear(counter);
    if (!counts) return;
    const total = filters.status ? counts[filters.status] : counts.total;
    counter.append(el('strong', { 'data-count': 'found' }, t('coord.found', { n: number(total) })));
    for (const status of STATUSES) {
      if (counts[status]) counter.append(' ', el('span', { class: 'count', 'data-count': status }, t('status.' + status) + ': ' + number(counts[status])));
    }
  }

  async function load(more) {
    try {
      const answer = await api('GET', '/v1/activities?' + query({ limit: '50', ...(more && cursor ? { cursor } : { counts: 'true' }) }));
      if (!more) {
        clear(list);
        shown = [];
        showCounts(answer.counts);
      }
      shown.push(...answer.items);
      list.append(...answer.items.map(row));
      if (shown.length === 0) list.append(el('li', { class: 'muted' }, t('coord.noActivities')));
      cursor = answer.nextCursor;
      moreButton.hidden = !cursor;
      showSelection();
    } catch (err) {
      showError(message, err);
    }
  }

  function reload() {
    cursor = null;
    return load(false);
  }

  async function fillProjects() {
    const select = document.getElementById('filter-project');
    try {
      const names = (await projects()).map((p) => p.name);
      if (filters.project && !names.includes(filters.project)) names.unshift(filters.project);
      select.append(...names.map((n) => el('option', { value: n, selected: n === filters.project }, n)));
    } catch (err) {
      showError(message, err);
    }
  }

  function showLinks() {
    document.getElementById('export-csv').href = '/v1/activities/export.csv?' + query();
    document.getElementById('export-xlsx').href = '/v1/activities/export.xlsx?' + query();
    if (filters.upload) {
      document.getElementById('upload-filter').hidden = false;
      document.getElementById('upload-filter-cards').href = documentUrl('/v1/activities/cards.pdf', { upload: filters.upload });
    }
  }

  selectShown.addEventListener('change', () => {
    for (const activity of shown) {
      if (activity.status !== 'offered') continue;
      if (selectShown.checked) selected.add(activity.id);
      else selected.delete(activity.id);
    }
    for (const box of list.querySelectorAll('input.pick')) box.checked = selectShown.checked;
    showSelection();
  });
  moreButton.addEventListener('click', () => load(true));

  showLinks();
  fillProjects();
  load(false);
})();
