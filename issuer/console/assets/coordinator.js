// What the coordinator's pages share: numbers and hours written as the page's language writes
// them, the organization's projects and e-mail language from the API, and links to documents
// (cards, exports) that carry the page's language.
'use strict';

(function () {
  const { api, t, lang } = window.Console;
  const LOCALES = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

  // Debian's Chromium has no number data for Kazakh (it would write "4.5"): the language's
  // fallback (Kazakh writes numbers as Russian does) is used when its own data is missing.
  function numberFormat() {
    const own = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 });
    if (own.format(1.5) === '1' + t('coord.decimalSeparator') + '5') return own;
    return new Intl.NumberFormat(t('coord.numberLocaleFallback'), { maximumFractionDigits: 2 });
  }
  const numbers = numberFormat();

  function number(value) {
    return numbers.format(value);
  }

  /** "4,5 сағ", "4,5 ч", "4.5 h". */
  function hours(value) {
    return t('coord.hoursValue', { n: number(value) });
  }

  /** A span of days: one date when it starts and ends the same day. */
  function dates(start, end) {
    const { date } = window.Console;
    if (!start || start === end) return date(end || start);
    return date(start) + ' – ' + date(end);
  }

  /** Hours typed with a decimal comma or point ("4,5"): a number, or the text as typed for the API to refuse. */
  function parseHours(text) {
    const value = Number(String(text).trim().replace(',', '.'));
    return String(text).trim() !== '' && Number.isFinite(value) ? value : text;
  }

  async function projects() {
    const { projects: list } = await api('GET', '/v1/projects');
    return list;
  }

  async function settings() {
    return api('GET', '/v1/organization/settings');
  }

  /** A document route with the page's language (the cards' texts follow it). */
  function documentUrl(path, params) {
    const query = new URLSearchParams(params || {});
    query.set('lang', lang);
    return path + '?' + query.toString();
  }

  window.Coordinator = { number, hours, dates, parseHours, projects, settings, documentUrl };
})();
