/**
 * A called workflow job's authority (issue 10): its token is the caller's grant intersected
 * with its own `permissions:` (a callee keeps or lowers, never raises), and the caller job's
 * `github-token` credential carries what the called jobs keep, not the grant. The `secrets:`
 * mapping or `inherit` decides which secrets exist in the callee. Both directions, through
 * the CLI.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { readReport } from './json-report.js';

const DIR = 'test/fixtures/called-authority';

interface BomJob {
  readonly job: string;
  readonly permissions: { readonly scopes: Record<string, string> };
  readonly classes: readonly string[];
  readonly credentials: readonly { id: string; write: boolean; note: string }[];
  readonly calls: readonly { jobs: { job: string; permissions: Record<string, string> }[] }[];
}

async function callerJob(fixture: string, id: string): Promise<BomJob> {
  let out = '';
  await runCli(['evaluate', `${DIR}/${fixture}/.github/workflows/caller.yml`, '-f', 'json'], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    now: () => new Date('2026-12-07T00:00:00Z'),
  });
  const report = readReport(out) as { bom: { workflows: { jobs: BomJob[] }[] } };
  const job = report.bom.workflows[0]?.jobs.find((j) => j.job === id);
  if (!job) throw new Error(`no job ${id}`);
  return job;
}

const token = (job: BomJob) => job.credentials.find((c) => c.id === 'github-token')!;

describe("the called job's token", () => {
  it('a callee that lowers the grant: the caller job holds a read-only token, no write-branch', async () => {
    const job = await callerJob('lowered', 'notes');
    expect(job.calls[0]!.jobs[0]!.permissions).toMatchObject({
      contents: 'read',
      'pull-requests': 'none',
    });
    expect(token(job)).toMatchObject({ write: false, note: 'read-only' });
    expect(job.permissions.scopes).toMatchObject({ contents: 'read', 'pull-requests': 'none' });
    expect(job.classes).not.toContain('write-branch');
  });

  it('a callee that asks for more than the grant cannot raise it', async () => {
    const job = await callerJob('raised', 'notes');
    expect(job.calls[0]!.jobs[0]!.permissions).toMatchObject({
      contents: 'read',
      'pull-requests': 'none',
    });
    expect(token(job).write).toBe(false);
  });

  it('a callee without a block keeps the whole grant: the write token stays', async () => {
    const job = await callerJob('kept', 'notes');
    expect(token(job)).toMatchObject({ write: true });
    expect(token(job).note).toMatch(/write: contents, pull-requests/);
    expect(job.classes).toContain('write-branch');
  });
});

describe('which secrets exist in the callee', () => {
  it('a mapping passes only what it names: NPM_TOKEN (as `token`), not DEPLOY_KEY', async () => {
    const ids = (await callerJob('secrets-mapped', 'release')).credentials.map((c) => c.id);
    expect(ids).toContain('secret:NPM_TOKEN');
    expect(ids).not.toContain('secret:DEPLOY_KEY');
  });

  it('inherit passes every secret: DEPLOY_KEY exists in the callee', async () => {
    const ids = (await callerJob('secrets-inherit', 'release')).credentials.map((c) => c.id);
    expect(ids).toContain('secret:DEPLOY_KEY');
  });
});
