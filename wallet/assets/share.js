// The share page: a link (and its QR) to a presentation of the chosen credentials, signed by
// the volunteer's key and valid for the chosen number of days; existing links, deletable.
'use strict';

(function () {
  const { t, api, el, clear, say, showError, date, choice, chosen, busy, listOf, copyButton } = window.Wallet;
  let createdUrl = '';

  function shareItem(share) {
    const remove = el('button', { type: 'button', class: 'link danger' }, t('deleteShare'));
    remove.addEventListener('click', () => removeShare(share, remove));
    return el(
      'li',
      { class: 'card share', 'data-id': share.id },
      el('p', {}, el('a', { href: share.url, target: '_blank', rel: 'noopener', class: 'share-url' }, share.url)),
      el('p', {}, copyButton(share.url)),
      el('p', { class: share.expired ? 'warn' : 'muted' }, [share.expired ? t('shareExpired') : t('shareUntil', { date: date(share.expiresAt) }), t('shareCredentials', { n: share.credentialIds.length })].join(' · ')),
      remove,
    );
  }

  async function showShares() {
    const shares = listOf(await api('GET', '/v1/shares'), 'shares');
    const list = document.getElementById('shares');
    clear(list);
    list.append(...shares.map(shareItem));
    document.getElementById('no-shares').hidden = shares.length > 0;
  }

  async function removeShare(share, button) {
    if (!confirm(t('confirmDeleteShare'))) return;
    button.disabled = true;
    try {
      await api('DELETE', '/v1/shares/' + encodeURIComponent(share.id));
      say('notice', t('shareDeleted'));
      const result = document.getElementById('share-result');
      if (result.dataset.id === share.id) result.hidden = true;
      await showShares();
    } catch (err) {
      button.disabled = false;
      showError('notice', err);
    }
  }

  function showCreated(share) {
    const result = document.getElementById('share-result');
    result.dataset.id = share.id;
    document.getElementById('share-url').value = share.url;
    createdUrl = share.url;
    const copySlot = document.getElementById('share-copy');
    if (!copySlot.querySelector('button')) copySlot.append(copyButton(() => createdUrl));
    document.getElementById('share-open').href = share.url;
    document.getElementById('share-expires').textContent = t('shareUntil', { date: date(share.expiresAt) });
    document.getElementById('share-qr').src = share.qrUrl;
    result.hidden = false;
    result.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  async function create(event) {
    event.preventDefault();
    const form = document.getElementById('share-form');
    const credentialIds = chosen(document.getElementById('share-credentials'));
    if (credentialIds.length === 0) {
      say('notice', t('chooseAtLeastOne'), 'bad');
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    busy(button, true);
    say('notice', '');
    try {
      const share = await api('POST', '/v1/shares', { credentialIds, expiresInDays: Number(document.getElementById('expires').value) });
      showCreated(share);
      await showShares();
    } catch (err) {
      showError('notice', err);
    } finally {
      busy(button, false);
    }
  }

  window.Wallet.start(async (credentials) => {
    const choices = document.getElementById('share-credentials');
    // Valid credentials are ticked to begin with: they are what a verifier will accept.
    choices.append(...credentials.map((c) => choice(c, c.status === 'valid')));
    document.getElementById('no-credentials').hidden = credentials.length > 0;
    document.getElementById('share-form').addEventListener('submit', create);
    await showShares();
  });
})();
