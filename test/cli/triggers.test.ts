/**
 * `scan` decides each trigger of a workflow with its `if:` conditions evaluated for that
 * event, reports the worst run with its trigger named (every run with --all-triggers), and
 * records what cannot run as skipped in the BOM.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';
import { readReport } from './json-report.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return { code, out, err };
}

function repo(workflow: string): string {
  const dir = tempDir('agent-gate-triggers-');
  mkdirSync(join(dir, '.github/workflows'), { recursive: true });
  writeFileSync(join(dir, '.github/workflows/ci.yml'), workflow);
  return dir;
}

const PUBLISH_ON_MAIN = (on: string): string => `on: ${on}
permissions: { contents: read }
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
      - name: Publish
        if: github.ref == 'refs/heads/main'
        run: npm publish
`;

type Doc = {
  decision: string;
  jobs: {
    id: string;
    decision: string;
    trigger: string;
    otherTriggers: { event: string; decision: string }[];
    paths: { class: string }[];
  }[];
  bom: {
    workflows: {
      trigger: { event: string } | undefined;
      jobs: {
        skipped: string | null;
        skippedSteps: { step: number; name: string; reason: string }[];
      }[];
    }[];
  };
};

describe('scan, trigger by trigger', () => {
  it('a step guarded by the main branch does not gate pull requests', async () => {
    const r = await cli('scan', repo(PUBLISH_ON_MAIN('pull_request')), '--format', 'json');
    expect(r.code).toBe(0);
    const doc = readReport(r.out) as Doc;
    expect(doc.jobs[0]!.trigger).toBe('pull_request');
    expect(doc.jobs[0]!.paths.map((p) => p.class)).not.toContain('publish');
    expect(doc.bom.workflows[0]!.jobs[0]!.skippedSteps).toEqual([
      {
        step: 1,
        name: 'Publish',
        reason:
          "`if: github.ref == 'refs/heads/main'` is false for event pull_request, ref refs/pull/…",
      },
    ]);
  });

  it('the worst trigger decides and is named; the others are listed', async () => {
    const r = await cli('scan', repo(PUBLISH_ON_MAIN('[pull_request, push]')), '--format', 'json');
    expect(r.code).toBe(3);
    const doc = readReport(r.out) as Doc;
    expect(doc.jobs).toHaveLength(1);
    expect(doc.jobs[0]).toMatchObject({
      decision: 'approval-required',
      trigger: 'push',
      otherTriggers: [{ event: 'pull_request', decision: 'allow' }],
    });
    const text = await cli('scan', repo(PUBLISH_ON_MAIN('[pull_request, push]')));
    expect(text.out).toMatch(/ci\.yml \(on push; also pull_request → allow\)/);
  });

  it('each job is reported from the trigger where it fares worst', async () => {
    const r = await cli(
      'scan',
      repo(`on: [push, pull_request]
permissions: { contents: read }
jobs:
  on-push:
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    steps:
      - run: docker push ghcr.io/acme/app
  on-pr:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - run: npm publish
`),
      '--format',
      'json',
    );
    const doc = readReport(r.out) as Doc;
    expect(doc.jobs.map((j) => `${j.id}:${j.decision}:${j.trigger}`)).toEqual([
      'on-push:approval-required:push',
      'on-pr:approval-required:pull_request',
    ]);
  });

  it('--all-triggers reports every trigger', async () => {
    const r = await cli(
      'scan',
      repo(PUBLISH_ON_MAIN('[pull_request, push]')),
      '--all-triggers',
      '--format',
      'json',
    );
    const doc = readReport(r.out) as Doc;
    expect(doc.jobs.map((j) => `${j.trigger}:${j.decision}`)).toEqual([
      'pull_request:allow',
      'push:approval-required',
    ]);
  });

  it('a job that cannot run, and the jobs that need it, contribute no paths', async () => {
    const r = await cli(
      'scan',
      repo(`on: pull_request
permissions: { contents: read }
jobs:
  release:
    if: startsWith(github.ref, 'refs/tags/')
    runs-on: ubuntu-latest
    steps:
      - run: npm publish
  announce:
    needs: release
    runs-on: ubuntu-latest
    steps:
      - run: gh release create v1
  cleanup:
    needs: release
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: npm publish
`),
      '--format',
      'json',
    );
    const doc = readReport(r.out) as Doc;
    expect(doc.jobs.map((j) => `${j.id}:${j.decision}`)).toEqual([
      'release:allow',
      'announce:allow',
      'cleanup:approval-required',
    ]);
    expect(doc.bom.workflows[0]!.jobs.map((j) => j.skipped ?? null)).toEqual([
      "`if: startsWith(github.ref, 'refs/tags/')` is false for event pull_request, ref refs/pull/…",
      'needs job release, which cannot run',
      null,
    ]);
  });

  it('a condition it cannot decide keeps the step (may run)', async () => {
    const r = await cli(
      'scan',
      repo(
        PUBLISH_ON_MAIN('pull_request').replace(
          "github.ref == 'refs/heads/main'",
          "steps.x.outputs.ok == 'true'",
        ),
      ),
      '--format',
      'json',
    );
    expect(r.code).toBe(3);
  });
});
