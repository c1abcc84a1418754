// The org scan against a loopback GitHub: `agent-gate scan --github <org>` as users run it
// (the CLI bundle, spawned), against the REST stand-in of the tests (test/cli/github-server.ts)
// serving generated repositories of five shapes. Measures, every HTTP request counted:
//   cold   — a fresh --cache: requests per repository by kind, wall time (median of --runs);
//   warm   — the same cache again: only conditional requests (304), wall time;
//   resume — a fresh cache, the process killed (SIGKILL) half way through its requests, then
//            run again: requests of the second run, anything read twice, same report as cold;
//   corpus — the 69 real repositories of ../shared/corpus served as one organisation: requests
//            per repository for real-shaped repositories (the basis of the 10,000 estimate).
// Reports; never gates (exit 0 unless a run goes wrong).
//
//   npm run build && node bench/org-scan.mjs [--repos 500] [--runs 3] [--corpus-only]
//
// The TypeScript server is transpiled on import with the project's own `typescript` (this
// file doubles as the module-loader hook, as bench/approval-requests.mjs does).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

export async function resolve(specifier, context, next) {
  if (
    context.parentURL?.endsWith('.ts') &&
    specifier.endsWith('.js') &&
    (specifier.startsWith('.') || specifier.startsWith('/'))
  ) {
    const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(ts))) return { url: ts.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const { default: ts } = await import('typescript');
  const { outputText } = ts.transpileModule(readFileSync(fileURLToPath(url), 'utf8'), {
    fileName: fileURLToPath(url),
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
    },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}

const CLI = 'dist/cli/index.js';
const TIME = '/usr/bin/time';

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number`);
  return value;
}

/** Spawns the scan; `killAfter(requests)` true kills it. Resolves with code and wall ms. */
function scan(server, cache, out, killAfter, owner = 'bench') {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const argv = [CLI, 'scan', '--github', owner, '--cache', cache, '-f', 'json', '--out', out];
    // Peak RSS through GNU time, except for a run to be killed (the kill must reach node).
    const timed = !killAfter && existsSync(TIME);
    const child = spawn(
      timed ? TIME : process.execPath,
      timed ? ['-f', 'maxrss=%M', process.execPath, ...argv, '--quiet'] : [...argv, '--quiet'],
      {
        env: { PATH: process.env.PATH, GITHUB_TOKEN: 'bench', GITHUB_API_URL: server.url },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let timer;
    if (killAfter)
      timer = setInterval(() => {
        if (killAfter(server.requests.length)) child.kill('SIGKILL');
      }, 2);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      const rss = /maxrss=(\d+)/.exec(stderr);
      done({
        code,
        signal,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        stderr,
        rssMb: rss ? Number(rss[1]) / 1024 : undefined,
      });
    });
  });
}

function kinds(requests) {
  const out = {};
  for (const r of requests) {
    const kind = /\/git\/blobs\//.test(r.url)
      ? 'blob'
      : /\/git\/trees\//.test(r.url)
        ? 'tree'
        : /\/commits\//.test(r.url)
          ? 'head'
          : /\/(orgs|users)\/[^/]+\/repos/.test(r.url)
            ? 'list'
            : 'other';
    const key = r.status === 304 ? `${kind} 304` : r.status === 200 ? kind : `${kind} ${r.status}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n) => (Math.round(n * 100) / 100).toString();

/** The corpus's repositories served as one organisation, scanned once with a fresh cache. */
async function corpusRun(work, startGithubServer) {
  const corpusDir = '../shared/corpus';
  let corpusLine = `  corpus : ${corpusDir} not found`;
  if (existsSync(corpusDir)) {
    const { filesOf } = await import('../test/cli/github-server.ts');
    const { readdirSync, statSync } = await import('node:fs');
    const corpus = new Map();
    for (const name of readdirSync(corpusDir).sort())
      if (statSync(join(corpusDir, name)).isDirectory())
        corpus.set(`corpus/${name}`, { files: filesOf(join(corpusDir, name)) });
    const corpusServer = await startGithubServer({ repos: corpus, orgs: new Set(['corpus']) });
    try {
      const r = await scan(
        corpusServer,
        join(work, 'corpus'),
        join(work, 'out-corpus'),
        undefined,
        'corpus',
      );
      const k = kinds(corpusServer.requests);
      const n = corpusServer.requests.length;
      const files = [...corpus.values()].reduce((a, repo) => a + Object.keys(repo.files).length, 0);
      const report = JSON.parse(readFileSync(join(work, 'out-corpus', 'report.json'), 'utf8'));
      const errors = report.errors.map((e) => e.path).join(', ');
      corpusLine = `  corpus : ${corpus.size} repositories (${files} files), exit ${r.code} (files not decided: ${errors || 'none'}), ${fmt(r.ms / 1000)} s wall, peak RSS ${r.rssMb === undefined ? '?' : fmt(r.rssMb)} MB; ${n} requests = ${fmt(n / corpus.size)}/repository ${JSON.stringify(k)}`;
    } finally {
      await corpusServer.close();
    }
  }

  return corpusLine;
}

async function main() {
  if (!existsSync(CLI)) throw new Error(`${CLI} missing: run npm run build first`);
  const repos = option('--repos', 500);
  const runs = option('--runs', 3);
  register(import.meta.url, import.meta.url);
  const { generatedOrg, startGithubServer } = await import('../test/cli/github-server.ts');
  if (process.argv.includes('--corpus-only')) {
    const work = mkdtempSync(join(tmpdir(), 'org-scan-bench-'));
    try {
      console.log(await corpusRun(work, startGithubServer));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return;
  }
  const server = await startGithubServer({
    repos: generatedOrg('bench', repos),
    orgs: new Set(['bench']),
  });
  const work = mkdtempSync(join(tmpdir(), 'org-scan-bench-'));
  try {
    const check = (r, what) => {
      if (r.code !== 1 && r.code !== 3) throw new Error(`${what}: exit ${r.code}\n${r.stderr}`);
    };
    // Cold: a fresh cache each run.
    const cold = [];
    const rss = [];
    let coldKinds;
    for (let i = 0; i < runs; i++) {
      server.requests.length = 0;
      const r = await scan(server, join(work, `cold-${i}`), join(work, `out-cold-${i}`));
      check(r, 'cold run');
      cold.push(r.ms);
      if (r.rssMb !== undefined) rss.push(r.rssMb);
      coldKinds = kinds(server.requests);
    }
    const coldTotal = Object.values(coldKinds).reduce((a, b) => a + b, 0);
    // Warm: the last cold run's cache again.
    const warm = [];
    let warmKinds;
    for (let i = 0; i < runs; i++) {
      server.requests.length = 0;
      const r = await scan(server, join(work, `cold-${runs - 1}`), join(work, `out-warm-${i}`));
      check(r, 'warm run');
      warm.push(r.ms);
      if (r.rssMb !== undefined) rss.push(r.rssMb);
      warmKinds = kinds(server.requests);
    }
    const warmTotal = Object.values(warmKinds).reduce((a, b) => a + b, 0);
    // Resume: killed half way through the cold run's requests, then run again.
    server.requests.length = 0;
    const half = Math.floor(coldTotal / 2);
    const killed = await scan(
      server,
      join(work, 'resume'),
      join(work, 'out-killed'),
      (n) => n >= half,
    );
    const firstRequests = [...server.requests];
    const read = new Set(firstRequests.filter((r) => r.status === 200).map((r) => r.url));
    server.requests.length = 0;
    const resumed = await scan(server, join(work, 'resume'), join(work, 'out-resumed'));
    check(resumed, 'resumed run');
    const resumedKinds = kinds(server.requests);
    const resumedTotal = server.requests.length;
    // Read twice can only be what was in flight when the process was killed.
    const readTwice = kinds(server.requests.filter((r) => r.status === 200 && read.has(r.url)));
    const same =
      readFileSync(join(work, 'out-resumed', 'report.json'), 'utf8') ===
      readFileSync(join(work, 'out-cold-0', 'report.json'), 'utf8');

    const perRepo = (n) => fmt(n / repos);
    console.log(
      `org scan: ${repos} generated repositories, loopback REST, CLI bundle, median of ${runs}`,
    );
    console.log(
      `  cold   : ${fmt(median(cold) / 1000)} s wall (runs: ${cold.map((m) => fmt(m / 1000)).join(', ')} s); ${coldTotal} requests = ${perRepo(coldTotal)}/repository ${JSON.stringify(coldKinds)}`,
    );
    console.log(
      `  warm   : ${fmt(median(warm) / 1000)} s wall; ${warmTotal} requests = ${perRepo(warmTotal)}/repository ${JSON.stringify(warmKinds)}`,
    );
    console.log(
      `  resume : killed (${killed.signal ?? `exit ${killed.code}`}) after ${firstRequests.length} requests; the second run sent ${resumedTotal} ${JSON.stringify(resumedKinds)}, ${fmt(resumed.ms / 1000)} s wall; read twice (in flight at the kill): ${JSON.stringify(readTwice)}; report identical to the cold run's: ${same}`,
    );
    if (rss.length > 0)
      console.log(
        `  memory : peak RSS ${fmt(Math.max(...rss))} MB (largest of the cold and warm runs)`,
      );
    console.log(await corpusRun(work, startGithubServer));
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
