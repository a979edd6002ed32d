// The passport's event check-ins (issue 12): asks the wallet to poll the issuers' deferred
// endpoints when the passport opens and every minute while it stays open, lists the check-ins
// (waiting, declined with the coordinator's reason, expired, cancelled), lets the volunteer cancel
// a waiting one, and marks credentials that arrived from a check-in as new.
'use strict';

(function () {
  const { t, api, el, clear, say, showError, localized, dateRange } = window.Wallet;
  const POLL_MS = 60_000;
  /** A credential from a check-in counts as new for this long after it arrived. */
  const NEW_FOR_MS = 3 * 86_400_000;
  let newIds = new Set();
  let known;
  let onNew = () => {};

  function markNew() {
    for (const card of document.querySelectorAll('#credentials [data-id]')) {
      const isNew = newIds.has(card.dataset.id);
      card.classList.toggle('new', isNew);
      const head = card.querySelector('.credential-head');
      if (isNew && head && !head.querySelector('.badge.new')) head.append(el('span', { class: 'badge new' }, t('newCredential')));
    }
  }

  function card(checkIn) {
    const event = checkIn.event || {};
    const facts = [dateRange(event.activityStartDate, event.activityEndDate), event.place, localized(event.organization)].filter(Boolean).join(' · ');
    const item = el(
      'li',
      { class: 'credential card check-in status-' + checkIn.status, 'data-check-in': checkIn.id },
      el('div', { class: 'credential-head' }, el('h3', {}, localized(event.name) || checkIn.issuer), el('span', { class: 'badge check-in-' + checkIn.status }, t('checkIn.' + checkIn.status))),
      facts ? el('p', { class: 'organization' }, facts) : null,
      checkIn.status === 'declined' && checkIn.reason ? el('p', { class: 'reason' }, t('checkInDeclinedReason', { reason: checkIn.reason })) : null,
    );
    if (checkIn.cancellable) {
      const cancel = el('button', { type: 'button', class: 'link danger' }, t('cancelCheckIn'));
      cancel.addEventListener('click', async () => {
        if (!confirm(t('confirmCancelCheckIn'))) return;
        cancel.disabled = true;
        try {
          await api('POST', '/v1/check-ins/' + encodeURIComponent(checkIn.id) + '/cancel');
          say('notice', t('checkInCancelled'));
          show((await api('GET', '/v1/check-ins')).checkIns);
        } catch (err) {
          cancel.disabled = false;
          showError('notice', err);
        }
      });
      item.append(cancel);
    }
    return item;
  }

  function show(checkIns) {
    const section = document.getElementById('check-ins-section');
    const list = document.getElementById('check-ins');
    const open = checkIns.filter((c) => c.status !== 'issued');
    clear(list);
    list.append(...open.map(card));
    section.hidden = open.length === 0;
    newIds = new Set(checkIns.filter((c) => c.status === 'issued' && c.credentialId && Date.now() - Date.parse(c.updatedAt) < NEW_FOR_MS).map((c) => c.credentialId));
    const arrived = [...newIds].filter((id) => known && !known.has(id));
    known = new Set(checkIns.filter((c) => c.credentialId).map((c) => c.credentialId));
    if (arrived.length) {
      say('notice', t('newCredentialsArrived', { n: arrived.length }));
      onNew();
    }
    markNew();
  }

  async function poll() {
    try {
      show((await api('POST', '/v1/check-ins/refresh')).checkIns);
    } catch (err) {
      showError('notice', err);
    }
  }

  /** Called by the passport page once signed in; `refreshPassport` redraws credentials and totals. */
  async function start(refreshPassport) {
    onNew = refreshPassport;
    known = undefined;
    const first = (await api('GET', '/v1/check-ins')).checkIns;
    known = new Set(first.filter((c) => c.credentialId).map((c) => c.credentialId));
    show(first);
    await poll();
    setInterval(() => {
      if (document.visibilityState === 'visible') poll();
    }, POLL_MS);
  }

  window.CheckIns = { start, markNew };
})();
