import type { Language } from '../../../shared/credential/index.ts';
import { html, type SafeHtml } from '../../../shared/pages/index.ts';
import type { Me } from '../../staff/me.ts';
import { consolePage, translate, type Translate } from '../frame.ts';
import type { ConsoleText } from '../texts/messages.ts';

const ROLES = ['admin', 'member', 'viewer'] as const;

/**
 * The people of a unit, and for its admins (and those above) the invitation form and each
 * person's "new link" and "remove". `people.js` fills it from `GET /v1/staff?unit=`.
 */
export function peoplePanel(t: Translate, unit: string, heading: string | undefined, canAdminister: boolean): SafeHtml {
  return html`<section id="people" class="people" data-unit="${unit}" data-admin="${canAdminister ? 'yes' : 'no'}">
  ${heading ? html`<h2>${heading}</h2>` : ''}
  <div class="people-message" aria-live="polite"></div>
  <ul id="people-list" class="rows"><li class="muted">${t('loading')}</li></ul>
  ${canAdminister
    ? html`<form id="invite-form" class="card" novalidate>
    <h3>${t('invitePerson')}</h3>
    <div class="form-message" aria-live="assertive"></div>
    <label for="invite-name">${t('personName')}</label>
    <input id="invite-name" name="name" autocomplete="off" required maxlength="200">
    <label for="invite-email">${t('personEmail')}</label>
    <input id="invite-email" name="email" type="email" autocomplete="off" autocapitalize="none" spellcheck="false">
    <fieldset class="roles">
      <legend>${t('role')}</legend>
      ${ROLES.map(
        (role) => html`<label class="choice"><input type="radio" name="role" value="${role}" ${role === 'admin' ? 'checked' : ''}>
        <span><strong>${t(`role.${role}` as ConsoleText)}</strong><br><span class="muted">${t(`roleHint.${role}` as ConsoleText)}</span></span></label>`,
      )}
    </fieldset>
    <button type="submit">${t('inviteButton')}</button>
    <div id="invite-result" aria-live="polite"></div>
  </form>`
    : ''}
</section>`;
}

/** `/people`: the people of the signed-in person's own unit. */
export function peoplePage(lang: Language, path: string, me: Me): string {
  const t = translate(lang);
  const content = html`<h1>${t('peopleTitle')}</h1>${peoplePanel(t, me.unit, undefined, me.role === 'admin')}`;
  return consolePage({ lang, path, title: t('peopleTitle'), me, tab: 'people', content, scripts: ['people.js'] });
}
