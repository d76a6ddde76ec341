// The HTML map's behaviour (graph/web/map.html): draws the graph of the #parley-data block with
// cytoscape.js (force-directed: its built-in CoSE layout), filters it by statement date and
// search text, and lists the statements behind a clicked node or link.
//
// The data block is written by graph/export_html.cc (WriteHtml): nodes, edges and statements,
// each statement with its date range, sentence and source. #counts always holds the drawn
// (visible) numbers of nodes and edges in data-nodes / data-edges, and data-ready="true" once
// the layout ran; the browser test (tests/web/map_browser_test.sh) reads them.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('parley-data').textContent);
  var $ = function (id) { return document.getElementById(id); };

  // Days since 1970 for an ISO date ("2019-05-03"); NaN for "".
  function day(iso) {
    return iso ? Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5
               : NaN;
  }
  function isoOf(days) { return new Date(days * 864e5).toISOString().slice(0, 10); }

  var statements = data.statements.map(function (s) {
    return Object.assign({}, s, { from: day(s.start), to: day(s.end) });
  });

  // Deterministic starting positions (a circle in node order), so a page lays out the same way
  // every time it is opened.
  var elements = [];
  var count = data.nodes.length;
  data.nodes.forEach(function (n, i) {
    var angle = 2 * Math.PI * i / Math.max(1, count);
    var radius = 40 * Math.sqrt(count);
    elements.push({
      group: 'nodes',
      data: { id: n.id, label: n.label, color: n.color, size: n.size, index: i },
      position: { x: radius * Math.cos(angle), y: radius * Math.sin(angle) }
    });
  });
  data.edges.forEach(function (e, i) {
    elements.push({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, label: e.predicate,
              color: e.color, width: e.width, index: i }
    });
  });

  var cy = cytoscape({
    container: $('map'),
    elements: elements,
    layout: { name: 'preset' },
    minZoom: 0.05,
    maxZoom: 6,
    style: [
      { selector: 'node', style: {
          'background-color': 'data(color)', 'width': 'data(size)', 'height': 'data(size)',
          'label': 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 2,
          'color': '#222', 'text-outline-color': '#fff', 'text-outline-width': 2,
          'min-zoomed-font-size': 7 } },
      { selector: 'edge', style: {
          'width': 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
          'target-arrow-shape': 'triangle', 'arrow-scale': 0.8, 'curve-style': 'bezier',
          'opacity': 0.75, 'label': 'data(label)', 'font-size': 9, 'color': '#555',
          'text-rotation': 'autorotate', 'text-outline-color': '#fff',
          'text-outline-width': 2, 'min-zoomed-font-size': 9 } },
      { selector: '.faded', style: { 'opacity': 0.1, 'text-opacity': 0 } },
      { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#111' } },
      { selector: ':selected', style: { 'border-width': 4, 'border-color': '#111',
                                        'line-color': '#111', 'target-arrow-color': '#111',
                                        'opacity': 1 } }
    ]
  });
  cy.layout({
    name: 'cose', animate: false, randomize: false, fit: true, padding: 30,
    numIter: count > 1500 ? 300 : 1000, idealEdgeLength: function () { return 80; },
    nodeRepulsion: function () { return 400000; }, componentSpacing: 60, nodeOverlap: 10
  }).run();

  // Time filter: a statement shows when its date range overlaps [from, until]; undated ones
  // show when the box is ticked. An edge shows when one of its statements does, a node when
  // one of its statements does.
  var dated = statements.filter(function (s) { return !isNaN(s.from); });
  var first = dated.reduce(function (m, s) { return Math.min(m, s.from); }, Infinity);
  var last = dated.reduce(function (m, s) { return Math.max(m, s.to); }, -Infinity);
  var from = $('from'), until = $('until'), undated = $('undated');
  if (dated.length === 0) {
    from.disabled = until.disabled = true;
  } else {
    [from, until].forEach(function (input) {
      input.min = first;
      input.max = last;
    });
    from.value = first;
    until.value = last;
  }

  // The window in days; the sliders show it (clamped to the data's dates).
  var window_ = { from: first, until: last };
  function shown(s) {
    if (isNaN(s.from)) return undated.checked;
    return s.to >= window_.from && s.from <= window_.until;
  }
  function anyShown(indexes) {
    return indexes.some(function (i) { return shown(statements[i]); });
  }
  function applyTime() {
    if (this === from || this === until) {
      if (+from.value > +until.value) {
        if (this === from) until.value = from.value; else from.value = until.value;
      }
      window_ = { from: +from.value, until: +until.value };
    }
    $('from-text').textContent = dated.length ? isoOf(window_.from) : 'no dates';
    $('until-text').textContent = dated.length ? isoOf(window_.until) : '';
    cy.batch(function () {
      cy.edges().forEach(function (e) {
        e.style('display', anyShown(data.edges[e.data('index')].s) ? 'element' : 'none');
      });
      cy.nodes().forEach(function (n) {
        n.style('display', anyShown(data.nodes[n.data('index')].s) ? 'element' : 'none');
      });
    });
    updateCounts();
  }
  function updateCounts() {
    var nodes = cy.nodes().filter(function (n) { return n.style('display') !== 'none'; }).length;
    var edges = cy.edges().filter(function (e) { return e.style('display') !== 'none'; }).length;
    var counts = $('counts');
    counts.dataset.nodes = nodes;
    counts.dataset.edges = edges;
    counts.textContent = nodes + ' of ' + data.nodes.length + ' entities, ' + edges + ' of ' +
                         data.edges.length + ' links';
  }
  [from, until, undated].forEach(function (input) { input.addEventListener('input', applyTime); });

  // Search: entities whose label or id holds the text stand out; Enter zooms to them.
  var search = $('search');
  function matches() {
    var text = search.value.trim().toLowerCase();
    if (!text) return cy.collection();
    return cy.nodes().filter(function (n) {
      return n.data('label').toLowerCase().indexOf(text) >= 0 ||
             n.id().toLowerCase().indexOf(text) >= 0;
    });
  }
  search.addEventListener('input', function () {
    var found = matches();
    cy.batch(function () {
      cy.elements().removeClass('faded match');
      if (search.value.trim()) {
        cy.elements().addClass('faded');
        found.removeClass('faded').addClass('match');
        found.connectedEdges().removeClass('faded');
        found.neighborhood().nodes().removeClass('faded');
      }
    });
  });
  search.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter') return;
    var found = matches();
    if (found.length === 0) return;
    cy.animate({ fit: { eles: found.closedNeighborhood(), padding: 60 } }, { duration: 300 });
    if (found.length === 1) showNode(found[0]);
  });

  // The panel: what a node or a link stands on, statement by statement.
  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function showStatements(title, meta, indexes) {
    var panel = $('panel');
    panel.replaceChildren(element('h2', '', title), element('div', 'meta', meta));
    var list = element('ol');
    indexes.slice().sort(function (a, b) {
      var x = statements[a], y = statements[b];
      return (x.start || '9999') < (y.start || '9999') ? -1
           : (x.start || '9999') > (y.start || '9999') ? 1 : a - b;
    }).forEach(function (i) {
      var s = statements[i];
      var item = element('li');
      item.appendChild(element('div', 'when', (s.time || 'undated') +
                                              (s.modality !== 'asserted' ? ' · ' + s.modality : '')));
      item.appendChild(element('div', 'claim', s.subject + ' ' + s.predicate +
                                               (s.object ? ' ' + s.object : '')));
      item.appendChild(element('div', 'sentence', '“' + s.sentence + '”'));
      var source = element('div', 'source');
      if (/^https?:\/\//i.test(s.source)) {
        var link = element('a', '', s.title || s.source);
        link.href = s.source;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        source.appendChild(link);
      } else {
        source.textContent = s.title ? s.title + ' (' + s.source + ')' : s.source;
      }
      item.appendChild(source);
      if (!shown(s)) item.classList.add('hint');
      list.appendChild(item);
    });
    panel.appendChild(list);
  }
  function showNode(node) {
    var n = data.nodes[node.data('index')];
    showStatements(n.label, n.type + (n.country && n.country !== n.id ? ' of ' + n.country : '') +
                   ' · ' + n.statements + ' statement' + (n.statements === 1 ? '' : 's') +
                   (n.first ? ' · ' + n.first + ' to ' + n.last : ''), n.s);
  }
  function showEdge(edge) {
    var e = data.edges[edge.data('index')];
    var source = cy.getElementById(e.source).data('label');
    var target = cy.getElementById(e.target).data('label');
    showStatements(source + ' ' + e.predicate + ' ' + target,
                   e.weight + ' statement' + (e.weight === 1 ? '' : 's') + ' from ' + e.sources +
                   ' source' + (e.sources === 1 ? '' : 's') +
                   (e.plover ? ' · PLOVER ' + e.plover : '') +
                   (e.first ? ' · ' + e.first + ' to ' + e.last : ''), e.s);
  }
  cy.on('tap', 'node', function (event) { showNode(event.target); });
  cy.on('tap', 'edge', function (event) { showEdge(event.target); });

  // The legend: entity types present, and what edge colours mean.
  var legend = $('legend');
  function legendItems(entries, shape) {
    entries.forEach(function (entry) {
      var item = element('li');
      var mark = element('span', shape);
      mark.style.background = entry.color;
      item.append(mark, entry.name);
      legend.appendChild(item);
    });
  }
  legendItems(data.types, 'swatch');
  legendItems(data.classes, 'line');

  // The page's address may set the filters: map.html#from=2018-01&until=2019-06-30&undated=0
  // (dates of any precision: from counts from the first day, until to the last).
  var hash = new URLSearchParams(location.hash.slice(1));
  function bound(iso, last) {
    var parts = iso.split('-').map(Number);
    if (parts.length === 1) return day(last ? parts[0] + '-12-31' : parts[0] + '-01-01');
    if (parts.length === 2) {
      return last ? Date.UTC(parts[0], parts[1], 0) / 864e5 : Date.UTC(parts[0], parts[1] - 1, 1) / 864e5;
    }
    return day(iso);
  }
  if (hash.get('from')) window_.from = from.value = bound(hash.get('from'), false);
  if (hash.get('until')) window_.until = until.value = bound(hash.get('until'), true);
  if (hash.get('undated') === '0') undated.checked = false;

  // #select=ID (an entity id or label) opens that entity's statements.
  if (hash.get('select')) {
    var wanted = hash.get('select').toLowerCase();
    var picked = cy.nodes().filter(function (n) {
      return n.id().toLowerCase() === wanted || n.data('label').toLowerCase() === wanted;
    });
    if (picked.length > 0) {
      picked[0].select();
      showNode(picked[0]);
    }
  }

  $('title').textContent = data.title;
  document.title = data.title;
  applyTime.call(null);
  $('counts').dataset.ready = 'true';
  window.parleyMap = { cy: cy, data: data };
})();
