import type { Language } from '../../shared/credential/vocabulary.ts';
import { translator } from '../../shared/i18n/index.ts';
import { html } from '../../shared/pages/index.ts';
import { walletPage } from './frame.ts';
import { scannerPanel } from './scanner.ts';
import { WALLET_TEXTS } from './texts/messages.ts';

/**
 * `GET /claim[?offer=…]`: paste, scan or open an `openid-credential-offer://` link. An offer that
 * arrives in the query is only filled in: claiming waits for the volunteer's tap, so a link
 * from anywhere cannot make the wallet fetch from an issuer on its own.
 */
export function claimPage(lang: Language, path: string, offer: string | undefined): string {
  const t = translator(WALLET_TEXTS, lang);
  const content = html`<h1>${t('claimTitle')}</h1>
<p>${t('claimIntro')}</p>
<div id="notice" role="status"></div>
<form id="claim-form" class="card">
  <label for="offer">${t('offerLabel')}</label>
  <textarea id="offer" name="offer" rows="3" required spellcheck="false" autocapitalize="none" placeholder="openid-credential-offer://?credential_offer_uri=…">${offer ?? ''}</textarea>
  <button type="submit">${t('claimButton')}</button>
</form>
${scannerPanel(t)}
<section class="card" id="my-check-in" aria-labelledby="my-check-in-title">
  <h2 id="my-check-in-title">${t('myCheckInTitle')}</h2>
  <p class="muted">${t('myCheckInHint')}</p>
  <button type="button" id="my-check-in-show" class="secondary">${t('myCheckInShow')}</button>
  <img id="my-check-in-qr" alt="${t('myCheckInTitle')}" width="280" height="280" hidden>
  <p id="my-check-in-status" role="status"></p>
</section>`;
  return walletPage({ lang, path, tab: 'claim', title: t('claimTitle'), content, script: 'claim.js', moreScripts: ['my-check-in.js'], scans: true });
}
