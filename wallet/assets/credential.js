// A credential's own page: what it proves, its status now (checked as a verifier would, at the
// time shown), who issued it and the registry behind them, and a link or a file of it alone.
'use strict';

(function () {
  const { t, api, el, clear, say, showError, localized, hours, date, dateRange, category, badge, copyButton, ProblemError } = window.Wallet;
  const STATUSES = ['valid', 'revoked', 'issuer_suspended', 'issuer_not_accredited', 'expired', 'invalid', 'unverifiable'];
  const id = decodeURIComponent(location.pathname.slice('/credentials/'.length));

  /** A region's name in the page's language (ISO 3166-2:KZ code as the fallback). */
  function region(code) {
    const name = t('region.' + code);
    return name === 'region.' + code ? code : name;
  }

  /** Now, with its date, time and zone: Kazakhstan keeps one zone, UTC+5, all year. */
  function nowInKazakhstan() {
    const shifted = new Date(Date.now() + 5 * 3600 * 1000);
    const hh = String(shifted.getUTCHours()).padStart(2, '0');
    const mm = String(shifted.getUTCMinutes()).padStart(2, '0');
    return date(shifted.toISOString()) + ', ' + hh + ':' + mm + ' GMT+5';
  }

  function facts(list, pairs) {
    clear(list);
    for (const [label, value, cls] of pairs) {
      if (value === undefined || value === null || value === '') continue;
      list.append(el('dt', {}, label), el('dd', cls ? { class: cls } : {}, value));
    }
  }

  function showProves(credential) {
    const activity = credential.activity || {};
    facts(document.getElementById('proves'), [
      [t('activity'), localized(activity.name)],
      [t('volunteerName'), credential.holderName],
      [t('dates'), dateRange(activity.activityStartDate, activity.activityEndDate)],
      [t('hours'), hours(activity.hours), 'hours'],
      [t('category'), category(activity.category)],
      [t('project'), activity.project],
      [t('region'), region(activity.region)],
      [t('role'), activity.role],
      [t('confirmedBy'), activity.confirmedBy],
      [t('issuedAt'), date(credential.issuedAt)],
      [t('validUntil'), credential.expiresAt ? date(credential.expiresAt) : t('noExpiry')],
    ]);
    const claims = (credential.selectiveDisclosure && credential.selectiveDisclosure.claims) || [];
    const disclosable = document.getElementById('disclosable');
    disclosable.hidden = claims.length === 0;
    disclosable.textContent = claims.length ? t('disclosable', { list: claims.map((c) => t('claim.' + c)).join(', ') }) : '';
  }

  function accreditation(issuer) {
    if (!issuer || !issuer.accredited) return t('accreditedUnknown');
    if (issuer.accredited.status !== 'accredited') return t('accreditedSuspended');
    return t('accreditedSince', { date: date(issuer.accredited.since) });
  }

  function showIssuer(credential) {
    const issuer = credential.issuer || { did: credential.issuerDid };
    facts(document.getElementById('issuer'), [
      [t('organization'), localized(credential.organization && credential.organization.name) || issuer.did],
      [t('region'), issuer.region ? region(issuer.region) : null],
      [t('issuerDid'), el('code', { class: 'id' }, issuer.did)],
      [t('registry'), el('span', {}, accreditation(issuer), el('br'), el('code', { class: 'id' }, issuer.registryDid || ''))],
    ]);
  }

  function show(credential) {
    const name = localized(credential.activity && credential.activity.name) || t('credentialTitle');
    document.getElementById('credential-name').textContent = name;
    document.title = name + ' · ' + t('appName');
    const badgeSlot = document.getElementById('credential-badge');
    clear(badgeSlot);
    badgeSlot.append(badge(credential.status));
    document.getElementById('credential-organization').textContent = localized(credential.organization && credential.organization.name) || credential.issuerDid;
    const status = STATUSES.includes(credential.status) ? credential.status : 'unverifiable';
    const explained = document.getElementById('status-explained');
    explained.textContent = t('statusExplain.' + status);
    explained.className = status === 'valid' ? 'ok' : status === 'unverifiable' ? 'warn' : 'bad';
    document.getElementById('status-checked').textContent = t('checkedAt', { time: nowInKazakhstan() });
    document.getElementById('credential-id').textContent = credential.id;
    showProves(credential);
    showIssuer(credential);
    document.getElementById('credential').hidden = false;
  }

  async function shareThisOne(button) {
    button.disabled = true;
    try {
      const share = await api('POST', '/v1/shares', { credentialIds: [id], expiresInDays: 30 });
      const result = document.getElementById('share-one-result');
      const input = document.getElementById('share-one-url');
      input.value = share.url;
      const row = input.parentElement;
      for (const old of row.querySelectorAll('button')) old.remove();
      row.append(copyButton(share.url));
      document.getElementById('share-one-qr').src = share.qrUrl;
      result.hidden = false;
      say('notice', '');
    } catch (err) {
      showError('notice', err);
    } finally {
      button.disabled = false;
    }
  }

  /** The export file's own format (as `/v1/export` writes it) holding this one credential. */
  function exportThisOne(jwt) {
    let holder = '';
    try {
      holder = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub || '';
    } catch {
      // The holder is a courtesy in the file: an import reads the credentials themselves.
    }
    const file = { type: 'VolunteerPassportExport', version: 1, holder, exportedAt: new Date().toISOString(), credentials: [jwt] };
    const link = el('a', { href: URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' })), download: 'volunteer-credential.json' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  window.Wallet.start(async () => {
    let credential;
    try {
      credential = await api('GET', '/v1/credentials/' + encodeURIComponent(id));
    } catch (err) {
      if (err instanceof ProblemError && err.status === 404) say('notice', t('credentialNotFound'), 'bad');
      else showError('notice', err);
      return;
    }
    show(credential);
    const share = document.getElementById('share-one');
    share.addEventListener('click', () => shareThisOne(share));
    document.getElementById('export-one').addEventListener('click', () => exportThisOne(credential.jwt));
  });
})();
