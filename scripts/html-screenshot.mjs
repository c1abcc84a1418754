// Renders HTML reports in headless Chromium and writes PNG screenshots; fails (exit 1) when a
// page logs a console error or warning, throws, violates its Content-Security-Policy, has an
// empty action-control graph, or its script did not run. Talks to Chromium over the DevTools
// protocol on a pipe (--remote-debugging-pipe: no port, no dependency).
//
//   node scripts/html-screenshot.mjs [--out DIR] [report.html ...]
//
// Without files it first writes the reports itself with the built CLI (npm run build):
// examples/, the hostile fixture test/fixtures/html/hostile/ and, when present, the shared
// corpus (../shared/corpus/*/). Chromium: $CHROMIUM, else chromium / chromium-browser /
// google-chrome on PATH (Debian: apt-get install -y chromium).
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const files = [];
let outDir = '.tmp/screenshots';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') outDir = args[++i] ?? outDir;
  else files.push(args[i]);
}
outDir = resolve(outDir);
mkdirSync(outDir, { recursive: true });

function findChromium() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      // not this one
    }
  }
  throw new Error('no Chromium found: set CHROMIUM or apt-get install -y chromium');
}

/** The reports to look at when none are named: written with the built CLI. */
function defaultReports() {
  const cli = 'dist/cli/index.js';
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
  const scan = (name, dirs) => {
    const file = join(outDir, `${name}.html`);
    let stderr = '';
    try {
      execFileSync(process.execPath, [cli, 'scan', ...dirs, '--format', 'html', '--out', file], {
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      // Exit 1 / 3 are decisions; 2 is a file that could not be read (the corpus has some).
      if (![1, 2, 3].includes(error.status)) throw error;
      stderr = String(error.stderr ?? '');
    }
    if (!existsSync(file)) throw new Error(`agent-gate wrote no ${file}:\n${stderr}`);
    return file;
  };
  const reports = [scan('examples', ['examples'])];
  if (existsSync('test/fixtures/html/hostile'))
    reports.push(scan('hostile', ['test/fixtures/html/hostile']));
  const corpus = resolve('../shared/corpus');
  if (existsSync(corpus)) {
    const repos = readdirSync(corpus, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `${join(corpus, d.name)}/`);
    reports.push(scan('corpus', repos));
  }
  return reports;
}

class Browser {
  constructor(binary) {
    this.profile = mkdtempSync(join(tmpdir(), 'agent-gate-chromium-'));
    this.child = spawn(
      binary,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        '--no-first-run',
        '--disable-extensions',
        '--remote-debugging-pipe',
        `--user-data-dir=${this.profile}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    this.next = 1;
    this.pending = new Map();
    this.listeners = [];
    let buffer = '';
    this.child.stdio[4].on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
        if (message.id !== undefined) {
          const waiter = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error)
            waiter?.reject(new Error(`${waiter.method}: ${message.error.message}`));
          else waiter?.resolve(message.result);
        } else for (const listen of this.listeners) listen(message);
      }
    });
  }

  send(method, params = {}, sessionId) {
    const id = this.next++;
    const message = { id, method, params, ...(sessionId ? { sessionId } : {}) };
    return new Promise((resolvePromise, reject) => {
      this.pending.set(id, { resolve: resolvePromise, reject, method });
      this.child.stdio[3].write(`${JSON.stringify(message)}\0`);
    });
  }

  async close() {
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill();
    await exited;
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 5 });
  }
}

const CHECK = `(() => {
  const graphs = [...document.querySelectorAll('svg.graph')];
  const emptyGraphs = graphs.filter((svg) => {
    const box = svg.getBBox();
    return svg.querySelectorAll('g.node').length === 0 || box.width < 10 || box.height < 10;
  }).length;
  const controls = document.getElementById('repo-controls');
  return {
    title: document.title,
    graphs: graphs.length,
    emptyGraphs,
    scripts: document.scripts.length,
    injected: document.querySelectorAll('img, iframe, object, embed, [onload], [onerror], [onclick], style:not(head > style)').length,
    scriptRan: controls !== null && controls.hidden === false,
    jobsNeedingAttention: document.querySelectorAll('#attention-table tbody tr').length,
    height: Math.ceil(document.documentElement.scrollHeight),
    loadMs: Math.round(performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? -1),
  };
})()`;

const taken = new Set();
/** The screenshot's name: the report's, numbered when two reports share one. */
function shotName(file) {
  const base = basename(file, '.html');
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

const INTERACT = `(() => {
  const table = document.getElementById('attention-table');
  if (!table) return 'ok';
  const heads = [...table.tHead.rows[0].cells];
  const col = heads.findIndex((th) => th.textContent.trim() === 'Job');
  const button = heads[col] && heads[col].querySelector('button');
  if (!button) return 'no sort button on the Job header';
  button.click();
  const shown = () => [...table.tBodies[0].rows].filter((r) => !r.hidden);
  const jobs = shown().map((r) => r.cells[col].textContent.trim().toLowerCase());
  if (jobs.length === 0 || jobs.length > Number(table.dataset.page)) return jobs.length + ' rows shown';
  for (let i = 1; i < jobs.length; i++) if (jobs[i - 1] < jobs[i]) return 'not sorted after a click';
  if (heads[col].getAttribute('aria-sort') !== 'descending') return 'aria-sort not set';
  const select = document.querySelector('#attention-table-controls [data-role=decision]');
  select.value = 'approval-required';
  select.dispatchEvent(new Event('change'));
  const rows = shown();
  if (rows.some((r) => r.dataset.decision !== 'approval-required')) return 'the decision filter let other rows through';
  const all = table.querySelectorAll('tbody tr[data-decision="approval-required"]').length;
  if (rows.length !== Math.min(all, Number(table.dataset.page))) return 'the filter shows ' + rows.length + ' of ' + all;
  return 'ok';
})()`;

async function shoot(browser, file) {
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  const send = (method, params) => browser.send(method, params, sessionId);
  const problems = [];
  let loaded;
  const onLoad = new Promise((r) => (loaded = r));
  browser.listeners = [
    (m) => {
      if (m.sessionId !== sessionId) return;
      if (m.method === 'Page.loadEventFired') loaded();
      if (m.method === 'Runtime.exceptionThrown')
        problems.push(`exception: ${m.params.exceptionDetails.text}`);
      if (
        m.method === 'Runtime.consoleAPICalled' &&
        ['error', 'warning', 'assert'].includes(m.params.type)
      )
        problems.push(
          `console.${m.params.type}: ${m.params.args.map((a) => a.value ?? a.description).join(' ')}`,
        );
      if (m.method === 'Log.entryAdded' && ['error', 'warning'].includes(m.params.entry.level))
        problems.push(`${m.params.entry.source} ${m.params.entry.level}: ${m.params.entry.text}`);
    },
  ];
  await send('Page.enable');
  await send('Runtime.enable');
  await send('Log.enable');
  await send('Emulation.setDeviceMetricsOverride', {
    width: 1400,
    height: 1000,
    deviceScaleFactor: 1,
    mobile: false,
  });
  await send('Page.navigate', { url: pathToFileURL(file).href });
  await Promise.race([
    onLoad,
    new Promise((_, no) =>
      setTimeout(() => no(new Error(`${file}: no load event in 60 s`)), 60_000),
    ),
  ]);
  const { result } = await send('Runtime.evaluate', { expression: CHECK, returnByValue: true });
  const facts = result.value;
  if (facts.graphs === 0) problems.push('no action-control graph');
  if (facts.emptyGraphs > 0) problems.push(`${facts.emptyGraphs} empty graph(s)`);
  if (facts.scripts !== 1) problems.push(`${facts.scripts} script elements (expected 1)`);
  if (facts.injected > 0) problems.push(`${facts.injected} injected element(s) or handler(s)`);
  if (!facts.scriptRan) problems.push('the page script did not run');
  const name = shotName(file);
  const shots = [];
  const capture = async (suffix, clip) => {
    const { data } = await send('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      clip: { ...clip, scale: 1 },
    });
    const png = join(outDir, `${name}${suffix}.png`);
    writeFileSync(png, Buffer.from(data, 'base64'));
    shots.push(png);
  };
  await capture('', { x: 0, y: 0, width: 1400, height: Math.min(facts.height, 2600) });
  // The first repository's section, open (a multi-repository report starts with it closed).
  const { result: at } = await send('Runtime.evaluate', {
    expression: `(() => { const d = document.querySelector('details.repo'); if (!d) return -1; d.open = true; return Math.round(d.getBoundingClientRect().top + window.scrollY); })()`,
    returnByValue: true,
  });
  if (at.value >= 0) await capture('-repository', { x: 0, y: at.value, width: 1400, height: 2200 });
  // The table script works: a header click sorts the visible page, the decision filter filters.
  const { result: ui } = await send('Runtime.evaluate', {
    expression: INTERACT,
    returnByValue: true,
  });
  if (ui.value !== 'ok') problems.push(`attention table: ${ui.value}`);
  await browser.send('Target.closeTarget', { targetId });
  return { file, facts, problems, shots };
}

const browser = new Browser(findChromium());
let failed = false;
try {
  const reports = files.length > 0 ? files.map((f) => resolve(f)) : defaultReports();
  for (const file of reports) {
    if (!existsSync(file)) {
      console.log(`${file}: ✗ no such file`);
      failed = true;
      continue;
    }
    const r = await shoot(browser, file);
    const kb = Math.round(statSync(file).size / 1024);
    console.log(
      `${r.file} (${kb} KiB): ${r.facts.graphs} graphs, ${r.facts.jobsNeedingAttention} jobs needing attention, page height ${r.facts.height}px, loaded in ${r.facts.loadMs} ms → ${r.shots.join(', ')}`,
    );
    for (const p of r.problems) console.log(`  ✗ ${p}`);
    if (r.problems.length > 0) failed = true;
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
