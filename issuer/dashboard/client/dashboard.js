/*
 * The dashboard's page script (served from our origin: the CSP forbids inline scripts).
 * The key typed in lives in sessionStorage only, and goes to /v1/stats as a Bearer header from
 * this same origin. Every figure drawn is also written into a table beside its chart or map, with
 * the raw value in data-value, so people can read it and tests can compare it with /v1/stats.
 */
(function () {
  'use strict';

  var KEY = 'passport.dashboard.key';
  var FILTERS = 'passport.dashboard.filters';
  var TOP_ORGANIZATIONS = 10;
  var LONGEST_MONTH_RANGE = 120;
  var COLORS = ['#0b6e99', '#1b7f3b', '#d98e04', '#b3261e', '#6a4c93', '#00897b', '#c2185b', '#5d4037', '#546e7a'];

  var dashboard = window.PassportDashboard;
  var texts = dashboard.texts;
  var t = texts.messages;
  var format = dashboard.format;

  var el = {
    signIn: document.getElementById('sign-in'),
    signInForm: document.getElementById('sign-in-form'),
    key: document.getElementById('key'),
    signInError: document.getElementById('sign-in-error'),
    figures: document.getElementById('figures'),
    scope: document.getElementById('scope'),
    signOut: document.getElementById('sign-out'),
    filters: document.getElementById('filters'),
    region: document.getElementById('filter-region'),
    from: document.getElementById('filter-from'),
    to: document.getElementById('filter-to'),
    status: document.getElementById('status'),
    attributionNote: document.getElementById('attribution-note'),
  };
  var charts = {};
  var shown = null;
  // Tables open on wide screens; on phones the charts come first and a table is one tap away.
  var wide = window.matchMedia('(min-width: 1024px)').matches;
  document.querySelectorAll('details.figures-table').forEach(function (details) { details.open = wide; });

  /* What each breakdown is keyed by, and how that key reads in the page's language. */
  var TABLES = {
    byRegion: { column: 'region', key: function (r) { return r.region; }, label: function (r) { return texts.regions[r.region] || r.region; } },
    byMonth: { column: 'month', key: function (r) { return r.month; }, label: function (r) { return format.monthLong(r.month); } },
    byCategory: { column: 'category', key: function (r) { return r.category; }, label: function (r) { return texts.categories[r.category] || r.category; } },
    byOrganization: { column: 'organization', key: function (r) { return r.organization; }, label: function (r) { return localized(r.name) || r.organization; } },
    byProject: { column: 'project', key: function (r) { return r.project === null ? '' : r.project; }, label: function (r) { return r.project === null ? t.noProject : r.project; } },
  };

  function localized(name) {
    return name[texts.lang] || name.ru || name.kk || name.en || '';
  }

  function checked(name) {
    var input = document.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : '';
  }

  function setChecked(name, value) {
    document.querySelectorAll('input[name="' + name + '"]').forEach(function (input) { input.checked = input.value === value; });
  }

  function storedFilters() {
    try {
      return JSON.parse(sessionStorage.getItem(FILTERS) || '{}');
    } catch (e) {
      return {};
    }
  }

  function showSignIn(message) {
    el.figures.hidden = true;
    el.signIn.hidden = false;
    el.signInError.hidden = !message;
    el.signInError.textContent = message || '';
  }

  /*
   * Without a key typed in, the console's session cookie may sign the reader in: people of the
   * registry and of front offices open the dashboard from the console without pasting a key.
   */
  async function load() {
    var key = sessionStorage.getItem(KEY);
    if (!key && !texts.consoleSession) return showSignIn('');
    var filters = storedFilters();
    var query = new URLSearchParams();
    ['region', 'from', 'to', 'by'].forEach(function (name) {
      if (filters[name]) query.set(name, filters[name]);
    });
    el.status.textContent = t.loading;
    var response;
    try {
      response = await fetch('/v1/stats?' + query.toString(), { headers: key ? { authorization: 'Bearer ' + key } : {}, cache: 'no-store', credentials: 'same-origin' });
    } catch (e) {
      el.status.textContent = t.failed;
      return;
    }
    var body = await response.json().catch(function () { return {}; });
    if (response.status === 401) {
      if (!key) return showSignIn('');
      sessionStorage.removeItem(KEY);
      return showSignIn(t.badKey);
    }
    if (response.status === 403 && body.field !== 'region') {
      if (!key) return showSignIn('');
      sessionStorage.removeItem(KEY);
      return showSignIn(t.organizationKey);
    }
    // Signed in by the console: signing out happens there.
    el.signOut.hidden = !key;
    if (!response.ok) {
      el.signIn.hidden = true;
      el.figures.hidden = false;
      el.status.textContent = t.failed + ': ' + (body.detail || response.status);
      return;
    }
    render(body);
  }

  /**
   * Every month from the first to the last one shown, zero where no activity ended, so the chart's
   * time axis is even: from the filters' days when given, else from the first to the last month
   * with work (and never a run of empty decades around it).
   */
  function continuousMonths(rows, filters) {
    var byMonth = {};
    rows.forEach(function (row) { byMonth[row.month] = row; });
    var worked = rows.map(function (row) { return row.month; }).sort();
    if (worked.length === 0) return [];
    var first = filters.from ? filters.from.slice(0, 7) : worked[0];
    var last = filters.to ? filters.to.slice(0, 7) : worked[worked.length - 1];
    if (monthIndex(last) - monthIndex(first) > LONGEST_MONTH_RANGE) {
      first = worked[0] > first ? worked[0] : first;
      last = worked[worked.length - 1] < last ? worked[worked.length - 1] : last;
    }
    var out = [];
    for (var i = monthIndex(first); i <= monthIndex(last); i++) {
      var month = String(Math.floor(i / 12)).padStart(4, '0') + '-' + String((i % 12) + 1).padStart(2, '0');
      out.push(byMonth[month] || emptyMonth(month));
    }
    return out;
  }

  function monthIndex(month) {
    return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  }

  function emptyMonth(month) {
    var row = { month: month };
    texts.measures.forEach(function (m) { row[m] = 0; });
    return row;
  }

  /** What each breakdown shows: organizations are cut to the top ten, months made continuous. */
  function rowsShown(name, stats) {
    if (name === 'byOrganization') return stats[name].slice(0, TOP_ORGANIZATIONS);
    if (name === 'byMonth') return continuousMonths(stats[name], stats.filters);
    return stats[name];
  }

  function render(stats) {
    shown = stats;
    var by = stats.filters.by || 'activity';
    el.signIn.hidden = true;
    el.figures.hidden = false;
    el.figures.dataset.scope = stats.scope.kind;
    el.figures.dataset.region = stats.filters.region || '';
    el.figures.dataset.by = by;
    el.scope.textContent = stats.scope.kind === 'front_office'
      ? t.scopeRegion.replace('{region}', texts.regions[stats.scope.region] || stats.scope.region)
      : t.scopeNational;
    el.region.value = stats.filters.region || '';
    el.region.disabled = stats.scope.kind === 'front_office';
    el.from.value = stats.filters.from || '';
    el.to.value = stats.filters.to || '';
    setChecked('by', by);
    el.attributionNote.textContent = by === 'organization' ? t.countedByOrganization : t.countedByActivity;
    el.status.textContent = stats.totals.activities === 0 ? t.empty : '';
    texts.measures.forEach(function (measure) {
      var cell = document.querySelector('#totals [data-measure="' + measure + '"]');
      cell.textContent = format.measure(measure, stats.totals[measure]);
      cell.dataset.value = String(stats.totals[measure]);
    });
    drawMap();
    Object.keys(TABLES).forEach(function (name) {
      var rows = rowsShown(name, stats);
      var note = document.querySelector('[data-note="' + name + '"]');
      if (name === 'byOrganization') {
        note.hidden = stats[name].length <= TOP_ORGANIZATIONS;
        note.textContent = t.topOnly.replace('{count}', String(TOP_ORGANIZATIONS));
      }
      fillTable(name, rows);
      if (name !== 'byRegion') drawChart(name, rows);
    });
  }

  function drawMap() {
    if (!shown) return;
    var highlight = shown.scope.kind === 'front_office' ? shown.scope.region : shown.filters.region;
    dashboard.map.draw(shown.byRegion, checked('measure') || 'hours', highlight, shown.scope.kind === 'front_office');
  }

  function fillTable(name, rows) {
    var spec = TABLES[name];
    var table = document.querySelector('table[data-table="' + name + '"]');
    table.tHead.replaceChildren.apply(table.tHead, tableHead(spec.column));
    table.tBodies[0].replaceChildren.apply(table.tBodies[0], rows.map(function (row) {
      var tr = document.createElement('tr');
      tr.dataset.key = spec.key(row);
      var th = document.createElement('th');
      th.scope = 'row';
      th.textContent = spec.label(row);
      tr.appendChild(th);
      texts.measures.forEach(function (measure) {
        var td = document.createElement('td');
        td.dataset.measure = measure;
        td.dataset.value = String(row[measure]);
        td.textContent = format.measure(measure, row[measure]);
        tr.appendChild(td);
      });
      return tr;
    }));
  }

  /**
   * Two header rows, the credentials' two columns under one heading, so that no long header
   * widens a table past its card: Region | Volunteers | … | Credentials (claimed, revoked) | Hours.
   */
  function tableHead(column) {
    var top = document.createElement('tr');
    var sub = document.createElement('tr');
    function th(row, text, attributes) {
      var cell = document.createElement('th');
      cell.textContent = text;
      Object.keys(attributes).forEach(function (name) { cell.setAttribute(name, attributes[name]); });
      row.appendChild(cell);
    }
    [column, 'volunteers', 'organizations', 'activities'].forEach(function (key) { th(top, t[key], { scope: 'col', rowspan: '2' }); });
    th(top, t.credentials, { scope: 'colgroup', colspan: '2' });
    th(top, t.hours, { scope: 'col', rowspan: '2' });
    th(sub, t.claimed, { scope: 'col', title: t.credentialsClaimed });
    th(sub, t.revoked, { scope: 'col', title: t.credentialsRevoked });
    return [top, sub];
  }

  function drawChart(name, rows) {
    var canvas = document.querySelector('canvas[data-chart="' + name + '"]');
    var keys = rows.map(TABLES[name].key);
    var hours = rows.map(function (r) { return r.hours; });
    canvas.dataset.labels = JSON.stringify(keys);
    canvas.dataset.values = JSON.stringify(hours);
    if (charts[name]) charts[name].destroy();
    if (typeof Chart === 'undefined') return;
    var doughnut = name === 'byCategory';
    var months = name === 'byMonth';
    var horizontal = !months && !doughnut;
    // A bar per row: the chart grows with its rows instead of squeezing or stretching them.
    if (horizontal) canvas.parentElement.style.height = Math.max(120, 40 + rows.length * 24) + 'px';
    var valueAxis = { ticks: { callback: function (value) { return format.number(value); } } };
    charts[name] = new Chart(canvas, {
      type: doughnut ? 'doughnut' : 'bar',
      data: {
        labels: rows.map(TABLES[name].label),
        datasets: [{
          label: t.hours,
          data: hours,
          backgroundColor: doughnut ? rows.map(function (_, i) { return COLORS[i % COLORS.length]; }) : COLORS[0],
        }],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        locale: format.locale,
        indexAxis: horizontal ? 'y' : 'x',
        plugins: {
          legend: { display: doughnut, position: 'bottom' },
          tooltip: { callbacks: { label: function (item) { return format.hours(item.raw); } } },
        },
        scales: doughnut
          ? {}
          : horizontal
            ? { x: valueAxis, y: { ticks: { callback: shortLabel } } }
            : { y: valueAxis, x: { ticks: { autoSkip: true, maxRotation: 0, callback: function (_, i) { return format.monthTick(keys[i], i === 0); } } } },
      },
    });
  }

  /** Long names are cut on the axis (the table beside the chart has them whole). */
  function shortLabel(value) {
    var label = String(this.getLabelForValue(value));
    return label.length > 22 ? label.slice(0, 21) + '…' : label;
  }

  function csvCell(value) {
    var text = String(value === null || value === undefined ? '' : value);
    // A cell that starts like a formula is kept as text, so a spreadsheet never runs it.
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function downloadCsv(name) {
    if (!shown) return;
    var spec = TABLES[name];
    var header = [spec.column, t[spec.column]].concat(texts.measures.map(function (m) { return t[m]; }));
    var lines = [header].concat(shown[name].map(function (row) {
      return [spec.key(row), spec.label(row)].concat(texts.measures.map(function (m) { return row[m]; }));
    }));
    // The byte order mark makes spreadsheet programs read the file as UTF-8 (Cyrillic, Kazakh letters).
    var csv = '\uFEFF' + lines.map(function (line) { return line.map(csvCell).join(','); }).join('\r\n') + '\r\n';
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    var by = shown.filters.by === 'organization' ? '-by-organization' : '';
    link.download = 'volunteer-stats-' + name + (shown.filters.region ? '-' + shown.filters.region : '') + by + '.csv';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  function applyFilters() {
    sessionStorage.setItem(FILTERS, JSON.stringify({
      region: el.region.disabled ? '' : el.region.value,
      from: el.from.value,
      to: el.to.value,
      by: checked('by'),
    }));
    load();
  }

  el.signInForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var key = el.key.value.trim();
    if (!key) return;
    sessionStorage.setItem(KEY, key);
    sessionStorage.removeItem(FILTERS);
    el.key.value = '';
    load();
  });

  el.signOut.addEventListener('click', function () {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(FILTERS);
    Object.keys(charts).forEach(function (name) { charts[name].destroy(); });
    charts = {};
    shown = null;
    showSignIn('');
  });

  el.filters.addEventListener('submit', function (event) {
    event.preventDefault();
    applyFilters();
  });
  // The two switches act at once: the attribution asks for other figures, the measure recolours the map.
  document.querySelectorAll('input[name="by"]').forEach(function (input) { input.addEventListener('change', applyFilters); });
  document.querySelectorAll('input[name="measure"]').forEach(function (input) { input.addEventListener('change', drawMap); });

  document.querySelectorAll('[data-csv]').forEach(function (button) {
    button.addEventListener('click', function () { downloadCsv(button.dataset.csv); });
  });

  load();
})();
