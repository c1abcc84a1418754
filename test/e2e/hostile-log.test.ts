/**
 * End-to-end (the bundle as the runner starts it): the step log never carries a legacy
 * `##[` runner command outside the gate's own `::` command lines. The runner's legacy parser
 * finds `##[` anywhere in a line (not only at its start), so a workflow file, job or step
 * name that carries one must reach plain log lines escaped. Annotation lines (`::error …::`)
 * are parsed as commands first and are left to test/e2e/action.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { apiServers, makeWorkspace, removeTempDirs, runAction } from './harness.js';

const servers = apiServers();
afterAll(async () => {
  await servers.closeAll();
  removeTempDirs();
});

const WORKFLOW = `name: "##[error]workflow-name"
on: push
permissions:
  contents: read
jobs:
  merge:
    name: "##[warning]job-name ::error::x"
    runs-on: ubuntu-latest
    steps:
      - name: "##[add-mask]step-name"
        run: ./missing.sh
        env:
          T: \${{ secrets.T }}
      - run: gh pr merge --admin 1
`;

async function logOf(
  file: string,
): Promise<{ code: number | null; plain: string[]; stdout: string }> {
  const api = await servers.start();
  const ws = makeWorkspace({ [`.github/workflows/${file}`]: WORKFLOW });
  const r = await runAction({
    workflow: file,
    sha: ws.sha,
    job: 'merge',
    event: 'push',
    workspace: ws.dir,
    api: api.url,
  });
  const plain = r.stdout.split(/\r?\n/).filter((l) => !l.trimStart().startsWith('::'));
  return { code: r.code, plain, stdout: r.stdout };
}

describe.concurrent('legacy `##[` commands in the step log', () => {
  it('good: hostile workflow, job and step names reach plain log lines escaped', async () => {
    const r = await logOf('ci.yml');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('step-name'); // the hostile text is there to leak
    expect(r.plain.filter((l) => l.includes('##['))).toEqual([]);
  });

  // Was a gap: run-action.ts logged `Evaluating ${workflowName}@…` raw; every log line now goes
  // through runner-commands.ts, which escapes each line (a workflow file named `x ##[error]y.yml`,
  // which a pull request can add, would otherwise be a live legacy runner command).
  it('bad: a hostile workflow file name reaches plain log lines escaped', async () => {
    const r = await logOf('x ##[error]y.yml');
    expect(r.code).toBe(1);
    expect(r.plain.filter((l) => l.includes('##['))).toEqual([]);
  });
});
