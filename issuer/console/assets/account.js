// The password change: the current password proves it is the person; other sessions end.
'use strict';

(function () {
  const { api, onSubmit, say, t } = window.Console;
  const form = document.getElementById('password-form');
  onSubmit(form, async (values) => {
    await api('POST', '/v1/staff/me/password', { currentPassword: values.currentPassword || '', newPassword: values.newPassword || '' });
    form.reset();
    say(form.querySelector('.form-message'), t('passwordChanged'), 'ok');
  });
})();
