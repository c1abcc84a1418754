/**
 * Indirection through the CLI (issue 10): composite actions (local and remote), reusable
 * workflows (local and remote, evaluated as called), action files as first-class input, and
 * what cannot be read — each an `opaque` path with its location and why. A bad and a good
 * fixture each, under test/fixtures/indirection/.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { withBomFacts } from './json-report.js';
import { tempDir } from '../helpers.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = 'test/fixtures/indirection';
const CACHE = `${DIR}/remote-cache`;

interface JsonPath {
  readonly id: string;
  readonly class: string;
  readonly decision: string;
  readonly rule: string | null;
  readonly reason: string;
  readonly location: { readonly path: string; readonly line: number; readonly column: number };
}
interface JsonReport {
  readonly decision: string;
  readonly errors: readonly unknown[];
  readonly jobs: readonly {
    readonly workflow: string;
    readonly id: string;
    readonly decision: string;
    readonly agents: readonly { readonly id: string }[];
    readonly credentials: readonly { readonly id: string }[];
    readonly paths: readonly JsonPath[];
  }[];
  readonly findings: readonly {
    readonly ruleId: string;
    readonly message: string;
    readonly location: JsonPath['location'];
  }[];
  readonly bom: {
    readonly workflows: readonly {
      readonly path: string;
      readonly jobs: readonly {
        readonly job: string;
        readonly calls:
          | readonly {
              uses: string;
              file: string;
              jobs: { job: string; permissions: Record<string, string> }[];
            }[]
          | null;
        readonly resolvedRefs: readonly { ref: string; sha: string }[] | null;
        readonly paths: readonly {
          readonly id: string;
          readonly class: string;
          readonly why: string | null;
          readonly credentials: readonly string[];
          readonly chain:
            readonly { kind: string; name: string; at: { path: string; line: number } }[] | null;
        }[];
      }[];
    }[];
  };
}

async function scan(...argv: string[]): Promise<{ code: number; report: JsonReport; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['scan', ...argv, '--format', 'json'], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return { code, report: withBomFacts(JSON.parse(out || '{}') as JsonReport), err };
}

const job = (r: JsonReport, workflow: RegExp, id: string) => {
  const found = r.jobs.find((j) => workflow.test(j.workflow) && j.id === id);
  if (!found) throw new Error(`no job ${id} in ${workflow}`);
  return found;
};
const bomJob = (r: JsonReport, workflow: RegExp, id: string) =>
  r.bom.workflows.find((w) => workflow.test(w.path))!.jobs.find((j) => j.job === id)!;

describe('composite actions', () => {
  it('bad: a local composite that publishes with the caller secret and force-pushes main is blocked, located in action.yml', async () => {
    const { code, report } = await scan(`${DIR}/composite-bad`);
    expect(code).toBe(1);
    const release = job(report, /release\.yml$/, 'release');
    expect(release.decision).toBe('blocked');
    const action = `${DIR}/composite-bad/.github/actions/ship/action.yml`;
    const destructive = release.paths.find((p) => p.class === 'destructive')!;
    expect(destructive).toMatchObject({
      decision: 'blocked',
      location: { path: action, line: 20, column: 12 },
    });
    // `${{ inputs.token }}` carries the caller's secrets.NPM_TOKEN: the publish step holds it.
    const publish = bomJob(report, /release\.yml$/, 'release').paths.find(
      (p) => p.class === 'publish',
    )!;
    expect(publish.credentials).toContain('secret:NPM_TOKEN');
    expect(
      publish.chain?.map((c) => `${c.kind}:${c.at.path.split('/').pop()}:${c.at.line}`),
    ).toEqual([
      'job:release.yml:6',
      'step:release.yml:9',
      'action:action.yml:10',
      'step:action.yml:13',
    ]);
    expect(release.paths.some((p) => p.class === 'opaque')).toBe(false);
  });

  it('good: a local composite that runs the tests is allowed, nothing opaque', async () => {
    const { code, report } = await scan(`${DIR}/composite-good`);
    const test = job(report, /ci\.yml$/, 'test');
    expect(test.decision).toBe('allow');
    expect(test.paths.map((p) => p.class).sort()).toEqual(['read', 'run-shell']);
    expect(test.paths.find((p) => p.class === 'run-shell')?.location.path).toBe(
      `${DIR}/composite-good/.github/actions/check/action.yml`,
    );
    expect(code).toBe(0);
  });

  it('a cycle between composite actions is an opaque path at the repeated step, not a hang', async () => {
    const { report } = await scan(`${DIR}/cycle`);
    const loop = bomJob(report, /ci\.yml$/, 'loop');
    const opaque = loop.paths.filter((p) => p.class === 'opaque');
    expect(opaque).toHaveLength(1);
    expect(opaque[0]!.why).toMatch(/^cycle: local:\.github\/actions\/a\/action\.yml/);
    expect(opaque[0]!.chain?.at(-1)).toMatchObject({
      kind: 'step',
      at: { path: `${DIR}/cycle/.github/actions/b/action.yml`, line: 5 },
    });
  });
});

describe('reusable workflows', () => {
  it('bad: secrets: inherit into a called job that merges with --admin blocks the caller job', async () => {
    const { report } = await scan(`${DIR}/reusable-bad`);
    const caller = job(report, /caller\.yml$/, 'release');
    expect(caller.decision).toBe('blocked');
    const bypass = caller.paths.find((p) => p.class === 'bypass-checks')!;
    expect(bypass.location).toMatchObject({
      path: `${DIR}/reusable-bad/.github/workflows/release.yml`,
      line: 14,
    });
    // The called workflow's secret exists for the caller (inherit), located where it is used.
    expect(caller.credentials.map((c) => c.id)).toContain('secret:RELEASE_PAT');
    // The call edge and each called job, with the caller grant ∩ the callee's block.
    const calls = bomJob(report, /caller\.yml$/, 'release').calls!;
    expect(calls).toHaveLength(1);
    expect(calls[0]!.jobs.map((j) => [j.job, j.permissions.contents])).toEqual([
      ['merge', 'write'],
      ['notes', 'read'],
    ]);
    // Once: not also a "local action" gap or an opaque path.
    expect(caller.paths.some((p) => p.class === 'opaque')).toBe(false);
  });

  it('good: a called test job with a mapped secret is allowed; its write block is lowered to the caller grant', async () => {
    const { report } = await scan(`${DIR}/reusable-good`);
    const caller = job(report, /caller\.yml$/, 'test');
    expect(caller.decision).toBe('allow');
    const calls = bomJob(report, /caller\.yml$/, 'test').calls!;
    expect(calls[0]!.jobs[0]).toMatchObject({ job: 'unit', permissions: { contents: 'read' } });
  });

  it('remote: unfetched (offline default) is one opaque path; from --actions-cache the tag is resolved and the remote composite publishes', async () => {
    const offline = await scan(`${DIR}/remote`);
    const before = job(offline.report, /release\.yml$/, 'release');
    expect(before.paths.filter((p) => p.class === 'opaque')).toHaveLength(1);
    expect(before.paths.find((p) => p.class === 'opaque')).toMatchObject({
      decision: 'approval-required',
      rule: 'approve-opaque-with-credentials',
      location: { line: 7, column: 11 },
    });
    expect(before.paths.find((p) => p.class === 'opaque')?.reason).toMatch(/not fetched/);

    const cached = await scan(`${DIR}/remote`, '--actions-cache', CACHE);
    const after = job(cached.report, /release\.yml$/, 'release');
    expect(after.paths.some((p) => p.class === 'opaque')).toBe(false);
    const publish = after.paths.find((p) => p.class === 'publish')!;
    expect(publish.location.path).toBe(
      `${CACHE}/org/tools/2222222222222222222222222222222222222222/publish/action.yml`,
    );
    expect(publish.decision).toBe('approval-required');
    expect(bomJob(cached.report, /release\.yml$/, 'release').resolvedRefs).toEqual([
      { ref: 'org/shared@v1', sha: '1'.repeat(40) },
    ]);
  });
});

describe('action files are first-class input', () => {
  it('bad: a repository whose only CI file is an action.yml is scanned, not refused', async () => {
    const { code, report } = await scan(`${DIR}/action-only`);
    expect(report.errors).toEqual([]);
    expect(code).toBe(1);
    expect(
      job(report, /action\.yml$/, 'action').paths.find((p) => p.class === 'bypass-checks'),
    ).toMatchObject({
      decision: 'blocked',
      location: { path: `${DIR}/action-only/action.yml`, line: 10 },
    });
  });

  it('good: a composite that runs tests scans to allow', async () => {
    const { report } = await scan(`${DIR}/composite-good/.github/actions/check/action.yml`);
    expect(report.jobs.map((j) => `${j.id}:${j.decision}`)).toEqual(['action:allow']);
  });

  it('the template-injection audit runs on composite inputs (zizmor parity), located in action.yml', async () => {
    const policy = join(tempDir(), 'policy.yml');
    writeFileSync(
      policy,
      'version: 1\nextends: baseline\nchecks:\n  template-injection: { decision: blocked, options: { minSeverity: low } }\n',
    );
    const { report } = await scan(`${DIR}/action-only`, '--policy', policy);
    const hit = report.findings.find((f) => f.ruleId === 'template-injection')!;
    expect(hit.message).toContain('inputs.title');
    expect(hit.location).toMatchObject({ path: `${DIR}/action-only/action.yml`, line: 10 });
  });
});

describe('agents started through a local action', () => {
  it("claude-code-action's own `uses: ./base-action` lists the agent when the repository is named", async () => {
    const dir = tempDir();
    const wf = join(dir, '.github', 'workflows');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(wf, { recursive: true });
    writeFileSync(
      join(wf, 'test.yml'),
      'on: push\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./base-action\n        with: { prompt: hi }\n',
    );
    const named = await scan(dir, '--repository', 'anthropics/claude-code-action');
    const t = job(named.report, /test\.yml$/, 't');
    expect(t.agents.map((a) => a.id)).toEqual(['claude-code-base-action']);
    // The action file is not there: still an opaque path, with why.
    expect(t.paths.find((p) => p.class === 'opaque')?.reason).toMatch(
      /base-action\/action\.yml: no such file/,
    );
    const anonymous = await scan(dir);
    expect(job(anonymous.report, /test\.yml$/, 't').agents).toEqual([]);
  });
});
