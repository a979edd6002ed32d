import type { Language } from '../../../shared/credential/index.ts';
import { html } from '../../../shared/pages/index.ts';
import { consolePage, translate } from '../frame.ts';

/** The sign-in form, shown in place of any console page when nobody is signed in; success reloads that page. */
export function signInPage(lang: Language, path: string): string {
  const t = translate(lang);
  const content = html`<h1>${t('signInTitle')}</h1>
<p>${t('signInIntro')}</p>
<form id="signin-form" class="card" novalidate>
  <div class="form-message" aria-live="assertive"></div>
  <label for="signin-login">${t('login')}</label>
  <input id="signin-login" name="login" type="email" autocomplete="username" autocapitalize="none" spellcheck="false" required>
  <label for="signin-password">${t('password')}</label>
  <input id="signin-password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">${t('signIn')}</button>
</form>
<p class="muted">${t('noAccount')}</p>`;
  return consolePage({ lang, path, title: t('signInTitle'), content, scripts: ['sign-in.js'] });
}

/**
 * `/invitation#{token}`: the token stays in the fragment, which the browser never sends; the
 * script reads it, shows what the invitation is for, and posts the chosen login and password.
 */
export function invitationPage(lang: Language, path: string): string {
  const t = translate(lang);
  const content = html`<h1>${t('invitationTitle')}</h1>
<p id="invitation-missing" class="message bad" hidden>${t('invitationMissing')}</p>
<section id="invitation" hidden>
  <p id="invitation-for" class="lead"></p>
  <p id="invitation-until" class="muted"></p>
  <form id="accept-form" class="card" novalidate>
    <div class="form-message" aria-live="assertive"></div>
    <label for="accept-login">${t('chooseLogin')}</label>
    <input id="accept-login" name="login" type="email" autocomplete="username" autocapitalize="none" spellcheck="false" required>
    <label for="accept-password">${t('choosePassword')}</label>
    <input id="accept-password" name="password" type="password" autocomplete="new-password" minlength="10" required>
    <label for="accept-repeat">${t('repeatPassword')}</label>
    <input id="accept-repeat" name="repeat" type="password" autocomplete="new-password" minlength="10" required>
    <p class="muted">${t('passwordHint')}</p>
    <button type="submit">${t('acceptInvitation')}</button>
  </form>
</section>`;
  return consolePage({ lang, path, title: t('invitationTitle'), content, scripts: ['invitation.js'] });
}
