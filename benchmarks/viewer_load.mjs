// SPDX-License-Identifier: Apache-2.0
// How long the HTML view takes to become interactive in headless Chromium,
// for pages of about 1,000, 5,000 and 10,000 nodes (and the whole graph, when
// it has at most 30,000 nodes). It writes a synthetic corpus with
// claimgraph_corpus, builds one graph from it, makes one page per size from
// that graph (`claimgraph merge graph.json -o page.html --max-nodes N`), then
// opens each page --runs times, each time in a fresh browser context, and
// prints a table: page size, node and edge counts, visible nodes, time to
// interactive (median and min-max) and the JS heap in use.
//
// "Interactive" means: the page has set window.claimgraphViewer (viewer.js
// does that last, once the graph is drawn) and two requestAnimationFrame
// callbacks have run since, so the first frame with the graph has been
// painted. The time runs from the start of page.goto.
//
// Chromium is Debian's (/usr/bin/chromium, or CLAIMGRAPH_CHROMIUM), driven by
// playwright-core from viewer/node_modules, which never downloads a browser.
// This is a benchmark, not a test: it is not run by CTest.
//
// Usage, from the repository root:
//   node benchmarks/viewer_load.mjs [--bin PATH] [--corpus-mb N]
//       [--sizes 1000,5000,10000] [--runs 3] [--timeout 300] [--json FILE]
//       [--keep DIR] [--no-skip]
// Run `node benchmarks/viewer_load.mjs --help` for what each option does.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env.CLAIMGRAPH_CHROMIUM || '/usr/bin/chromium';
const playwrightDir = path.join(repoRoot, 'viewer', 'node_modules', 'playwright-core');
// The page without a cap is left out above this many nodes.
const maxUncappedNodes = 30000;

const usageText = `Usage: node benchmarks/viewer_load.mjs [options]

Measures how long claimgraph's HTML view takes to become interactive in
headless Chromium, for pages of several sizes, and prints a table.

--bin PATH        the claimgraph binary (default: build/claimgraph in the
                  repository); claimgraph_corpus is taken from the same folder
--corpus-mb N     size of the synthetic corpus in MB (default 3: about 16,000
                  nodes); it must give a graph with more nodes than the
                  largest --sizes
--sizes LIST      the pages' node counts, comma-separated (default
                  1000,5000,10000); the whole graph is measured too when it
                  has at most ${maxUncappedNodes.toLocaleString('en-US')} nodes
--runs N          times each page is opened, each in a fresh browser context
                  (default 3)
--timeout S       seconds to wait for one page to become interactive
                  (default 300); a page that takes longer is reported as "> S s"
--json FILE       also write the results as JSON to FILE
--keep DIR        write the corpus, graph and pages to DIR and keep them
                  (default: a temporary folder, removed at the end)
--no-skip         run every page and every run even after a timeout (by
                  default a timeout skips the page's remaining runs and the
                  larger pages, which would time out too)
-h, --help        show this help

Environment: CLAIMGRAPH_CHROMIUM, the browser (default /usr/bin/chromium).`;

function fail(message) {
  console.error(`viewer_load: ${message}`);
  process.exit(1);
}

// ---- Arguments ----------------------------------------------------------

function parseArgs(argv) {
  const options = {
    bin: path.join(repoRoot, 'build', 'claimgraph'),
    corpusMb: 3,
    sizes: [1000, 5000, 10000],
    runs: 3,
    timeout: 300,
    json: null,
    keep: null,
    skip: true,
  };
  const positiveNumber = (name, text, integer) => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
      fail(`${name} wants a positive ${integer ? 'whole number' : 'number'}, not "${text}"`);
    }
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    let name = argv[i];
    let value = null;
    // Both "--runs 3" and "--runs=3".
    const eq = name.indexOf('=');
    if (name.startsWith('--') && eq > 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const takeValue = () => {
      if (value !== null) return value;
      if (i + 1 >= argv.length) fail(`${name} needs a value (see --help)`);
      return argv[++i];
    };
    switch (name) {
      case '-h':
      case '--help':
        console.log(usageText);
        process.exit(0);
        break;
      case '--bin':
        options.bin = path.resolve(takeValue());
        break;
      case '--corpus-mb':
        options.corpusMb = positiveNumber(name, takeValue(), false);
        break;
      case '--sizes':
        options.sizes = takeValue().split(',').filter((s) => s.trim() !== '')
          .map((s) => positiveNumber(name, s.trim(), true));
        if (options.sizes.length === 0) fail('--sizes wants at least one node count');
        break;
      case '--runs':
        options.runs = positiveNumber(name, takeValue(), true);
        break;
      case '--timeout':
        options.timeout = positiveNumber(name, takeValue(), false);
        break;
      case '--json':
        options.json = path.resolve(takeValue());
        break;
      case '--keep':
        options.keep = path.resolve(takeValue());
        break;
      case '--no-skip':
        options.skip = false;
        break;
      default:
        fail(`unknown argument "${argv[i]}" (see --help)`);
    }
  }
  options.sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
  return options;
}

// The command that reproduces this run, to print with the results.
function commandLine(argv) {
  const quote = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const script = path.relative(repoRoot, fileURLToPath(import.meta.url));
  return `cd ${quote(repoRoot)} && node ${[script, ...argv].map(quote).join(' ')}`;
}

// ---- Formatting ---------------------------------------------------------

const count = (n) => (n === null || n === undefined ? '' : n.toLocaleString('en-US'));
const megabytes = (bytes) => (bytes === null || bytes === undefined ? '' : (bytes / 1e6).toFixed(1));
const seconds = (ms) => (ms / 1000).toFixed(2);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function table(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  // The first column is text (left-aligned); the others are figures.
  const line = (cells) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
    .join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---- Pages --------------------------------------------------------------

function run(file, args) {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
  } catch (error) {
    const stderr = error.stderr ? String(error.stderr).trim() : '';
    fail(`${path.basename(file)} ${args.join(' ')} failed${stderr ? ':\n' + stderr : `: ${error.message}`}`);
  }
}

// Writes the corpus, the graph and one page per size into `dir`; returns the
// graph's counts and the list of pages, smallest first.
function makePages(options, dir, corpusBin, notes) {
  const corpus = path.join(dir, 'corpus.jsonl');
  const graphFile = path.join(dir, 'graph.json');
  console.error(`writing a ${options.corpusMb} MB corpus and its graph in ${dir}`);
  run(corpusBin, ['--mb', String(options.corpusMb), '-o', corpus]);
  run(options.bin, ['build', corpus, '-o', graphFile, '-q']);
  const graph = JSON.parse(fs.readFileSync(graphFile, 'utf8'));
  const graphNodes = graph.nodes.length;
  const graphEdges = graph.edges.length;
  console.error(`graph: ${count(graphNodes)} nodes, ${count(graphEdges)} edges`);

  const pages = [];
  for (const size of options.sizes) {
    if (size >= graphNodes) {
      notes.push(`the graph has only ${count(graphNodes)} nodes, so the --max-nodes ${size} page is the whole ` +
        'graph; use a larger --corpus-mb');
    }
    const file = path.join(dir, `page-${size}.html`);
    run(options.bin, ['merge', graphFile, '-o', file, '--max-nodes', String(size), '-q']);
    pages.push({ label: count(size), maxNodes: size, file });
  }
  const wholeLabel = `all (${count(graphNodes)})`;
  if (graphNodes <= maxUncappedNodes) {
    const file = path.join(dir, 'page-all.html');
    run(options.bin, ['merge', graphFile, '-o', file, '-q']);
    pages.push({ label: wholeLabel, maxNodes: null, file });
  } else {
    notes.push(`the page of the whole graph (${count(graphNodes)} nodes) is not measured: over ` +
      `${count(maxUncappedNodes)} nodes`);
  }
  for (const page of pages) {
    page.bytes = fs.statSync(page.file).size;
    // A binary built without the viewer writes a notice instead.
    if (fs.readFileSync(page.file, 'utf8').includes('id="no-viewer"')) {
      fail(`${page.file} has no viewer: claimgraph was built without it (viewer/node_modules/cytoscape ` +
        'missing at build time)');
    }
  }
  return { graphNodes, graphEdges, documents: fs.readFileSync(corpus, 'utf8').split('\n').filter(Boolean).length,
    pages };
}

// ---- Browser ------------------------------------------------------------

// Runs in the page, polled on every animation frame. Once the viewer exists
// it asks for two more frames and returns the time of the second one (in ms
// since navigation start), which is then also the sign that it is done.
function interactive() {
  const w = window;
  if (w.__viewerLoadPaintedAt) return w.__viewerLoadPaintedAt;
  if (w.claimgraphViewer && !w.__viewerLoadArmed) {
    w.__viewerLoadArmed = true;
    requestAnimationFrame(() => requestAnimationFrame(() => {
      w.__viewerLoadPaintedAt = performance.now();
    }));
  }
  return false;
}

// Runs in the page once it is interactive: what is on it.
function pageFigures() {
  const viewer = window.claimgraphViewer;
  const cy = viewer && viewer.cy;
  const memory = performance.memory;
  return {
    nodes: cy ? cy.nodes().length : null,
    edges: cy ? cy.edges().length : null,
    visibleNodes: cy ? cy.nodes(':visible').length : null,
    heapBytes: memory ? memory.usedJSHeapSize : null,
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class Browser {
  constructor(chromium) {
    this.chromium = chromium;
    this.browser = null;
  }

  async open() {
    if (this.browser) return this.browser;
    this.browser = await this.chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      // As in tests/browser_test.mjs: no sandbox (root), no GPU, none of
      // Chromium's background connections. Precise memory info makes
      // performance.memory exact instead of rounded.
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--enable-precise-memory-info'],
    });
    return this.browser;
  }

  async close() {
    const browser = this.browser;
    this.browser = null;
    if (browser) await Promise.race([browser.close().catch(() => {}), sleep(30000)]);
  }

  // Opens `file` in a fresh context and returns
  // { status: 'ok' | 'timeout' | 'error', ms, inPageMs, nodes, edges, visibleNodes, heapBytes, error }.
  async measure(file, timeoutMs) {
    const browser = await this.open();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const pageErrors = [];
    let result;
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      const start = performance.now();
      // 'commit': do not wait for the load event, which comes only after
      // the page's own script has run.
      await page.goto(pathToFileURL(file).href, { waitUntil: 'commit', timeout: timeoutMs });
      const left = Math.max(1, timeoutMs - (performance.now() - start));
      const handle = await page.waitForFunction(interactive, null, { polling: 'raf', timeout: left });
      const ms = performance.now() - start;
      const inPageMs = await handle.jsonValue();
      result = { status: 'ok', ms, inPageMs, ...(await page.evaluate(pageFigures)) };
    } catch (error) {
      if (error.name === 'TimeoutError') {
        result = { status: 'timeout' };
      } else {
        result = { status: 'error', error: String(error.message || error).split('\n')[0] };
      }
    }
    if (pageErrors.length) result.pageErrors = pageErrors;
    // A page still busy in its script may be slow to close; if the context
    // does not close in time, start again with a new browser.
    const closed = await Promise.race([context.close().then(() => true, () => false), sleep(30000).then(() => false)]);
    if (!closed) await this.close();
    return result;
  }
}

// ---- Main ---------------------------------------------------------------

const argv = process.argv.slice(2);
const options = parseArgs(argv);
const corpusBin = path.join(path.dirname(options.bin), 'claimgraph_corpus');
const isExecutable = (file) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};
if (!isExecutable(options.bin)) fail(`${options.bin} not found or not executable (build the project first, or --bin PATH)`);
if (!isExecutable(corpusBin)) fail(`${corpusBin} not found (it is built with the benchmarks, next to claimgraph)`);
if (!isExecutable(chromiumPath)) {
  fail(`${chromiumPath} not found (apt-get install chromium, or set CLAIMGRAPH_CHROMIUM to a Chromium binary)`);
}
if (!fs.existsSync(path.join(playwrightDir, 'index.mjs'))) fail(`${playwrightDir} not found (run npm ci in viewer/)`);
const { chromium } = await import(pathToFileURL(path.join(playwrightDir, 'index.mjs')).href);

const reproduce = commandLine(argv);
console.error(`command: ${reproduce}`);

let dir;
if (options.keep) {
  fs.mkdirSync(options.keep, { recursive: true });
  dir = options.keep;
} else {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-viewer-load-'));
  // Removed however the script ends, Ctrl-C included.
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}

const notes = [];
const made = makePages(options, dir, corpusBin, notes);
const timeoutMs = options.timeout * 1000;
const browser = new Browser(chromium);
const results = [];
let chromiumVersion = '';
let skipRest = null;  // why the remaining pages are not run
try {
  chromiumVersion = (await browser.open()).version();
  for (const page of made.pages) {
    const entry = { page: page.label, maxNodes: page.maxNodes, file: page.file, pageBytes: page.bytes, runs: [] };
    results.push(entry);
    if (skipRest) {
      entry.skipped = skipRest;
      continue;
    }
    for (let r = 1; r <= options.runs; r++) {
      const result = await browser.measure(page.file, timeoutMs);
      entry.runs.push(result);
      const shown = result.status === 'ok' ? `${seconds(result.ms)} s`
        : result.status === 'timeout' ? `> ${options.timeout} s (timed out)` : `error: ${result.error}`;
      console.error(`page ${page.label}, run ${r}/${options.runs}: ${shown}`);
      if (result.status === 'timeout' && options.skip) {
        skipRest = `not run: the ${page.label} page timed out`;
        if (r < options.runs) entry.skippedRuns = options.runs - r;
        break;
      }
    }
  }
} finally {
  await browser.close();
}

// Sums up each page's runs: a timed-out run counts as longer than any other.
for (const entry of results) {
  const done = entry.runs.filter((r) => r.status === 'ok');
  const timedOut = entry.runs.filter((r) => r.status === 'timeout').length;
  const errors = entry.runs.filter((r) => r.status === 'error');
  const times = entry.runs.filter((r) => r.status !== 'error').map((r) => (r.status === 'ok' ? r.ms : Infinity));
  entry.timeouts = timedOut;
  entry.errors = errors.length;
  entry.medianMs = times.length ? median(times) : null;
  entry.minMs = times.length ? Math.min(...times) : null;
  entry.maxMs = times.length ? Math.max(...times) : null;
  const first = done[0] || {};
  entry.nodes = first.nodes ?? null;
  entry.edges = first.edges ?? null;
  entry.visibleNodes = first.visibleNodes ?? null;
  const heaps = done.map((r) => r.heapBytes).filter((h) => h !== null && h !== undefined);
  entry.heapBytes = heaps.length ? median(heaps) : null;
  if (errors.length) notes.push(`${entry.page}: ${errors.length} run(s) failed: ${errors[0].error}`);
  const pageErrors = entry.runs.flatMap((r) => r.pageErrors || []);
  if (pageErrors.length) notes.push(`${entry.page}: the page reported errors: ${pageErrors[0]}`);
  if (entry.skippedRuns) notes.push(`${entry.page}: ${entry.skippedRuns} more run(s) not run after the timeout`);
  if (entry.skipped) notes.push(`${entry.page}: ${entry.skipped} (--no-skip runs it anyway)`);
}

const limit = `> ${options.timeout} s`;
const time = (ms) => (ms === null ? '' : ms === Infinity ? limit : `${seconds(ms)} s`);
const rows = results.map((e) => [
  e.page,
  megabytes(e.pageBytes),
  count(e.nodes),
  count(e.edges),
  count(e.visibleNodes),
  e.skipped ? 'not run' : time(e.medianMs),
  e.minMs === null ? '' : e.minMs === e.maxMs ? time(e.minMs)
    : e.maxMs === Infinity ? `${seconds(e.minMs)} s – ${limit}` : `${seconds(e.minMs)}–${seconds(e.maxMs)} s`,
  megabytes(e.heapBytes),
  e.skipped ? '0' : `${e.runs.filter((r) => r.status === 'ok').length}/${e.runs.length}`,
]);

console.log(`claimgraph viewer: time to interactive in headless Chromium ${chromiumVersion}`);
console.log(`corpus: ${options.corpusMb} MB, ${count(made.documents)} documents -> graph of ` +
  `${count(made.graphNodes)} nodes, ${count(made.graphEdges)} edges; ${options.runs} run(s) per page, ` +
  `timeout ${options.timeout} s; ${os.cpus().length} cores`);
console.log('');
console.log(table(['max nodes', 'page MB', 'nodes', 'edges', 'visible', 'interactive', 'min–max', 'heap MB', 'done'],
  rows));
console.log('');
console.log('interactive: from page.goto until window.claimgraphViewer exists and two animation frames have run ' +
  '(median); nodes, edges, visible: on the page (cy); heap: performance.memory.usedJSHeapSize (median); ' +
  'MB = 10^6 bytes');
for (const note of notes) console.log(`note: ${note}`);
if (options.keep) console.log(`pages kept in ${dir}`);
console.log(`reproduce: ${reproduce}`);

if (options.json) {
  const finite = (ms) => (ms === null || ms === Infinity ? null : Math.round(ms));
  const report = {
    command: reproduce,
    date: new Date().toISOString(),
    environment: {
      node: process.version,
      chromium: chromiumVersion,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0] ? os.cpus()[0].model : '',
      platform: `${os.platform()} ${os.release()}`,
      claimgraph: run(options.bin, ['--version']).trim(),
    },
    corpusMb: options.corpusMb,
    documents: made.documents,
    graphNodes: made.graphNodes,
    graphEdges: made.graphEdges,
    runsPerPage: options.runs,
    timeoutSeconds: options.timeout,
    notes,
    pages: results.map((e) => ({
      page: e.page,
      maxNodes: e.maxNodes,
      pageBytes: e.pageBytes,
      nodes: e.nodes,
      edges: e.edges,
      visibleNodes: e.visibleNodes,
      // null where the page timed out (see timeouts) or was not run.
      medianMs: finite(e.medianMs),
      minMs: finite(e.minMs),
      maxMs: finite(e.maxMs),
      timeouts: e.timeouts,
      errors: e.errors,
      skipped: e.skipped || null,
      heapBytes: e.heapBytes,
      runs: e.runs.map((r) => ({
        status: r.status,
        ms: r.status === 'ok' ? Math.round(r.ms) : null,
        // The same moment by the page's own clock (ms since navigation start).
        inPageMs: r.status === 'ok' ? Math.round(r.inPageMs) : null,
        heapBytes: r.heapBytes ?? null,
        error: r.error || null,
      })),
    })),
  };
  fs.writeFileSync(options.json, JSON.stringify(report, null, 2) + '\n');
  console.log(`json: ${options.json}`);
}
