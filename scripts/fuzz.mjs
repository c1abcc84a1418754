// npm run fuzz [-- --seed N] [--cases N] [--corpus DIR]: the seeded adversarial fuzz
// (bench/fuzz/run-fuzz.ts for the properties) over mutated corpus workflows, random policies
// and event payloads. The engine is bundled from source with ncc (as `npm run build` does,
// no tsx) into .tmp/fuzz and run in a worker thread; the watchdog here reports a hang when no
// case finishes for --stall seconds. Prints one summary line; exit 1 on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, '.tmp', 'fuzz');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  if (value === undefined) {
    console.error(`fuzz: --${name} needs a value`);
    process.exit(2);
  }
  return value;
}

const seed = Number(option('seed', '1'));
const cases = Number(option('cases', '10000'));
const stall = Number(option('stall', '120'));
const corpus = resolve(option('corpus', join(ROOT, '..', 'shared', 'corpus')));
for (const [name, value] of Object.entries({ seed, cases, stall })) {
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`fuzz: --${name} must be a whole number`);
    process.exit(2);
  }
}
if (!existsSync(corpus)) {
  console.error(`fuzz: no corpus at ${corpus} (give --corpus)`);
  process.exit(2);
}

const build = spawnSync(
  process.execPath,
  [
    join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    join(ROOT, 'bench/fuzz/worker.ts'),
    '-o',
    OUT,
    '--transpile-only',
    '--quiet',
  ],
  { stdio: 'inherit' },
);
if (build.status !== 0) {
  console.error('fuzz: could not bundle bench/fuzz/worker.ts');
  process.exit(2);
}

const started = process.hrtime.bigint();
const worker = new Worker(join(OUT, 'index.js'), { workerData: { seed, cases, corpus } });
let last = 0;
let quiet = 0;
const watchdog = setInterval(() => {
  quiet += 1;
  if (quiet >= stall) {
    console.error(`fuzz: hang: no progress for ${stall} s after case ${last} (seed ${seed})`);
    void worker.terminate().then(() => process.exit(1));
  }
}, 1000);
worker.on('message', (message) => {
  quiet = 0;
  if ('progress' in message) {
    last = message.progress;
    if (last % 1000 === 0 && last > 0) console.error(`fuzz: ${last}/${cases}`);
    return;
  }
  clearInterval(watchdog);
  const { summary, corpusFiles } = message;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const f of summary.failures.slice(0, 20))
    console.error(
      `fuzz: FAIL case ${f.case} (seed ${seed}): ${f.property}\n  ${f.detail.split('\n').slice(0, 6).join('\n  ')}`,
    );
  const o = summary.outcomes;
  console.log(
    `fuzz: ${summary.cases} cases, seed ${summary.seed}, ${summary.failures.length} failures (allow ${o.allow}, approval-required ${o['approval-required']}, blocked ${o.blocked}, located errors ${o.error}; ${summary.monotonicChecks} monotonicity checks; policies ${summary.policies.valid} valid, ${summary.policies.invalid} refused; ${corpusFiles} corpus workflows; ${seconds.toFixed(0)} s)`,
  );
  process.exitCode = summary.failures.length > 0 ? 1 : 0;
});
worker.on('error', (error) => {
  clearInterval(watchdog);
  console.error(`fuzz: crashed after case ${last} (seed ${seed}): ${error.stack ?? error}`);
  process.exit(1);
});
