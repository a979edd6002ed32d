// Accepting an invitation: the token is the link's fragment (never sent to a server by the
// browser); the person chooses their login and password, and is then signed in.
'use strict';

(function () {
  const { api, onSubmit, say, showError, t, localized, date } = window.Console;
  const token = decodeURIComponent(location.hash.slice(1));
  const section = document.getElementById('invitation');
  const form = document.getElementById('accept-form');
  const message = form.querySelector('.form-message');

  async function show() {
    if (!token) {
      document.getElementById('invitation-missing').hidden = false;
      return;
    }
    section.hidden = false;
    let invitation;
    try {
      invitation = await api('GET', '/v1/staff/invitations/' + encodeURIComponent(token));
    } catch (err) {
      form.hidden = true;
      showError(document.getElementById('invitation-for'), err, 'invitation');
      return;
    }
    const kind = invitation.unit === 'registry' ? 'registry' : invitation.unit.startsWith('front-office:') ? 'front_office' : 'organization';
    const unit = kind === 'registry' ? t('unit.registry') : localized(invitation.unitName) || invitation.unit;
    document.getElementById('invitation-for').textContent = t('invitationFor', { name: invitation.name, unit, role: t('role.' + invitation.role) });
    document.getElementById('invitation-until').textContent = t('invitationUntil', { date: date(invitation.expiresAt) });
    if (invitation.login) form.elements.login.value = invitation.login;
    (invitation.login ? form.elements.password : form.elements.login).focus();
  }

  onSubmit(
    form,
    async (values) => {
      if ((values.password || '') !== (values.repeat || '')) {
        say(message, t('passwordsDiffer'), 'bad');
        form.elements.repeat.setAttribute('aria-invalid', 'true');
        return;
      }
      const credentials = { login: values.login || '', password: values.password || '' };
      await api('POST', '/v1/staff/invitations/' + encodeURIComponent(token) + '/accept', credentials);
      // The link is spent: drop it from the address bar and the history before going on.
      history.replaceState(null, '', location.pathname);
      await api('POST', '/v1/staff/sessions', credentials);
      location.assign('/');
    },
    { context: 'invitation' },
  );

  show();
})();
