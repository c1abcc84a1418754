/**
 * `scan --github` against a loopback REST API: the same decisions and findings as a
 * directory scan of the same files, listing (org, user fallback, pagination, archived and
 * forks), conditional requests and the on-disk cache, resumption, rate limits, server
 * errors, a hung connection and per-repository errors — with a fake clock for every wait.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/adapters/cli/args.js';
import type { Command } from '../../src/adapters/cli/args.js';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { githubScanCommand } from '../../src/adapters/cli/github-scan.js';
import type { GithubScanDeps } from '../../src/adapters/cli/github-scan.js';
import { tempDir } from '../helpers.js';
import { filesOf, generatedOrg, startGithubServer } from './github-server.js';
import type { FakeRepo, Fault, GithubServer, ServerSetup } from './github-server.js';
import { readReport } from './json-report.js';

const NOW = new Date('2026-11-21T00:00:00Z');
let servers: GithubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serve(setup: ServerSetup): Promise<GithubServer> {
  const server = await startGithubServer(setup);
  servers.push(server);
  return server;
}

interface Run {
  code: number;
  out: string;
  err: string;
  waits: number[];
  hits?: { answers: number; trees: number; blobs: number };
}

async function scanGithub(
  server: GithubServer,
  argv: string[],
  deps: Partial<GithubScanDeps> = {},
): Promise<Run> {
  let out = '';
  let err = '';
  const waits: number[] = [];
  const run: Run = { code: 0, out, err, waits };
  const command = parseArgs(['scan', ...argv]) as Extract<Command, { name: 'scan' }>;
  run.code = await githubScanCommand(
    command,
    { stdout: (t) => (out += t), stderr: (t) => (err += t), now: () => NOW },
    {
      env: { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: server.url },
      // The client's injectable wait: nothing really sleeps.
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      now: () => NOW.getTime(),
      onDone: (stats) => (run.hits = { ...stats.hits }),
      ...deps,
    },
  );
  run.out = out;
  run.err = err;
  return run;
}

async function scanDisk(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['scan', ...argv], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => NOW,
  });
  return { code, out, err };
}

/** The report without what documentedly differs: where each repository's root is. */
function decisionsOf(json: string, strip = ''): unknown {
  const doc = JSON.parse(strip === '' ? json : json.split(strip).join('')) as Record<
    string,
    unknown
  >;
  delete doc.repositories;
  return doc;
}

const SOURCES: Record<string, string> = {
  uv: '../shared/corpus/astral-sh__uv',
  brew: '../shared/corpus/Homebrew__brew',
  'npm-cli': '../shared/corpus/npm__cli',
  'scripts-good': 'test/fixtures/scripts/good',
  'scripts-bad': 'test/fixtures/scripts/bad',
  'composite-bad': 'test/fixtures/indirection/composite-bad',
  'action-only': 'test/fixtures/indirection/action-only',
};

describe('scan --github decides like a directory scan of the same files', () => {
  it('identical decisions, jobs, findings and BOM for each repository (paths under owner/repo)', async () => {
    const repos = new Map<string, FakeRepo>();
    const tmp = tempDir();
    for (const [name, dir] of Object.entries(SOURCES)) {
      repos.set(`acme/${name}`, { files: filesOf(dir) });
      cpSync(dir, join(tmp, 'acme', name), { recursive: true });
    }
    const server = await serve({ repos, orgs: new Set(['acme']) });
    for (const name of Object.keys(SOURCES)) {
      const viaApi = await scanGithub(server, ['--github', `acme/${name}`, '-f', 'json']);
      const onDisk = await scanDisk(
        join(tmp, 'acme', name),
        '--repository',
        `acme/${name}`,
        '-f',
        'json',
      );
      expect(viaApi.err, name).toBe(onDisk.err);
      expect(viaApi.code, name).toBe(onDisk.code);
      expect(decisionsOf(viaApi.out), name).toEqual(decisionsOf(onDisk.out, `${tmp}/`));
    }
    rmSync(tmp, { recursive: true, force: true });
  }, 300_000);
});

function counts(server: GithubServer): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of server.requests) {
    const kind = /\/git\/blobs\//.test(r.url)
      ? 'blob'
      : /\/git\/trees\//.test(r.url)
        ? 'tree'
        : /\/commits\//.test(r.url)
          ? 'head'
          : /\/(orgs|users)\/[^/]+\/repos/.test(r.url)
            ? 'list'
            : 'repo';
    const key = `${kind}${r.status === 304 ? ' 304' : r.status >= 400 || r.status === 0 ? ` ${r.status}` : ''}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

interface JsonReport {
  decision: string;
  repositories: { root: string }[];
  errors: { path: string; message: string }[];
  jobs: { workflow: string; decision: string }[];
}

describe('scan --github <org>: hundreds of repositories', () => {
  it('lists every page, leaves out archived repositories and forks by default, reads each repository once', async () => {
    const repos = generatedOrg('big', 300);
    repos.set('big/zz-archived', {
      files: { '.github/workflows/a.yml': 'on: push\njobs: {}\n' },
      archived: true,
    });
    repos.set('big/zz-fork', {
      files: { '.github/workflows/a.yml': 'on: push\njobs: {}\n' },
      fork: true,
    });
    const server = await serve({ repos, orgs: new Set(['big']) });
    const run = await scanGithub(server, ['--github', 'big', '-f', 'json']);
    expect(run.err).toBe('');
    const report = readReport(run.out) as JsonReport;
    expect(report.errors).toEqual([]);
    expect(report.repositories).toHaveLength(300);
    expect(report.repositories.map((r) => r.root)).not.toContain('big/zz-fork');
    // Agents on issue_comment with write access, scripts that publish: approval or worse.
    expect(report.decision).not.toBe('allow');
    expect(
      report.jobs.find((j) => j.workflow === 'big/repo-0004/.github/workflows/release.yml')
        ?.decision,
    ).toBe('approval-required');
    expect(run.code).toBe(run.out.includes('"decision": "blocked"') ? 1 : 3);
    // 302 listed on 4 pages; one head and one tree per repository; each distinct file read
    // once — the same file in several repositories (same blob SHA) too: 60 + 60 workflows
    // that differ, 5 shared files.
    expect(counts(server)).toEqual({ list: 4, head: 300, tree: 300, blob: 125 });
  }, 120_000);

  it('--include-archived and --include-forks bring them in', async () => {
    const repos = generatedOrg('acme', 2);
    repos.set('acme/old', {
      files: { '.github/workflows/a.yml': 'on: push\njobs: {}\n' },
      archived: true,
    });
    repos.set('acme/copy', {
      files: { '.github/workflows/a.yml': 'on: push\njobs: {}\n' },
      fork: true,
    });
    const server = await serve({ repos, orgs: new Set(['acme']) });
    const roots = async (...flags: string[]): Promise<string[]> =>
      (
        JSON.parse(
          (await scanGithub(server, ['--github', 'acme', ...flags, '-f', 'json'])).out,
        ) as JsonReport
      ).repositories.map((r) => r.root);
    expect(await roots()).toEqual(['acme/repo-0000', 'acme/repo-0001']);
    expect(await roots('--include-archived')).toEqual([
      'acme/old',
      'acme/repo-0000',
      'acme/repo-0001',
    ]);
    expect(await roots('--include-forks')).toEqual([
      'acme/copy',
      'acme/repo-0000',
      'acme/repo-0001',
    ]);
    expect(await roots('--include-archived', '--include-forks')).toHaveLength(4);
  });

  it('falls back to the user when there is no such organisation; an unknown owner is a located error', async () => {
    const server = await serve({ repos: generatedOrg('octocat', 3), orgs: new Set() });
    const run = await scanGithub(server, [
      '--github',
      'octocat',
      '--github',
      'nobody',
      '-f',
      'json',
    ]);
    const report = readReport(run.out) as JsonReport;
    expect(report.repositories.map((r) => r.root)).toEqual([
      'octocat/repo-0000',
      'octocat/repo-0001',
      'octocat/repo-0002',
    ]);
    expect(report.errors).toEqual([
      {
        path: 'nobody',
        message: expect.stringMatching(
          /^nobody: cannot list the repositories \(user, page 1\): .*404/,
        ) as string,
      },
    ]);
    expect(run.code).toBe(2);
    expect(
      server.requests
        .map((r) => r.url.replace(/\?.*/, ''))
        .filter((u) => u.includes('/repos') && !u.startsWith('/repos')),
    ).toEqual([
      '/orgs/octocat/repos',
      '/users/octocat/repos',
      '/orgs/nobody/repos',
      '/users/nobody/repos',
    ]);
  });
});

describe('scan --github: SARIF', () => {
  it('roots each repository at its web address at the scanned commit, one category per repository', async () => {
    const server = await serve({ repos: generatedOrg('acme', 2), orgs: new Set(['acme']) });
    const run = await scanGithub(server, ['--github', 'acme', '-f', 'sarif']);
    const sarif = JSON.parse(run.out) as {
      runs: {
        originalUriBaseIds: Record<string, { uri: string }>;
        automationDetails: { id: string };
      }[];
    };
    const roots = sarif.runs.map((r) => Object.values(r.originalUriBaseIds)[0]?.uri);
    expect(roots).toEqual([
      expect.stringMatching(new RegExp(`^${server.url}/web/acme/repo-0000/blob/[0-9a-f]{40}/$`)),
      expect.stringMatching(new RegExp(`^${server.url}/web/acme/repo-0001/blob/[0-9a-f]{40}/$`)),
    ]);
    expect(sarif.runs.map((r) => r.automationDetails.id.split('/').slice(0, 4).join('/'))).toEqual([
      'agent-gate/scan/acme/repo-0000',
      'agent-gate/scan/acme/repo-0001',
    ]);
  });
});

describe('scan --github: rate limits, failures, hung connections', () => {
  const small = (): Map<string, FakeRepo> => generatedOrg('acme', 5);

  it('waits out a primary rate limit (x-ratelimit-reset) and a 429 retry-after, then finishes', async () => {
    const reset = String(NOW.getTime() / 1000 + 120);
    const server = await serve({
      repos: small(),
      orgs: new Set(['acme']),
      faults: [
        {
          match: /\/git\/trees\//,
          times: 1,
          status: 403,
          message: 'API rate limit exceeded',
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
        },
        { match: /\/git\/blobs\//, times: 1, status: 429, headers: { 'retry-after': '7' } },
      ],
    });
    const run = await scanGithub(server, ['--github', 'acme', '-f', 'json']);
    expect((readReport(run.out) as JsonReport).errors).toEqual([]);
    expect((readReport(run.out) as JsonReport).repositories).toHaveLength(5);
    // GitHub's word, on the fake clock: 120 s to the reset (+1), and 7 s.
    expect(run.waits.sort((a, b) => a - b)).toEqual([7_000, 121_000]);
    expect(run.err).toMatch(/rate limited on GET .*git\/trees.*retry 1 in 121s/);
    expect(run.code).not.toBe(2);
  });

  it('retries a server error; one that persists is a located error for that repository only', async () => {
    const server = await serve({
      repos: small(),
      orgs: new Set(['acme']),
      faults: [
        { match: /\/repos\/acme\/repo-0001\/git\/trees\//, times: 2, status: 502 },
        { match: /\/repos\/acme\/repo-0003\/git\/trees\//, times: Infinity, status: 503 },
      ],
    });
    const run = await scanGithub(server, ['--github', 'acme', '-f', 'json'], {
      env: { GITHUB_TOKEN: 't', GITHUB_API_URL: server.url, AGENT_GATE_TIME_SCALE: '1000' },
    });
    const report = readReport(run.out) as JsonReport;
    expect(report.repositories.map((r) => r.root)).toEqual([
      'acme/repo-0000',
      'acme/repo-0001',
      'acme/repo-0002',
      'acme/repo-0004',
    ]);
    expect(report.errors).toEqual([
      {
        path: 'acme/repo-0003',
        message: expect.stringMatching(
          /^acme\/repo-0003: cannot list the tree at [0-9a-f]{12}: .*503/,
        ) as string,
      },
    ]);
    expect(run.code).toBe(2);
    // 1 + 3 retries for the failing one, 2 failures + 1 answer for the flaky one.
    expect(server.requests.filter((r) => r.url.includes('/repo-0003/git/trees/'))).toHaveLength(4);
    expect(server.requests.filter((r) => r.url.includes('/repo-0001/git/trees/'))).toHaveLength(3);
  });

  it('a hung connection times out, is retried, and ends as that repository’s error', async () => {
    const server = await serve({
      repos: small(),
      orgs: new Set(['acme']),
      hang: /\/repos\/acme\/repo-0001\/git\/blobs\//,
    });
    const run = await scanGithub(server, ['--github', 'acme', '-f', 'json'], {
      env: { GITHUB_TOKEN: 't', GITHUB_API_URL: server.url, AGENT_GATE_TIME_SCALE: '1000' },
      requestTimeoutMs: 150,
    });
    const report = readReport(run.out) as JsonReport;
    expect(report.errors.map((e) => e.path)).toEqual(['acme/repo-0001/.github/workflows/ci.yml']);
    expect(report.errors[0]?.message).toMatch(/cannot read the file: .*no answer within 0\.2 s/);
    expect(report.repositories).toHaveLength(5);
    expect(run.code).toBe(2);
  });

  it('403, 404, a truncated tree and an empty repository: located, never skipped', async () => {
    const repos = small();
    repos.set('acme/huge', {
      files: { '.github/workflows/a.yml': 'on: push\njobs: {}\n' },
      truncated: true,
    });
    repos.set('acme/empty', { files: {}, empty: true });
    const server = await serve({
      repos,
      orgs: new Set(['acme']),
      faults: [
        {
          match: /\/repos\/acme\/repo-0001\/commits\//,
          times: Infinity,
          status: 403,
          message: 'Resource not accessible by integration',
        },
      ],
    });
    const run = await scanGithub(server, [
      '--github',
      'acme/huge',
      '--github',
      'acme/gone',
      '--github',
      'acme/repo-0001',
      '--github',
      'acme/empty',
      '--github',
      'acme/repo-0000',
      '-f',
      'json',
    ]);
    const report = readReport(run.out) as JsonReport;
    expect(report.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^acme\/huge: the tree at [0-9a-f]{12} is too large for one request \(GitHub truncated it\)/,
      ),
      expect.stringMatching(/^acme\/gone: cannot read the repository: .*404/),
      expect.stringMatching(
        /^acme\/repo-0001: cannot read the head of main: .*403.*Resource not accessible/,
      ),
    ]);
    // The empty repository is scanned (nothing in it), the last one decided.
    expect(report.repositories.map((r) => r.root)).toEqual(['acme/empty', 'acme/repo-0000']);
    expect(run.code).toBe(2);
  });
});

describe('scan --github --cache: conditional requests and resumption', () => {
  it('a second run sends only conditional list / head requests (304) and reads no tree or blob again', async () => {
    const cache = tempDir();
    const server = await serve({ repos: generatedOrg('acme', 120), orgs: new Set(['acme']) });
    const first = await scanGithub(server, ['--github', 'acme', '--cache', cache, '-f', 'json']);
    const firstCounts = counts(server);
    server.requests.length = 0;
    const second = await scanGithub(server, ['--github', 'acme', '--cache', cache, '-f', 'json']);
    expect(counts(server)).toEqual({ 'list 304': 2, 'head 304': 120 });
    expect(server.requests.every((r) => r.conditional)).toBe(true);
    expect(second.out).toBe(first.out);
    expect(second.hits).toMatchObject({ answers: 122, trees: 120 });
    expect(firstCounts).toMatchObject({ list: 2, head: 120, tree: 120 });
  }, 60_000);

  it('resumes after an interruption: what was read is not read again, the rest is, and it finishes', async () => {
    const cache = tempDir();
    const faults: Fault[] = [];
    const server = await serve({
      repos: generatedOrg('acme', 100),
      orgs: new Set(['acme']),
      faults,
    });
    const complete = await scanGithub(server, ['--github', 'acme', '-f', 'json']);
    // The first run stops reading half way: every request for repositories 50–99 fails.
    faults.push({ match: /\/repos\/acme\/repo-00[5-9]\d\//, times: Infinity, status: 500 });
    server.requests.length = 0;
    const scaled = { GITHUB_TOKEN: 't', GITHUB_API_URL: server.url, AGENT_GATE_TIME_SCALE: '1000' };
    const interrupted = await scanGithub(
      server,
      ['--github', 'acme', '--cache', cache, '-f', 'json'],
      { env: scaled },
    );
    expect(interrupted.code).toBe(2);
    expect((readReport(interrupted.out) as JsonReport).errors).toHaveLength(50);
    const readBefore = new Set(server.requests.filter((r) => r.status === 200).map((r) => r.url));
    faults.length = 0;
    server.requests.length = 0;
    const resumed = await scanGithub(server, ['--github', 'acme', '--cache', cache, '-f', 'json']);
    expect(resumed.code).toBe(complete.code);
    expect(resumed.out).toBe(complete.out);
    // Nothing read before is read again (the listing and 50 heads are asked for with their
    // ETags and answered 304); the other half is read now.
    expect(server.requests.filter((r) => r.status === 200 && readBefore.has(r.url))).toEqual([]);
    expect(counts(server)).toEqual({
      'list 304': 1,
      'head 304': 50,
      head: 50,
      tree: 50,
      blob: expect.any(Number) as number,
    });
  }, 60_000);
});

describe('scan --github: arguments and progress', () => {
  it('needs a token; its flags only go with --github; directories and --github do not mix', async () => {
    const server = await serve({ repos: generatedOrg('acme', 1), orgs: new Set(['acme']) });
    await expect(
      scanGithub(server, ['--github', 'acme'], { env: { GITHUB_API_URL: server.url } }),
    ).rejects.toThrow(/needs an API token: set GITHUB_TOKEN or pass --token/);
    await expect(
      scanGithub(server, ['--github', 'acme', '--api-url', 'http://api.example.com'], {}),
    ).rejects.toThrow(/must be an https URL \(http only to this machine\)/);
    const token = await scanGithub(
      server,
      ['--github', 'acme', '--token', 'from-flag', '-f', 'json'],
      {
        env: { GITHUB_API_URL: server.url },
      },
    );
    expect(token.code).toBe(3);
    for (const argv of [
      ['scan', '--cache', 'x', 'dir'],
      ['scan', 'dir', '--github', 'acme'],
      ['scan', '--github', '../etc'],
      ['scan', '--github', 'a/b/c'],
    ]) {
      const r = await scanDisk(...argv.slice(1));
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(
        /applies to --github only|not both|--github takes <owner> or <owner>\/<repo>/,
      );
    }
    // Only the run with a token reached the API: list, head, tree, one blob.
    expect(server.requests).toHaveLength(4);
  });

  it('shows a progress line on a terminal once the scan passes a second (fake clock)', async () => {
    const server = await serve({ repos: generatedOrg('acme', 4), orgs: new Set(['acme']) });
    let clock = NOW.getTime();
    let err = '';
    const command = parseArgs(['scan', '--github', 'acme', '-f', 'json']) as Extract<
      Command,
      { name: 'scan' }
    >;
    await githubScanCommand(
      command,
      {
        stdout: () => undefined,
        stderr: (t) => (err += t),
        now: () => new Date((clock += 400)),
        terminal: { stdoutIsTTY: false, stderrIsTTY: true, noColor: true },
      },
      { env: { GITHUB_TOKEN: 't', GITHUB_API_URL: server.url } },
    );
    expect(err).toContain('agent-gate: scanning 3 repositories (1 s)…');
    expect(err).toContain('agent-gate: scanning 4 repositories (1 s)…');
    expect(err).not.toContain('scanning 1 repositories');
    expect(err.endsWith('\r\u001b[K')).toBe(true);
  });
});
