/**
 * `scan --github` as users run it: the CLI bundle (dist/cli/index.js) spawned against the
 * loopback REST stand-in — a rate limit waited out (AGENT_GATE_TIME_SCALE speeds the told
 * wait up; no real minute passes), and a run killed with SIGKILL half way that, run again
 * with the same --cache, reads only what it did not have and writes the same report.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { generatedOrg, startGithubServer } from './github-server.js';
import type { Fault, GithubServer } from './github-server.js';
import { readReport } from './json-report.js';

let server: GithubServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function runBundle(
  api: GithubServer,
  args: string[],
  kill?: (requests: number) => boolean,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/cli/index.js', 'scan', ...args], {
      env: {
        PATH: process.env.PATH,
        GITHUB_TOKEN: 'test-token',
        GITHUB_API_URL: api.url,
        AGENT_GATE_TIME_SCALE: '1000',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = kill
      ? setInterval(() => {
          if (kill(api.requests.length)) child.kill('SIGKILL');
        }, 1)
      : undefined;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, stderr });
    });
  });
}

describe('the bundled CLI: scan --github', () => {
  it('waits out a secondary rate limit, then decides every repository', async () => {
    const faults: Fault[] = [
      {
        match: /\/orgs\/acme\/repos/,
        times: 1,
        status: 403,
        message: 'You have exceeded a secondary rate limit',
        headers: { 'retry-after': '30' },
      },
    ];
    server = await startGithubServer({
      repos: generatedOrg('acme', 10),
      orgs: new Set(['acme']),
      faults,
    });
    const out = tempDir();
    const run = await runBundle(server, ['--github', 'acme', '-f', 'json', '--out', out, '-q']);
    expect(run.stderr).toMatch(
      /secondary rate limit on GET \/orgs\/{owner}\/repos; retry 1 in 30s/,
    );
    expect(run.stderr).not.toContain('test-token');
    const report = readReport(readFileSync(join(out, 'report.json'), 'utf8')) as {
      decision: string;
      repositories: unknown[];
      errors: unknown[];
    };
    expect(report.decision).not.toBe('allow');
    expect(run.code).toBe(report.decision === 'blocked' ? 1 : 3);
    expect(report.repositories).toHaveLength(10);
    expect(report.errors).toEqual([]);
  }, 60_000);

  it('killed half way, a second run with the same --cache finishes with the same report, reading nothing twice', async () => {
    server = await startGithubServer({ repos: generatedOrg('acme', 80), orgs: new Set(['acme']) });
    const whole = tempDir();
    const first = await runBundle(server, ['--github', 'acme', '-f', 'json', '--out', whole, '-q']);
    expect(first.code).not.toBe(2);
    const total = server.requests.length;
    server.requests.length = 0;
    const cache = tempDir();
    const args = ['--github', 'acme', '--cache', cache, '-f', 'json', '-q'];
    const killed = await runBundle(server, [...args, '--out', tempDir()], (n) => n >= total / 2);
    expect(killed.signal).toBe('SIGKILL');
    const before = new Set(server.requests.filter((r) => r.status === 200).map((r) => r.url));
    server.requests.length = 0;
    const resumedOut = tempDir();
    const resumed = await runBundle(server, [...args, '--out', resumedOut]);
    expect(resumed.code).toBe(first.code);
    expect(readFileSync(join(resumedOut, 'report.json'), 'utf8')).toBe(
      readFileSync(join(whole, 'report.json'), 'utf8'),
    );
    // Only requests in flight at the kill (at most the client's 10 concurrent) are read again.
    const again = server.requests.filter((r) => r.status === 200 && before.has(r.url));
    expect(again.length).toBeLessThanOrEqual(10);
    expect(server.requests.filter((r) => r.status === 304).length).toBeGreaterThan(0);
    expect(server.requests.length).toBeLessThan(total);
  }, 120_000);
});
