// An organization's API keys: named, shown once when made, with when each was last used; revoked
// with a confirm step.
'use strict';

(function () {
  const { api, el, clear, say, showError, onSubmit, secret, confirmStep, t, dateTime, date, page } = window.Console;
  const base = '/v1/organizations/' + encodeURIComponent(page.organization) + '/api-keys';
  const list = document.getElementById('keys');
  const message = document.querySelector('.list-message');
  const form = document.getElementById('key-form');
  const result = document.getElementById('key-result');

  function row(key) {
    // Only the key handed out at accreditation has no name.
    const name = key.name || t('accreditationKey');
    const actions = el('div', { class: 'row-actions' });
    const revoke = el('button', { type: 'button', class: 'link danger' }, t('revoke'));
    revoke.addEventListener('click', () =>
      confirmStep(actions, t('revokeConfirm', { name }), t('revoke'), async () => {
        try {
          await api('DELETE', base + '/' + encodeURIComponent(key.id));
          say(message, t('revokedDone', { name }), 'ok');
          await load();
        } catch (err) {
          showError(message, err);
        }
      }),
    );
    actions.append(revoke);
    const used = key.lastUsedAt ? t('keyLastUsed', { date: dateTime(key.lastUsedAt) }) : t('keyNeverUsed');
    return el(
      'li',
      { class: 'row', 'data-key': key.id },
      el('div', { class: 'row-main' }, el('strong', {}, name), el('span', { class: 'muted' }, key.id + ' · ' + t('keyCreatedAt', { date: date(key.createdAt) })), el('span', { class: 'muted last-used' }, used)),
      actions,
    );
  }

  async function load() {
    try {
      const { apiKeys } = await api('GET', base);
      clear(list);
      if (apiKeys.length === 0) list.append(el('li', { class: 'muted' }, t('noKeys')));
      list.append(...apiKeys.map(row));
    } catch (err) {
      clear(list);
      showError(message, err);
    }
  }

  onSubmit(form, async (values) => {
    clear(result);
    const created = await api('POST', base, { name: values.name || '' });
    result.append(secret(t('keyCreated', { name: created.name }), created.apiKey));
    form.elements.name.value = '';
    await load();
  });

  load();
})();
