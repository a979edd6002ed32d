import type { Language } from '../../shared/credential/index.ts';
import { PassportError } from '../../shared/errors.ts';
import { translator } from '../../shared/i18n/index.ts';
import { html, layout } from '../../shared/pages/index.ts';
import type { VerificationResult } from '../verification/report.ts';
import { resultView, technical } from './result-view.ts';
import { TEXT } from './texts.ts';

/** `/verify`: the result of a share link or a pasted JWT, for a person. */
export function resultPage(result: VerificationResult, lang: Language, path: string): string {
  const t = translator(TEXT, lang);
  const body = html`
<h1>${t('appName')}</h1>
${resultView(result, lang)}
<p class="no-print"><a class="button" href="/?lang=${lang}">${t('scanAnother')}</a></p>`;
  return layout({ lang, title: `${result.verified ? t('verified') : t('notVerified')} · ${t('appName')}`, body, path, scripts: ['/assets/print.js'] });
}

/** When there was nothing to verify: the link is gone, refused, silent, or not a credential at all. */
export function inputProblemPage(err: PassportError, lang: Language, path: string): string {
  const t = translator(TEXT, lang);
  const headline =
    err.extra?.shareStatus !== undefined
      ? t('shareGone')
      : err.code === 'fetch_refused'
        ? t('linkRefused')
        : err.code === 'fetch_failed'
          ? t('linkFailed')
          : err.code === 'invalid_request'
            ? t('notCredential')
            : t('cannotOpen');
  const body = html`
<h1>${t('appName')}</h1>
<div class="banner bad" id="verdict" data-code="${err.code}">✗ ${t('cannotOpen')}</div>
<div class="card" id="why"><p><strong>${headline}</strong></p>${technical(`${err.code}: ${err.detail}`, lang)}</div>
<p><a class="button" href="/?lang=${lang}">${t('scanAnother')}</a></p>`;
  return layout({ lang, title: t('cannotOpen'), body, path });
}
