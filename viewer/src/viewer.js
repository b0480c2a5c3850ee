// SPDX-License-Identifier: Apache-2.0
// The claimgraph HTML view: reads the node-link graph (the output contract)
// and the document texts from the page's JSON script elements, draws them
// with Cytoscape.js (entities coloured by type and sized by mentions, claims
// as rounded boxes, edges labelled by relation) at the positions claimgraph
// computed when it wrote the page (no layout runs here), and wires the
// search box, the type, relation and date filters and the side panel. A
// large graph opens on an overview: the most connected entities, claims
// folded into their speakers; search and clicks expand it. Document text is
// untrusted: every string reaches the page through textContent, never
// innerHTML. Offsets in the graph are Unicode code points, so texts are
// sliced as Array.from(text), not by UTF-16 index.
(function () {
  'use strict';

  // ---- Data -------------------------------------------------------------

  function readJson(id) {
    const element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  const graph = readJson('claimgraph-graph');
  const documents = readJson('claimgraph-documents') || {};
  const style = readJson('claimgraph-style') || {};
  const positions = readJson('claimgraph-layout');
  const typeColors = style.type_colors || {};
  const claimColor = style.claim_color || '#efe9dc';

  const nodesById = new Map(graph.nodes.map((n) => [n.id, n]));
  // Every edge gets a stable id from its position in the sorted contract.
  const edges = graph.edges.map((e, i) => Object.assign({ _id: 'e' + i }, e));
  const edgesById = new Map(edges.map((e) => [e._id, e]));

  // Code-point arrays of the document texts, made on first use.
  const codePoints = new Map();
  function docChars(doc) {
    if (!documents[doc]) return null;
    if (!codePoints.has(doc)) codePoints.set(doc, Array.from(documents[doc].text));
    return codePoints.get(doc);
  }

  // Returns [start, end) of the sentences covering [start, end) of `doc`,
  // or null when the document text is not in the page.
  function sentenceAround(doc, start, end) {
    const d = documents[doc];
    if (!d) return null;
    let from = start;
    let to = end;
    for (const [s, e] of d.sentences) {
      if (s <= start && start < e) from = Math.min(from, s);
      if (s < end && end <= e) to = Math.max(to, e);
    }
    return [from, to];
  }

  // ---- Small DOM helpers (text only) -------------------------------------

  function el(tag, options, children) {
    const node = document.createElement(tag);
    if (options) {
      if (options.className) node.className = options.className;
      if (options.id) node.id = options.id;
      if (options.text !== undefined) node.textContent = String(options.text);
      if (options.title) node.title = options.title;
      if (options.style) Object.assign(node.style, options.style);
    }
    for (const child of children || []) {
      if (child) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  // Names compare in NFC and lower case (locale-independent, so the same in every browser).
  const fold = (s) => String(s).normalize('NFC').toLowerCase().trim();

  // ---- Cytoscape elements -----------------------------------------------

  function shortText(s, max) {
    const chars = Array.from(s || '');
    return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : chars.join('');
  }

  // Entities: 22 px, growing with the square root of the mention count.
  function entitySize(n) {
    return Math.round(22 + 9 * Math.sqrt((n.mentions || []).length));
  }

  // ---- Overview of a large graph ------------------------------------------

  // Past this many nodes the page opens on an overview: the kOverview most
  // connected entities and the edges among them, claims folded into their
  // speakers. Everything else is reachable by search and by clicking a
  // node, which shows its neighbours.
  const kLargeGraph = 400;
  const kOverview = 150;
  const large = graph.nodes.length > kLargeGraph;
  const degree = new Map();
  for (const e of graph.edges) {
    degree.set(e.source, (degree.get(e.source) || 0) + 1);
    degree.set(e.target, (degree.get(e.target) || 0) + 1);
  }
  const entityIds = graph.nodes.filter((n) => n.kind !== 'claim').map((n) => n.id);
  const overviewIds = new Set(
    entityIds.slice().sort((a, b) => (degree.get(b) || 0) - (degree.get(a) || 0) || (a < b ? -1 : 1))
      .slice(0, kOverview));

  // Elements are made as they are first shown: a large page gives
  // Cytoscape its overview only, and each expansion adds what it reveals.
  const nodeIndex = new Map(graph.nodes.map((n, i) => [n.id, i]));
  function nodeElement(n) {
    // The positions of the page; without them (a page from an older
    // claimgraph), start positions on a circle in id order, which cose then
    // moves by forces alone (randomize: false), the same each time.
    const i = nodeIndex.get(n.id);
    const angle = (2 * Math.PI * i) / graph.nodes.length;
    const radius = 60 * Math.sqrt(graph.nodes.length);
    const at = positions && positions[n.id];
    const isClaim = n.kind === 'claim';
    const size = isClaim ? 0 : entitySize(n);
    return {
      group: 'nodes',
      data: {
        id: n.id,
        label: isClaim ? shortText(n.text || n.label, 22) : n.label,
        kind: n.kind,
        type: isClaim ? 'claim' : n.type,
        color: isClaim ? claimColor : typeColors[n.type] || typeColors.Other || '#bab0ac',
        size: size,
        // Labels of big nodes stay legible when zoomed out (the style hides
        // a label smaller than 7 px on screen).
        fontSize: Math.max(12, Math.round(size * 0.45)),
      },
      position: at ? { x: at[0], y: at[1] } : { x: radius * Math.cos(angle), y: radius * Math.sin(angle) },
      classes: isClaim ? 'claim' : 'entity',
    };
  }
  function edgeElement(e) {
    return {
      group: 'edges',
      data: { id: e._id, source: e.source, target: e.target, relation: e.relation, weight: e.weight || 1 },
      classes: e.relation === 'co_mentioned' ? 'co' : 'typed',
    };
  }
  const edgesOf = new Map();
  for (const e of edges) {
    for (const end of [e.source, e.target]) {
      if (!edgesOf.has(end)) edgesOf.set(end, []);
      edgesOf.get(end).push(e);
    }
  }
  const shownFirst = large ? graph.nodes.filter((n) => overviewIds.has(n.id)) : graph.nodes;
  const shownIds = new Set(shownFirst.map((n) => n.id));
  const elements = shownFirst.map(nodeElement).concat(
    edges.filter((e) => shownIds.has(e.source) && shownIds.has(e.target)).map(edgeElement));

  const fontFamily = getComputedStyle(document.documentElement).fontFamily;
  const cy = cytoscape({
    container: document.getElementById('graph'),
    elements: elements,
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      {
        selector: 'node',
        style: {
          'font-family': fontFamily,
          label: 'data(label)',
          'background-color': 'data(color)',
          'border-width': 1,
          'border-color': '#5b6570',
          color: '#1f2933',
        },
      },
      {
        selector: 'node.entity',
        style: {
          width: 'data(size)',
          height: 'data(size)',
          'font-size': 'data(fontSize)',
          'min-zoomed-font-size': 7,
          'font-weight': 600,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-outline-color': '#ffffff',
          'text-outline-width': 2,
        },
      },
      {
        selector: 'node.claim',
        style: {
          shape: 'round-rectangle',
          width: 110,
          height: 34,
          'font-size': 9,
          'text-wrap': 'wrap',
          'text-max-width': 102,
          'text-valign': 'center',
          'min-zoomed-font-size': 7,
          'border-color': '#a39c8c',
        },
      },
      {
        selector: 'edge',
        style: {
          'font-family': fontFamily,
          width: 1.4,
          'curve-style': 'bezier',
          'line-color': '#8a96a3',
          'target-arrow-color': '#8a96a3',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.8,
          label: 'data(relation)',
          'font-size': 9,
          'min-zoomed-font-size': 7,
          color: '#3e4c59',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': 1,
        },
      },
      {
        selector: 'edge.co',
        style: {
          width: 1,
          'line-style': 'dashed',
          'line-color': '#c9d0d8',
          'target-arrow-shape': 'none',
          label: '',
        },
      },
      { selector: 'edge.co.labelled', style: { label: 'data(relation)' } },
      { selector: 'edge.nolabel', style: { label: '' } },
      { selector: '.filtered', style: { display: 'none' } },
      { selector: '.dated-out', style: { display: 'none' } },
      { selector: '.faded', style: { opacity: 0.25 } },
      {
        selector: 'node:selected',
        style: { 'border-width': 4, 'border-color': '#2f6fb3', 'overlay-opacity': 0 },
      },
      {
        selector: 'edge:selected',
        style: { width: 3, 'line-color': '#2f6fb3', 'target-arrow-color': '#2f6fb3', 'overlay-opacity': 0 },
      },
    ],
    // Large graphs: edges are not drawn while the view pans or zooms.
    hideEdgesOnViewport: graph.edges.length > 3000,
    layout: positions ? { name: 'preset', fit: true, padding: 30 } : {
      name: 'cose',
      randomize: false,
      animate: false,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: true,
      // Strong repulsion and gravity: the main component spreads out while
      // small components stay close, so fitting the view keeps labels legible.
      nodeRepulsion: () => 40000,
      idealEdgeLength: (edge) => (edge.data('relation') === 'co_mentioned' ? 120 : 80),
      edgeElasticity: (edge) => (edge.data('relation') === 'co_mentioned' ? 200 : 60),
      gravity: 4,
      numIter: graph.nodes.length > 1500 ? 300 : 1000,
      componentSpacing: 40,
    },
  });

  // (Hidden nodes have no extent: fit the view to what is shown.)
  if (positions) cy.fit(cy.nodes(':visible'), 30);

  // Adds the nodes `ids` that are not drawn yet, with their edges to the
  // nodes that are, and gives them the filters' classes.
  function ensure(ids) {
    const fresh = new Set(ids.filter((id) => nodesById.has(id) && cy.getElementById(id).empty()));
    if (!fresh.size) return;
    const added = [];
    const seen = new Set();
    for (const id of fresh) {
      added.push(nodeElement(nodesById.get(id)));
      for (const e of edgesOf.get(id) || []) {
        const other = e.source === id ? e.target : e.source;
        if (seen.has(e._id) || !(fresh.has(other) || cy.getElementById(other).nonempty())) continue;
        seen.add(e._id);
        added.push(edgeElement(e));
      }
    }
    cy.add(added);
    applyFilters();
    applyDates(dateRange[0], dateRange[1]);
  }
  // Shows node `id` and its neighbours, with the edges among them.
  function expand(id) {
    ensure([id].concat((edgesOf.get(id) || []).map((e) => (e.source === id ? e.target : e.source))));
  }

  // ---- Header summary ------------------------------------------------------

  const claimCount = graph.nodes.filter((n) => n.kind === 'claim').length;
  const docCount = ((graph.graph || {}).documents || []).length;
  document.getElementById('summary').textContent =
    `${graph.nodes.length - claimCount} entities · ${claimCount} claims · ${graph.edges.length} edges · ` +
    `${docCount} document${docCount === 1 ? '' : 's'}`;

  // ---- Filters and legend -------------------------------------------------

  const hiddenTypes = new Set();
  const hiddenRelations = new Set();

  function applyFilters() {
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('filtered', hiddenTypes.has(n.data('type')));
      });
      cy.edges().forEach((e) => {
        e.toggleClass('filtered', hiddenRelations.has(e.data('relation')));
      });
    });
  }

  function checkbox(listId, labelChildren, count, checked, onChange) {
    const input = el('input');
    input.type = 'checkbox';
    input.checked = checked;
    input.addEventListener('change', () => onChange(input.checked));
    const label = el('label', null, [input].concat(labelChildren, [el('span', { className: 'count', text: count })]));
    document.getElementById(listId).appendChild(el('li', null, [label]));
    return input;
  }

  function countBy(items, key) {
    const counts = new Map();
    for (const item of items) counts.set(key(item), (counts.get(key(item)) || 0) + 1);
    return counts;
  }

  const typeCounts = countBy(graph.nodes, (n) => (n.kind === 'claim' ? 'claim' : n.type));
  const typeOrder = Object.keys(typeColors);
  const types = Array.from(typeCounts.keys()).sort(
    (a, b) => (a === 'claim') - (b === 'claim') || typeOrder.indexOf(a) - typeOrder.indexOf(b) || a.localeCompare(b));
  for (const type of types) {
    const isClaim = type === 'claim';
    const swatch = el('span', {
      className: 'swatch' + (isClaim ? ' claim' : ''),
      style: { background: isClaim ? claimColor : typeColors[type] || typeColors.Other },
    });
    checkbox('type-filters', [swatch, isClaim ? 'Claim' : type], typeCounts.get(type), true, (on) => {
      if (on) hiddenTypes.delete(type);
      else hiddenTypes.add(type);
      applyFilters();
    });
  }

  const relationCounts = countBy(graph.edges, (e) => e.relation);
  for (const relation of Array.from(relationCounts.keys()).sort()) {
    checkbox('relation-filters', [relation], relationCounts.get(relation), true, (on) => {
      if (on) hiddenRelations.delete(relation);
      else hiddenRelations.add(relation);
      applyFilters();
    });
  }

  checkbox('display-options', ['Edge labels'], '', true, (on) => cy.edges().toggleClass('nolabel', !on));
  if (large) {
    // The overview's folds, undone (and redone) at once. Showing the
    // claims shows their speakers and the entities they are about.
    checkbox('display-options', ['All claims'], claimCount, false, (on) => {
      if (!on) {
        cy.remove(cy.nodes('.claim'));
        return;
      }
      const claims = graph.nodes.filter((n) => n.kind === 'claim').map((n) => n.id);
      const linked = claims.flatMap((id) => (edgesOf.get(id) || []).map((e) => (e.source === id ? e.target : e.source)));
      ensure(claims.concat(linked));
    });
    checkbox('display-options', ['All entities'], entityIds.length, false, (on) => {
      if (on) ensure(entityIds);
      else cy.remove(cy.nodes('.entity').filter((n) => !overviewIds.has(n.id())));
    });
  }

  // ---- Dates -----------------------------------------------------------------

  // A claim's day is its date (the day its sentence names, else its
  // document's); an edge's days are its evidence documents' days. With a
  // range set, claims outside it (or undated) and stated relations with no
  // evidence inside it are hidden.
  const docDay = new Map();
  for (const d of (graph.graph || {}).documents || []) {
    if (/^\d{4}-\d{2}-\d{2}/.test(d.date || '')) docDay.set(d.id, d.date.slice(0, 10));
  }
  const claimDays = graph.nodes.filter((n) => n.kind === 'claim' && n.date).map((n) => n.date).sort();
  let dateRange = ['', ''];
  if (claimDays.length || docDay.size) {
    const days = claimDays.concat(Array.from(docDay.values())).sort();
    const from = el('input');
    const to = el('input');
    for (const [input, value, name] of [[from, days[0], 'From'], [to, days[days.length - 1], 'To']]) {
      input.type = 'date';
      input.min = days[0];
      input.max = days[days.length - 1];
      input.value = value;
      input.setAttribute('aria-label', name);
      input.addEventListener('change', () => applyDates(from.value, to.value));
    }
    const list = el('ul', { className: 'checks dates' }, [
      el('li', null, [el('label', null, ['From ', from])]),
      el('li', null, [el('label', null, ['To ', to])]),
    ]);
    document.getElementById('filters').appendChild(el('section', null, [el('h2', { text: 'Dates' }), list]));
  }
  // Hides what falls outside [from, to] (days as YYYY-MM-DD; "" is open).
  function applyDates(from, to) {
    dateRange = [from, to];
    const inside = (day) => Boolean(day) && (!from || day >= from) && (!to || day <= to);
    cy.batch(() => {
      cy.nodes('.claim').forEach((c) => {
        c.toggleClass('dated-out', Boolean(from || to) && !inside(nodesById.get(c.id()).date));
      });
      cy.edges('.typed').forEach((e) => {
        const ev = edgesById.get(e.id()).evidence || [];
        const dated = ev.filter((x) => docDay.has(x.doc));
        e.toggleClass('dated-out', dated.length > 0 && !dated.some((x) => inside(docDay.get(x.doc))));
      });
    });
  }
  checkbox('display-options', ['co_mentioned labels'], '', false, (on) =>
    cy.edges('.co').toggleClass('labelled', on));

  // ---- Side panel ----------------------------------------------------------

  const panel = document.getElementById('panel');

  function linkTo(id, text) {
    const button = el('button', { className: 'link', text: text, title: id });
    button.type = 'button';
    button.addEventListener('click', () => select(id));
    return button;
  }

  function labelOf(id) {
    const n = nodesById.get(id);
    return n ? (n.kind === 'claim' ? shortText(n.text || n.label, 40) : n.label) : id;
  }

  // A sentence of `doc` with [start, end) in a <mark>; when the document
  // text is not in the page, `fallback` (the mention or claim text) marked,
  // and a note saying the sentence is not available.
  function evidence(doc, start, end, fallback, rule) {
    const chars = docChars(doc);
    const meta = el('div', { className: 'meta', text: `${doc}:${start}–${end}` + (rule ? ` · ${rule}` : '') });
    if (!chars) {
      return el('div', null, [
        el('div', { className: 'sentence missing' }, [
          fallback ? el('mark', { text: fallback }) : null,
          el('span', { text: (fallback ? ' — ' : '') + 'sentence not available (the page was written without the document text)' }),
        ]),
        meta,
      ]);
    }
    const [from, to] = sentenceAround(doc, start, end);
    return el('div', null, [
      el('div', { className: 'sentence' }, [
        chars.slice(from, start).join(''),
        el('mark', { text: chars.slice(start, end).join('') }),
        chars.slice(end, to).join(''),
      ]),
      meta,
    ]);
  }

  function section(title, children) {
    return children.length ? el('section', null, [el('h3', { text: title })].concat(children)) : null;
  }

  function showOverview() {
    panel.replaceChildren(...[
      el('h2', { text: 'claimgraph' }),
      large ? el('p', { className: 'hint', id: 'overview-note', text: `An overview: the ${overviewIds.size} most ` +
        `connected of ${entityIds.length} entities, with claims folded into their speakers. Click a node to show ` +
        'its neighbours and claims; search finds any name; "All claims" and "All entities" under Display show the rest.' })
        : null,
      el('p', { className: 'hint', text: 'Click a node or an edge to see its aliases, claims and evidence ' +
        'sentences. Search by any name or alias, in Korean or English. Drag to pan, scroll to zoom.' }),
      el('p', { className: 'meta', text: (graph.graph || {}).generator || '' }),
    ].filter(Boolean));
  }

  function claimItem(claimNode, role) {
    return el('div', { className: 'item' }, [
      el('div', { className: 'claim-text' }, [linkTo(claimNode.id, claimNode.text || claimNode.label)]),
      el('div', { className: 'meta', text: [role, claimNode.cue, claimNode.modality, claimNode.negated ? 'negated' : '']
        .filter(Boolean).join(' · ') }),
      evidence(claimNode.doc, claimNode.start, claimNode.end, claimNode.text, claimNode.rule),
    ]);
  }

  function attributesList(object, skip) {
    const rows = [];
    for (const key of Object.keys(object).sort()) {
      if (skip.has(key)) continue;
      const value = object[key];
      if (value === '' || value === null || typeof value === 'object') continue;
      const shown = nodesById.has(value) ? linkTo(value, labelOf(value)) : el('span', { text: value });
      rows.push(el('dt', { text: key }), el('dd', null, [shown]));
    }
    return rows.length ? el('dl', null, rows) : null;
  }

  const entityFields = new Set(['id', 'kind', 'label', 'type', 'aliases', 'mentions']);
  const claimFields = new Set(['id', 'kind', 'label', 'text', 'cue', 'modality', 'negated', 'doc', 'start', 'end',
    'sentence', 'rule', 'speaker', 'speaker_status']);
  const edgeFields = new Set(['source', 'target', 'key', 'relation', 'weight', 'evidence', '_id']);

  function showEntity(n) {
    const said = [];
    const about = [];
    const relations = [];
    const co = [];
    for (const e of edges) {
      if (e.source !== n.id && e.target !== n.id) continue;
      const other = nodesById.get(e.source === n.id ? e.target : e.source);
      if (!other) continue;
      if (other.kind === 'claim') {
        (e.relation === 'asserts' && e.source === n.id ? said : about).push([other, e.relation]);
      } else if (e.relation === 'co_mentioned') {
        co.push(other);
      } else {
        relations.push(e);
      }
    }
    const color = typeColors[n.type] || typeColors.Other;
    panel.replaceChildren(...[
      el('h2', { text: n.label }),
      el('div', null, [el('span', { className: 'badge', text: n.type, style: { background: color } }),
        el('span', { className: 'meta', text: `${n.id} · ${(n.mentions || []).length} mentions` })]),
      section('Aliases', [el('ul', { className: 'aliases' }, (n.aliases || []).map((a) => el('li', { text: a })))]),
      section('Attributes', [attributesList(n, entityFields)].filter(Boolean)),
      section(`Claims by ${n.label} (${said.length})`, said.map(([c]) => claimItem(c, 'asserts'))),
      section(`Claims about or mentioning ${n.label} (${about.length})`, about.map(([c, r]) => claimItem(c, r))),
      section('Relations', relations.map((e) => el('div', { className: 'item' }, [
        el('div', null, e.source === n.id
          ? [`${e.relation} → `, linkTo(e.target, labelOf(e.target))]
          : [linkTo(e.source, labelOf(e.source)), ` ${e.relation} →`]),
        ...(e.evidence || []).map((ev) => evidence(ev.doc, ev.start, ev.end, '', ev.rule)),
      ]))),
      section(`Mentioned with (${co.length})`, co.length ? [el('div', null, co.flatMap((o, i) =>
        (i ? [', ', linkTo(o.id, o.label)] : [linkTo(o.id, o.label)])))] : []),
      section(`Mentions (${(n.mentions || []).length})`, (n.mentions || []).map((m) =>
        el('div', { className: 'item' }, [evidence(m.doc, m.start, m.end, m.text, m.rule)]))),
    ].filter(Boolean));
  }

  function showClaim(n) {
    const linked = edges.filter((e) => e.source === n.id || e.target === n.id);
    panel.replaceChildren(...[
      el('h2', { text: 'Claim' }),
      el('div', { className: 'meta', text: n.id }),
      el('p', { className: 'claim-text', text: n.text }),
      el('dl', null, [
        el('dt', { text: 'speaker' }),
        el('dd', null, [n.speaker ? linkTo(n.speaker, labelOf(n.speaker)) : el('span', { text: `(${n.speaker_status})` })]),
        el('dt', { text: 'cue' }), el('dd', { text: n.cue }),
        el('dt', { text: 'modality' }), el('dd', { text: n.modality + (n.negated ? ', negated' : '') }),
      ]),
      section('Evidence', [evidence(n.doc, n.start, n.end, n.text, n.rule)]),
      section('Attributes', [attributesList(n, claimFields)].filter(Boolean)),
      section('Linked entities', linked.map((e) => {
        const other = e.source === n.id ? e.target : e.source;
        return el('div', { className: 'item' }, [linkTo(other, labelOf(other)), ` · ${e.relation}`]);
      })),
    ].filter(Boolean));
  }

  function showEdge(e) {
    panel.replaceChildren(...[
      el('h2', { text: e.relation }),
      el('div', null, [linkTo(e.source, labelOf(e.source)), ` → ${e.relation} → `, linkTo(e.target, labelOf(e.target))]),
      el('div', { className: 'meta', text: `weight ${e.weight} · key ${e.key}` }),
      section('Attributes', [attributesList(e, edgeFields)].filter(Boolean)),
      section(`Evidence (${(e.evidence || []).length})`, (e.evidence || []).map((ev) =>
        el('div', { className: 'item' }, [evidence(ev.doc, ev.start, ev.end, '', ev.rule)]))),
    ].filter(Boolean));
  }

  // ---- Selection -------------------------------------------------------------

  function highlight(ele) {
    cy.batch(() => {
      cy.elements().removeClass('faded');
      if (!ele) return;
      const keep = ele.isNode() ? ele.closedNeighborhood() : ele.union(ele.connectedNodes());
      cy.elements().not(keep).addClass('faded');
    });
  }

  // Selects the node or edge `id`, centres it and shows it in the panel.
  function select(id) {
    if (nodesById.has(id)) expand(id);
    const ele = cy.getElementById(id);
    if (ele.empty()) return false;
    cy.elements().unselect();
    ele.select();
    show(ele);
    cy.animate({ center: { eles: ele }, zoom: Math.max(cy.zoom(), 1.1) }, { duration: 250 });
    return true;
  }

  function show(ele) {
    highlight(ele);
    if (ele.isEdge()) {
      showEdge(edgesById.get(ele.id()));
    } else {
      const n = nodesById.get(ele.id());
      if (n.kind === 'claim') showClaim(n);
      else showEntity(n);
    }
  }

  cy.on('tap', 'node, edge', (event) => {
    if (event.target.isNode()) expand(event.target.id());
    show(event.target);
  });
  cy.on('tap', (event) => {
    if (event.target === cy) {
      highlight(null);
      showOverview();
    }
  });

  // ---- Search ----------------------------------------------------------------

  // Korean particles (the rule pack's): a query may end with a chain of up
  // to three of them, as a name does in running text ("알리바바의").
  const particles = new Set(style.particles || []);
  function isParticleChain(s, depth) {
    if (s === '') return true;
    if (depth === 3) return false;
    for (let n = 1; n <= s.length; n++) {
      if (particles.has(s.slice(0, n)) && isParticleChain(s.slice(n), depth + 1)) return true;
    }
    return false;
  }
  // The query, then the query without each trailing particle chain (of at
  // most four characters) that leaves a name.
  function queryForms(q) {
    const chars = Array.from(q);
    const forms = [q];
    for (let cut = 1; cut < chars.length && cut <= 4; cut++) {
      const head = chars.slice(0, chars.length - cut).join('').trim();
      if (head && isParticleChain(chars.slice(chars.length - cut).join(''), 0)) forms.push(head);
    }
    return forms;
  }

  // Returns the id of the best node for `query`: an exact label or alias
  // first, then a prefix, then a substring (of a claim's text too); ties go
  // to the node with more mentions. An entity's name followed by particles
  // counts as the name ("텐센트의" finds Tencent, not a claim that quotes it).
  function search(query) {
    const q = fold(query);
    if (!q) return null;
    const forms = queryForms(q);
    let best = null;
    let bestRank = Infinity;
    for (const n of graph.nodes) {
      const names = n.kind === 'claim' ? [n.text || '', n.label] : [n.label].concat(n.aliases || []);
      let rank = Infinity;
      for (const name of names.map(fold)) {
        if (name === q) rank = Math.min(rank, 0);
        else if (n.kind !== 'claim' && forms.includes(name)) rank = Math.min(rank, 0.5);
        else if (name.startsWith(q)) rank = Math.min(rank, 1);
        else if (name.includes(q)) rank = Math.min(rank, 2);
      }
      if (n.kind === 'claim') rank += 3;
      const weight = (n.mentions || []).length;
      if (rank < bestRank || (rank === bestRank && best && weight > (best.mentions || []).length)) {
        best = n;
        bestRank = rank;
      }
    }
    return bestRank === Infinity ? null : best.id;
  }

  const searchInput = document.getElementById('search');
  const searchStatus = document.getElementById('search-status');
  document.getElementById('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = search(searchInput.value);
    if (id) {
      select(id);
      searchStatus.textContent = labelOf(id);
      searchStatus.className = 'search-status';
    } else {
      searchStatus.textContent = searchInput.value.trim() ? 'no match' : '';
      searchStatus.className = 'search-status miss';
    }
  });

  showOverview();
  // For tests and the browser console.
  window.claimgraphViewer = { cy: cy, graph: graph, select: select, search: search, applyDates: applyDates };
})();
