/**
 * Expression dataflow through `matrix` and `env`: matrix values (lists, `include`, a matrix
 * computed by `fromJSON` of event text) reach template-injection, and `run: ${{ matrix.cmd }}`
 * / `run: ${{ env.CMD }}` are classified by the commands they can hold; a command that is an
 * expression nothing resolves is an opaque path.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { withBomFacts } from './json-report.js';

const DIR = 'test/fixtures/dataflow';

interface Doc {
  findings: { ruleId: string; message: string; location: { line: number; column: number } }[];
  jobs: {
    decision: string;
    paths: { class: string; reason: string; location: { line: number } }[];
  }[];
}

async function evaluate(file: string): Promise<Doc> {
  let out = '';
  await runCli(['evaluate', '--workflow', `${DIR}/${file}`, '--format', 'json'], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return withBomFacts(JSON.parse(out) as Doc);
}

const injections = (doc: Doc) => doc.findings.filter((f) => f.ruleId === 'template-injection');
const classes = (doc: Doc, cls: string) => doc.jobs[0]!.paths.filter((p) => p.class === cls);

describe('matrix values reach template-injection', () => {
  it.each([
    ['matrix-title-bad.yml', 'matrix.title', 'github.event.issue.title'],
    ['matrix-include-bad.yml', 'matrix.body', 'github.event.comment.body'],
    ['matrix-fromjson-bad.yml', 'matrix.target', 'github.event.comment.body'],
  ])('%s', async (file, via, context) => {
    const found = injections(await evaluate(file));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`(through \`${via}\`)`);
    expect(found[0]!.message).toContain(context);
  });

  it('a matrix value from the comment body reaches an agent prompt (agent-untrusted-input)', async () => {
    const bad = await evaluate('matrix-prompt-bad.yml');
    const hit = bad.findings.filter((f) => f.ruleId === 'agent-untrusted-input');
    expect(hit.length).toBeGreaterThan(0);
    expect(hit[0]!.location.line).toBe(14);
    const good = await evaluate('matrix-prompt-good.yml');
    expect(good.findings.filter((f) => f.ruleId === 'agent-untrusted-input')).toEqual([]);
  });

  it('a matrix of literals injects nothing', async () => {
    expect(injections(await evaluate('matrix-title-good.yml'))).toEqual([]);
  });
});

describe('a command held by the matrix or env is classified', () => {
  it('`run: ${{ matrix.cmd }}` with `gh pr merge --admin` among the values is blocked', async () => {
    const doc = await evaluate('matrix-cmd-bad.yml');
    expect(classes(doc, 'bypass-checks')).toHaveLength(1);
    expect(classes(doc, 'bypass-checks')[0]!.location.line).toBe(12);
    expect(doc.jobs[0]!.decision).toBe('blocked');
  });

  it('`run: ${{ env.CMD }}` with CMD = `gh pr merge --admin 1` is blocked', async () => {
    const doc = await evaluate('env-cmd-bad.yml');
    expect(classes(doc, 'bypass-checks')).toHaveLength(1);
    expect(doc.jobs[0]!.decision).toBe('blocked');
  });

  it.each(['matrix-cmd-good.yml', 'env-cmd-good.yml'])('%s: harmless values', async (file) => {
    const doc = await evaluate(file);
    expect(classes(doc, 'bypass-checks')).toEqual([]);
    expect(classes(doc, 'opaque')).toEqual([]);
    expect(doc.jobs[0]!.decision).toBe('allow');
  });

  it('`run: ${{ inputs.cmd }}` is opaque; the same input as an echo argument is not', async () => {
    const bad = classes(await evaluate('unresolved-bad.yml'), 'opaque');
    expect(bad).toHaveLength(1);
    expect(bad[0]!.reason).toContain('runs a command computed at run time: `${{ inputs.cmd }}`');
    expect(classes(await evaluate('unresolved-good.yml'), 'opaque')).toEqual([]);
  });
});
