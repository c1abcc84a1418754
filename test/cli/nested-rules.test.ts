/**
 * The detection rules on nested steps (issue 10): the steps of composite actions (local and
 * read from the actions cache) and the jobs of called reusable workflows are checked by the
 * same rules as the caller's own steps, with the caller's values bound into `inputs.*`. Each
 * finding is located in the nested file and names the chain that reached it. A bad and a good
 * fixture each, through the CLI; and an action.yml given directly (zizmor's composite audits).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { readReport } from './json-report.js';

const DIR = 'test/fixtures/nested-rules';

interface Finding {
  readonly ruleId: string;
  readonly kind: 'path' | 'check';
  readonly job: string | null;
  readonly message: string;
  readonly location: { readonly path: string; readonly line: number };
}

async function findings(...argv: string[]): Promise<Finding[]> {
  let out = '';
  await runCli([...argv, '--format', 'json', '--verbose'], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    now: () => new Date('2026-12-07T00:00:00Z'),
  });
  return (readReport(out) as { findings: Finding[] }).findings;
}

const inFile = (all: readonly Finding[], rule: string, path: string) =>
  all.filter((f) => f.ruleId === rule && f.location.path === path);

describe('composite action steps (local)', () => {
  const action = (fixture: string) => `${DIR}/${fixture}/.github/actions/greet/action.yml`;
  const workflow = (fixture: string) => `${DIR}/${fixture}/.github/workflows/triage.yml`;

  it('bad: the issue title bound into inputs.title expands into run:, and @main — located in action.yml, with the chain', async () => {
    const all = await findings('evaluate', workflow('composite-bad'));
    const [injection] = inFile(all, 'template-injection', action('composite-bad'));
    expect(injection).toMatchObject({ job: 'triage', location: { line: 10 } });
    expect(injection!.message).toMatch(/github\.event\.issue\.title/);
    expect(injection!.message).toMatch(
      /reached through job triage \(triage\.yml:\d+\) → step 1 \(triage\.yml:10\) → action \.\/\.github\/actions\/greet \(action\.yml:\d+\)/,
    );
    const [unpinned] = inFile(all, 'unpinned-uses', action('composite-bad'));
    expect(unpinned).toMatchObject({ location: { line: 8 } });
    expect(unpinned!.message).toMatch(/octo\/labeler@main/);
  });

  it('good: the title goes through env and the action is pinned — nothing in action.yml', async () => {
    const all = await findings('evaluate', workflow('composite-good'));
    // (The unfetched remote action inside is an opaque path, not a rule finding.)
    expect(
      all.filter((f) => f.kind === 'check' && f.location.path === action('composite-good')),
    ).toEqual([]);
  });
});

describe('called reusable workflow jobs', () => {
  const callee = (fixture: string) => `${DIR}/${fixture}/.github/workflows/reply.yml`;
  const caller = (fixture: string) => `${DIR}/${fixture}/.github/workflows/comment.yml`;

  it("bad: the caller's comment body passed into inputs.body is template injection in the called job", async () => {
    const all = await findings('evaluate', caller('called-bad'));
    const [injection] = inFile(all, 'template-injection', callee('called-bad'));
    expect(injection).toMatchObject({ job: 'reply', location: { line: 11 } });
    expect(injection!.message).toMatch(/github\.event\.comment\.body/);
    expect(injection!.message).toMatch(
      /reached through job reply \(comment\.yml:\d+\) → workflow \.\/\.github\/workflows\/reply\.yml \(reply\.yml:\d+\) → job answer \(reply\.yml:\d+\)/,
    );
  });

  it('good: a literal passed into the same input raises nothing in the called file', async () => {
    const all = await findings('evaluate', caller('called-good'));
    expect(inFile(all, 'template-injection', callee('called-good'))).toEqual([]);
  });
});

describe('no finding twice', () => {
  it("an agent in a called job is the caller job's agent: its findings are reported once, without the chain", async () => {
    const all = await findings('evaluate', `${DIR}/called-agent/.github/workflows/caller.yml`);
    const bypassed = all.filter((f) => f.ruleId === 'agent-permissions-bypassed');
    expect(bypassed).toHaveLength(1);
    expect(bypassed[0]!.location.path).toBe(`${DIR}/called-agent/.github/workflows/agent.yml`);
  });
});

describe('composite action read from the actions cache', () => {
  it('bad: a remote composite expands the PR title into run:, located in the cached file', async () => {
    const cache = `${DIR}/remote-cache`;
    const all = await findings(
      'evaluate',
      `${DIR}/remote/.github/workflows/triage.yml`,
      '--actions-cache',
      cache,
    );
    const file = `${cache}/org/kit/${'4'.repeat(40)}/greet/action.yml`;
    const [injection] = inFile(all, 'template-injection', file);
    expect(injection!.message).toMatch(/github\.event\.pull_request\.title.*reached through/);
    expect(inFile(all, 'unpinned-uses', file)).toHaveLength(1);
    // The caller's pull_request_target is the caller's finding, not one in the action file.
    expect(
      all.filter((f) => f.ruleId === 'dangerous-triggers').map((f) => f.location.path),
    ).toEqual([`${DIR}/remote/.github/workflows/triage.yml`]);
  });

  it('offline (no cache) the same workflow has no finding in a file it could not read', async () => {
    const all = await findings('evaluate', `${DIR}/remote/.github/workflows/triage.yml`);
    expect(all.filter((f) => f.location.path.includes('remote-cache'))).toEqual([]);
  });
});

describe('an action.yml given directly (zizmor composite audits)', () => {
  it('event text in run: and an @main action are reported, located in the action file', async () => {
    const file = `${DIR}/direct-action.yml`;
    const all = await findings('evaluate', file);
    expect(inFile(all, 'unpinned-uses', file)[0]).toMatchObject({ location: { line: 8 } });
    const injections = inFile(all, 'template-injection', file);
    expect(injections.map((f) => f.message).join('\n')).toMatch(/github\.event\.issue\.title/);
  });
});
