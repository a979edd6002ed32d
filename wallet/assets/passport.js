// The passport page: verified totals and every credential with its status now, in the page's
// language, plus the documents (PDF, export, import).
'use strict';

(function () {
  const { t, api, el, clear, say, showError, localized, hours, date, dateRange, category, badge } = window.Wallet;

  function row(label, value) {
    return el('tr', {}, el('th', { scope: 'row' }, label), el('td', { class: 'num' }, hours(value)));
  }

  function fill(id, rows) {
    const table = document.getElementById(id);
    clear(table);
    table.append(el('tbody', {}, rows));
  }

  function showTotals(summary) {
    document.getElementById('total-hours').textContent = hours(summary.totalHours);
    document.getElementById('total-credentials').textContent = String(summary.counted ?? 0);
    fill('by-category', (summary.byCategory || []).map((c) => row(category(c.category), c.hours)));
    fill('by-year', (summary.byYear || []).map((y) => row(String(y.year), y.hours)));
    fill('by-organization', (summary.byOrganization || []).map((o) => row(localized(o.name) || o.did, o.hours)));
  }

  function credentialCard(credential) {
    const activity = credential.activity || {};
    const dates = dateRange(activity.activityStartDate, activity.activityEndDate);
    const remove = el('button', { type: 'button', class: 'link danger' }, t('deleteCredential'));
    remove.addEventListener('click', () => removeCredential(credential, remove));
    return el(
      'li',
      { class: 'credential card status-' + credential.status, 'data-id': credential.id },
      el('div', { class: 'credential-head' }, el('h3', {}, el('a', { href: '/credentials/' + encodeURIComponent(credential.id) }, localized(activity.name))), badge(credential.status)),
      el('p', { class: 'organization' }, localized(credential.organization && credential.organization.name) || credential.issuerDid),
      el(
        'dl',
        { class: 'facts' },
        el('dt', {}, t('dates')), el('dd', {}, dates),
        el('dt', {}, t('hours')), el('dd', { class: 'hours' }, hours(activity.hours)),
        el('dt', {}, t('category')), el('dd', {}, category(activity.category)),
        activity.project ? [el('dt', {}, t('project')), el('dd', {}, activity.project)] : null,
        activity.role ? [el('dt', {}, t('role')), el('dd', {}, activity.role)] : null,
      ),
      el('p', { class: 'more', 'aria-hidden': 'true' }, t('credentialMore')),
      remove,
    );
  }

  function showCredentials(credentials) {
    const list = document.getElementById('credentials');
    clear(list);
    // A new passport: a welcome that says how the first credential comes, not empty totals and headings.
    const empty = credentials.length === 0;
    document.getElementById('no-credentials').hidden = !empty;
    document.getElementById('totals').hidden = empty;
    document.getElementById('credentials-title').hidden = empty;
    list.append(...credentials.map(credentialCard));
  }

  async function refresh(credentials) {
    const [list, summary] = await Promise.all([credentials ? Promise.resolve(credentials) : api('GET', '/v1/credentials').then((a) => window.Wallet.listOf(a, 'credentials')), api('GET', '/v1/summary')]);
    showCredentials(list);
    showTotals(summary);
  }

  async function removeCredential(credential, button) {
    if (!confirm(t('confirmDeleteCredential'))) return;
    button.disabled = true;
    try {
      await api('DELETE', '/v1/credentials/' + encodeURIComponent(credential.id));
      say('notice', t('credentialDeleted'));
      await refresh();
    } catch (err) {
      button.disabled = false;
      showError('notice', err);
    }
  }

  async function importFile(event) {
    event.preventDefault();
    const input = document.getElementById('import-file');
    const results = document.getElementById('import-results');
    const file = input.files && input.files[0];
    if (!file) return;
    clear(results);
    let body;
    try {
      body = JSON.parse(await file.text());
    } catch {
      say('notice', t('importNotJson'), 'bad');
      return;
    }
    try {
      const answer = await api('POST', '/v1/import', body);
      say('notice', t('importResult', { imported: answer.imported, refused: answer.refused }));
      for (const item of answer.results || []) {
        if (!item.imported) results.append(el('li', { class: 'bad' }, t('importRefused', { reason: item.reason })));
      }
      input.value = '';
      document.getElementById('import-file-name').textContent = t('importChoose');
      await refresh();
    } catch (err) {
      showError('notice', err);
    }
  }

  /** Points each PDF link at the chosen share (the QR it prints), or at none. */
  function pointPdfLinks(shareId) {
    for (const link of document.querySelectorAll('a[data-pdf]')) {
      link.href = '/v1/passport.pdf?lang=' + link.dataset.pdf + (shareId ? '&shareId=' + encodeURIComponent(shareId) : '');
    }
  }

  /** The live share links to choose the PDF's QR from, newest first and chosen to begin with. */
  async function showPdfShares() {
    const select = document.getElementById('pdf-share');
    const live = window.Wallet.listOf(await api('GET', '/v1/shares'), 'shares').filter((share) => !share.expired);
    for (const share of live) {
      select.append(el('option', { value: share.id }, t('pdfShareOption', { date: date(share.expiresAt), n: share.credentialIds.length })));
    }
    if (live.length) select.value = live[0].id;
    pointPdfLinks(select.value);
    select.addEventListener('change', () => pointPdfLinks(select.value));
  }

  window.Wallet.start(async (credentials) => {
    document.getElementById('import-form').addEventListener('submit', importFile);
    // The file input's own words come from the browser's language, not the page's: a label of ours names the choice.
    const input = document.getElementById('import-file');
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      document.getElementById('import-file-name').textContent = file ? file.name : t('importChoose');
    });
    await Promise.all([refresh(credentials), showPdfShares()]);
  });
})();
