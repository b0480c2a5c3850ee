// SPDX-License-Identifier: Apache-2.0
// The HTML view in a real browser: builds the seed's graph.html with the
// built claimgraph, opens it from file:// in Debian's Chromium driven
// headless by playwright-core (from viewer/node_modules; it never downloads
// a browser), and checks that every node of the graph is rendered, that
// searching 알리바바 selects Alibaba, that clicking it shows its claims with
// the evidence span marked, and that the console stays free of errors;
// then that a page of over a thousand nodes opens on an overview at the
// positions claimgraph computed, and that search and the date filter work.
// Saves build/artifacts/seed-graph.png (a CI artifact; README shows a copy).
// Exits 77 (CTest: skipped) with a message when Chromium, playwright-core,
// the viewer or the shared corpus is missing, unless
// CLAIMGRAPH_REQUIRE_BROWSER=1, when that is a failure.
// Usage: node browser_test.mjs CLAIMGRAPH_BINARY SOURCE_DIR BUILD_DIR
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [bin, src, buildDir] = process.argv.slice(2);
const required = process.env.CLAIMGRAPH_REQUIRE_BROWSER === '1';
const chromiumPath = process.env.CLAIMGRAPH_CHROMIUM || '/usr/bin/chromium';

function skip(why) {
  if (required) {
    console.log(`FAIL: ${why} (CLAIMGRAPH_REQUIRE_BROWSER=1, so this is not skipped)`);
    process.exit(1);
  }
  console.log(`SKIPPED: ${why}`);
  process.exit(77);
}

const seed = path.join(src, '..', 'shared', 'corpus', 'seed-alibaba-ko.txt');
const playwrightDir = path.join(src, 'viewer', 'node_modules', 'playwright-core');
if (!fs.existsSync(chromiumPath)) skip(`${chromiumPath} not found (apt-get install chromium, or CLAIMGRAPH_BROWSER_TESTS=1 scripts/setup.sh)`);
if (!fs.existsSync(playwrightDir)) skip(`${playwrightDir} not found (run npm ci in viewer/)`);
if (!fs.existsSync(seed)) skip(`${seed} not found (the shared corpus)`);

const artifacts = path.join(buildDir, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });
const htmlPath = path.join(artifacts, 'seed-graph.html');
const jsonPath = path.join(artifacts, 'seed-graph.json');
execFileSync(bin, ['build', seed, '-o', htmlPath, '-q']);
execFileSync(bin, ['build', seed, '-o', jsonPath, '-q']);
const graph = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
if (fs.readFileSync(htmlPath, 'utf8').includes('id="no-viewer"')) {
  skip('claimgraph was built without the viewer (viewer/node_modules/cytoscape missing at build time)');
}

const { chromium } = await import(pathToFileURL(path.join(playwrightDir, 'index.mjs')).href);

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL: ${name}${detail === undefined ? '' : ': ' + detail}`);
  }
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1440, height: 900 },
  deviceScaleFactor: 1,
  // As root in a sandbox, on a machine with no network: no sandbox, no GPU,
  // and none of Chromium's background connections.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = context.pages()[0] || (await context.newPage());
  const consoleErrors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  // The page must work offline: any request that is not file:// fails the test.
  const remote = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) remote.push(request.url());
  });

  await page.goto(pathToFileURL(htmlPath).href);
  await page.waitForFunction(() => window.claimgraphViewer && window.claimgraphViewer.cy, null, { timeout: 30000 });

  // Every node of the graph is drawn, with a position inside the canvas.
  const rendered = await page.evaluate(() => {
    const cy = window.claimgraphViewer.cy;
    return cy.nodes().filter((n) => n.visible() && Number.isFinite(n.renderedPosition().x)).length;
  });
  check('rendered node count equals the graph\'s', rendered === graph.nodes.length,
    `${rendered} rendered, ${graph.nodes.length} in the graph`);
  const renderedEdges = await page.evaluate(() => window.claimgraphViewer.cy.edges().length);
  check('edge count equals the graph\'s', renderedEdges === graph.edges.length,
    `${renderedEdges} vs ${graph.edges.length}`);

  // An unknown name says so; a Korean alias selects the English-labelled entity.
  await page.fill('#search', 'no such entity zzz');
  await page.press('#search', 'Enter');
  check('an unknown name says "no match"', (await page.textContent('#search-status')).trim() === 'no match');
  await page.fill('#search', '알리바바');
  await page.press('#search', 'Enter');
  const selected = await page.evaluate(() => window.claimgraphViewer.cy.$(':selected').map((e) => e.id()));
  check('searching 알리바바 selects Alibaba', selected.length === 1 && selected[0] === 'ent:alibaba',
    JSON.stringify(selected));
  check('search status names Alibaba', (await page.textContent('#search-status')).trim() === 'Alibaba');
  // A name with its Korean particles finds the entity, not a claim that quotes it.
  const withParticles = await page.evaluate(() =>
    ['텐센트의', '알리바바의', '알리바바는', '앤드리슨 호로비츠가'].map((q) => window.claimgraphViewer.search(q)));
  check('names with particles find their entities',
    JSON.stringify(withParticles) === JSON.stringify(['ent:tencent', 'ent:alibaba', 'ent:alibaba', 'ent:a16z']),
    JSON.stringify(withParticles));

  // Clicking Alibaba's node shows its claims, with the span marked.
  await page.waitForTimeout(400);  // the centring animation
  const point = await page.evaluate(() => {
    const cy = window.claimgraphViewer.cy;
    const p = cy.getElementById('ent:alibaba').renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  // Start from nothing selected and an empty panel, so what follows is
  // the click's doing.
  await page.evaluate(() => {
    window.claimgraphViewer.cy.elements().unselect();
    document.getElementById('panel').replaceChildren();
  });
  await page.mouse.click(point.x, point.y);
  await page.waitForTimeout(200);
  const clicked = await page.evaluate(() => window.claimgraphViewer.cy.$(':selected').map((e) => e.id()));
  check('clicking selects Alibaba', clicked.length === 1 && clicked[0] === 'ent:alibaba', JSON.stringify(clicked));
  const panel = await page.textContent('#panel');
  const claims = graph.nodes.filter((n) => n.kind === 'claim' && n.speaker === 'ent:alibaba');
  check('the seed has claims by Alibaba', claims.length > 0);
  check('clicking Alibaba shows its name', panel.includes('Alibaba'));
  check('clicking Alibaba shows its claims', claims.every((c) => panel.includes(c.text)),
    panel.slice(0, 300));
  check('the aliases include 알리바바', panel.includes('알리바바'));
  const marks = await page.locator('#panel mark').count();
  check('evidence sentences mark the span', marks > 0, `${marks} <mark> elements`);
  const evidenceSentence = await page.locator('#panel .sentence').first().textContent();
  check('evidence is a sentence, not only the span', evidenceSentence.length > claims[0].text.length,
    evidenceSentence);

  check('no console errors', consoleErrors.length === 0, consoleErrors.join('\n'));
  check('no network requests', remote.length === 0, remote.join(', '));

  const screenshot = path.join(artifacts, 'seed-graph.png');
  await page.screenshot({ path: screenshot });
  console.log(`screenshot: ${screenshot}`);

  // A large page (the generator's dated news, over a thousand nodes) opens
  // at once on an overview, at the positions claimgraph computed: the most
  // connected entities, claims folded; search unfolds a hidden entity; the
  // date filter keeps the claims of the days asked for.
  const corpus = path.join(artifacts, 'large.jsonl');
  const largeHtml = path.join(artifacts, 'large-graph.html');
  const largeJson = path.join(artifacts, 'large-graph.json');
  execFileSync(path.join(buildDir, 'claimgraph_corpus'), ['--mb', '0.2', '-o', corpus], { stdio: 'ignore' });
  execFileSync(bin, ['build', corpus, '-o', largeHtml, '-q']);
  execFileSync(bin, ['build', corpus, '-o', largeJson, '-q']);
  const large = JSON.parse(fs.readFileSync(largeJson, 'utf8'));
  const largeClaims = large.nodes.filter((n) => n.kind === 'claim');
  check('the large page has over 1,000 nodes', large.nodes.length > 1000, large.nodes.length);
  consoleErrors.length = 0;
  await page.goto(pathToFileURL(largeHtml).href);
  await page.waitForFunction(() => window.claimgraphViewer && window.claimgraphViewer.cy, null, { timeout: 30000 });
  const overview = await page.evaluate(() => {
    const cy = window.claimgraphViewer.cy;
    const layout = JSON.parse(document.getElementById('claimgraph-layout').textContent);
    const moved = cy.nodes().filter((n) => {
      const [x, y] = layout[n.id()];
      return Math.abs(n.position('x') - x) > 0.01 || Math.abs(n.position('y') - y) > 0.01;
    }).length;
    return {
      nodes: window.claimgraphViewer.graph.nodes.length,
      drawn: cy.nodes().length,
      entities: cy.nodes('.entity').filter((n) => n.visible()).length,
      claims: cy.nodes('.claim').length,
      moved: moved,
      note: (document.getElementById('overview-note') || {}).textContent || '',
    };
  });
  check('the large page holds every node', overview.nodes === large.nodes.length, `${overview.nodes}`);
  check('the overview draws the most connected entities only', overview.entities > 0 && overview.entities <= 150 &&
    overview.drawn === overview.entities, `${overview.entities} entities shown, ${overview.drawn} drawn`);
  check('the overview folds claims', overview.claims === 0, `${overview.claims} claims shown`);
  check('nodes stand where claimgraph laid them out', overview.moved === 0, `${overview.moved} moved`);
  check('the panel says it is an overview', overview.note.includes('most connected'), overview.note);
  // The least connected entity is folded until searched for.
  const degree = new Map();
  for (const e of large.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) || 0) + 1);
  const quiet = large.nodes.filter((n) => n.kind === 'entity')
    .sort((a, b) => (degree.get(a.id) || 0) - (degree.get(b.id) || 0) || (a.id < b.id ? -1 : 1))[0];
  const before = await page.evaluate((id) => window.claimgraphViewer.cy.getElementById(id).nonempty(), quiet.id);
  await page.fill('#search', quiet.label);
  await page.press('#search', 'Enter');
  const after = await page.evaluate((id) => {
    const n = window.claimgraphViewer.cy.getElementById(id);
    return { visible: n.visible(), selected: n.selected() };
  }, quiet.id);
  check('search unfolds a folded entity', !before && after.visible && after.selected,
    `${quiet.label}: ${before} -> ${JSON.stringify(after)}`);
  // Claims shown, then one day of them.
  await page.locator('#display-options label', { hasText: 'All claims' }).locator('input').check();
  const day = largeClaims.map((c) => c.date).filter(Boolean).sort()[0];
  const all = await page.evaluate(() => window.claimgraphViewer.cy.nodes('.claim').filter((n) => n.visible()).length);
  await page.evaluate((d) => window.claimgraphViewer.applyDates(d, d), day);
  await page.waitForTimeout(100);  // (visibility is read from the style of the next frame)
  const days = await page.evaluate(() => {
    const viewer = window.claimgraphViewer;
    const byId = new Map(viewer.graph.nodes.map((n) => [n.id, n]));
    return viewer.cy.nodes('.claim').filter((n) => n.visible()).map((n) => byId.get(n.id()).date);
  });
  const shown = { all: all, days: days };
  check('"All claims" shows every claim', shown.all === largeClaims.length, `${shown.all} of ${largeClaims.length}`);
  check('the date filter keeps the claims of that day', shown.days.length ===
    largeClaims.filter((c) => c.date === day).length && shown.days.every((d) => d === day),
    `${shown.days.length} shown for ${day}`);
  check('no console errors on the large page', consoleErrors.length === 0, consoleErrors.join('\n'));
  // The overview as it opens, for the README (build/artifacts/large-graph.png).
  await page.goto(pathToFileURL(largeHtml).href);
  await page.waitForFunction(() => window.claimgraphViewer && window.claimgraphViewer.cy, null, { timeout: 30000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifacts, 'large-graph.png') });
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
