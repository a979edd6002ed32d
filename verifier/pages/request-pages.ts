import { CATEGORIES, CATEGORY_NAMES, localized, type Language } from '../../shared/credential/index.ts';
import { translator } from '../../shared/i18n/index.ts';
import { formatDate, formatHours, formatTime, html, layout, type SafeHtml } from '../../shared/pages/index.ts';
import type { Policy } from '../checks/index.ts';
import type { PresentationRequest, PublicStatus } from '../requests/store.ts';
import type { RequestUrls } from '../requests/urls.ts';
import { resultView } from './result-view.ts';
import { TEXT } from './texts.ts';

/** `/requests/new`: what to ask of the volunteer (purpose, hours, categories, since, and the IIN to compare). */
export function newRequestPage(lang: Language, path: string, problem?: string): string {
  const t = translator(TEXT, lang);
  const body = html`
<h1>${t('newRequestTitle')}</h1>
<p>${t('newRequestIntro')}</p>
${problem ? html`<div class="card bad" id="problem">${problem}</div>` : ''}
<form method="post" action="/requests/new?lang=${lang}" id="new-request" class="card">
  <label for="purpose">${t('purposeLabel')}</label>
  <input id="purpose" name="purpose" maxlength="200">
  <label for="minHours">${t('minHoursLabel')}</label>
  <input id="minHours" name="minHours" type="number" min="0" step="0.5" inputmode="decimal">
  <fieldset><legend>${t('categoriesLabel')}</legend>
    ${CATEGORIES.map((c) => html`<label><input type="checkbox" name="categories" value="${c}" style="width:auto"> ${CATEGORY_NAMES[lang][c]}</label>`)}
  </fieldset>
  <label for="since">${t('sinceLabel')}</label>
  <input id="since" name="since" type="date">
  <label for="iin">${t('iinLabel')}</label>
  <input id="iin" name="iin" inputmode="numeric" pattern="[0-9]{12}" maxlength="12" autocomplete="off" spellcheck="false" aria-describedby="iin-hint">
  <p class="muted" id="iin-hint">${t('iinHint')}</p>
  <button type="submit">${t('createRequest')}</button>
</form>`;
  return layout({ lang, title: t('newRequestTitle'), body, path });
}

/**
 * `/requests/{id}`: the request's QR while it waits. The id is in the QR, so the page itself shows
 * nothing personal: its script holds the request's read token (from the URL fragment the form
 * redirected to, then sessionStorage), polls the status with it and puts the answer in place.
 */
export function requestPage(request: PresentationRequest, status: PublicStatus, urls: RequestUrls, lang: Language, path: string): string {
  const t = translator(TEXT, lang);
  const answered = status === 'verified' || status === 'failed';
  const body = html`
<h1 id="request-title" data-answered="${t('answerTitle')}">${answered ? t('answerTitle') : t('requestTitle')}</h1>
<p><strong>${localized(request.purpose, lang)}</strong></p>
${request.policy ? html`<p id="policy">${policyText(request.policy, lang)}</p>` : ''}
${request.asksIin ? html`<p id="iin-asked">${t('iinAsked')}</p>` : ''}
<section id="request" data-request="${request.id}" data-status="${status === 'expired' ? 'expired' : 'pending'}">
  ${status === 'pending' ? waiting(request, urls, lang) : ''}
  ${status === 'expired' ? html`<div class="banner bad" id="request-status">${t('requestExpired')}</div>` : ''}
</section>
<p class="muted" id="request-locked" hidden>${t('resultOnCreator')}</p>
<p class="no-print"><a class="button secondary" href="/requests/new?lang=${lang}">${t('newRequest')}</a></p>`;
  return layout({ lang, title: answered ? t('answerTitle') : t('requestTitle'), body, path, scripts: ['/assets/request.js', '/assets/print.js'] });
}

/** The answer of a request, for the requesting page's script to put in place of the QR. */
export function requestAnswer(request: PresentationRequest, status: PublicStatus, lang: Language): SafeHtml {
  const t = translator(TEXT, lang);
  return html`${status === 'expired' ? html`<div class="banner bad" id="request-status">${t('requestExpired')}</div>` : ''}
${status === 'verified' || status === 'failed' ? html`<p id="request-status" class="${status === 'verified' ? 'ok' : 'bad'}"><strong>${status === 'verified' ? t('answerVerified') : t('answerFailed')}</strong></p>` : ''}
${request.result ? resultView(request.result, lang) : ''}`;
}

function waiting(request: PresentationRequest, urls: RequestUrls, lang: Language): SafeHtml {
  const t = translator(TEXT, lang);
  return html`
<div class="card">
  <p>${t('scanWithWallet')}</p>
  <img class="qr" id="request-qr" src="/v1/requests/${request.id}/qr.png" alt="QR" width="240" height="240">
  <p><a class="button" id="open-in-wallet" href="${urls.requestUri}">${t('openInWallet')}</a></p>
  <div class="link-row"><input readonly id="request-uri" class="id" value="${urls.requestUri}" aria-label="${t('openInWallet')}"><button type="button" class="secondary copy" data-copy="request-uri" data-copied="${t('copied')}">${t('copy')}</button></div>
  <p id="request-status" class="muted" role="status">${t('waiting')}</p>
  <p class="muted">${t('expiresAt', { time: formatTime(request.expiresAt, lang) })}</p>
</div>`;
}

function policyText(policy: Policy, lang: Language): string {
  const t = translator(TEXT, lang);
  return [
    policy.minHours !== undefined ? t('policyHours', { hours: formatHours(policy.minHours, lang) }) : '',
    policy.categories?.length ? t('policyCategories', { list: policy.categories.map((c) => CATEGORY_NAMES[lang][c]).join(', ') }) : '',
    policy.since ? t('policySince', { date: formatDate(policy.since, lang) }) : '',
  ]
    .filter(Boolean)
    .join('; ');
}
