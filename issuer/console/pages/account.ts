import type { Language } from '../../../shared/credential/index.ts';
import { html } from '../../../shared/pages/index.ts';
import type { Me } from '../../staff/me.ts';
import { consolePage, translate } from '../frame.ts';

/** `/account`: who is signed in, and the password change. */
export function accountPage(lang: Language, path: string, me: Me): string {
  const t = translate(lang);
  const content = html`<h1>${t('accountTitle')}</h1>
<p>${t('signedInAs', { login: me.login })}</p>
<form id="password-form" class="card" novalidate>
  <h2>${t('changePassword')}</h2>
  <div class="form-message" aria-live="assertive"></div>
  <input type="email" value="${me.login}" autocomplete="username" hidden>
  <label for="current-password">${t('currentPassword')}</label>
  <input id="current-password" name="currentPassword" type="password" autocomplete="current-password" required>
  <label for="new-password">${t('newPassword')}</label>
  <input id="new-password" name="newPassword" type="password" autocomplete="new-password" minlength="10" required>
  <p class="muted">${t('passwordHint')}</p>
  <button type="submit">${t('changePassword')}</button>
</form>`;
  return consolePage({ lang, path, title: t('accountTitle'), me, tab: 'account', content, scripts: ['account.js'] });
}

/** `/audit` (admins): the journal of their unit and the units below it, newest first. */
export function auditPage(lang: Language, path: string, me: Me): string {
  const t = translate(lang);
  const content = html`<h1>${t('auditTitle')}</h1>
<p class="muted">${t('auditIntro')}</p>
<div class="list-message" aria-live="polite"></div>
<ol id="audit" class="rows audit"></ol>
<button type="button" id="more" class="secondary" hidden>${t('more')}</button>`;
  return consolePage({ lang, path, title: t('auditTitle'), me, tab: 'audit', content, scripts: ['audit.js'] });
}

/** A page the person may not open (another unit's, an admin's page for a member). */
export function notAllowedPage(lang: Language, path: string, me: Me): string {
  const t = translate(lang);
  return consolePage({ lang, path, title: t('error.forbidden'), me, content: html`<p class="message bad">${t('error.forbidden')}</p>` });
}
