// The people of a unit (the section's data-unit): who they are, their role and state, and for
// admins the invitation form, a new link (reset) and removal, each through the JSON API.
'use strict';

(function () {
  const { api, el, clear, say, showError, onSubmit, secret, confirmStep, t, date, page } = window.Console;
  const section = document.getElementById('people');
  if (!section) return;
  const unit = section.dataset.unit;
  const admin = section.dataset.admin === 'yes';
  const list = document.getElementById('people-list');
  const message = section.querySelector('.people-message');

  function state(person) {
    if (person.status === 'active') return person.login || '';
    if (person.invitationExpiresAt && Date.parse(person.invitationExpiresAt) > Date.now()) return t('invitedUntil', { date: date(person.invitationExpiresAt) });
    return t('invitationExpired');
  }

  function row(person) {
    const me = page.me && page.me.id === person.id;
    const actions = el('div', { class: 'row-actions' });
    const item = el(
      'li',
      { class: 'row person status-' + person.status, 'data-person': person.id },
      el('div', { class: 'row-main' }, el('strong', {}, person.name, me ? ' (' + t('you') + ')' : ''), el('span', { class: 'muted' }, t('role.' + person.role) + ' · ' + state(person))),
      actions,
    );
    if (admin && !me) {
      const reset = el('button', { type: 'button', class: 'link' }, t('reset'));
      const remove = el('button', { type: 'button', class: 'link danger' }, t('remove'));
      reset.addEventListener('click', () =>
        confirmStep(actions, t('resetConfirm', { name: person.name }), t('confirm'), async () => {
          try {
            const link = await api('POST', '/v1/staff/' + encodeURIComponent(person.id) + '/reset');
            clear(message);
            message.append(secret(t('resetDone', { name: person.name }), link.invitationUrl));
            await load();
          } catch (err) {
            showError(message, err);
          }
        }),
      );
      remove.addEventListener('click', () =>
        confirmStep(actions, t('removeConfirm', { name: person.name }), t('confirm'), async () => {
          try {
            await api('DELETE', '/v1/staff/' + encodeURIComponent(person.id));
            say(message, t('removed', { name: person.name }), 'ok');
            await load();
          } catch (err) {
            showError(message, err);
          }
        }),
      );
      actions.append(reset, remove);
    }
    return item;
  }

  async function load() {
    try {
      const { people } = await api('GET', '/v1/staff?unit=' + encodeURIComponent(unit));
      clear(list);
      if (people.length === 0) list.append(el('li', { class: 'muted' }, t('noPeople')));
      list.append(...people.map(row));
    } catch (err) {
      clear(list);
      showError(message, err);
    }
  }

  const form = document.getElementById('invite-form');
  if (form) {
    const result = document.getElementById('invite-result');
    onSubmit(form, async (values) => {
      clear(result);
      const invitation = await api('POST', '/v1/staff/invitations', { unit, role: values.role || 'member', name: values.name || '', ...(values.email ? { email: values.email } : {}) });
      result.append(secret(t('invitationCreated', { name: values.name, date: date(invitation.expiresAt) }), invitation.invitationUrl));
      form.elements.name.value = '';
      form.elements.email.value = '';
      await load();
    });
  }

  load();
})();
