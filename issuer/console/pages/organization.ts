import type { Language } from '../../../shared/credential/index.ts';
import { html } from '../../../shared/pages/index.ts';
import type { Me } from '../../staff/me.ts';
import { consolePage, translate } from '../frame.ts';
import { peoplePanel } from './people.ts';

export interface OrganizationAccess {
  /** The registry, or the front office of the organization's region (and not a viewer). */
  mayChangeStatus: boolean;
  /** An admin of the organization or of a unit above it. */
  mayAdminister: boolean;
}

/**
 * `/organizations/{id}`: the profile, DID and accreditation history; suspension and
 * reinstatement with a reason and a confirm step for those who accredit; the people; and the
 * way to the API keys for admins. It is the organization's own home.
 */
export function organizationPage(lang: Language, path: string, me: Me, id: string, access: OrganizationAccess): string {
  const t = translate(lang);
  const own = me.unitKind === 'organization';
  const content = html`${own ? '' : html`<p class="crumbs"><a href="/organizations">${t('organizationsTitle')}</a></p>`}
<h1 id="org-name">${id}</h1>
<section id="profile" class="card" aria-busy="true"><p class="muted">${t('loading')}</p></section>
<h2>${t('history')}</h2>
<ol id="history" class="rows history"></ol>
${access.mayChangeStatus
  ? html`<form id="status-form" class="card" novalidate hidden>
  <div class="form-message" aria-live="assertive"></div>
  <label for="status-reason">${t('reason')}</label>
  <textarea id="status-reason" name="reason" rows="2" maxlength="500"></textarea>
  <p class="muted" id="status-hint"></p>
  <button type="submit" id="status-button"></button>
  <div id="status-confirm" class="confirm" hidden>
    <p id="status-question"></p>
    <button type="button" id="status-yes" class="danger"></button>
    <button type="button" id="status-no" class="secondary">${t('cancel')}</button>
  </div>
</form>`
  : ''}
${access.mayAdminister ? html`<p><a class="button secondary" id="keys-link" href="/organizations/${id}/keys">${t('keysTitle')}</a></p>` : ''}
${peoplePanel(t, `organization:${id}`, t('peopleTitle'), access.mayAdminister)}`;
  return consolePage({
    lang,
    path,
    title: id,
    me,
    tab: own ? 'organization' : 'organizations',
    content,
    scripts: ['organization.js', 'people.js'],
    data: { organization: id, mayChangeStatus: access.mayChangeStatus },
  });
}

/** `/organizations/{id}/keys`: named API keys, each shown once when made, with when it was last used. */
export function keysPage(lang: Language, path: string, me: Me, id: string): string {
  const t = translate(lang);
  const content = html`<p class="crumbs"><a href="/organizations/${id}">${id}</a></p>
<h1>${t('keysTitle')}</h1>
<p class="muted">${t('keysIntro')}</p>
<div class="list-message" aria-live="polite"></div>
<ul id="keys" class="rows"><li class="muted">${t('loading')}</li></ul>
<form id="key-form" class="card" novalidate>
  <h2>${t('createKey')}</h2>
  <div class="form-message" aria-live="assertive"></div>
  <label for="key-name">${t('keyName')}</label>
  <input id="key-name" name="name" autocomplete="off" required maxlength="100">
  <p class="muted">${t('keyNameHint')}</p>
  <button type="submit">${t('createKey')}</button>
  <div id="key-result" aria-live="polite"></div>
</form>`;
  return consolePage({ lang, path, title: t('keysTitle'), me, tab: me.unitKind === 'organization' ? 'keys' : 'organizations', content, scripts: ['keys.js'], data: { organization: id } });
}
