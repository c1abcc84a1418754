/**
 * The scanned repository's identity without `--repository` (issue 10): from the checkout's
 * `origin` remote, else from a mirror directory named `owner__name`. A local action `./P` of
 * repository R is then the remote action `R/P`, so claude-code-action's own
 * `uses: ./base-action` jobs list the agent; an unrelated repository's `./base-action` does not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { repositoryOfUrl } from '../../src/adapters/cli/repo-identity.js';
import { tempDir } from '../helpers.js';
import { withBomFacts, readReport } from './json-report.js';

const WORKFLOW =
  'on: push\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./base-action\n        with: { prompt: hi }\n';

function repo(dir: string, gitConfig?: string): string {
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(dir, '.github', 'workflows', 'test.yml'), WORKFLOW);
  if (gitConfig !== undefined) {
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'config'), gitConfig);
  }
  return dir;
}

async function agentsOf(dir: string): Promise<string[]> {
  let out = '';
  await runCli(['scan', dir, '-f', 'json'], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    now: () => new Date('2026-12-07T00:00:00Z'),
  });
  const report = withBomFacts(
    readReport(out) as { jobs: { id: string; agents: { id: string }[] }[] },
  );
  return report.jobs.find((j) => j.id === 't')!.agents.map((a) => a.id);
}

describe('repository identity', () => {
  it('from the origin remote: ./base-action of anthropics/claude-code-action is the agent', async () => {
    const dir = repo(
      join(tempDir(), 'checkout'),
      '[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://github.com/someone/else.git\n[remote "origin"]\n\turl = git@github.com:anthropics/claude-code-action.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n',
    );
    expect(await agentsOf(dir)).toEqual(['claude-code-base-action']);
  });

  it('from a mirror directory named owner__name', async () => {
    const dir = repo(join(tempDir(), 'anthropics__claude-code-action'));
    expect(await agentsOf(dir)).toEqual(['claude-code-base-action']);
  });

  it("another repository's ./base-action is not an agent (remote or directory name)", async () => {
    const byRemote = repo(
      join(tempDir(), 'checkout'),
      '[remote "origin"]\n\turl = https://github.com/acme/tools\n',
    );
    expect(await agentsOf(byRemote)).toEqual([]);
    expect(await agentsOf(repo(join(tempDir(), 'acme__tools')))).toEqual([]);
    // Neither a remote nor a mirror name: unknown, so nothing is assumed.
    expect(await agentsOf(repo(join(tempDir(), 'claude-code-action')))).toEqual([]);
  });

  it('reads the usual remote URL forms, and refuses what is not owner/name', () => {
    expect(repositoryOfUrl('git@github.com:o/r.git')).toBe('o/r');
    expect(repositoryOfUrl('https://github.com/o/r')).toBe('o/r');
    expect(repositoryOfUrl('ssh://git@github.example.com/o/r.git/')).toBe('o/r');
    expect(repositoryOfUrl('https://github.com/o/r/extra')).toBeUndefined();
    expect(repositoryOfUrl('/srv/git/r.git')).toBeUndefined();
  });
});
