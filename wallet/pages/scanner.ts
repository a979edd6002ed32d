import { html, type SafeHtml } from '../../shared/pages/index.ts';
import type { Translate } from './frame.ts';

/**
 * The QR reader shared by the claim and respond pages: the phone's camera, or a photo when the
 * camera cannot be used. `scanner.js` decodes frames with the bundled jsQR.
 */
export function scannerPanel(t: Translate): SafeHtml {
  return html`<section class="scanner card">
  <p id="scan-intro" class="muted">${t('cameraIntro')}</p>
  <button type="button" id="scan-start">${t('scanCamera')}</button>
  <button type="button" id="scan-stop" class="secondary" hidden>${t('stopCamera')}</button>
  <video id="scan-video" playsinline muted hidden></video>
  <p id="scan-status" class="muted" role="status"></p>
  <input id="scan-photo" type="file" class="file" accept="image/*">
  <label for="scan-photo" class="button secondary file-button">${t('choosePhoto')}</label>
</section>`;
}
