// Peak memory and time of the corpus scan as it grows (issue 15.2): `scan --format json --out
// DIR` over K renamed copies of the corpus (hard links, as bench/corpus-scan.mjs makes them),
// one run per size, measured by /usr/bin/time -v (wall, user + system CPU, maximum RSS).
// Prints each size's figures and its time relative to 1×; a crash (a signal, or an exit code
// other than the decision's 0/1/2/3) fails the bench.
// Usage: node bench/scan-memory.mjs [--copies 1,4,10] [--corpus DIR] [--bundle dist/cli/index.js]
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const opts = { copies: [1, 4, 10], corpus: '../shared/corpus', bundle: 'dist/cli/index.js' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--copies') opts.copies = argv[++i].split(',').map(Number);
  else if (a === '--corpus') opts.corpus = argv[++i];
  else if (a === '--bundle') opts.bundle = argv[++i];
  else {
    console.error(`unknown argument ${a}`);
    process.exit(2);
  }
}
if (!existsSync(opts.bundle) || !existsSync('/usr/bin/time')) {
  console.error(`needs ${opts.bundle} (npm run build) and /usr/bin/time`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'agent-gate-memory-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** K copies of each repository, renamed (`<name>-copyN`), as hard links. */
function copies(corpus, k) {
  const repos = readdirSync(corpus)
    .filter((d) => statSync(join(corpus, d)).isDirectory())
    .sort();
  if (k === 1) return repos.map((d) => resolve(corpus, d));
  const root = join(work, `corpus-${k}x`);
  const link = (from, to) => {
    if (statSync(from).isDirectory()) {
      mkdirSync(to, { recursive: true });
      for (const e of readdirSync(from)) link(join(from, e), join(to, e));
    } else linkSync(from, to);
  };
  const out = [];
  for (let n = 1; n <= k; n++)
    for (const d of repos) {
      link(join(corpus, d), join(root, `${d}-copy${n}`));
      out.push(join(root, `${d}-copy${n}`));
    }
  return out;
}

const figure = (text, label) => {
  const m = new RegExp(`${label}: (.+)`).exec(text);
  return m ? m[1].trim() : '';
};
const seconds = (clock) =>
  clock
    .split(':')
    .map(Number)
    .reduce((s, x) => s * 60 + x, 0);

let base;
console.log('copies  repositories      wall      CPU   peak RSS   report.json   time ÷ 1×');
for (const k of opts.copies) {
  const repos = copies(opts.corpus, k);
  const out = join(work, `out-${k}x`);
  const stats = join(work, `time-${k}x.txt`);
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-v',
      '-o',
      stats,
      process.execPath,
      opts.bundle,
      'scan',
      ...repos,
      '-f',
      'json',
      '--out',
      out,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 },
  );
  const text = readFileSync(stats, 'utf8');
  const status = Number(figure(text, 'Exit status'));
  if (r.signal || /Command terminated by signal/.test(text) || ![0, 1, 2, 3].includes(status)) {
    console.error(
      `${k}×: the scan crashed (${r.signal ?? status}): ${String(r.stderr).slice(-500)}`,
    );
    process.exit(1);
  }
  const wall = seconds(figure(text, 'Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)'));
  const cpu =
    Number(figure(text, 'User time \\(seconds\\)')) +
    Number(figure(text, 'System time \\(seconds\\)'));
  const rss = Number(figure(text, 'Maximum resident set size \\(kbytes\\)')) / 1024;
  const size = statSync(join(out, 'report.json')).size / 1e6;
  base ??= wall / k;
  console.log(
    `${`${k}×`.padStart(6)} ${String(repos.length).padStart(13)} ${wall.toFixed(1).padStart(8)} s ${cpu.toFixed(1).padStart(7)} s ${rss.toFixed(0).padStart(7)} MB ${size.toFixed(1).padStart(10)} MB ${(wall / base).toFixed(2).padStart(10)}`,
  );
  rmSync(out, { recursive: true, force: true });
  if (k !== 1) rmSync(join(work, `corpus-${k}x`), { recursive: true, force: true });
}
