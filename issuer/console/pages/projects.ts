import type { Language } from '../../../shared/credential/index.ts';
import { html } from '../../../shared/pages/index.ts';
import type { Me } from '../../staff/me.ts';
import { consolePage, translate } from '../frame.ts';
import { COORDINATOR_CSS, languageNames, languageOptions } from './coordinator-parts.ts';

/**
 * `/projects`: the organization's projects (what the record form offers) and the language of its
 * offer e-mails. Everyone of the organization sees them; its admins change them (the API refuses
 * the others, and the page does not offer them the forms).
 */
export function projectsPage(lang: Language, path: string, me: Me): string {
  const t = translate(lang);
  const admin = me.role === 'admin';
  const content = html`${COORDINATOR_CSS}
<h1>${t('coord.projectsTitle')}</h1>
<p class="muted">${t('coord.projectsIntro')}</p>
${admin ? '' : html`<p class="note">${t('coord.adminChanges')}</p>`}
<div class="list-message" aria-live="polite"></div>
<ul id="projects" class="rows"><li class="muted">${t('loading')}</li></ul>
${admin
  ? html`<form id="project-form" class="card" novalidate>
  <div class="form-message" aria-live="assertive"></div>
  <label for="project-name">${t('coord.projectName')}</label>
  <input id="project-name" name="name" autocomplete="off" required maxlength="200">
  <button type="submit">${t('coord.addProject')}</button>
</form>`
  : ''}
<form id="mail-form" class="card" novalidate>
  <h2>${t('coord.mailTitle')}</h2>
  <p class="muted">${t('coord.mailIntro')}</p>
  <div class="form-message" aria-live="assertive"></div>
  <label for="mail-language">${t('coord.mailLanguage')}</label>
  <select id="mail-language" name="mailLanguage" ${admin ? '' : 'disabled'}>
    <option value="" id="mail-language-default">${t('coord.mailDeployment', { language: '…' })}</option>
    ${languageOptions(t)}
  </select>
  ${admin ? html`<button type="submit">${t('coord.save')}</button>` : ''}
</form>`;
  return consolePage({ lang, path, title: t('coord.projectsTitle'), me, tab: 'projects', content, scripts: ['coordinator.js', 'projects.js'], data: { admin, languages: languageNames(t) } });
}
