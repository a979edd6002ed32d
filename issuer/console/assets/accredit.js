// Accreditation: the form goes to POST /v1/organizations as it is; every refusal (a BIN with a
// wrong check digit, an identifier taken, a region not one's own) comes back by field.
'use strict';

(function () {
  const { api, el, clear, onSubmit, secret, t } = window.Console;
  const form = document.getElementById('accredit-form');
  const done = document.getElementById('accredited');

  onSubmit(form, async (values) => {
    const created = await api('POST', '/v1/organizations', values);
    form.hidden = true;
    clear(done);
    done.append(
      el('p', { class: 'message ok' }, t('accreditedDone', { did: created.did })),
      secret(t('organizationKeyOnce'), created.apiKey),
      el('p', {}, el('a', { class: 'button', href: '/organizations/' + encodeURIComponent(created.id) + '#people' }, t('nextInviteAdmin'))),
    );
    done.hidden = false;
    done.scrollIntoView({ block: 'start' });
  });
})();
