import { LANGUAGES, type Language } from '../../../shared/credential/index.ts';
import { html } from '../../../shared/pages/index.ts';
import { COLUMN_HEADERS } from '../../activities/sheet/columns.ts';
import type { Me } from '../../staff/me.ts';
import { consolePage, translate } from '../frame.ts';
import type { ConsoleText } from '../texts/messages.ts';
import { COORDINATOR_CSS } from './coordinator-parts.ts';

const XLSX_ACCEPT = '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `/activities/upload`: the templates in three languages, a file picker, and the preview that
 * `upload.js` gets from `POST /v1/activities/batch?dryRun=true` (every row's problems in the
 * page's language, with the cell and the header as the file has them; totals of rows,
 * volunteers and hours) before "Record N activities" sends the same file for real. Below, the
 * organization's earlier uploads (`GET /v1/activities/uploads`), each with its list and cards.
 */
export function uploadPage(lang: Language, path: string, me: Me): string {
  const t = translate(lang);
  const content = html`${COORDINATOR_CSS}
<h1>${t('coord.uploadTitle')}</h1>
<p class="muted">${t('coord.uploadIntro')}</p>
<section class="card" id="templates">
  <h2>${t('coord.templates')}</h2>
  <ul class="templates">
    ${[lang, ...LANGUAGES.filter((l) => l !== lang)].map((l) => {
      const language = t(`language.${l}` as ConsoleText);
      return html`<li><a href="/v1/activities/template.xlsx?lang=${l}" download data-template="xlsx-${l}">${t('coord.templateXlsx', { language })}</a>
      <a href="/v1/activities/template.csv?lang=${l}" download data-template="csv-${l}">${t('coord.templateCsv', { language })}</a></li>`;
    })}
  </ul>
</section>
<form id="upload-form" class="card" novalidate>
  <div class="form-message" aria-live="assertive"></div>
  <input type="file" id="upload-file" class="file" accept="${XLSX_ACCEPT}">
  <label for="upload-file" class="file-button button secondary">${t('coord.chooseFile')}</label>
  <p id="upload-file-name" class="muted">${t('coord.noFile')}</p>
  <button type="submit" id="upload-check">${t('coord.checkFile')}</button>
</form>
<section id="preview" hidden aria-live="polite">
  <h2>${t('coord.previewTitle')}</h2>
  <dl id="totals" class="totals"></dl>
  <p class="note" id="preview-note" hidden>${t('coord.fixFirst')}</p>
  <div class="table-wrap"><table id="preview-table" class="preview">
    <thead><tr>
      <th class="num">${t('coord.colRow')}</th><th>${t('coord.colVolunteer')}</th><th>${t('coord.colActivity')}</th>
      <th>${t('coord.colDates')}</th><th class="num">${t('coord.colHours')}</th><th>${t('coord.colState')}</th>
    </tr></thead>
    <tbody></tbody>
  </table></div>
  <p class="muted" id="preview-more" hidden></p>
  <div class="form-message" id="record-message" aria-live="assertive"></div>
  <button type="button" id="record-upload" hidden></button>
</section>
<section id="upload-result" class="card" hidden aria-live="polite"></section>
<section id="uploads" class="card">
  <h2>${t('coord.earlierUploads')}</h2>
  <div class="form-message" id="uploads-message" aria-live="polite"></div>
  <p class="muted" id="uploads-empty" hidden>${t('coord.noUploads')}</p>
  <ul id="uploads-list" class="uploads"></ul>
</section>`;
  return consolePage({ lang, path, title: t('coord.uploadTitle'), me, tab: 'upload', content, scripts: ['coordinator.js', 'upload.js'], data: { headers: COLUMN_HEADERS[lang] } });
}
