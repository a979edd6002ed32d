/*
 * How the dashboard writes numbers, hours and months in the reader's language. Numbers come from
 * Intl.NumberFormat; where the browser has no data for the language (Debian's Chromium has none
 * for Kazakh and would write "1,234.5"), the language's fallback is used (Kazakh writes numbers
 * as Russian does: "1 234,5"). Month names come from the page's texts, since the same browsers
 * have no Kazakh month names either.
 */
(function () {
  'use strict';

  var texts = JSON.parse(document.getElementById('dashboard-texts').textContent);
  var t = texts.messages;
  var shortMonths = t.months.split(',');
  var longMonths = t.monthsLong.split(',');

  function numberFormat(options) {
    var own = new Intl.NumberFormat(texts.lang, options);
    // The language's own data writes one and a half with its decimal separator; the root locale does not.
    if (own.format(1.5) === '1' + t.decimalSeparator + '5') return own;
    return new Intl.NumberFormat(t.numberLocaleFallback, options);
  }

  var decimals = numberFormat({ maximumFractionDigits: 2 });
  var whole = numberFormat({ maximumFractionDigits: 0 });

  /** A count or a number of hours, rounded to 0.01; "<5" stays as it is. */
  function number(value) {
    return typeof value === 'number' ? decimals.format(value) : String(value);
  }

  /** The same, rounded to a whole number: for the map's tiles. */
  function rounded(value) {
    return typeof value === 'number' ? whole.format(value) : String(value);
  }

  /** Hours with their unit: "79,5 сағ", "79,5 ч", "79.5 h". */
  function hours(value) {
    return t.hoursValue.replace('{n}', number(value));
  }

  /** A measure as a person reads it: hours with their unit, counts as numbers. */
  function measure(name, value) {
    return name === 'hours' ? hours(value) : number(value);
  }

  function month(yearMonth, names) {
    var parts = yearMonth.split('-');
    return t.monthFormat.replace('{month}', names[Number(parts[1]) - 1]).replace('{y}', parts[0]);
  }

  /** "2026 ж. наурыз", "март 2026", "March 2026". */
  function monthLong(yearMonth) {
    return month(yearMonth, longMonths);
  }

  /** The month's short name, with its year on January and on the first month shown. */
  function monthTick(yearMonth, first) {
    var parts = yearMonth.split('-');
    var name = shortMonths[Number(parts[1]) - 1];
    return first || parts[1] === '01' ? [name, parts[0]] : name;
  }

  window.PassportDashboard = window.PassportDashboard || {};
  window.PassportDashboard.texts = texts;
  window.PassportDashboard.format = {
    locale: decimals.resolvedOptions().locale,
    number: number,
    rounded: rounded,
    hours: hours,
    measure: measure,
    monthLong: monthLong,
    monthTick: monthTick,
  };
})();
