// The pages of e-mail recovery, used signed out: "forgot password" sends the e-mail; the pages
// the e-mailed links open read the token after `#` (never sent to a server in a URL) and hand
// it to the JSON API in a body.
'use strict';

(function () {
  const { lang, t, api, say, explain } = window.Wallet;
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  // The language switch keeps the link's token, which the server never sees.
  if (token) for (const link of document.querySelectorAll('a[data-lang]')) link.href = link.getAttribute('href') + location.hash;

  const onSubmit = (form, work) => window.Wallet.onSubmit(form, work, (err) => say('notice', explain(err), 'bad'));

  const forgot = document.getElementById('forgot-form');
  if (forgot) {
    onSubmit(forgot, async () => {
      await api('POST', '/v1/account/password-reset?lang=' + lang, { email: document.getElementById('forgot-email').value });
      forgot.hidden = true;
      say('notice', t('forgotSent', { minutes: forgot.dataset.minutes }));
    });
  }

  const reset = document.getElementById('reset-form');
  if (reset && !token) {
    reset.hidden = true;
    say('notice', t('linkMissing'), 'bad');
  } else if (reset) {
    onSubmit(reset, async () => {
      await api('POST', '/v1/account/password-reset/complete', { token, newPassword: document.getElementById('reset-password').value });
      reset.hidden = true;
      // The used token leaves the address bar and the history entry.
      history.replaceState(null, '', location.pathname + location.search);
      say('notice', t('resetDone'));
    });
  }

  const working = document.getElementById('confirm-working');
  if (working) {
    (async () => {
      try {
        if (!token) throw new Error('no token');
        const answer = await api('POST', '/v1/account/email/confirm', { token });
        history.replaceState(null, '', location.pathname + location.search);
        say('notice', t('confirmDone', { email: answer.email }));
      } catch (err) {
        say('notice', token ? explain(err) : t('linkMissing'), 'bad');
      } finally {
        working.hidden = true;
      }
    })();
  }
})();
