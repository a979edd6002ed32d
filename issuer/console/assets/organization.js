// One organization: its profile and DID, its accreditation history with the reasons, and for
// those who accredit it, suspension or reinstatement with a reason and a confirm step.
'use strict';

(function () {
  const { api, el, clear, say, showError, t, localized, regionName, date, badge, page, busy } = window.Console;
  const id = page.organization;
  const profile = document.getElementById('profile');
  const history = document.getElementById('history');
  const form = document.getElementById('status-form');
  let organization;

  function fact(label, ...value) {
    return [el('dt', {}, label), el('dd', {}, ...value)];
  }

  function show(org) {
    organization = org;
    const name = localized(org.name) || org.id;
    document.getElementById('org-name').textContent = name;
    document.title = name + ' · ' + t('appName');
    clear(profile);
    profile.removeAttribute('aria-busy');
    const didPath = '/orgs/' + encodeURIComponent(org.id) + '/did.json';
    profile.append(
      el('div', { class: 'profile-head' }, el('h2', {}, t('profileTitle')), badge(org.status)),
      el(
        'dl',
        { class: 'facts' },
        fact(t('organizationId'), org.id),
        fact(t('did'), el('code', { class: 'did' }, org.did), ' ', el('a', { href: didPath }, t('didDocument'))),
        fact(t('region'), regionName(org.region)),
        org.bin ? fact(t('bin'), org.bin) : null,
        org.contact ? fact(t('contact'), org.contact) : null,
        ['kk', 'ru', 'en'].filter((l) => org.name[l]).map((l) => fact(t('name' + l[0].toUpperCase() + l[1]), org.name[l])),
      ),
    );
    clear(history);
    const intervals = org.history || org.accreditations.map((i) => ({ from: i.from, until: i.until }));
    history.append(
      ...intervals
        .slice()
        .reverse()
        .map((i) =>
          el('li', { class: 'row' }, el('div', { class: 'row-main' }, el('strong', {}, date(i.from) + ' – ' + (i.until ? date(i.until) : t('historyOpen'))), i.endReason ? el('span', { class: 'muted' }, t('endReason', { reason: i.endReason })) : null)),
        ),
    );
    if (form) showStatusForm(org);
  }

  function showStatusForm(org) {
    const suspending = org.status === 'accredited';
    form.hidden = false;
    form.dataset.action = suspending ? 'suspend' : 'reinstate';
    document.getElementById('status-button').textContent = suspending ? t('suspend') : t('reinstate');
    document.getElementById('status-button').className = suspending ? 'danger' : '';
    document.getElementById('status-hint').textContent = suspending ? t('suspendReasonHint') : t('reinstateReasonHint');
    document.getElementById('status-reason').required = suspending;
    document.getElementById('status-confirm').hidden = true;
  }

  async function load() {
    try {
      show(await api('GET', '/v1/organizations/' + encodeURIComponent(id)));
    } catch (err) {
      showError(profile, err);
    }
  }

  if (form) {
    const message = form.querySelector('.form-message');
    const confirm = document.getElementById('status-confirm');
    const yes = document.getElementById('status-yes');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      say(message, '');
      const suspending = form.dataset.action === 'suspend';
      const reason = form.elements.reason.value.trim();
      // The API refuses an empty reason too; asking first spares a round trip and a confirm.
      if (suspending && !reason) {
        form.elements.reason.setAttribute('aria-invalid', 'true');
        say(message, t('error.invalid_request.reason'), 'bad');
        return;
      }
      const name = localized(organization.name) || organization.id;
      document.getElementById('status-question').textContent = t(suspending ? 'suspendConfirm' : 'reinstateConfirm', { name });
      yes.textContent = suspending ? t('confirmSuspend') : t('confirmReinstate');
      confirm.hidden = false;
      yes.focus();
    });
    document.getElementById('status-no').addEventListener('click', () => (confirm.hidden = true));
    yes.addEventListener('click', async () => {
      const action = form.dataset.action;
      const reason = form.elements.reason.value.trim();
      busy(yes, true);
      try {
        await api('POST', '/v1/organizations/' + encodeURIComponent(id) + '/' + action, reason ? { reason } : {});
        form.elements.reason.value = '';
        form.elements.reason.removeAttribute('aria-invalid');
        await load();
        say(message, t(action === 'suspend' ? 'suspendedDone' : 'reinstatedDone'), 'ok');
      } catch (err) {
        confirm.hidden = true;
        showError(message, err);
      } finally {
        busy(yes, false);
      }
    });
  }

  load();
})();
