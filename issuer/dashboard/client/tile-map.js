/*
 * The map of the 20 regions (tiles drawn by the server, see issuer/dashboard/tile-map.ts):
 * coloured by hours or volunteers in five steps, with a region's figures shown when it is pointed
 * at, tapped or focused. Each tile keeps its raw figures in data-* attributes, so tests can
 * compare them with /v1/stats.
 */
(function () {
  'use strict';

  var dashboard = window.PassportDashboard;
  var texts = dashboard.texts;
  var t = texts.messages;
  var format = dashboard.format;
  var STEPS = 5;

  var svg = document.getElementById('region-map');
  var legend = document.getElementById('map-legend');
  var info = document.getElementById('map-info');
  var tiles = Array.prototype.slice.call(svg.querySelectorAll('[data-region]'));
  var hint = info.innerHTML;
  var shown = { rows: {}, selected: null };

  function zero() {
    var row = {};
    texts.measures.forEach(function (m) { row[m] = 0; });
    return row;
  }

  /** The step (0 to 5) of a value: 0 is no work; "<5" volunteers is the first step, whatever the largest. */
  function step(value, largest) {
    if (value === '<5') return 1;
    if (!value) return 0;
    return Math.min(STEPS, Math.max(1, Math.ceil((STEPS * value) / largest)));
  }

  /**
   * Colours the tiles by `measure` ('hours' or 'volunteers') from the byRegion rows, and outlines
   * `highlight` (a front office's own region, or the region chosen in the filters).
   */
  function draw(rows, measure, highlight, own) {
    shown.rows = {};
    rows.forEach(function (row) { shown.rows[row.region] = row; });
    var largest = rows.reduce(function (max, row) {
      return typeof row[measure] === 'number' && row[measure] > max ? row[measure] : max;
    }, 0);
    svg.dataset.measure = measure;
    tiles.forEach(function (tile) {
      var row = shown.rows[tile.dataset.region] || zero();
      var value = row[measure];
      tile.setAttribute('class', 'tile' + (tile.classList.contains('city') ? ' city' : '') + ' step-' + step(value, largest) +
        (tile.dataset.region === highlight ? ' highlight' : '') + (tile.dataset.region === shown.selected ? ' selected' : ''));
      tile.dataset.value = String(value);
      tile.dataset.hours = String(row.hours);
      tile.dataset.volunteers = String(row.volunteers);
      var text = tile.querySelector('text.value');
      text.textContent = value ? format.rounded(value) : '';
      tile.setAttribute('aria-label', texts.regions[tile.dataset.region] + ': ' + format.measure(measure, value));
    });
    drawLegend(measure, largest, highlight, own);
    if (shown.selected) showFigures(shown.selected);
  }

  function drawLegend(measure, largest, highlight, own) {
    var items = [{ step: 0, label: t.noWork }];
    for (var i = 1; i <= STEPS && largest > 0; i++) {
      items.push({ step: i, label: t.upTo.replace('{n}', format.measure(measure, Math.round((largest * i) / STEPS * 100) / 100)) });
    }
    if (highlight) items.push({ step: 'highlight', label: own ? t.ownRegion : t.chosenRegion });
    legend.replaceChildren.apply(legend, items.map(function (item) {
      var li = document.createElement('li');
      var swatch = document.createElement('span');
      swatch.className = 'swatch ' + (item.step === 'highlight' ? 'highlight' : 'step-' + item.step);
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(item.label));
      return li;
    }));
  }

  /** The six figures of one region, in the panel under the map. */
  function showFigures(code) {
    var row = shown.rows[code] || zero();
    var title = document.createElement('h3');
    title.textContent = texts.regions[code];
    var list = document.createElement('dl');
    ['hours', 'volunteers', 'activities', 'organizations', 'credentialsClaimed', 'credentialsRevoked'].forEach(function (m) {
      var dt = document.createElement('dt');
      dt.textContent = t[m];
      var dd = document.createElement('dd');
      dd.dataset.measure = m;
      dd.dataset.value = String(row[m]);
      dd.textContent = format.measure(m, row[m]);
      list.appendChild(dt);
      list.appendChild(dd);
    });
    info.dataset.region = code;
    info.replaceChildren(title, list);
  }

  function showSelectedOrHint() {
    if (shown.selected) return showFigures(shown.selected);
    delete info.dataset.region;
    info.innerHTML = hint;
  }

  function select(tile) {
    tiles.forEach(function (other) { other.classList.toggle('selected', other === tile); });
    shown.selected = tile.dataset.region;
    showFigures(shown.selected);
  }

  tiles.forEach(function (tile) {
    // A tap on a phone is a click; a mouse shows figures while it points, a click keeps them.
    tile.addEventListener('click', function () { select(tile); });
    tile.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(tile);
      }
    });
    tile.addEventListener('focus', function () { showFigures(tile.dataset.region); });
    tile.addEventListener('pointerenter', function (event) {
      if (event.pointerType === 'mouse') showFigures(tile.dataset.region);
    });
    tile.addEventListener('pointerleave', function (event) {
      if (event.pointerType === 'mouse') showSelectedOrHint();
    });
  });

  dashboard.map = { draw: draw };
})();
