import type { Request } from 'express';
import { CATEGORIES, REGIONS, type Language } from '../../shared/credential/vocabulary.ts';
import { translator } from '../../shared/i18n/index.ts';
import { html, layout, raw, type SafeHtml } from '../../shared/pages/index.ts';
import { CATEGORY_NAMES } from '../../shared/credential/index.ts';
import { WALLET_TEXTS, type WalletText } from './texts/messages.ts';

export type Translate = ReturnType<typeof translator<WalletText>>;
export type Tab = 'passport' | 'claim' | 'share' | 'respond' | 'account';

export interface WalletPage {
  lang: Language;
  /** The page's own path and query, without `lang`, for the language switch. */
  path: string;
  tab: Tab;
  title: string;
  content: SafeHtml;
  /** The page's own script under `/assets/`; `wallet.js` (API calls, sign-in) always comes first. */
  script: string;
  /** Pages that read QR codes also load the bundled decoder and the scanner. */
  scans?: boolean;
}

const TABS: Array<{ tab: Tab; href: string; text: WalletText }> = [
  { tab: 'passport', href: '/', text: 'navPassport' },
  { tab: 'claim', href: '/claim', text: 'navClaim' },
  { tab: 'share', href: '/share', text: 'navShare' },
  { tab: 'respond', href: '/respond', text: 'navRespond' },
];

/**
 * The frame of every wallet page. The server cannot see whether the session cookie is still
 * good (sessions live behind the JSON API), so the page ships both the sign-in panel and its
 * own content hidden, and `wallet.js` shows one of them after asking the API.
 */
export function walletPage(page: WalletPage): string {
  const t = translator(WALLET_TEXTS, page.lang);
  const body = html`<link rel="stylesheet" href="/assets/wallet.css">
<nav class="tabs" aria-label="${t('appName')}">
  ${TABS.map((tab) => html`<a href="${tab.href}" ${tab.tab === page.tab ? html`aria-current="page"` : ''}>${t(tab.text)}</a>`)}
</nav>
<p id="wallet-loading" class="muted">${t('loading')}</p>
${signInPanel(t)}
<section id="wallet-page" hidden>
${page.content}
<p class="signout"><a href="/account" class="button secondary" ${page.tab === 'account' ? html`aria-current="page"` : ''}>${t('navAccount')}</a> <button type="button" id="sign-out" class="secondary">${t('signOut')}</button></p>
</section>
${clientTexts(page.lang)}`;
  const scripts = [...(page.scans ? ['/assets/jsQR.js', '/assets/scanner.js'] : []), '/assets/passport-api.js', '/assets/wallet.js', `/assets/${page.script}`];
  return layout({ lang: page.lang, title: `${page.title} · ${t('appName')}`, body, scripts, path: page.path });
}

function signInPanel(t: Translate): SafeHtml {
  return html`<section id="wallet-signin" hidden>
  <h1>${t('appName')}</h1>
  <p>${t('signInIntro')}</p>
  <div id="signin-message" role="alert"></div>
  <form id="signin-form" class="card">
    <h2>${t('signInTitle')}</h2>
    <label for="signin-login">${t('login')}</label>
    <input id="signin-login" name="login" autocomplete="username" autocapitalize="none" required>
    <label for="signin-password">${t('password')}</label>
    <input id="signin-password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">${t('signIn')}</button>
  </form>
  <form id="signup-form" class="card">
    <h2>${t('createAccountTitle')}</h2>
    <label for="signup-login">${t('login')}</label>
    <input id="signup-login" name="login" autocomplete="username" autocapitalize="none" required>
    <p class="muted">${t('loginHint')}</p>
    <label for="signup-password">${t('password')}</label>
    <input id="signup-password" name="password" type="password" autocomplete="new-password" minlength="10" required>
    <p class="muted">${t('passwordHint')}</p>
    <button type="submit">${t('createAccount')}</button>
  </form>
  <details class="card" id="recover">
    <summary>${t('recoverTitle')}</summary>
    <form id="recover-form">
      <p class="muted">${t('recoverHint')}</p>
      <label for="recover-login">${t('login')}</label>
      <input id="recover-login" name="login" autocomplete="username" autocapitalize="none" required>
      <label for="recover-code">${t('recoveryCode')}</label>
      <input id="recover-code" name="code" autocomplete="one-time-code" autocapitalize="none" required>
      <label for="recover-password">${t('newPassword')}</label>
      <input id="recover-password" name="newPassword" type="password" autocomplete="new-password" minlength="10" required>
      <p class="muted">${t('passwordHint')}</p>
      <button type="submit">${t('recover')}</button>
    </form>
    <p><a href="/forgot-password" id="forgot-email-link">${t('forgotEmailLink')}</a></p>
  </details>
</section>
${codesPanel(t)}`;
}

/** Recovery codes, shown once after sign-up (and after making new ones): kept until "I saved them". */
function codesPanel(t: Translate): SafeHtml {
  return html`<section id="wallet-codes" class="card" hidden aria-labelledby="codes-panel-title">
  <h2 id="codes-panel-title">${t('codesTitle')}</h2>
  <p class="note">${t('codesShownOnce')}</p>
  <ol id="codes-list" class="codes"></ol>
  <p><button type="button" class="secondary copy" id="codes-copy">${t('copy')}</button></p>
  <label class="choice"><input type="checkbox" id="codes-saved"> <span>${t('codesSaved')}</span></label>
  <button type="button" id="codes-continue" disabled>${t('codesContinue')}</button>
</section>`;
}

/**
 * The texts the scripts need, as a JSON data block: the CSP forbids inline scripts, but a
 * block of type application/json is never executed. `<` is escaped so no text can end the block.
 * Category names are the wallet's own (shared with the PDF), as `category.{id}`; region names as `region.{code}`.
 */
export function clientTexts(lang: Language): SafeHtml {
  const categories = Object.fromEntries(CATEGORIES.map((c) => [`category.${c}`, CATEGORY_NAMES[lang][c]]));
  const regions = Object.fromEntries(REGIONS.map((r) => [`region.${r.code}`, r[lang]]));
  const json = JSON.stringify({ ...WALLET_TEXTS[lang], ...categories, ...regions }).replace(/</g, '\\u003c');
  return html`<script type="application/json" id="wallet-texts">${raw(json)}</script>`;
}

/** The request's path and query without `lang`, so the language links do not pile up. */
export function pagePath(req: Request): string {
  const url = new URL(req.originalUrl, 'http://wallet.invalid');
  url.searchParams.delete('lang');
  return url.pathname + url.search;
}

/** A single string query parameter, bounded, or undefined. */
export function queryText(req: Request, name: string, maxLength = 8192): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value.length <= maxLength ? value : undefined;
}
