import type { Language } from '../../shared/credential/vocabulary.ts';
import { translator } from '../../shared/i18n/index.ts';
import { html } from '../../shared/pages/index.ts';
import { walletPage } from './frame.ts';
import { WALLET_TEXTS } from './texts/messages.ts';

/** `GET /account`: the profile name, the recovery e-mail (when the wallet sends mail), password change, new recovery codes, and deleting the account. */
export function accountPage(lang: Language, path: string): string {
  const t = translator(WALLET_TEXTS, lang);
  const content = html`<h1>${t('accountTitle')}</h1>
<div id="notice" role="status"></div>
<form id="profile-form" class="card">
  <h2>${t('profileTitle')}</h2>
  <p class="muted">${t('profileHint')}</p>
  <label for="profile-name">${t('profileName')}</label>
  <input id="profile-name" name="name" autocomplete="name" maxlength="120">
  <button type="submit">${t('saveName')}</button>
</form>
<form id="email-form" class="card" hidden>
  <h2>${t('emailTitle')}</h2>
  <p class="muted">${t('emailHint')}</p>
  <p><strong id="email-current"></strong></p>
  <label for="email-address">${t('emailAddress')}</label>
  <input id="email-address" name="email" type="email" autocomplete="email" autocapitalize="none" required>
  <label for="email-password">${t('emailPassword')}</label>
  <input id="email-password" type="password" autocomplete="current-password" required>
  <button type="submit">${t('emailSave')}</button>
  <button type="button" id="email-remove" class="secondary" hidden>${t('emailRemove')}</button>
</form>
<form id="password-form" class="card">
  <h2>${t('changePasswordTitle')}</h2>
  <p class="muted">${t('changePasswordHint')}</p>
  <label for="current-password">${t('currentPassword')}</label>
  <input id="current-password" type="password" autocomplete="current-password" required>
  <label for="new-password">${t('newPassword')}</label>
  <input id="new-password" type="password" autocomplete="new-password" minlength="10" required>
  <p class="muted">${t('passwordHint')}</p>
  <button type="submit">${t('changePassword')}</button>
</form>
<form id="codes-form" class="card">
  <h2>${t('codesTitle')}</h2>
  <p class="muted">${t('codesHint')}</p>
  <p><strong id="codes-left"></strong></p>
  <p class="muted">${t('regenerateHint')}</p>
  <label for="codes-password">${t('password')}</label>
  <input id="codes-password" type="password" autocomplete="current-password" required>
  <button type="submit" class="secondary">${t('regenerateCodes')}</button>
</form>
<form id="delete-form" class="card danger-zone">
  <h2>${t('deleteTitle')}</h2>
  <p class="note">${t('deleteHint')}</p>
  <label for="delete-password">${t('deletePassword')}</label>
  <input id="delete-password" type="password" autocomplete="current-password" required>
  <button type="submit" class="danger">${t('deleteAccount')}</button>
</form>`;
  return walletPage({ lang, path, tab: 'account', title: t('accountTitle'), content, script: 'account.js' });
}
