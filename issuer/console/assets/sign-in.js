// Sign-in: the session cookie comes back with the answer; the page the person asked for reloads.
'use strict';

(function () {
  const { api, onSubmit, ProblemError, say, t } = window.Console;
  const form = document.getElementById('signin-form');
  onSubmit(form, async (values) => {
    try {
      await api('POST', '/v1/staff/sessions', { login: values.login || '', password: values.password || '' });
    } catch (err) {
      // An unknown login and a wrong password get one answer; so does the page.
      if (err instanceof ProblemError && (err.status === 401 || (err.status === 400 && err.problem.field === 'login'))) {
        say(form.querySelector('.form-message'), t('signInFailed'), 'bad');
        return;
      }
      throw err;
    }
    location.reload();
  });
})();
