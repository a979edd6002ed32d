// The personal check-in code (issue 12), for a volunteer whose camera does not work: the wallet
// makes a one-time link, shows it as a QR for the coordinator's page to scan, and watches the
// check-ins until the event arrives (or the code's 10 minutes pass).
'use strict';

(function () {
  const { t, api, say, showError, localized } = window.Wallet;
  const POLL_MS = 3000;

  async function known() {
    return new Set((await api('GET', '/v1/check-ins')).checkIns.map((c) => c.id));
  }

  async function show() {
    const button = document.getElementById('my-check-in-show');
    const image = document.getElementById('my-check-in-qr');
    const status = document.getElementById('my-check-in-status');
    button.disabled = true;
    try {
      const before = await known();
      const request = await api('POST', '/v1/check-ins/requests');
      image.src = request.qr;
      image.hidden = false;
      status.textContent = t('myCheckInWaiting');
      const timer = setInterval(async () => {
        try {
          const fresh = (await api('GET', '/v1/check-ins')).checkIns.find((c) => !before.has(c.id));
          if (fresh) {
            clearInterval(timer);
            image.hidden = true;
            button.disabled = false;
            say(status, t('myCheckInDone', { name: localized(fresh.event && fresh.event.name) }), 'ok');
          } else if (Date.parse(request.expiresAt) <= Date.now()) {
            clearInterval(timer);
            image.hidden = true;
            button.disabled = false;
            status.textContent = t('myCheckInExpired');
          }
        } catch (err) {
          clearInterval(timer);
          button.disabled = false;
          showError(status, err);
        }
      }, POLL_MS);
    } catch (err) {
      button.disabled = false;
      showError(status, err);
    }
  }

  // claim.js starts the page (sign-in included); the button is only reachable once signed in.
  document.getElementById('my-check-in-show').addEventListener('click', show);
})();
