/**
 * Every complete workflow the README shows (users copy them): a job that can be started by a
 * comment skips the gate's own `/agent-gate` command comments with its `if:`, and a job that
 * waits for approval has a `timeout-minutes` longer than the wait it configures.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Job {
  if?: string;
  uses?: string;
  'timeout-minutes'?: number | string;
  with?: Record<string, unknown>;
  steps?: { uses?: string; with?: Record<string, unknown> }[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const readme = readFileSync('README.md', 'utf8');
const workflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? '')
  .filter((t) => /^on:/m.test(t) && /^jobs:/m.test(t))
  .map((t) => parse(t) as Workflow);
const COMMENT_EVENTS = ['issue_comment', 'pull_request_review_comment'];
/** The reusable workflow's evaluate job stops at this many minutes when it waits. */
const REUSABLE_WAIT_JOB_MINUTES = 360;

/** Approval settings of a job: its gate step's, or what it passes to the reusable workflow. */
function gateWith(job: Job): Record<string, unknown> | undefined {
  if (job.uses?.includes('agent-gate/agent-gate/.github/workflows/agent-gate.yml')) return job.with;
  return job.steps?.find((s) => s.uses?.startsWith('agent-gate/agent-gate@'))?.with;
}

describe('README workflows', () => {
  it('has the examples this test reads', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(4);
    expect(workflows.some((w) => Object.keys(w.on).includes('issue_comment'))).toBe(true);
  });

  it("skip the gate's own command comments in every comment-triggered job", () => {
    for (const w of workflows.filter((x) =>
      Object.keys(x.on).some((e) => COMMENT_EVENTS.includes(e)),
    ))
      for (const [id, job] of Object.entries(w.jobs)) {
        if (job.if === undefined && Object.values(w.jobs).some((j) => j !== job && gateWith(j)))
          continue; // a job that `needs:` the gate job is skipped with it
        expect(job.if, `job ${id}`).toContain(
          "!startsWith(github.event.comment.body, '/agent-gate ')",
        );
      }
  });

  it('give a waiting job a timeout longer than its approval wait', () => {
    let waits = 0;
    for (const w of workflows)
      for (const [id, job] of Object.entries(w.jobs)) {
        const gate = gateWith(job);
        if (gate?.approval !== 'wait') continue;
        waits++;
        const wait = Number(gate['timeout-minutes']);
        expect(Number.isInteger(wait), `job ${id} sets the wait's timeout-minutes`).toBe(true);
        const jobMinutes = job.uses ? REUSABLE_WAIT_JOB_MINUTES : Number(job['timeout-minutes']);
        expect(jobMinutes, `job ${id}`).toBeGreaterThan(wait);
      }
    expect(waits).toBeGreaterThanOrEqual(2);
  });

  it('the reusable workflow really stops its waiting evaluate job at that many minutes', () => {
    const reusable = parse(readFileSync('.github/workflows/agent-gate.yml', 'utf8')) as Workflow;
    expect(String(reusable.jobs.evaluate?.['timeout-minutes'])).toContain(
      `inputs.approval == 'wait' && ${REUSABLE_WAIT_JOB_MINUTES}`,
    );
  });
});
