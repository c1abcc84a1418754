// Cost of deciding one agent job in a fresh process, against the floor (DESIGN.md §9): a bare
// Node process that imports `yaml` and parses the same file. Times, as wall clock around a
// spawned child, the floor, Node's own start, the CLI bundle and the action bundle run with a
// runner-shaped environment. Reports; never gates (exit 0 whatever the ratios).
//
//   node bench/decide-one-job.mjs [--runs N] [--workflow <file>] [--job <id>] [--dist DIR] [--vs DIR]
//
// --workflow is a path inside ../shared/corpus (or any path); --job names a job in it.
// --dist times the bundles of another build (default: ./dist); --vs DIR adds that build's CLI
// and action as two more rows, interleaved with the others (a before / after in one run).
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const FLOOR_SCRIPT = join(ROOT, 'bench', 'parse-floor.mjs');
const GOAL = 2.0;

const DEFAULT_WORKFLOW = 'anthropics__claude-code-action/.github/workflows/claude.yml';
const DEFAULT_JOB = 'claude';

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    runs: 15,
    workflow: DEFAULT_WORKFLOW,
    job: undefined,
    dist: join(ROOT, 'dist'),
    vs: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === '--runs') {
      options.runs = Number(value());
      if (!Number.isInteger(options.runs) || options.runs < 1)
        fail('--runs must be a positive integer');
    } else if (flag === '--workflow') options.workflow = value();
    else if (flag === '--job') options.job = value();
    else if (flag === '--dist') options.dist = resolve(value());
    else if (flag === '--vs') options.vs = resolve(value());
    else if (flag === '--help' || flag === '-h') {
      console.log(
        'usage: node bench/decide-one-job.mjs [--runs N] [--workflow <file>] [--job <id>] [--dist DIR] [--vs DIR]',
      );
      process.exit(0);
    } else fail(`unknown argument: ${arg}`);
  }
  if (options.workflow === DEFAULT_WORKFLOW && options.job === undefined) options.job = DEFAULT_JOB;
  if (options.job === undefined) fail('--job <id> is needed with --workflow');
  return options;
}

const options = parseArgs(process.argv.slice(2));
const source = [resolve(options.workflow), join(CORPUS, options.workflow)].find((p) =>
  existsSync(p),
);
if (!source) fail(`workflow not found: ${options.workflow} (looked in the cwd and in ${CORPUS})`);
if (!/\.ya?ml$/i.test(source)) fail(`not a .yml/.yaml file: ${source}`);
const bundles = (dist) => ({ cli: join(dist, 'cli', 'index.js'), action: join(dist, 'index.js') });
const CLI_BUNDLE = bundles(options.dist).cli;
const ACTION_BUNDLE = bundles(options.dist).action;
const VS = options.vs === undefined ? undefined : bundles(options.vs);
for (const bundle of [CLI_BUNDLE, ACTION_BUNDLE, ...(VS ? [VS.cli, VS.action] : [])]) {
  if (!existsSync(bundle)) fail(`${bundle} is missing: run \`npm run build\` first`);
}

// ---- a runner-shaped world in a temp dir -----------------------------------------------

const root = mkdtempSync(join(tmpdir(), 'agent-gate-bench-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));
const workspace = join(root, 'workspace');
const home = join(root, 'home');
const runnerTemp = join(root, 'runner-temp');
const workflowName = basename(source);
const workflowPath = join(workspace, '.github', 'workflows', workflowName);
for (const dir of [
  join(workspace, '.github', 'workflows'),
  home,
  join(runnerTemp, '_runner_file_commands'),
  join(runnerTemp, '_github_workflow'),
]) {
  mkdirSync(dir, { recursive: true });
}
copyFileSync(source, workflowPath);

const GIT_ENV = {
  PATH: process.env.PATH,
  HOME: home,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};
const git = (...args) =>
  execFileSync('git', ['-C', workspace, '-c', 'commit.gpgsign=false', ...args], {
    env: GIT_ENV,
    encoding: 'utf8',
  }).trim();
git('init', '-q');
git('add', '.');
git('commit', '-q', '-m', 'workflow under test');
const sha = git('rev-parse', 'HEAD');

const eventPath = join(runnerTemp, '_github_workflow', 'event.json');
// issue_comment on an issue: no pull request, so the action needs no API call at all.
writeFileSync(
  eventPath,
  JSON.stringify({
    action: 'created',
    issue: {
      number: 7,
      title: 'Crash on start',
      body: 'It crashes.',
      user: { login: 'octocat', type: 'User' },
    },
    comment: {
      id: 1,
      body: '@claude please fix this',
      user: { login: 'octocat', type: 'User' },
      author_association: 'MEMBER',
    },
    repository: {
      full_name: 'acme/app',
      name: 'app',
      owner: { login: 'acme' },
      default_branch: 'main',
    },
    sender: { login: 'octocat', type: 'User' },
  }),
);
const commandFiles = {
  GITHUB_OUTPUT: join(runnerTemp, '_runner_file_commands', 'set_output_bench'),
  GITHUB_STATE: join(runnerTemp, '_runner_file_commands', 'save_state_bench'),
  GITHUB_ENV: join(runnerTemp, '_runner_file_commands', 'set_env_bench'),
  GITHUB_PATH: join(runnerTemp, '_runner_file_commands', 'add_path_bench'),
  GITHUB_STEP_SUMMARY: join(runnerTemp, '_runner_file_commands', 'step_summary_bench'),
};
const resetCommandFiles = () => {
  for (const path of Object.values(commandFiles)) writeFileSync(path, '');
};

// Inputs as the runner sets them: every action.yml input, its default unless given here.
const inputs = {
  policy: '',
  mode: 'audit',
  approval: 'environment',
  evidence: 'file',
  token: 'x',
  jobs: 'current',
  'default-permissions': 'unknown',
};
const BASE_ENV = { PATH: process.env.PATH, HOME: home };
const actionEnv = {
  ...BASE_ENV,
  CI: 'true',
  GITHUB_ACTIONS: 'true',
  ...Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      value,
    ]),
  ),
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_REPOSITORY_OWNER: 'acme',
  GITHUB_WORKFLOW_REF: `acme/app/.github/workflows/${workflowName}@refs/heads/main`,
  GITHUB_WORKFLOW_SHA: sha,
  GITHUB_SHA: sha,
  GITHUB_REF: 'refs/heads/main',
  GITHUB_JOB: options.job,
  GITHUB_EVENT_NAME: 'issue_comment',
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_ACTOR: 'octocat',
  GITHUB_TRIGGERING_ACTOR: 'octocat',
  // Nothing listens there: an unexpected API call fails fast instead of leaving the machine.
  GITHUB_API_URL: 'http://127.0.0.1:9',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_WORKSPACE: workspace,
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  RUNNER_TEMP: runnerTemp,
  RUNNER_OS: 'Linux',
  ...commandFiles,
};

// ---- what is timed ---------------------------------------------------------------------

const cliSubject = (key, label, bundle) => ({
  key,
  label,
  args: [bundle, 'evaluate', '--workflow', workflowPath, '--job', options.job, '--format', 'json'],
  env: BASE_ENV,
  check: (r) => {
    if (![0, 1, 3].includes(r.code)) return `exit ${r.code}: ${r.stderr.trim()}`;
    const job = JSON.parse(r.stdout).jobs.find((j) => j.id === options.job);
    if (!job) return `job ${options.job} is not in the report`;
    facts.cliDecision ??= job.decision;
    facts.agents ??= job.agents.map((a) => a.id);
    return true;
  },
});
const actionSubject = (key, label, bundle) => ({
  key,
  label,
  args: [bundle],
  env: actionEnv,
  before: resetCommandFiles,
  check: (r) => {
    if (r.code !== 0)
      return `exit ${r.code}: ${(r.stdout + r.stderr).trim().split('\n').slice(-5).join('\n')}`;
    const decision = /^decision<<(\S+)\n(.*)\n\1$/m.exec(
      readFileSync(commandFiles.GITHUB_OUTPUT, 'utf8'),
    );
    if (!decision) return 'no decision output in GITHUB_OUTPUT';
    if (!/read via git/.test(r.stdout))
      return 'the workflow was not read from the local git repository';
    facts.actionDecision ??= decision[2];
    return true;
  },
});
const subjects = [
  {
    key: 'floor',
    label: 'floor: node + yaml parseDocument',
    args: [FLOOR_SCRIPT, workflowPath],
    env: BASE_ENV,
    check: (r) => r.code === 0 || `exit ${r.code}`,
  },
  {
    key: 'node',
    label: "node -e '' (Node's own start)",
    args: ['-e', ''],
    env: BASE_ENV,
    check: (r) => r.code === 0 || `exit ${r.code}`,
  },
  cliSubject('cli', `CLI: evaluate --job ${options.job} --format json`, CLI_BUNDLE),
  actionSubject('action', 'action: dist/index.js (runner env, audit)', ACTION_BUNDLE),
  ...(VS
    ? [
        cliSubject('cli-vs', `CLI of --vs ${options.vs}`, VS.cli),
        actionSubject('action-vs', `action of --vs ${options.vs}`, VS.action),
      ]
    : []),
];
const facts = {};

function run(subject) {
  subject.before?.();
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, subject.args, {
      cwd: workspace,
      env: subject.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      resolvePromise({ code, stdout, stderr, ms });
    });
  });
}

// Warm-up (disk cache, git objects) and a check that each subject does what it claims.
for (const subject of subjects) {
  const result = await run(subject);
  const ok = subject.check(result);
  if (ok !== true) fail(`${subject.label}: ${ok}`);
}

// Interleaved rounds, so that a change of machine load touches every subject alike.
const times = Object.fromEntries(subjects.map((s) => [s.key, []]));
for (let round = 0; round < options.runs; round++) {
  for (const subject of subjects) times[subject.key].push((await run(subject)).ms);
}

// ---- report ----------------------------------------------------------------------------

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const p90 = (values) => {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)];
};
const floor = median(times.floor);
// Each round's subject ÷ the same round's floor, then the median: a change of machine load
// between rounds cancels out (the plain ratio of medians does not).
const paired = (key, base = 'floor') =>
  median(times[key].map((ms, round) => ms / times[base][round]));
const rows = subjects.map((s) => {
  const ratio = median(times[s.key]) / floor;
  const pairedRatio = paired(s.key);
  const verdict =
    s.key === 'floor'
      ? '(the floor)'
      : s.key === 'node'
        ? '(reference)'
        : pairedRatio <= GOAL
          ? 'yes'
          : 'NO';
  return [
    s.label,
    median(times[s.key]).toFixed(1),
    p90(times[s.key]).toFixed(1),
    `${ratio.toFixed(2)}×`,
    `${pairedRatio.toFixed(2)}×`,
    verdict,
  ];
});
const header = [
  '',
  'median ms',
  'p90 ms',
  '× floor',
  'paired × floor',
  `meets ≤ ${GOAL.toFixed(1)}×`,
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');

const rel = source.startsWith(CORPUS) ? source.slice(CORPUS.length + 1) : source;
console.log('agent-gate bench: deciding one agent job in a fresh process');
console.log(
  `workflow: ${rel} (${statSync(source).size} bytes), job \`${options.job}\` — agents: ${facts.agents.join(', ') || 'none'}; decision: CLI ${facts.cliDecision}, action ${facts.actionDecision}`,
);
console.log(
  `node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${options.runs} timed runs each (interleaved) after one warm-up`,
);
console.log('');
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log('');
if (VS)
  console.log(
    `This build ÷ --vs ${options.vs}, paired by round: CLI ${paired('cli', 'cli-vs').toFixed(2)}×, action ${paired('action', 'action-vs').toFixed(2)}×.\n`,
  );
console.log(
  `Goal (DESIGN.md §9): deciding one job costs at most ${GOAL.toFixed(1)}× the floor (a bare Node process that imports yaml and parses the same file).`,
);
const missed = rows.filter((r) => r[5] === 'NO').map((r) => r[0]);
console.log(
  missed.length === 0
    ? 'Both the CLI and the action meet the goal.'
    : `Over the goal: ${missed.join('; ')}.`,
);
