// What every wallet page shares: texts, calls to the JSON API, problem details shown in the
// volunteer's language, and the sign-in gate. The session lives only in the wallet's HttpOnly
// cookie: nothing secret is ever written to localStorage or sessionStorage.
'use strict';

(function () {
  const lang = document.documentElement.lang || 'kk';
  const texts = JSON.parse(document.getElementById('wallet-texts').textContent);

  function t(key, vars) {
    let text = texts[key] ?? key;
    for (const [name, value] of Object.entries(vars || {})) text = text.replaceAll('{' + name + '}', String(value));
    return text;
  }

  // The JSON API client every service's pages share (/assets/passport-api.js); a network failure in the page's words.
  const { ProblemError, el, clear } = window.PassportApi;
  const api = window.PassportApi.client(t('errorNetwork'));

  /** The technical detail of the last error explained, shown only behind a "details" toggle. */
  let lastProblem = null;

  function has(key) {
    return Object.prototype.hasOwnProperty.call(texts, key);
  }

  /**
   * A sentence for the volunteer, always in the page's language: the problem's `code` (and
   * `field`) mapped to our own words. The API's English detail is kept for the details toggle.
   */
  function explain(err) {
    const text = sentence(err);
    const technical = err instanceof ProblemError ? [err.problem.code, err.message, err.problem.field ? 'field: ' + err.problem.field : ''].filter(Boolean).join(' · ') : String((err && err.message) || err);
    lastProblem = { text, technical };
    return text;
  }

  function sentence(err) {
    if (!(err instanceof ProblemError)) return t('error.generic');
    const code = err.code;
    const field = err.problem.field;
    if (code === 'network') return t('errorNetwork');
    if (field && has('error.' + code + '.' + field)) return t('error.' + code + '.' + field);
    if (err.status === 401) return t('errorUnauthorized');
    if (err.status === 429) return t('errorRateLimited');
    if (code === 'invalid_request' && field) return t('error.invalid_request.field', { field: has('field.' + field) ? t('field.' + field) : field });
    if (has('error.' + code)) return t('error.' + code);
    return t('error.generic');
  }

  function say(target, text, kind) {
    const node = typeof target === 'string' ? document.getElementById(target) : target;
    if (!node) return;
    clear(node);
    if (!text) return;
    const message = el('p', { class: 'message ' + (kind || 'ok'), role: kind === 'bad' ? 'alert' : 'status' }, text);
    if (kind === 'bad' && lastProblem && lastProblem.text === text && lastProblem.technical) {
      message.append(el('details', { class: 'problem-details' }, el('summary', {}, t('errorDetails')), el('code', {}, lastProblem.technical)));
    }
    node.append(message);
  }

  /** A button that copies `value()` to the clipboard and says so for a moment. */
  function copyButton(value) {
    const button = el('button', { type: 'button', class: 'secondary copy' }, t('copy'));
    wireCopy(button, value);
    return button;
  }

  function wireCopy(button, value) {
    button.addEventListener('click', async () => {
      const text = typeof value === 'function' ? value() : value;
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        // No clipboard permission (an http page on a phone): select the text so it can be copied by hand.
        const field = button.parentElement && button.parentElement.querySelector('input');
        if (field) field.select();
      }
      button.textContent = t('copied');
      setTimeout(() => (button.textContent = t('copy')), 1500);
    });
  }

  /** Shows recovery codes once; `then` runs after "I saved them" and Continue. */
  function showCodes(codes, then) {
    document.getElementById('wallet-loading').hidden = true;
    document.getElementById('wallet-signin').hidden = true;
    document.getElementById('wallet-page').hidden = true;
    const panel = document.getElementById('wallet-codes');
    const list = document.getElementById('codes-list');
    clear(list);
    for (const code of codes) list.append(el('li', {}, el('code', {}, code)));
    const copy = document.getElementById('codes-copy');
    const fresh = copy.cloneNode(true);
    copy.replaceWith(fresh);
    wireCopy(fresh, () => codes.join('\n'));
    const saved = document.getElementById('codes-saved');
    const next = document.getElementById('codes-continue');
    saved.checked = false;
    next.disabled = true;
    saved.addEventListener('change', () => (next.disabled = !saved.checked));
    next.addEventListener('click', then, { once: true });
    panel.hidden = false;
    panel.scrollIntoView();
  }

  function showError(target, err) {
    if (err instanceof ProblemError && err.status === 401) {
      showSignIn();
      say('signin-message', t('errorUnauthorized'), 'bad');
      return;
    }
    say(target, explain(err), 'bad');
  }

  /** A localized text object `{kk, ru, en}` (or a plain string) in the page's language. */
  function localized(text) {
    if (text === undefined || text === null) return '';
    if (typeof text === 'string') return text;
    return text[lang] || text.ru || text.kk || text.en || '';
  }

  /** Up to two decimals, with the language's separators (from the texts: see dateFormat). */
  function number(value) {
    const n = Math.round((Number(value) || 0) * 100) / 100;
    const [whole, fraction] = Math.abs(n).toString().split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, texts.groupSeparator);
    return (n < 0 ? '-' : '') + grouped + (fraction ? texts.decimalSeparator + fraction : '');
  }

  function hours(n) {
    return t('hoursValue', { n: number(n) });
  }

  const months = texts.months.split(',');
  /** A date (activity dates carry no time zone) or an instant, as a calendar date in UTC. */
  function date(value) {
    if (!value) return '';
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? value + 'T00:00:00Z' : value);
    if (Number.isNaN(d.getTime())) return String(value);
    return t('dateFormat', { d: d.getUTCDate(), month: months[d.getUTCMonth()], y: d.getUTCFullYear() });
  }

  /** From–to, shortened within one month: "20–27 сәуір 2025 ж.". */
  function dateRange(from, to) {
    if (!to || from === to) return date(from);
    if (from && to && from.slice(0, 7) === to.slice(0, 7)) return Number(from.slice(8, 10)) + '–' + date(to);
    return date(from) + ' – ' + date(to);
  }

  function category(code) {
    const key = 'category.' + code;
    return key in texts ? texts[key] : String(code);
  }

  function badge(status) {
    const known = ('status.' + status) in texts ? status : 'unverifiable';
    return el('span', { class: 'badge ' + known, 'data-status': known }, t('status.' + known));
  }

  /** A tickable line for a credential (share and respond pages). */
  function choice(credential, checked) {
    const activity = credential.activity || {};
    const box = el('input', { type: 'checkbox', name: 'credentialIds', value: credential.id, checked: !!checked });
    return el(
      'label',
      { class: 'choice' },
      box,
      el(
        'span',
        {},
        el('strong', {}, localized(activity.name) || credential.id),
        ' ',
        credential.status ? badge(credential.status) : null,
        el('br'),
        el('span', { class: 'muted' }, [localized(credential.organization && credential.organization.name), date(activity.activityEndDate), hours(activity.hours)].filter(Boolean).join(' · ')),
      ),
    );
  }

  function chosen(container) {
    return [...container.querySelectorAll('input[name="credentialIds"]:checked')].map((box) => box.value);
  }

  function busy(button, isBusy) {
    if (button) button.disabled = isBusy;
  }

  /** Runs `work(form)` on submit with the form's button disabled meanwhile; a refusal goes to `fail(err)`. */
  function onSubmit(form, work, fail) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = form.querySelector('button[type="submit"]');
      busy(button, true);
      try {
        await work(form);
      } catch (err) {
        fail(err);
      } finally {
        busy(button, false);
      }
    });
  }

  function showSignIn() {
    document.getElementById('wallet-loading').hidden = true;
    document.getElementById('wallet-page').hidden = true;
    document.getElementById('wallet-signin').hidden = false;
  }

  function showPage() {
    document.getElementById('wallet-loading').hidden = true;
    document.getElementById('wallet-signin').hidden = true;
    document.getElementById('wallet-page').hidden = false;
  }

  function formValue(id) {
    return document.getElementById(id).value;
  }

  function wireSignIn() {
    const signIn = document.getElementById('signin-form');
    signIn.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = signIn.querySelector('button');
      busy(button, true);
      try {
        // The answer also carries a bearer token for scripts; the page keeps only the cookie.
        await api('POST', '/v1/sessions', { login: formValue('signin-login'), password: formValue('signin-password') });
        location.reload();
      } catch (err) {
        const wrong = err instanceof ProblemError && err.status === 401;
        say('signin-message', wrong ? t('signInFailed') : explain(err), 'bad');
        busy(button, false);
      }
    });
    const signUp = document.getElementById('signup-form');
    signUp.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = signUp.querySelector('button');
      busy(button, true);
      const credentials = { login: formValue('signup-login'), password: formValue('signup-password') };
      try {
        const account = await api('POST', '/v1/accounts', credentials);
        await api('POST', '/v1/sessions', credentials);
        sessionStorage.setItem('wallet-notice', 'accountCreated');
        showCodes(account.recoveryCodes || [], () => location.reload());
      } catch (err) {
        say('signin-message', explain(err), 'bad');
        busy(button, false);
      }
    });
    const recover = document.getElementById('recover-form');
    recover.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = recover.querySelector('button');
      busy(button, true);
      const login = formValue('recover-login');
      const newPassword = formValue('recover-password');
      try {
        const answer = await api('POST', '/v1/account/recover', { login, code: formValue('recover-code'), newPassword });
        await api('POST', '/v1/sessions', { login, password: newPassword });
        sessionStorage.setItem('wallet-notice-n', String(answer.remainingCodes));
        sessionStorage.setItem('wallet-notice', 'recovered');
        location.reload();
      } catch (err) {
        say('signin-message', explain(err), 'bad');
        busy(button, false);
      }
    });
    document.getElementById('sign-out').addEventListener('click', async () => {
      try {
        await api('DELETE', '/v1/sessions/current');
      } catch {
        // Signed out already, or the wallet is unreachable: either way show the sign-in panel.
      }
      location.assign(location.pathname);
    });
  }

  /**
   * Shows the sign-in panel or the page. `onSignedIn` receives the volunteer's credentials
   * (the request that also tells whether the session cookie is still good).
   */
  async function start(onSignedIn) {
    wireSignIn();
    let credentials;
    try {
      credentials = await api('GET', '/v1/credentials');
    } catch (err) {
      showSignIn();
      if (!(err instanceof ProblemError && err.status === 401)) say('signin-message', explain(err), 'bad');
      const farewell = sessionStorage.getItem('wallet-signin-notice');
      if (farewell) {
        sessionStorage.removeItem('wallet-signin-notice');
        say('signin-message', t(farewell));
      }
      return;
    }
    showPage();
    // A one-off notice that survives the reload after signing up (a word, never a secret).
    const notice = sessionStorage.getItem('wallet-notice');
    if (notice) {
      sessionStorage.removeItem('wallet-notice');
      const n = sessionStorage.getItem('wallet-notice-n');
      sessionStorage.removeItem('wallet-notice-n');
      say('notice', t(notice, { n: n || '' }));
    }
    try {
      await onSignedIn(listOf(credentials, 'credentials'));
    } catch (err) {
      showError('notice', err);
    }
  }

  /** The array in an API answer that is either the array itself or `{ [name]: [...] }`. */
  function listOf(answer, name) {
    if (Array.isArray(answer)) return answer;
    if (answer && Array.isArray(answer[name])) return answer[name];
    if (answer && Array.isArray(answer.items)) return answer.items;
    return [];
  }

  window.Wallet = { lang, t, api, explain, copyButton, showCodes, showPage, ProblemError, el, clear, say, showError, localized, number, hours, date, dateRange, category, badge, choice, chosen, busy, onSubmit, start, listOf };
})();
