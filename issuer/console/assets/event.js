// One event (issue 12): the check-in QR (a new code every 30 s, from GET /v1/events/{id}), who
// checked in (refreshed every few seconds while check-in is open), hours for everyone and for
// each person, removal with a reason, and the confirmation that issues the credentials.
'use strict';

(function () {
  const { api, el, clear, say, showError, t, localized, date, dateTime, confirmStep } = window.Console;
  const section = document.getElementById('event');
  if (!section) return;
  const id = section.dataset.event;
  const mayWrite = section.dataset.write === 'yes';
  const base = '/v1/events/' + encodeURIComponent(id);
  const message = section.querySelector('.event-message');
  const list = document.getElementById('check-ins');
  const panel = document.getElementById('check-in-panel');
  const qr = document.getElementById('check-in-qr');
  let event;
  let codeTimer;
  let listTimer;

  function showEvent(view) {
    event = view;
    document.getElementById('event-name').textContent = localized(view.activity.name);
    const days = view.activity.activityStartDate === view.activity.activityEndDate ? date(view.activity.activityStartDate) : date(view.activity.activityStartDate) + ' – ' + date(view.activity.activityEndDate);
    document.getElementById('event-facts').textContent = [days, view.place, t('eventStatus.' + view.status), t('eventCheckInUntil') + ': ' + dateTime(view.checkInUntil)].filter(Boolean).join(' · ');
    panel.hidden = view.status !== 'open';
    if (view.status === 'open') {
      // The image is the screen's current code; the next is fetched when this one is replaced.
      qr.src = base + '/check-in.png?at=' + encodeURIComponent(view.checkInReplacedAt);
      qr.dataset.offer = view.checkInOfferUri;
      document.getElementById('printed-qr').href = base + '/check-in.png?printed=true';
      clearTimeout(codeTimer);
      codeTimer = setTimeout(loadEvent, Math.max(1000, Date.parse(view.checkInReplacedAt) - Date.now() + 300));
    }
    const confirmButton = document.getElementById('confirm-event');
    if (confirmButton) confirmButton.hidden = view.status === 'confirmed';
    const save = document.getElementById('save-hours');
    if (save) save.hidden = view.status === 'confirmed';
    const hoursForm = document.getElementById('hours-form');
    if (hoursForm) hoursForm.hidden = view.status === 'confirmed';
  }

  async function loadEvent() {
    try {
      showEvent(await api('GET', base));
    } catch (err) {
      showError(message, err);
    }
  }

  function input(name, value, label, type) {
    return el('input', { name, value: value === undefined ? '' : value, 'aria-label': label, type: type || 'text', ...(type === 'number' ? { min: '0.5', step: '0.5', inputmode: 'decimal' } : { maxlength: '200' }) });
  }

  function row(checkIn) {
    const main = el(
      'div',
      { class: 'row-main' },
      el('strong', {}, checkIn.name || t('noName')),
      el('span', { class: 'muted' }, dateTime(checkIn.at) + (checkIn.reason ? ' · ' + checkIn.reason : '')),
    );
    const item = el('li', { class: 'row check-in-row status-' + checkIn.status, 'data-check-in': checkIn.id }, main);
    const waiting = checkIn.status === 'waiting';
    if (mayWrite && waiting) {
      const inputs = el('div', { class: 'hours-inputs' }, input('hours', checkIn.hours, t('hours'), 'number'), input('role', checkIn.role, t('role')));
      const remove = el('button', { type: 'button', class: 'link danger' }, t('removeCheckIn'));
      remove.addEventListener('click', () => askReason(item, checkIn));
      item.append(inputs, remove);
    } else {
      const facts = [checkIn.hours !== undefined ? checkIn.hours + ' ' + t('hours').toLowerCase() : '', checkIn.role || ''].filter(Boolean).join(' · ');
      if (facts) main.append(el('span', {}, facts));
    }
    item.append(el('span', { class: 'badge ' + checkIn.status }, t('checkInStatus.' + checkIn.status)));
    return item;
  }

  function askReason(item, checkIn) {
    const reason = el('input', { name: 'reason', maxlength: '500', 'aria-label': t('removeReason'), placeholder: t('removeReason') });
    const box = confirmStep(item, checkIn.name || t('noName'), t('removeCheckIn'), async () => {
      try {
        await api('POST', base + '/check-ins/' + encodeURIComponent(checkIn.id) + '/decline', { reason: reason.value.trim() });
        say(message, t('removeDone'), 'ok');
        await loadList(true);
      } catch (err) {
        showError(message, err);
        throw err;
      }
    });
    box.insertBefore(reason, box.querySelector('button'));
    reason.focus();
  }

  /** What the coordinator typed: the values for everyone, then each row's own where it has one. */
  function hoursBody() {
    const form = document.getElementById('hours-form');
    const body = { checkIns: [] };
    if (form.elements.hours.value) body.hours = Number(form.elements.hours.value);
    if (form.elements.role.value.trim()) body.role = form.elements.role.value.trim();
    for (const item of list.querySelectorAll('[data-check-in]')) {
      const hours = item.querySelector('input[name="hours"]');
      const role = item.querySelector('input[name="role"]');
      if (!hours) continue;
      const entry = { id: item.dataset.checkIn };
      if (hours.value && Number(hours.value) !== body.hours) entry.hours = Number(hours.value);
      if (role.value.trim() && role.value.trim() !== body.role) entry.role = role.value.trim();
      if (entry.hours !== undefined || entry.role !== undefined) body.checkIns.push(entry);
    }
    return body;
  }

  let editing = false;
  list.addEventListener('focusin', () => (editing = true));
  list.addEventListener('focusout', () => (editing = false));

  async function loadList(force) {
    // Rows being typed into are not replaced under the coordinator's hands.
    if (editing && !force) return;
    try {
      const { checkIns } = await api('GET', base + '/check-ins');
      clear(list);
      if (checkIns.length === 0) list.append(el('li', { class: 'muted' }, t('noCheckIns')));
      list.append(...checkIns.map(row));
    } catch (err) {
      showError(message, err);
    }
  }

  if (mayWrite) {
    const close = document.getElementById('close-check-in');
    close.addEventListener('click', () =>
      confirmStep(close, t('closeCheckInConfirm'), t('closeCheckIn'), async () => {
        try {
          showEvent(await api('POST', base + '/close'));
        } catch (err) {
          showError(message, err);
        }
      }),
    );
    document.getElementById('save-hours').addEventListener('click', async () => {
      try {
        await api('POST', base + '/hours', hoursBody());
        say(message, t('hoursSaved'), 'ok');
        await loadList(true);
      } catch (err) {
        showError(message, err);
      }
    });
    const confirmButton = document.getElementById('confirm-event');
    confirmButton.addEventListener('click', () =>
      confirmStep(confirmButton, t('confirmEventQuestion'), t('confirmEvent'), async () => {
        try {
          const result = await api('POST', base + '/confirm', hoursBody());
          showEvent(result.event);
          say(message, t('confirmedDone', { count: result.confirmed }), 'ok');
          await loadList(true);
        } catch (err) {
          showError(message, err, 'hours');
        }
      }),
    );
  }

  /**
   * The other way round: the camera reads a volunteer's personal check-in code (a one-time link of
   * their wallet) and the issuer posts the event's offer to it.
   */
  function wireScanner() {
    const start = document.getElementById('scan-volunteer');
    if (!start) return;
    const video = document.getElementById('scan-video');
    const status = document.getElementById('scan-status');
    const canvas = document.createElement('canvas');
    let stream;
    let timer;
    const stop = () => {
      clearTimeout(timer);
      if (stream) for (const track of stream.getTracks()) track.stop();
      stream = undefined;
      video.hidden = true;
      start.disabled = false;
    };
    const frame = async () => {
      if (!stream) return;
      if (video.readyState >= 2 && video.videoWidth) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        const context = canvas.getContext('2d', { willReadFrequently: true });
        context.drawImage(video, 0, 0);
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = window.jsQR(pixels.data, pixels.width, pixels.height);
        if (code && code.data) {
          if (!/\/v1\/check-ins\/inbox\/[A-Za-z0-9_-]+$/.test(code.data)) {
            status.textContent = t('scanVolunteerNotCode');
          } else {
            stop();
            try {
              await api('POST', base + '/send-offer', { walletUrl: code.data });
              say(status, t('scanVolunteerDone'), 'ok');
              await loadList(true);
            } catch (err) {
              showError(status, err);
            }
            return;
          }
        }
      }
      timer = setTimeout(frame, 150);
    };
    start.addEventListener('click', async () => {
      say(status, '');
      start.disabled = true;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        video.srcObject = stream;
        video.hidden = false;
        await video.play();
        frame();
      } catch (err) {
        stop();
        showError(status, err);
      }
    });
  }

  wireScanner();
  loadEvent().then(() => loadList(true));
  listTimer = setInterval(() => {
    if (event && event.status !== 'confirmed') loadList(false);
  }, 5000);
  window.addEventListener('pagehide', () => {
    clearTimeout(codeTimer);
    clearInterval(listTimer);
  });
})();
