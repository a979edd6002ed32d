import type { Language } from '../../shared/credential/vocabulary.ts';
import { translator } from '../../shared/i18n/index.ts';
import { html } from '../../shared/pages/index.ts';
import { walletPage } from './frame.ts';
import { WALLET_TEXTS } from './texts/messages.ts';

/** `GET /share`: choose credentials and an expiry, get a link and its QR; list and delete links. */
export function sharePage(lang: Language, path: string): string {
  const t = translator(WALLET_TEXTS, lang);
  const content = html`<h1>${t('shareTitle')}</h1>
<p>${t('shareIntro')}</p>
<div id="notice" role="status"></div>
<form id="share-form" class="card">
  <fieldset>
    <legend>${t('chooseCredentials')}</legend>
    <div id="share-credentials" class="choices"></div>
    <p id="no-credentials" class="muted" hidden>${t('noCredentials')} <a href="/claim">${t('navClaim')}</a></p>
  </fieldset>
  <label for="expires">${t('expiresInDays')}</label>
  <input id="expires" name="expiresInDays" type="number" inputmode="numeric" min="1" max="365" value="30" required>
  <p class="note">${t('expiryNote')}</p>
  <button type="submit">${t('createShare')}</button>
</form>
<section id="share-result" class="card" hidden aria-live="polite">
  <p class="ok"><strong>${t('shareCreated')}</strong></p>
  <label for="share-url">${t('shareLink')}</label>
  <div class="link-row" id="share-copy"><input id="share-url" class="id" readonly></div>
  <p><a id="share-open" target="_blank" rel="noopener">${t('openLink')}</a> · <span id="share-expires"></span></p>
  <img id="share-qr" class="qr" alt="QR">
  <p class="muted">${t('shareQrHint')}</p>
  <p class="note">${t('expiryNote')}</p>
</section>
<h2>${t('sharesTitle')}</h2>
<p id="no-shares" class="muted" hidden>${t('noShares')}</p>
<ul id="shares" class="shares"></ul>`;
  return walletPage({ lang, path, tab: 'share', title: t('shareTitle'), content, script: 'share.js' });
}
