import type { Language } from '../../shared/credential/vocabulary.ts';
import { translator } from '../../shared/i18n/index.ts';
import { html } from '../../shared/pages/index.ts';
import { walletPage } from './frame.ts';
import { scannerPanel } from './scanner.ts';
import { WALLET_TEXTS } from './texts/messages.ts';

/**
 * `GET /respond[?request=…]`: read an `openid4vp://` request, show who asks, what for and what
 * they require, and, when they ask who the volunteer is, exactly what will be disclosed (name,
 * IIN) and to whom; then send only the credentials the volunteer ticks.
 */
export function respondPage(lang: Language, path: string, request: string | undefined): string {
  const t = translator(WALLET_TEXTS, lang);
  const content = html`<h1>${t('respondTitle')}</h1>
<p>${t('respondIntro')}</p>
<div id="notice" role="status"></div>
<form id="request-form" class="card">
  <label for="request-uri">${t('requestLabel')}</label>
  <textarea id="request-uri" name="requestUri" rows="3" required spellcheck="false" autocapitalize="none" placeholder="openid4vp://?client_id=…&amp;request_uri=…">${request ?? ''}</textarea>
  <button type="submit">${t('openRequest')}</button>
</form>
${scannerPanel(t)}
<section id="request" class="card" hidden aria-live="polite">
  <dl class="request">
    <dt>${t('whoAsks')}</dt><dd id="request-client"></dd>
    <dt>${t('purpose')}</dt><dd id="request-purpose"></dd>
    <dt>${t('policy')}</dt><dd id="request-policy"></dd>
  </dl>
  <p id="request-host" class="muted"></p>
  <div id="disclosure" class="card warn" hidden>
    <h2>${t('disclosureTitle')}</h2>
    <p id="disclosure-intro"></p>
    <dl id="disclosure-claims" class="request"></dl>
    <p id="disclosure-from" class="muted"></p>
    <p id="disclosure-missing" class="bad" hidden>${t('disclosureMissing')}</p>
  </div>
  <form id="answer-form">
    <fieldset>
      <legend>${t('chooseCredentials')}</legend>
      <div id="answer-credentials" class="choices"></div>
      <p id="no-matching" class="warn" hidden>${t('noMatching')}</p>
    </fieldset>
    <button type="submit" id="send-answer">${t('sendAnswer')}</button>
  </form>
</section>`;
  return walletPage({ lang, path, tab: 'respond', title: t('respondTitle'), content, script: 'respond.js', scans: true });
}
