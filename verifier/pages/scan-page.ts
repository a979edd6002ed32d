import type { Language } from '../../shared/credential/index.ts';
import { translator } from '../../shared/i18n/index.ts';
import { html, layout, type SafeHtml } from '../../shared/pages/index.ts';
import { TEXT } from './texts.ts';

/**
 * The scan page: the camera once asked for (decoded frame by frame with the bundled jsQR), a photo of the code,
 * or a pasted link or JWT. A scanned passport QR opens `/verify?presentation=…` on this verifier.
 */
export function scanPage(lang: Language, path: string, notice?: SafeHtml): string {
  const t = translator(TEXT, lang);
  const body = html`
<h1>${t('scanTitle')}</h1>
${notice ?? ''}
<p>${t('scanIntro')}</p>
<section id="scanner" data-no-qr="${t('noQr')}" data-camera-unavailable="${t('cameraUnavailable')}" data-scanning="${t('scanning')}" data-request-qr="${t('requestQr')}" data-lang="${lang}">
  <p id="camera-intro" class="card">${t('cameraIntro')}</p>
  <video id="camera" playsinline muted hidden></video>
  <p id="scan-status" class="muted" role="status"></p>
  <button type="button" id="start-camera">${t('startCamera')}</button>
  <input type="file" id="photo" class="file" accept="image/*">
  <label for="photo" class="button secondary file-button">${t('choosePhoto')}</label>
</section>
<form method="post" action="/verify?lang=${lang}" id="paste-form" class="card">
  <label for="input">${t('pasteLabel')}</label>
  <textarea id="input" name="input" rows="3" required></textarea>
  <button type="submit">${t('verifyButton')}</button>
</form>
<p><a class="button secondary" href="/requests/new?lang=${lang}">${t('askForPassport')}</a></p>`;
  return layout({ lang, title: t('appName'), body, scripts: ['/assets/jsQR.js', '/assets/scan.js'], path });
}
