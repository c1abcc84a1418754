/**
 * Issue 12 item 7: the CLI decides like the action — each repository by its own
 * `.github/agent-gate.yml` (baseline when it has none), found from the workflow file and
 * never from the current directory — and the report names the policy that decided each.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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

const PUBLISH =
  'on: push\npermissions: { contents: read }\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n';
const BLOCK_PUBLISH =
  'version: 1\nextends: baseline\nrules:\n  - id: no-publishing-here\n    when: { class: publish }\n    decision: blocked\n    reason: This repository never publishes.\n';

function repo(policy: string | undefined): string {
  const root = tempDir('agent-gate-repo-');
  mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(root, '.github', 'workflows', 'release.yml'), PUBLISH);
  if (policy !== undefined) writeFileSync(join(root, '.github', 'agent-gate.yml'), policy);
  return root;
}

interface JsonReport {
  decision: string;
  policy: { sources: string[]; digest: string };
  repositories: { root: string; policy: { sources: string[]; digest: string } }[];
  jobs: { id: string; decision: string }[];
}

describe('scan reads each repository’s own policy', () => {
  it('a repository with a policy is decided by it; one without by baseline', async () => {
    const strict = repo(BLOCK_PUBLISH);
    const plain = repo(undefined);
    const r = await cli('scan', strict, plain, '-f', 'json');
    const doc = readReport(r.out) as JsonReport;
    expect(doc.jobs.map((j) => j.decision)).toEqual(['blocked', 'approval-required']);
    expect(r.code).toBe(1);
    expect(doc.repositories.map((x) => [x.root, x.policy.sources])).toEqual([
      [strict, ['preset:baseline', join(strict, '.github/agent-gate.yml')]],
      [plain, ['preset:baseline']],
    ]);
    expect(doc.repositories[0]!.policy.digest).not.toBe(doc.repositories[1]!.policy.digest);
  });

  it('the text report says which policy decided each repository', async () => {
    const strict = repo(BLOCK_PUBLISH);
    const plain = repo(undefined);
    const r = await cli('scan', strict, plain);
    expect(r.out).toContain('policy per repository:');
    expect(r.out).toMatch(
      new RegExp(
        `^  ${strict}: preset:baseline \\+ ${strict}/\\.github/agent-gate\\.yml \\(sha256:`,
        'm',
      ),
    );
    expect(r.out).toMatch(new RegExp(`^  ${plain}: preset:baseline \\(sha256:`, 'm'));
  });

  it('--policy overrides every repository’s own file', async () => {
    const strict = repo(BLOCK_PUBLISH);
    const r = await cli('scan', strict, '-p', 'baseline', '-f', 'json');
    const doc = readReport(r.out) as JsonReport;
    expect(doc.jobs.map((j) => j.decision)).toEqual(['approval-required']);
    expect(doc.policy.sources).toEqual(['preset:baseline']);
  });
});

describe('evaluate finds the policy beside the workflow, not in the current directory', () => {
  it('a workflow of another repository is decided by that repository’s policy', async () => {
    const strict = repo(BLOCK_PUBLISH);
    // The current directory (this repository) has no .github/agent-gate.yml: baseline
    // would say approval-required; the workflow's repository says blocked.
    const r = await cli('evaluate', join(strict, '.github/workflows/release.yml'), '-f', 'json');
    expect(r.code).toBe(1);
    const doc = readReport(r.out) as JsonReport;
    expect(doc.decision).toBe('blocked');
    expect(doc.policy.sources.at(-1)).toBe(join(strict, '.github/agent-gate.yml'));
  });

  it('a workflow in a repository without a policy is decided by baseline', async () => {
    const plain = repo(undefined);
    const r = await cli('evaluate', join(plain, '.github/workflows/release.yml'), '-f', 'json');
    expect(r.code).toBe(3);
    expect((readReport(r.out) as JsonReport).policy.sources).toEqual(['preset:baseline']);
  });
});

describe('the policy digest depends on content, not on how the path is spelt', () => {
  it('relative, absolute and dotted spellings of one file give one digest; an edit changes it', async () => {
    const root = repo(BLOCK_PUBLISH);
    const file = join(root, '.github', 'agent-gate.yml');
    const spellings = [
      file,
      relative(process.cwd(), file),
      `${root}/.github/../.github/agent-gate.yml`,
    ];
    const digests = await Promise.all(
      spellings.map(async (p) => (await cli('validate', p)).out.match(/sha256:[0-9a-f]{64}/)?.[0]),
    );
    expect(new Set(digests).size).toBe(1);
    expect(digests[0]).toBeDefined();
    writeFileSync(file, `${BLOCK_PUBLISH}# edited\n`);
    const edited = (await cli('validate', resolve(file))).out.match(/sha256:[0-9a-f]{64}/)?.[0];
    expect(edited).not.toBe(digests[0]);
  });
});
