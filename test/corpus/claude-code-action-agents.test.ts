/**
 * Issue 10 "Must show" (corpus): the jobs of `anthropics__claude-code-action` that run
 * `uses: ./base-action` list the agent. The repository is named by its corpus directory
 * (`owner__name`), so its own `./base-action` is the catalogued
 * `anthropics/claude-code-action/base-action`. Which jobs run it is read from the files here,
 * not listed by hand; jobs of the same files that do not run it list no such agent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { withBomFacts, readReport } from '../cli/json-report.js';

const REPO = join(
  fileURLToPath(new URL('../../', import.meta.url)),
  '..',
  'shared',
  'corpus',
  'anthropics__claude-code-action',
);
if (!existsSync(REPO)) throw new Error(`the corpus repository is missing: ${REPO}`);
const WORKFLOWS = join(REPO, '.github', 'workflows');

/** `file#job` → whether one of its steps is `uses: ./base-action`. */
function baseActionJobs(): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const file of readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f))) {
    const doc = parse(readFileSync(join(WORKFLOWS, file), 'utf8')) as {
      jobs?: Record<string, { steps?: { uses?: string }[] }>;
    };
    for (const [id, job] of Object.entries(doc.jobs ?? {})) {
      if (!job.steps) continue; // a job that calls a workflow: its callees are checked in their file
      out.set(
        `${file}#${id}`,
        job.steps.some((s) => s.uses?.trim() === './base-action'),
      );
    }
  }
  return out;
}

describe('anthropics__claude-code-action (corpus)', () => {
  it('every job that runs `uses: ./base-action` lists claude-code-base-action; the others do not', async () => {
    let out = '';
    const code = await runCli(['scan', REPO, '--format', 'json'], {
      stdout: (t) => (out += t),
      stderr: () => undefined,
      now: () => new Date('2026-11-21T00:00:00Z'),
    });
    expect(code).not.toBe(2);
    const report = withBomFacts(
      readReport(out) as {
        errors: unknown[];
        jobs: { workflow: string; id: string; agents: { id: string }[] }[];
      },
    );
    expect(report.errors).toEqual([]);
    const expected = baseActionJobs();
    const withAgent = [...expected].filter(([, runs]) => runs).map(([k]) => k);
    expect(withAgent.length).toBeGreaterThanOrEqual(14);
    const seen = new Map(
      report.jobs.map((j) => [
        `${j.workflow.split('/').pop()}#${j.id}`,
        j.agents.some((a) => a.id === 'claude-code-base-action'),
      ]),
    );
    for (const [key, runs] of expected) expect(seen.get(key), key).toBe(runs);
  });
});
