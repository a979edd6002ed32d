import type { Language } from '../../shared/credential/vocabulary.ts';
import { translator } from '../../shared/i18n/index.ts';
import { html } from '../../shared/pages/index.ts';
import { walletPage } from './frame.ts';
import { WALLET_TEXTS } from './texts/messages.ts';

const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** `GET /`: the passport (totals, every credential, documents), or the sign-in panel. */
export function homePage(lang: Language, path: string): string {
  const t = translator(WALLET_TEXTS, lang);
  const content = html`<h1>${t('passportTitle')}</h1>
<div id="notice" role="status"></div>
<section class="card totals" id="totals" aria-labelledby="totals-title">
  <h2 id="totals-title">${t('totalsTitle')}</h2>
  <p class="total"><span id="total-hours">0</span> <span class="muted">${t('hoursOverall')}</span></p>
  <p class="muted">${t('credentialsCount')}: <span id="total-credentials">0</span>. ${t('totalsNote')}</p>
  <div class="breakdown">
    <div><h3>${t('byCategory')}</h3><table id="by-category"></table></div>
    <div><h3>${t('byYear')}</h3><table id="by-year"></table></div>
    <div><h3>${t('byOrganization')}</h3><table id="by-organization"></table></div>
  </div>
</section>
<section id="no-credentials" class="card welcome" hidden aria-labelledby="welcome-title">
  <h2 id="welcome-title">${t('welcomeTitle')}</h2>
  <p>${t('welcomeIntro')}</p>
  <ol>
    <li>${t('welcomeStep1')}</li>
    <li>${t('welcomeStep2')}</li>
    <li>${t('welcomeStep3')}</li>
  </ol>
  <p><a class="button" href="/claim">${t('welcomeClaim')}</a></p>
</section>
<h2 id="credentials-title">${t('credentialsTitle')}</h2>
<ul id="credentials" class="credentials"></ul>
<section class="card" aria-labelledby="documents-title">
  <h2 id="documents-title">${t('documentsTitle')}</h2>
  <h3>${t('pdfTitle')}</h3>
  <p class="muted">${t('pdfShareHint')}</p>
  <label for="pdf-share">${t('pdfShareLabel')}</label>
  <select id="pdf-share"><option value="">${t('pdfNoShare')}</option></select>
  <p class="pdf-links">${(['kk', 'ru', 'en'] as Language[]).map(
    (l) => html`<a class="button" href="/v1/passport.pdf?lang=${l}" download="volunteer-passport-${l}.pdf" data-pdf="${l}">${LANGUAGE_NAMES[l]}</a> `,
  )}</p>
  <h3>${t('exportTitle')}</h3>
  <p class="muted">${t('exportHint')}</p>
  <p><a class="button" id="export-link" href="/v1/export" download="volunteer-passport-export.json">${t('exportLink')}</a></p>
  <h3>${t('importTitle')}</h3>
  <form id="import-form">
    <label for="import-file" class="muted">${t('importHint')}</label>
    <input id="import-file" class="file" type="file" accept=".json,.jwt,application/json,text/plain" required>
    <label for="import-file" id="import-file-name" class="button secondary file-button">${t('importChoose')}</label>
    <button type="submit" class="secondary">${t('importButton')}</button>
  </form>
  <ul id="import-results" class="plain"></ul>
</section>`;
  return walletPage({ lang, path, tab: 'passport', title: t('passportTitle'), content, script: 'passport.js' });
}
