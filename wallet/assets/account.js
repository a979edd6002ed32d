// The account page: the profile name, password change, new recovery codes (shown once), and
// deleting the account with the password as confirmation. Everything through the JSON API.
'use strict';

(function () {
  const { t, api, say, showError, showCodes, showPage } = window.Wallet;

  function value(id) {
    return document.getElementById(id).value;
  }

  async function showAccount() {
    const account = await api('GET', '/v1/account');
    document.getElementById('profile-name').value = account.name || '';
    document.getElementById('codes-left').textContent = t('codesLeft', { n: account.recoveryCodesLeft });
    // The recovery e-mail exists only where the wallet can send mail.
    document.getElementById('email-form').hidden = !account.emailRecovery;
    document.getElementById('email-current').textContent = account.email ? t('emailCurrent', { email: account.email }) : t('emailNone');
    document.getElementById('email-remove').hidden = !account.email;
  }

  function onSubmit(id, work) {
    window.Wallet.onSubmit(document.getElementById(id), work, (err) => {
      showError('notice', err);
      document.getElementById('notice').scrollIntoView();
    });
  }

  onSubmit('profile-form', async () => {
    await api('PUT', '/v1/account/profile', { name: value('profile-name') });
    say('notice', t('nameSaved'));
  });
  onSubmit('email-form', async (form) => {
    const answer = await api('PUT', '/v1/account/email?lang=' + window.Wallet.lang, { email: value('email-address'), password: value('email-password') });
    form.reset();
    say('notice', t('emailSent', { email: answer.pendingEmail }));
  });
  document.getElementById('email-remove').addEventListener('click', async () => {
    try {
      await api('DELETE', '/v1/account/email');
      say('notice', t('emailRemoved'));
      await showAccount();
    } catch (err) {
      showError('notice', err);
    }
  });
  onSubmit('password-form', async (form) => {
    await api('POST', '/v1/account/password', { currentPassword: value('current-password'), newPassword: value('new-password') });
    form.reset();
    say('notice', t('passwordChanged'));
  });
  onSubmit('codes-form', async (form) => {
    const answer = await api('POST', '/v1/account/recovery-codes', { password: value('codes-password') });
    form.reset();
    showCodes(answer.recoveryCodes, async () => {
      document.getElementById('wallet-codes').hidden = true;
      showPage();
      await showAccount();
    });
  });
  onSubmit('delete-form', async () => {
    if (!confirm(t('confirmDeleteAccount'))) return;
    await api('DELETE', '/v1/account', { password: value('delete-password') });
    sessionStorage.setItem('wallet-signin-notice', 'accountDeleted');
    location.assign('/');
  });

  window.Wallet.start(showAccount);
})();
