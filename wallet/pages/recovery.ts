import { Router } from 'express';
import type { Config } from '../../shared/config.ts';
import type { Language } from '../../shared/credential/vocabulary.ts';
import { pickLanguage, translator } from '../../shared/i18n/index.ts';
import { html, layout, type SafeHtml } from '../../shared/pages/index.ts';
import { clientTexts, pagePath } from './frame.ts';
import { WALLET_TEXTS } from './texts/messages.ts';

/**
 * The pages of e-mail recovery, all used signed out: "forgot password", and the two pages the
 * e-mailed links open. The link's token travels after `#`, so it never reaches a server log,
 * a proxy or a Referer; `recovery.js` reads it and sends it in a JSON body.
 */
function recoveryPage(lang: Language, path: string, title: string, content: SafeHtml): string {
  const t = translator(WALLET_TEXTS, lang);
  const body = html`<link rel="stylesheet" href="/assets/wallet.css">
<section id="recovery-page">
${content}
<p><a href="/" class="button secondary">${t('toPassport')}</a></p>
</section>
${clientTexts(lang)}`;
  return layout({ lang, title: `${title} · ${t('appName')}`, body, path, scripts: ['/assets/passport-api.js', '/assets/wallet.js', '/assets/recovery.js'] });
}

export function forgotPasswordPage(lang: Language, path: string, config: Pick<Config, 'smtpUrl' | 'passwordResetSeconds'>): string {
  const t = translator(WALLET_TEXTS, lang);
  const form = config.smtpUrl
    ? html`<form id="forgot-form" class="card" data-minutes="${String(Math.round(config.passwordResetSeconds / 60))}">
  <p class="muted">${t('forgotHint')}</p>
  <label for="forgot-email">${t('emailAddress')}</label>
  <input id="forgot-email" name="email" type="email" autocomplete="email" autocapitalize="none" required>
  <button type="submit">${t('forgotSend')}</button>
</form>`
    : html`<p class="card" id="forgot-unavailable">${t('forgotUnavailable')}</p>`;
  return recoveryPage(lang, path, t('forgotTitle'), html`<h1>${t('forgotTitle')}</h1>
<div id="notice" role="status"></div>
${form}`);
}

export function resetPasswordPage(lang: Language, path: string): string {
  const t = translator(WALLET_TEXTS, lang);
  return recoveryPage(lang, path, t('resetTitle'), html`<h1>${t('resetTitle')}</h1>
<div id="notice" role="status"></div>
<form id="reset-form" class="card">
  <p class="muted">${t('resetHint')}</p>
  <label for="reset-password">${t('newPassword')}</label>
  <input id="reset-password" name="newPassword" type="password" autocomplete="new-password" minlength="10" required>
  <p class="muted">${t('passwordHint')}</p>
  <button type="submit">${t('resetSave')}</button>
</form>`);
}

export function confirmEmailPage(lang: Language, path: string): string {
  const t = translator(WALLET_TEXTS, lang);
  return recoveryPage(lang, path, t('confirmTitle'), html`<h1>${t('confirmTitle')}</h1>
<div id="notice" role="status"></div>
<p id="confirm-working" class="muted">${t('confirmWorking')}</p>`);
}

/** `GET /forgot-password`, `/reset-password`, `/confirm-email`. */
export function createRecoveryPagesRouter(config: Config): Router {
  const router = Router();
  const send = (res: import('express').Response, page: string) =>
    res.set({ 'cache-control': 'no-store', vary: 'Accept-Language, Cookie', 'referrer-policy': 'same-origin' }).type('html').send(page);
  router.get('/forgot-password', (req, res) => send(res, forgotPasswordPage(pickLanguage(req, res), pagePath(req), config)));
  router.get('/reset-password', (req, res) => send(res, resetPasswordPage(pickLanguage(req, res), pagePath(req))));
  router.get('/confirm-email', (req, res) => send(res, confirmEmailPage(pickLanguage(req, res), pagePath(req))));
  return router;
}
