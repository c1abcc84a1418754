/**
 * Robustness over the real-world corpus (`../shared/corpus`, see its README.md): every
 * workflow GitHub would run is evaluated without a tool error, `scan` over all repositories
 * agrees with the per-file results, and every file that is not a workflow (action.yml,
 * config YAML, gh-aw markdown sources) gets a clear input error with a location — never a
 * crash. Runs in-process through `runCli`, the same code path as the CLI bundle.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { withBomFacts } from '../cli/json-report.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus');

if (!existsSync(join(CORPUS, 'MANIFEST.tsv'))) {
  throw new Error(
    `The real-world corpus is missing: expected it at ${CORPUS} (../shared/corpus relative to the repository root, with MANIFEST.tsv). CI always provides it; this test does not skip.`,
  );
}

/**
 * Top-level workflow files that are genuinely not valid workflows (invalid YAML, or not a
 * workflow at all), with the reason, each checked by reading the file. They must get exit 2
 * with a path:line:column error. Empty: every top-level `.github/workflows/*.y{a,}ml` file
 * of the corpus is a valid workflow (the one invalid YAML file of the corpus is
 * Z3Prover__z3/.github/actions/daily-perf-improver/build-steps/action.yml, an action, and is
 * covered by the non-workflow group below).
 */
const INVALID_WORKFLOWS: Readonly<Record<string, string>> = {};

/**
 * Action files (`action.y{a,}ml`) are first-class input (issue 10): evaluated like a workflow
 * with one job, `action`. The ones that are genuinely invalid, with the reason.
 */
const INVALID_ACTIONS: Readonly<Record<string, string>> = {
  'Z3Prover__z3/.github/actions/daily-perf-improver/build-steps/action.yml':
    'invalid YAML: a heredoc body at column 1 ends the `run: |` block scalar',
};

const WORKFLOW = /^[^/]+\/\.github\/workflows\/[^/]+\.ya?ml$/i;
const YAML_FILE = /\.ya?ml$/i;
const GH_AW_MARKDOWN = /^[^/]+\/\.github\/workflows\/.+\.md$/i;

const EXIT: Readonly<Record<string, number>> = { allow: 0, blocked: 1, 'approval-required': 3 };
const SEVERITY: Readonly<Record<string, number>> = { allow: 0, 'approval-required': 1, blocked: 2 };

/** Corpus files as `<owner>__<repo>/…` paths with `/` separators, sorted. */
function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), rel);
      else if (entry.isFile() && prefix) out.push(rel);
    }
  };
  walk(CORPUS, '');
  return out.sort();
}

const FILES = corpusFiles();
const WORKFLOWS = FILES.filter((f) => WORKFLOW.test(f));
const ACTION_FILE = /(^|\/)action\.ya?ml$/i;
/** Action files `scan` discovers: at a repository's root or under its `.github/actions/`. */
const SCANNED_ACTION =
  /^[^/]+\/(?:action\.ya?ml|\.github\/actions\/(?:[^/]+\/){1,5}action\.ya?ml)$/i;
const ACTIONS = FILES.filter((f) => ACTION_FILE.test(f) && !WORKFLOW.test(f));
const OTHER_YAML = FILES.filter(
  (f) => YAML_FILE.test(f) && !WORKFLOW.test(f) && !ACTION_FILE.test(f),
);
const MARKDOWN = FILES.filter((f) => GH_AW_MARKDOWN.test(f));
const REPOS_WITH_WORKFLOWS = [...new Set(WORKFLOWS.map((f) => f.split('/')[0]!))].sort();

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(argv: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    now: () => new Date(),
  });
  return { code, stdout, stderr };
}

function evaluate(path: string): Promise<CliResult> {
  // --policy baseline: independent of whatever .github/agent-gate.yml the cwd may hold.
  return cli(['evaluate', '--workflow', path, '--policy', 'baseline', '--format', 'json']);
}

interface JsonLocation {
  readonly path: string;
  readonly line: number;
  readonly column: number;
}
interface JsonAgent {
  readonly id: string;
  readonly location: JsonLocation;
}
interface JsonFinding {
  readonly ruleId: string;
  readonly decision: string;
  readonly location: JsonLocation;
}
interface JsonJob {
  readonly workflow: string;
  readonly id: string;
  readonly decision: string;
  readonly agents: readonly JsonAgent[];
}
interface JsonReport {
  readonly schemaVersion: number;
  readonly decision: string;
  readonly errors: readonly { readonly path: string; readonly message: string }[];
  readonly jobs: readonly JsonJob[];
  readonly findings: readonly JsonFinding[];
}

/** Parses a `--format json` document and checks the shape DESIGN.md §8 promises. */
function checkReport(stdout: string, where: string): JsonReport {
  let report: JsonReport;
  try {
    // Agents are named by id in a job's verdict; their records (with locations) are in the BOM.
    report = withBomFacts(JSON.parse(stdout) as JsonReport);
  } catch (error) {
    throw new Error(`${where}: stdout is not JSON: ${String(error)}\n${stdout.slice(0, 500)}`);
  }
  expect(report.schemaVersion, where).toBe(1);
  expect(Object.keys(EXIT), `${where}: decision`).toContain(report.decision);
  expect(Array.isArray(report.jobs), `${where}: jobs is an array`).toBe(true);
  expect(Array.isArray(report.errors), `${where}: errors is an array`).toBe(true);
  expect(Array.isArray(report.findings), `${where}: findings is an array`).toBe(true);
  for (const job of report.jobs) {
    expect(typeof job.id, `${where}: job id`).toBe('string');
    expect(Object.keys(EXIT), `${where}: job ${job.id} decision`).toContain(job.decision);
    expect(Array.isArray(job.agents), `${where}: job ${job.id} agents`).toBe(true);
    for (const agent of job.agents)
      expect(typeof agent.id, `${where}: job ${job.id} agent id`).toBe('string');
    // The overall decision is never milder than any job's.
    expect(
      SEVERITY[report.decision]!,
      `${where}: decision vs job ${job.id}`,
    ).toBeGreaterThanOrEqual(SEVERITY[job.decision]!);
  }
  return report;
}

/** `agent-gate: <path>:<line>:<column>: <message>` on stderr, and nothing that reads as a crash. */
function expectLocatedInputError(result: CliResult, path: string): void {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(result.stderr, path).not.toMatch(/internal error/i);
  expect(result.code, `${path}\n${result.stderr}`).toBe(2);
  expect(result.stdout, path).toBe('');
  expect(result.stderr, path).toMatch(new RegExp(`^agent-gate: ${escaped}:\\d+:\\d+: \\S`));
}

interface WorkflowResult {
  readonly code: number;
  readonly report: JsonReport | undefined;
}

/** Each workflow is evaluated once; the scan test reuses the results (or computes them alone). */
const results = new Map<string, Promise<WorkflowResult>>();

function evaluateWorkflowFile(rel: string): Promise<WorkflowResult> {
  let result = results.get(rel);
  if (!result) {
    result = (async () => {
      const path = join(CORPUS, rel);
      const run = await evaluate(path);
      expect(run.stderr, path).not.toMatch(/internal error/i);
      if (rel in INVALID_WORKFLOWS) {
        expectLocatedInputError(run, path);
        return { code: run.code, report: undefined };
      }
      expect([0, 1, 3], `${path}: exit code\n${run.stderr}`).toContain(run.code);
      const report = checkReport(run.stdout, path);
      expect(run.code, `${path}: exit code matches decision ${report.decision}`).toBe(
        EXIT[report.decision],
      );
      // One verdict per job of the file, no more, no fewer.
      const text = readFileSync(path, 'utf8');
      const jobs = (parse(text, { merge: true }) as { jobs: Record<string, unknown> }).jobs;
      expect(report.jobs.map((j) => j.id).sort(), `${path}: job ids`).toEqual(
        Object.keys(jobs).sort(),
      );
      // Every agent and finding points at a real place in this file.
      const lines = text.split('\n');
      const located = [
        ...report.jobs.flatMap((j) => j.agents.map((a) => [`agent ${a.id}`, a.location] as const)),
        ...report.findings.map((f) => [`finding ${f.ruleId}`, f.location] as const),
      ];
      for (const [what, at] of located) {
        const where = `${path}: ${what} at ${JSON.stringify(at)}`;
        // A finding may sit in a config file of the same repository (.mcp.json, settings).
        const own = at.path === path;
        if (!own)
          expect(
            at.path.startsWith(`${path.slice(0, path.indexOf('/.github/workflows/'))}/`),
            where,
          ).toBe(true);
        const fileLines = own ? lines : readFileSync(at.path, 'utf8').split('\n');
        expect(at.line, where).toBeGreaterThanOrEqual(1);
        expect(at.line, where).toBeLessThanOrEqual(fileLines.length);
        expect(at.column, where).toBeGreaterThanOrEqual(1);
        expect(at.column, where).toBeLessThanOrEqual((fileLines[at.line - 1] ?? '').length + 1);
      }
      return { code: run.code, report };
    })();
    results.set(rel, result);
  }
  return result;
}

describe('real-world corpus', () => {
  it('is complete: every MANIFEST.tsv entry is present', () => {
    const manifest = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split('\t')[0]!);
    expect(manifest.length).toBeGreaterThan(1000);
    expect(new Set(FILES.filter((f) => f !== 'MANIFEST.tsv' && f !== 'README.md'))).toEqual(
      new Set(manifest),
    );
    expect(WORKFLOWS.length).toBeGreaterThan(1000);
    for (const rel of Object.keys(INVALID_WORKFLOWS))
      expect(WORKFLOWS, 'allow-listed file exists').toContain(rel);
  });

  describe('evaluate: every top-level workflow', () => {
    it.each(WORKFLOWS)('%s', async (rel) => {
      await evaluateWorkflowFile(rel);
    });
  });

  describe('evaluate: YAML that is not a workflow is a located input error', () => {
    it.each(OTHER_YAML)('%s', async (rel) => {
      const path = join(CORPUS, rel);
      expectLocatedInputError(await evaluate(path), path);
    });
  });

  describe('evaluate: action files are evaluated as one job (or a located input error)', () => {
    it.each(ACTIONS)('%s', async (rel) => {
      const path = join(CORPUS, rel);
      const run = await evaluate(path);
      if (rel in INVALID_ACTIONS) return expectLocatedInputError(run, path);
      expect(run.stderr, path).not.toMatch(/internal error/i);
      expect([0, 1, 3], `${path}\n${run.stderr}`).toContain(run.code);
      const report = checkReport(run.stdout, path);
      expect(report.jobs.map((j) => j.id)).toEqual(['action']);
      const root = `${CORPUS}/${rel.split('/')[0]!}/`;
      for (const f of report.findings) expect(f.location.path.startsWith(root), path).toBe(true);
    });
  });

  describe('evaluate: gh-aw markdown sources are a located input error', () => {
    it.each(MARKDOWN)('%s', async (rel) => {
      const path = join(CORPUS, rel);
      expectLocatedInputError(await evaluate(path), path);
    });
  });

  it(
    'scan over all repositories at once agrees with the per-file results',
    { timeout: 180_000 },
    async () => {
      const run = await cli([
        'scan',
        ...REPOS_WITH_WORKFLOWS.map((r) => join(CORPUS, r)),
        '--policy',
        'baseline',
        '--format',
        'json',
      ]);
      expect(run.stderr).not.toMatch(/internal error/i);
      const report = checkReport(run.stdout, 'scan');

      const scannedActions = ACTIONS.filter(
        (f) => SCANNED_ACTION.test(f) && REPOS_WITH_WORKFLOWS.includes(f.split('/')[0]!),
      );
      const invalid = [
        ...Object.keys(INVALID_WORKFLOWS),
        ...Object.keys(INVALID_ACTIONS).filter((f) => scannedActions.includes(f)),
      ]
        .map((rel) => join(CORPUS, rel))
        .sort();
      // A file that cannot be parsed makes the scan an input error (exit 2); the rest is
      // still decided and reported.
      expect(run.code, run.stderr).toBe(invalid.length > 0 ? 2 : EXIT[report.decision]);
      expect(report.errors.map((e) => e.path).sort()).toEqual(invalid);
      for (const error of report.errors) expect(error.message).toMatch(/:\d+:\d+: /);

      const perFile = new Map<string, number>();
      let sum = 0;
      let worst = invalid.length > 0 ? 'blocked' : 'allow';
      for (const rel of WORKFLOWS) {
        const { report: fileReport } = await evaluateWorkflowFile(rel);
        if (!fileReport) continue;
        perFile.set(join(CORPUS, rel), fileReport.jobs.length);
        sum += fileReport.jobs.length;
        if (SEVERITY[fileReport.decision]! > SEVERITY[worst]!) worst = fileReport.decision;
      }
      for (const rel of scannedActions) {
        if (rel in INVALID_ACTIONS) continue;
        perFile.set(join(CORPUS, rel), 1);
        sum += 1;
      }
      expect(report.jobs.length).toBe(sum);
      const scanned = new Map<string, number>();
      for (const job of report.jobs)
        scanned.set(job.workflow, (scanned.get(job.workflow) ?? 0) + 1);
      expect(scanned).toEqual(perFile);
      expect(report.decision).toBe(worst);
    },
  );
});

afterAll(async () => {
  const settled = await Promise.allSettled([...results.values()]);
  const reports = settled.flatMap((s) =>
    s.status === 'fulfilled' && s.value.report ? [s.value.report] : [],
  );
  if (reports.length === 0) return;
  const count = (values: Iterable<string>): string => {
    const tally = new Map<string, number>();
    for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
    return [...tally]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  };
  const jobs = reports.flatMap((r) => r.jobs);
  const withAgents = jobs.filter((j) => j.agents.length > 0);
  console.log(
    [
      `corpus tally: ${reports.length} workflow files evaluated (of ${WORKFLOWS.length}, ${REPOS_WITH_WORKFLOWS.length} repositories; ${Object.keys(INVALID_WORKFLOWS).length} allow-listed invalid), ${jobs.length} jobs`,
      `  files by decision: ${count(reports.map((r) => r.decision))}`,
      `  jobs by decision:  ${count(jobs.map((j) => j.decision))}`,
      `  jobs with agents:  ${withAgents.length} — by agent id: ${count(withAgents.flatMap((j) => [...new Set(j.agents.map((a) => a.id))]))}`,
      `  non-workflow YAML: ${OTHER_YAML.length}, gh-aw markdown: ${MARKDOWN.length} (each a located input error)`,
    ].join('\n'),
  );
});
