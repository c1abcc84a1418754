/**
 * `scan --jobs N` as users run it: the CLI bundle (dist/cli/index.js, `npm run build`)
 * spawned over a corpus subset. Repositories decided by worker threads come back in the
 * scan's order, so every format — text, JSON, SARIF, Markdown, HTML, and the --out files —
 * is byte-identical to one thread; a repository that fails is its located error in place;
 * a worker that dies (out of memory) fails the scan with a message naming the repository,
 * never a hang and never a report with a repository missing.
 */
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { CORPUS_SUBSET } from '../report/corpus-subset.js';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/cli/index.js', ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const SUBSET = CORPUS_SUBSET.slice(2, 6);

describe('scan --jobs N: the same bytes as one thread', () => {
  it('every format, stdout and --out files, with 1 and 3 workers', async () => {
    for (const format of ['text', 'json', 'sarif', 'markdown', 'html']) {
      const runs = await Promise.all(
        ['1', '3'].map(async (jobs) => {
          const out = format === 'json' ? ['--out', join(tempDir(), 'out')] : [];
          const run = await cli(['scan', ...SUBSET, '--format', format, '--jobs', jobs, ...out]);
          const files =
            out.length === 0
              ? {}
              : Object.fromEntries(
                  readdirSync(out[1]!).map((f) => [f, readFileSync(join(out[1]!, f), 'utf8')]),
                );
          return { run, files };
        }),
      );
      const [one, ...pooled] = runs;
      expect(one!.run.stderr, format).toBe('');
      expect(one!.run.stdout.length, format).toBeGreaterThan(1000);
      for (const p of pooled) {
        expect(p.run.code, format).toBe(one!.run.code);
        expect(p.run.stderr, format).toBe(one!.run.stderr);
        expect(p.run.stdout === one!.run.stdout, `${format} stdout`).toBe(true);
        expect(p.files).toEqual(one!.files);
      }
      if (format === 'json')
        expect(Object.keys(one!.files).sort()).toEqual([
          'findings.sarif',
          'report.json',
          'summary.md',
        ]);
    }
  }, 600_000);

  it('a repository that fails (unreadable policy, unparsable workflow) is its error, in place', async () => {
    const dir = tempDir();
    const repos = ['a-good', 'b-bad-policy', 'c-bad-yaml', 'd-good'].map((name) => join(dir, name));
    for (const repo of repos) cpSync(SUBSET[3]!, repo, { recursive: true });
    writeFileSync(join(repos[1]!, '.github', 'agent-gate.yml'), 'version: 1\nno-such-key: x\n');
    writeFileSync(join(repos[2]!, '.github', 'workflows', 'broken.yml'), 'on: [push\njobs: {\n');
    const one = await cli(['scan', ...repos, '--format', 'json', '--jobs', '1']);
    const two = await cli(['scan', ...repos, '--format', 'json', '--jobs', '2']);
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    const errors = (JSON.parse(two.stdout) as { errors: { path: string; message: string }[] })
      .errors;
    expect(errors.map((e) => e.path)).toEqual([
      repos[1],
      join(repos[2]!, '.github', 'workflows', 'broken.yml'),
    ]);
    expect(errors[0]!.message).toMatch(/repository not scanned/);
  }, 300_000);

  it('a worker that runs out of memory fails the scan, naming the repository (no hang, no report)', async () => {
    const run = await cli(['scan', ...SUBSET, '--format', 'json', '--jobs', '2'], {
      AGENT_GATE_WORKER_HEAP_MB: '2',
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^agent-gate: internal error: scan worker \d (failed|stopped).* deciding .*corpus\/[\w-]+/,
    );
    // The same limit on one thread does not apply: it decides as always.
    const one = await cli(['scan', ...SUBSET, '--format', 'json', '--jobs', '1'], {
      AGENT_GATE_WORKER_HEAP_MB: '2',
    });
    expect(one.code).not.toBe(2);
  }, 300_000);

  it('refuses a --jobs that is not 1–64, and --jobs > 1 with --github', async () => {
    for (const jobs of ['0', '65', 'two']) {
      const run = await cli(['scan', SUBSET[0]!, '--jobs', jobs]);
      expect(run.code, jobs).toBe(2);
      expect(run.stderr, jobs).toMatch(/--jobs must be a whole number from 1 to 64/);
    }
    const github = await cli(['scan', '--github', 'acme', '--jobs', '2']);
    expect(github.code).toBe(2);
    expect(github.stderr).toMatch(/--jobs applies to directory scans/);
  }, 120_000);
});
