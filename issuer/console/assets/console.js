// What every console page shares: its texts, calls to the JSON API with the session cookie,
// refusals shown in the reader's language, and small builders for lists, forms, secrets shown
// once and confirm steps. Page scripts use window.Console; nothing secret is ever stored.
'use strict';

(function () {
  const lang = document.documentElement.lang || 'kk';
  const texts = JSON.parse(document.getElementById('console-texts').textContent);
  const page = JSON.parse(document.getElementById('console-page').textContent);

  function t(key, vars) {
    let text = key in texts ? texts[key] : key;
    for (const [name, value] of Object.entries(vars || {})) text = text.replaceAll('{' + name + '}', String(value));
    return text;
  }

  // The JSON API client every service's pages share (/assets/passport-api.js).
  const { ProblemError, el, clear } = window.PassportApi;
  const api = window.PassportApi.client();

  /**
   * A refusal in the reader's words, from the problem's code, its field and its reason (never the
   * API's English detail on a Kazakh or Russian page): `error.{code}.{reason}`, then
   * `error.{code}.{field}`, then "check the field …", then `error.{code}`.
   */
  function explain(err, context) {
    if (!(err instanceof ProblemError)) return t('error.generic');
    if (err.code === 'network') return t('error.network');
    const { field, reason } = err.problem;
    const top = field ? field.split('.')[0] : undefined;
    const candidates = [reason && `error.${err.code}.${reason}`, context && `error.${err.code}.${context}`, field && `error.${err.code}.${field}`, top && `error.${err.code}.${top}`];
    let text = candidates.filter(Boolean).map((key) => (key in texts ? texts[key] : null)).find(Boolean);
    if (!text && field) text = t('error.field', { field: texts['field.' + field] || texts['field.' + top] || field });
    if (!text) text = ('error.' + err.code) in texts ? texts['error.' + err.code] : t('error.generic');
    // The API speaks English: its detail adds to an English page only.
    return lang === 'en' && err.problem.detail ? text + ' (' + err.problem.detail + ')' : text;
  }

  function find(target) {
    return typeof target === 'string' ? document.querySelector(target) : target;
  }

  /** A message in a place (`kind`: ok, bad or muted); an empty text clears it. */
  function say(target, text, kind) {
    const node = find(target);
    if (!node) return;
    clear(node);
    if (text) node.append(el('p', { class: 'message ' + (kind || 'ok'), role: kind === 'bad' ? 'alert' : 'status' }, text));
  }

  /** A refusal shown where it belongs; an ended session shows the sign-in form again. */
  function showError(target, err, context) {
    if (err instanceof ProblemError && err.status === 401 && page.me) {
      location.reload();
      return;
    }
    say(target, explain(err, context), 'bad');
  }

  function localized(value) {
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    return value[lang] || value.ru || value.kk || value.en || '';
  }

  const months = texts.months.split(',');
  /** A calendar date in UTC from our own month names: Chromium has no Kazakh data for Intl. */
  function date(value) {
    if (!value) return '';
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return String(value);
    return t('dateFormat', { d: d.getUTCDate(), month: months[d.getUTCMonth()], y: d.getUTCFullYear() });
  }

  /** Date and local time of an instant (the journal, when a key was last used). */
  function dateTime(value) {
    if (!value) return '';
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return String(value);
    const time = String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
    return t('dateTimeFormat', { date: t('dateFormat', { d: d.getDate(), month: months[d.getMonth()], y: d.getFullYear() }), time });
  }

  function regionName(code) {
    return texts['region.' + code] || code || '';
  }

  function busy(button, isBusy) {
    if (button) button.disabled = isBusy;
  }

  /**
   * A form's named fields as a JSON object: empty fields are left out, `a.b` names nest
   * (`name.kk` → `{ name: { kk } }`), radio buttons give their checked value.
   */
  function values(form) {
    const out = {};
    for (const field of form.elements) {
      if (!field.name || field.disabled || field.type === 'submit' || field.type === 'button') continue;
      if ((field.type === 'radio' || field.type === 'checkbox') && !field.checked) continue;
      const value = field.value.trim();
      if (value === '') continue;
      const path = field.name.split('.');
      let target = out;
      for (const part of path.slice(0, -1)) target = target[part] = target[part] || {};
      target[path.at(-1)] = value;
    }
    return out;
  }

  /** Marks the field a refusal names, so the reader sees where to look. */
  function markField(form, err) {
    for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
    const name = err instanceof ProblemError ? err.problem.field : undefined;
    const field = name && (form.elements.namedItem(name) || form.elements.namedItem(name.split('.')[0]));
    if (field && field.setAttribute) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
  }

  /**
   * Wires a form: on submit, `handler(values, form)` runs with the button disabled; a refusal is
   * shown in the form's `.form-message` (or `target`) with its field marked.
   */
  function onSubmit(form, handler, options) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = form.querySelector('button[type="submit"]');
      const message = (options && options.message) || form.querySelector('.form-message');
      say(message, '');
      busy(button, true);
      try {
        await handler(values(form), form);
        for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
      } catch (err) {
        markField(form, err);
        showError(message, err, options && options.context);
      } finally {
        busy(button, false);
      }
    });
  }

  /**
   * A value to copy, read-only with a copy button. A secret (API key, invitation link) is shown
   * this once, and says so: the API never gives it again, and the page keeps no copy.
   */
  function copyBox(label, value, { id, once = false } = {}) {
    const input = el('input', { class: 'secret', readonly: true, value, 'aria-label': label, spellcheck: 'false', id });
    const copy = el('button', { type: 'button', class: 'secondary small copy' }, t('copy'));
    copy.addEventListener('click', async () => {
      input.select();
      try {
        await navigator.clipboard.writeText(value);
      } catch {
        document.execCommand('copy');
      }
      copy.textContent = t('copied');
    });
    input.addEventListener('focus', () => input.select());
    return el('div', { class: 'secret-box' }, el('p', { class: 'secret-label' }, label), el('div', { class: 'secret-row' }, input, copy), once && el('p', { class: 'note' }, t('shownOnce')));
  }

  function secret(label, value) {
    return copyBox(label, value, { once: true });
  }

  /** An inline confirm step under `anchor`: the question, a "yes" that does it, and "cancel". */
  function confirmStep(anchor, question, yesText, onYes) {
    const existing = anchor.parentNode.querySelector('.confirm.inline');
    if (existing) existing.remove();
    const yes = el('button', { type: 'button', class: 'danger' }, yesText);
    const no = el('button', { type: 'button', class: 'secondary' }, t('cancel'));
    const box = el('div', { class: 'confirm inline', role: 'alertdialog' }, el('p', {}, question), yes, no);
    no.addEventListener('click', () => box.remove());
    yes.addEventListener('click', async () => {
      busy(yes, true);
      try {
        await onYes();
        box.remove();
      } finally {
        busy(yes, false);
      }
    });
    anchor.after(box);
    yes.focus();
    return box;
  }

  function badge(status) {
    return el('span', { class: 'badge ' + status, 'data-status': status }, t('status.' + status));
  }

  /** Signs out everywhere on this device, then back to the sign-in form. */
  const signOut = document.getElementById('sign-out');
  if (signOut) {
    signOut.addEventListener('click', async () => {
      try {
        await api('DELETE', '/v1/staff/sessions/current');
      } catch {
        // Signed out already, or the server is unreachable: the sign-in form comes either way.
      }
      location.assign('/');
    });
  }

  window.Console = { lang, t, page, api, ProblemError, explain, el, clear, say, showError, localized, date, dateTime, regionName, busy, values, onSubmit, secret, copyBox, confirmStep, badge };
})();
