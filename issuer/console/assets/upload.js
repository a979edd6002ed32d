// A spreadsheet upload: the file is checked first (POST /v1/activities/batch?dryRun=true), every
// row shown with its problems in the page's language and the totals; "Record N activities" then
// sends the same bytes for real. Rows recorded before are never recorded twice (the API keys each
// row by its content), so uploading a fixed file again is safe.
'use strict';

(function () {
  const { api, el, clear, say, showError, t, lang, page, ProblemError, dateTime } = window.Console;
  const { number, hours, dates, documentUrl } = window.Coordinator;
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const MAX_BYTES = 10 * 1024 * 1024;
  /** Rows shown in the table besides those with problems: a 5,000-row file stays quick to read. */
  const SHOWN_GOOD_ROWS = 100;

  const form = document.getElementById('upload-form');
  const input = document.getElementById('upload-file');
  const fileName = document.getElementById('upload-file-name');
  const preview = document.getElementById('preview');
  const totals = document.getElementById('totals');
  const body = document.querySelector('#preview-table tbody');
  const more = document.getElementById('preview-more');
  const note = document.getElementById('preview-note');
  const recordButton = document.getElementById('record-upload');
  const recordMessage = document.getElementById('record-message');
  const result = document.getElementById('upload-result');
  const formMessage = form.querySelector('.form-message');
  const uploadsList = document.getElementById('uploads-list');
  const uploadsEmpty = document.getElementById('uploads-empty');
  const uploadsMessage = document.getElementById('uploads-message');
  let checked = null;

  /** The organization's earlier uploads, newest first, each with its activities and its cards. */
  async function showUploads() {
    try {
      const { items } = await api('GET', '/v1/activities/uploads');
      say(uploadsMessage, '');
      clear(uploadsList);
      uploadsEmpty.hidden = items.length > 0;
      for (const u of items) {
        uploadsList.append(
          el('li', { 'data-upload': u.uploadId },
            el('strong', {}, dateTime(u.recordedAt)),
            el('span', { class: 'muted' }, t('coord.uploadRows', { n: number(u.activities), claimed: number(u.claimed) })),
            el('span', { class: 'links' },
              el('a', { href: '/activities?' + new URLSearchParams({ upload: u.uploadId }) }, t('coord.uploadOpen')),
              el('a', { href: documentUrl('/v1/activities/cards.pdf', { upload: u.uploadId }), target: '_blank', rel: 'noopener' }, t('coord.uploadPrint')),
            ),
          ),
        );
      }
    } catch (err) {
      showError(uploadsMessage, err);
    }
  }

  function mediaType(file) {
    const name = file.name.toLowerCase();
    if (name.endsWith('.xlsx')) return XLSX;
    if (name.endsWith('.csv')) return 'text/csv';
    return null;
  }

  /** Sends the file's bytes to the batch route; the answer and the upload's id. */
  async function send(file, dryRun) {
    const query = new URLSearchParams({ lang });
    if (dryRun) query.set('dryRun', 'true');
    let res;
    try {
      res = await fetch('/v1/activities/batch?' + query, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': mediaType(file), accept: 'application/json, application/problem+json' },
        body: file,
      });
    } catch {
      throw new ProblemError(0, { code: 'network' });
    }
    const data = await res.json().catch(() => null);
    if (!res.ok) throw new ProblemError(res.status, data);
    return { results: data, uploadId: res.headers.get('upload-id') };
  }

  /** A refusal of the whole file, in the page's words: its unknown or missing columns named. */
  function fileProblem(target, err) {
    const problem = (err instanceof ProblemError && err.problem) || {};
    if (Array.isArray(problem.unknownColumns)) return say(target, t('coord.unknownColumns', { columns: problem.unknownColumns.map((c) => '«' + c + '»').join(', ') }), 'bad');
    if (Array.isArray(problem.missingColumns)) {
      return say(target, t('coord.missingColumns', { columns: problem.missingColumns.map((c) => '«' + (page.headers[c] || c) + '»').join(', ') }), 'bad');
    }
    showError(target, err);
  }

  function totalsOf(results) {
    const good = results.filter((r) => !r.error);
    const volunteers = new Set(good.map((r) => ((r.preview && r.preview.volunteer) || '').trim().toLowerCase()));
    return {
      rows: results.length,
      ready: results.filter((r) => r.status === 'ready').length,
      before: results.filter((r) => r.status === 'recorded').length,
      problems: results.length - good.length,
      volunteers: volunteers.size,
      hours: good.reduce((sum, r) => sum + ((r.preview && r.preview.hours) || 0), 0),
    };
  }

  function showTotals(sum) {
    clear(totals);
    const item = (key, value, name) => el('div', { class: 'total', 'data-total': name }, el('dt', {}, t(key)), el('dd', {}, value));
    totals.append(
      item('coord.totalRows', number(sum.rows), 'rows'),
      item('coord.totalVolunteers', number(sum.volunteers), 'volunteers'),
      item('coord.totalHours', hours(sum.hours), 'hours'),
      item('coord.totalReady', number(sum.ready), 'ready'),
      sum.before ? item('coord.totalRecordedBefore', number(sum.before), 'before') : '',
      sum.problems ? item('coord.totalProblems', number(sum.problems), 'problems') : '',
    );
  }

  function row(r) {
    const p = r.preview || {};
    const state = r.error
      ? el('td', { class: 'state bad', 'data-label': t('coord.colState') }, r.error.message)
      : el('td', { class: 'state ok', 'data-label': t('coord.colState') }, t(r.status === 'recorded' ? 'coord.rowRecordedBefore' : 'coord.rowReady'));
    return el(
      'tr',
      { class: r.error ? 'problem' : '', 'data-row': r.row, 'data-state': r.error ? 'problem' : r.status },
      el('td', { class: 'num', 'data-label': t('coord.colRow') }, number(r.row)),
      el('td', { 'data-label': t('coord.colVolunteer') }, p.volunteer || ''),
      el('td', { 'data-label': t('coord.colActivity') }, p.activity || ''),
      el('td', { 'data-label': t('coord.colDates') }, p.startDate || p.endDate ? dates(p.startDate, p.endDate) : ''),
      el('td', { class: 'num', 'data-label': t('coord.colHours') }, p.hours ? hours(p.hours) : ''),
      state,
    );
  }

  function showPreview(results) {
    const sum = totalsOf(results);
    showTotals(sum);
    clear(body);
    const problems = results.filter((r) => r.error);
    const good = results.filter((r) => !r.error);
    const shown = [...problems, ...good.slice(0, SHOWN_GOOD_ROWS)].sort((a, b) => a.row - b.row);
    body.append(...shown.map(row));
    more.hidden = good.length <= SHOWN_GOOD_ROWS;
    more.textContent = more.hidden ? '' : t('coord.moreRows', { n: number(good.length - SHOWN_GOOD_ROWS) });
    note.hidden = problems.length === 0;
    say(recordMessage, sum.ready === 0 ? t('coord.nothingToRecord') : '', 'muted');
    recordButton.hidden = sum.ready === 0;
    recordButton.textContent = sum.ready === 1 ? t('coord.recordOne') : t('coord.recordN', { n: number(sum.ready) });
    preview.hidden = false;
    result.hidden = true;
  }

  input.addEventListener('change', () => {
    const file = input.files[0];
    fileName.textContent = file ? file.name : t('coord.noFile');
    preview.hidden = true;
    result.hidden = true;
    checked = null;
    say(formMessage, '');
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files[0];
    say(formMessage, '');
    if (!file || !mediaType(file)) return say(formMessage, t('coord.fileType'), 'bad');
    if (file.size > MAX_BYTES) return say(formMessage, t('coord.fileTooBig'), 'bad');
    const button = document.getElementById('upload-check');
    button.disabled = true;
    try {
      const { results } = await send(file, true);
      checked = file;
      showPreview(results);
    } catch (err) {
      preview.hidden = true;
      fileProblem(formMessage, err);
    } finally {
      button.disabled = false;
    }
  });

  recordButton.addEventListener('click', async () => {
    if (!checked) return;
    recordButton.disabled = true;
    say(recordMessage, '');
    try {
      const { results, uploadId } = await send(checked, false);
      const recorded = results.filter((r) => !r.error && r.uploadId).length;
      const refused = results.filter((r) => r.error).length;
      clear(result);
      result.append(el('p', { class: 'message ok', role: 'status', id: 'upload-done' }, t('coord.uploadDone', { n: number(recorded) }), refused ? ' ' + t('coord.uploadNotRecorded', { n: number(refused) }) : ''));
      if (uploadId) {
        result.append(
          el('p', {}, el('a', { class: 'button', id: 'upload-cards', href: documentUrl('/v1/activities/cards.pdf', { upload: uploadId }), target: '_blank', rel: 'noopener' }, t('coord.uploadCards'))),
          el('p', {}, el('a', { id: 'upload-list', href: '/activities?' + new URLSearchParams({ upload: uploadId }) }, t('coord.uploadList'))),
        );
      }
      result.hidden = false;
      preview.hidden = true;
      checked = null;
      void showUploads();
    } catch (err) {
      fileProblem(recordMessage, err);
    } finally {
      recordButton.disabled = false;
    }
  });
  void showUploads();
})();
