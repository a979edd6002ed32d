import type { Language } from '../../shared/credential/index.ts';
import { translator } from '../../shared/i18n/index.ts';
import { html } from '../../shared/pages/index.ts';
import { walletPage } from './frame.ts';
import { WALLET_TEXTS } from './texts/messages.ts';

/**
 * `GET /credentials/{id}`: one credential on its own page: everything it proves, its status now
 * and what that means, who issued it and the registry that vouches for them, and a link or a
 * file of this credential alone. The frame is the server's; `credential.js` fills it from the API.
 */
export function credentialPage(lang: Language, path: string): string {
  const t = translator(WALLET_TEXTS, lang);
  const content = html`<p class="back"><a href="/">${t('backToPassport')}</a></p>
<div id="notice" role="status"></div>
<article id="credential" hidden>
  <div class="credential-head"><h1 id="credential-name">${t('credentialTitle')}</h1><span id="credential-badge"></span></div>
  <p id="credential-organization" class="muted"></p>
  <section class="card" aria-labelledby="status-title">
    <h2 id="status-title">${t('statusTitle')}</h2>
    <p id="status-explained"></p>
    <p id="status-checked" class="muted"></p>
  </section>
  <section class="card" aria-labelledby="proves-title">
    <h2 id="proves-title">${t('provesTitle')}</h2>
    <dl id="proves" class="facts"></dl>
    <p id="disclosable" class="muted" hidden></p>
  </section>
  <section class="card" aria-labelledby="issuer-title">
    <h2 id="issuer-title">${t('issuerTitle')}</h2>
    <dl id="issuer" class="facts"></dl>
    <p class="muted">${t('registryHint')}</p>
  </section>
  <section class="card" aria-labelledby="share-one-title">
    <h2 id="share-one-title">${t('shareOneTitle')}</h2>
    <p class="muted">${t('shareOneHint')}</p>
    <button type="button" id="share-one">${t('shareOneButton')}</button>
    <div id="share-one-result" hidden aria-live="polite">
      <label for="share-one-url">${t('shareLink')}</label>
      <div class="link-row"><input id="share-one-url" class="id" readonly></div>
      <img id="share-one-qr" class="qr" alt="QR">
      <p class="muted">${t('shareQrHint')}</p>
    </div>
  </section>
  <section class="card" aria-labelledby="export-one-title">
    <h2 id="export-one-title">${t('exportOneTitle')}</h2>
    <p class="muted">${t('exportOneHint')}</p>
    <button type="button" id="export-one" class="secondary">${t('exportOneButton')}</button>
  </section>
  <details class="technical card">
    <summary>${t('technicalDetails')}</summary>
    <p>${t('credentialId')}: <code id="credential-id"></code></p>
  </details>
</article>`;
  return walletPage({ lang, path, tab: 'passport', title: t('credentialTitle'), content, script: 'credential.js' });
}
