// API requests per hour of an `approval: wait` that nobody answers, against the 120/hour
// target (DESIGN.md §6; the GITHUB_TOKEN has 1,000/hour per repository). Runs the real wait
// loop (src/engine/approval/wait.ts) with the real Octokit client (retry + throttling) against
// the loopback GitHub of the tests (test/approval/fake-github.ts), on a fake clock, for waits
// of 1 h, 6 h and 24 h, on a pull request (reviews + comments per poll) and on an issue
// (comments per poll). Every HTTP request the server sees counts: finding and posting the
// request, polls (304s included), the final edit. Reports; never gates (exit 0).
//
//   node bench/approval-requests.mjs [--hours 1,6,24]
//
// No build and no extra dependency: the TypeScript sources are transpiled on import with the
// project's own `typescript` (this file doubles as the module-loader hook).
import { existsSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const TARGET = 120;

// ---- module hooks: `.js` specifiers of TypeScript sources resolve to the `.ts` file, which
// is transpiled (type-only imports are marked `import type` throughout the sources).
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

// ---- the bench
async function main() {
  const hours = parseHours(process.argv.slice(2));
  register(import.meta.url, import.meta.url);
  const { harness } = await import('../test/approval/fake-github.ts');

  const runs = [];
  for (const target of ['pull-request', 'issue'])
    for (const h of hours) runs.push({ target, hours: h });
  const began = Date.now();
  // Concurrently: each run has its own server and fake clock; the client mostly waits.
  const results = await Promise.all(
    runs.map(async (run) => {
      const wait = await harness({ target: run.target, timeoutMinutes: run.hours * 60 });
      try {
        const outcome = await wait.run();
        return { ...run, outcome, log: [...wait.gh.requests] };
      } finally {
        await wait.gh.close();
      }
    }),
  );

  console.log(
    `approval wait: API requests per hour of waiting (target ≤ ${TARGET}/h, every request counted)`,
  );
  console.log(
    `node ${process.version}, ${((Date.now() - began) / 1000).toFixed(1)} s wall clock\n`,
  );
  const rows = [
    ['target', 'wait', 'outcome', 'requests', 'per hour', 'max any 60 min', '304s', '× target', ''],
  ];
  let worst = 0;
  for (const r of results) {
    const total = r.log.length;
    const perHour = total / r.hours;
    const peak = maxInWindow(
      r.log.map((x) => x.at),
      3_600_000,
    );
    const notModified = r.log.filter((x) => x.status === 304).length;
    const ratio = Math.max(perHour, peak) / TARGET;
    worst = Math.max(worst, ratio);
    if (r.outcome.requests !== total)
      console.warn(`note: the loop counted ${r.outcome.requests}, the server saw ${total}`);
    rows.push([
      r.target,
      `${r.hours} h`,
      r.outcome.state,
      String(total),
      perHour.toFixed(1),
      String(peak),
      `${Math.round((100 * notModified) / total)}%`,
      ratio.toFixed(2),
      ratio <= 1 ? 'ok' : 'OVER',
    ]);
  }
  printTable(rows);
  console.log(
    `\nworst ratio ${worst.toFixed(2)} (≤ 1.00 meets the target). 304s do not count against the primary limit, but they are counted here.`,
  );
}

function parseHours(argv) {
  let hours = [1, 6, 24];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    if (flag === '--hours') {
      const value = inline ?? argv[++i] ?? '';
      hours = value.split(',').map(Number);
      if (hours.some((h) => !(h > 0))) fail('--hours takes positive numbers, e.g. 1,6,24');
    } else if (flag === '--help' || flag === '-h') {
      console.log('usage: node bench/approval-requests.mjs [--hours 1,6,24]');
      process.exit(0);
    } else fail(`unknown argument: ${argv[i]}`);
  }
  return hours;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

/** Most requests in any window [t, t + span). */
function maxInWindow(times, span) {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j] < sorted[i] - span + 1) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

function printTable(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const [n, row] of rows.entries()) {
    console.log(
      row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
    );
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(2);
  });
}
