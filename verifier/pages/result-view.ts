import { categoryName, localized, regionByCode, type Language } from '../../shared/credential/index.ts';
import { translator } from '../../shared/i18n/index.ts';
import { formatDate, formatDateRange, formatDateTime, formatHours, html, shortIdentifier, type SafeHtml } from '../../shared/pages/index.ts';
import type { Check } from '../checks/index.ts';
import type { CredentialReport, VerificationResult } from '../verification/report.ts';
import { BEARER_TEXT, CHECK_TEXT, ERROR_TEXT, FAILED_BY_CODE } from './check-texts.ts';
import { IDENTITY_CREDENTIAL } from '../verification/verify-identity.ts';
import { IDENTITY_VERDICT } from './identity-texts.ts';
import { TEXT } from './texts.ts';

const MARK: Record<Check['outcome'], string> = { passed: '✓', failed: '✗', unavailable: '!', not_applicable: '–' };

/**
 * A verification result for a person: the verdict first, then the warnings (names that differ
 * come before any name is shown), why it failed, whether the presenter is proven (a share link is
 * not: the page offers a live request instead), who the volunteer is, the verified hours, each
 * activity with its organization, and every check in plain words. A check that did not hold says
 * what failed and why.
 */
export function resultView(result: VerificationResult, lang: Language): SafeHtml {
  const t = translator(TEXT, lang);
  const failing = result.checks.filter((c) => !c.valid);
  const holder = result.holder;
  const bearer = result.checks.some((c) => c.id === 'holder_binding' && c.bearer === true);
  return html`
<section id="result" data-verified="${String(result.verified)}">
  <div class="banner ${result.verified ? 'ok' : 'bad'}" id="verdict">${result.verified ? `✓ ${t('verified')}` : `✗ ${t('notVerified')}`}</div>
  <p class="checked-at" id="checked-at"><time datetime="${result.verifiedAt}">${t('checkedAt', { time: formatDateTime(result.verifiedAt, lang) })}</time> <button type="button" class="secondary print" data-print>${t('print')}</button></p>
  ${identityCard(result, lang)}
  ${result.warnings.length ? html`<div class="card warn" id="warnings"><h2>${t('warnings')}</h2><ul>${result.warnings.map((w) => html`<li data-warning="${w.code}">${warningText(w, result, lang)}</li>`)}</ul></div>` : ''}
  ${failing.length ? html`<div class="card" id="why"><strong>${t('failedBecause')}</strong><ul>${failing.map((c) => html`<li data-check="${c.id}"><strong>${label(c, lang)}</strong>: ${reason(c, lang)}${c.credential ? html` <span class="muted">(${credentialName(c.credential, result, lang)})</span>` : ''}</li>`)}</ul></div>` : ''}
  ${bearer ? html`<div class="card warn" id="bearer"><p><strong>${BEARER_TEXT[lang].name}</strong></p><p>${BEARER_TEXT[lang].meaning}</p><p><a class="button" id="live-request" href="/requests/new?lang=${lang}">${BEARER_TEXT[lang].action}</a></p></div>` : ''}
  ${holder ? html`<div class="card" id="volunteer"><h2>${t('volunteer')}</h2><p><strong>${holder.name ?? signedName(result) ?? ''}</strong></p><p class="muted">${t('identifier')}: ${identifier(holder.did)}</p></div>` : ''}
  <div class="card" id="totals">
    <h2>${t('totals')}</h2>
    <p><strong>${t('totalHours', { hours: formatHours(result.totals.hours, lang), count: result.totals.credentials })}</strong></p>
    <table>${Object.entries(result.totals.byCategory).map(([category, hours]) => html`<tr><td>${categoryName(category, lang)}</td><td class="num">${formatHours(hours, lang)}</td></tr>`)}</table>
    <p class="muted">${t(!result.verified && result.totals.credentials === 0 && result.credentials.length > 0 ? 'failedCountsNothing' : 'onlyVerifiedCount')}</p>
  </div>
  <h2>${t('activities')}</h2>
  ${result.credentials.filter((c) => c.securing !== 'dc+sd-jwt').map((c) => activityCard(c, lang))}
  <h2>${t('checks')}</h2>
  ${checkList(result.checks, lang)}
</section>`;
}

/**
 * When the request asked for the IIN, the answer to "is this the candidate?" comes right after the
 * verdict: the IIN matches or not (or was not proven), with the name the volunteer disclosed.
 */
function identityCard(result: VerificationResult, lang: Language): SafeHtml | '' {
  const identity = result.checks.find((c) => c.id === 'identity');
  if (!identity || identity.outcome === 'not_applicable') return '';
  const disclosed = result.credentials.find((c) => c.securing === 'dc+sd-jwt');
  const verdict = IDENTITY_VERDICT[lang];
  const headline = identity.valid ? `✓ ${verdict.matches}` : `✗ ${identity.error?.code === 'iin_mismatch' ? verdict.differs : label(identity, lang)}`;
  return html`<div class="card ${identity.valid ? 'ok' : 'bad'}" id="identity" data-matched="${String(identity.matched === true)}">
  <h2>${verdict.title}</h2>
  <p><strong>${headline}</strong></p>
  ${identity.valid ? '' : html`<p>${reason(identity, lang)}</p>`}
  ${disclosed?.subject.name ? html`<p>${disclosed.subject.name}</p>` : ''}
</div>`;
}

function activityCard(c: CredentialReport, lang: Language): SafeHtml {
  const t = translator(TEXT, lang);
  const a = (c.activity ?? {}) as Record<string, unknown>;
  const name = localized(a.name as Record<string, string> | undefined, lang);
  const region = typeof a.region === 'string' ? regionByCode(a.region) : undefined;
  const failing = c.checks.filter((k) => !k.valid);
  return html`
<article class="card activity" data-credential="${c.id ?? ''}" data-verified="${String(c.verified)}">
  <p class="${c.verified ? 'ok' : 'bad'}"><strong>${c.verified ? `✓ ${t('credentialVerified')}` : `✗ ${t('credentialNotVerified')}`}</strong></p>
  <h3>${name || '—'}</h3>
  <table>
    <tr><th>${t('organization')}</th><td class="organization">${c.issuer.name ? localized(c.issuer.name, lang) : html`${t('unknownOrganization')} <span class="muted">${identifier(c.issuer.did)}</span>`}</td></tr>
    ${a.project ? html`<tr><th>${t('project')}</th><td>${String(a.project)}</td></tr>` : ''}
    <tr><th>${t('category')}</th><td>${categoryName(String(a.category ?? ''), lang)}</td></tr>
    ${region ? html`<tr><th>${t('region')}</th><td>${region[lang]}</td></tr>` : ''}
    <tr><th>${t('dates')}</th><td>${formatDateRange(String(a.activityStartDate ?? ''), String(a.activityEndDate ?? ''), lang)}</td></tr>
    <tr><th>${t('hours')}</th><td class="hours">${typeof a.hours === 'number' ? formatHours(a.hours, lang) : ''}</td></tr>
    ${a.role ? html`<tr><th>${t('role')}</th><td>${String(a.role)}</td></tr>` : ''}
    ${a.confirmedBy ? html`<tr><th>${t('confirmedBy')}</th><td>${String(a.confirmedBy)}</td></tr>` : ''}
    ${c.issuanceDate ? html`<tr><th>${t('issued')}</th><td>${formatDate(c.issuanceDate, lang)}</td></tr>` : ''}
  </table>
  ${failing.length ? html`<ul>${failing.map((k) => html`<li class="bad">${label(k, lang)}: ${reason(k, lang)}</li>`)}</ul>` : ''}
</article>`;
}

/**
 * Every check with its outcome, in plain words, with the technical detail beside it. A check that
 * holds (or does not apply) shows its name and outcome; one that does not shows what failed.
 */
export function checkList(checks: Check[], lang: Language): SafeHtml {
  const t = translator(TEXT, lang);
  return html`<ul class="checks" id="checks">${checks.map(
    (c) => html`<li data-check="${c.id}" data-outcome="${c.outcome}"${c.bearer === true ? html` data-bearer="true"` : ''} class="${c.bearer === true ? 'warn' : c.valid ? (c.outcome === 'not_applicable' ? 'muted' : 'ok') : 'bad'}">
      <strong>${c.bearer === true ? '!' : MARK[c.outcome]} ${label(c, lang)}</strong>${c.valid && c.bearer !== true ? ` — ${t(c.outcome)}` : ''}<br>
      <span>${c.bearer === true ? BEARER_TEXT[lang].meaning : c.valid ? CHECK_TEXT[lang][c.id].meaning : reason(c, lang)}</span>
      ${c.error || c.detail ? technical(c.error ? `${c.error.code}: ${c.error.detail}` : String(c.detail), lang) : ''}
    </li>`,
  )}</ul>`;
}

/** What a check says in a list: its name while it holds; what failed when it does not ("Revoked"). */
function label(c: Check, lang: Language): string {
  if (c.bearer === true) return BEARER_TEXT[lang].name;
  if (c.valid) return CHECK_TEXT[lang][c.id].name;
  if (c.outcome === 'unavailable') return CHECK_TEXT[lang][c.id].unchecked;
  return FAILED_BY_CODE[lang][c.error?.code ?? ''] ?? CHECK_TEXT[lang][c.id].failed;
}

function reason(c: Check, lang: Language): string {
  const code = c.error?.code ?? '';
  return ERROR_TEXT[lang][code] ?? c.error?.detail ?? '';
}

function warningText(w: { code: string; detail: string; credential?: string }, result: VerificationResult, lang: Language): string {
  if (w.code === 'subject_names_differ') {
    const names = [...new Set(result.credentials.flatMap((c) => (c.subject.name ? [c.subject.name.trim()] : [])))];
    return translator(TEXT, lang)('subjectNamesDiffer', { names: names.join(', ') });
  }
  if (w.code !== 'organization_suspended') return w.detail;
  const org = result.credentials.find((c) => c.id === w.credential)?.issuer.name;
  return translator(TEXT, lang)('organizationSuspendedNow', { org: org ? localized(org, lang) : '' });
}

/** The technical detail (English, for support staff) folded behind a toggle labelled in the page's language. */
export function technical(detail: string, lang: Language): SafeHtml {
  return html`<details class="technical"><summary>${translator(TEXT, lang)('technical')}</summary><code>${detail}</code></details>`;
}

/** A long identifier, shortened to fit a phone, whole in its title (and when printed or copied). */
export function identifier(id: string | undefined): SafeHtml {
  return html`<span class="id" title="${id ?? ''}">${shortIdentifier(id)}</span>`;
}

/** A credential named by its activity, as the reader knows it, not by its `urn:uuid`. */
function credentialName(id: string, result: VerificationResult, lang: Language): string {
  // The SD-JWT VC that answered the identity query is named for what it is there for.
  if (id === IDENTITY_CREDENTIAL) return IDENTITY_VERDICT[lang].title;
  const c = result.credentials.find((r) => r.id === id);
  const name = localized((c?.activity as { name?: Record<string, string> } | undefined)?.name, lang);
  return name || shortIdentifier(id);
}

/**
 * The name the credentials' own signatures vouch for, when no verified credential gave one (a
 * revoked credential is still signed by its organization: the volunteer it names stays known).
 */
function signedName(result: VerificationResult): string | undefined {
  return result.credentials.find((c) => c.subject.name && c.checks.some((k) => k.id === 'signature' && k.outcome === 'passed'))?.subject.name;
}
