/**
 * `agent-gate fetch` and `scan --fetch` (issue 10 item 7) against a loopback REST server: a
 * tag resolved once and recorded in the cache's lock (with when and where it is used), a
 * remote composite action (and the remote action it uses) and a remote reusable workflow
 * fetched and then scanned offline with findings located in the fetched files; a 404, a rate
 * limit and a hung connection reported per reference and kept opaque, never allowed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { apiServers } from '../e2e/api-server.js';
import type { ApiRoutes } from '../e2e/api-server.js';
import { tempDir } from '../helpers.js';
import { withBomFacts, readReport } from './json-report.js';

const REPO = 'test/fixtures/fetch/repo';
const REMOTE = 'test/fixtures/fetch/remote';
const TOOLS_SHA = 'a'.repeat(40);
const SHARED_SHA = 'b'.repeat(40);
const NOTES_SHA = '3'.repeat(40);
const NOW = new Date('2026-12-07T22:00:00Z');
const remote = (name: string): string => readFileSync(join(REMOTE, name), 'utf8');

const ROUTES: ApiRoutes = {
  refs: { 'org/tools@v1': TOOLS_SHA, 'org/shared@main': SHARED_SHA },
  otherRepos: {
    'org/tools': { [TOOLS_SHA]: { 'publish/action.yml': remote('publish-action.yml') } },
    'org/notes': { [NOTES_SHA]: { 'action.yml': remote('notes-action.yml') } },
    'org/shared': { [SHARED_SHA]: { '.github/workflows/merge.yml': remote('merge.yml') } },
  },
};

const servers = apiServers();
afterEach(() => servers.closeAll());

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function cli(argv: string[], env: Record<string, string> = {}): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => NOW,
    env,
  });
  return { code, out, err };
}

interface JsonJob {
  readonly id: string;
  readonly decision: string;
  readonly paths: readonly {
    readonly class: string;
    readonly decision: string;
    readonly reason: string;
    readonly location: { readonly path: string; readonly line: number };
  }[];
}
const jobOf = (run: Run, id: string): JsonJob => {
  const found = withBomFacts(JSON.parse(run.out) as { jobs: JsonJob[] }).jobs.find(
    (j) => j.id === id,
  );
  if (!found) throw new Error(`no job ${id}`);
  return found;
};

describe('agent-gate fetch', () => {
  it('resolves a tag once, records it, stores files by SHA; the offline scan reads them', async () => {
    const api = await servers.start(ROUTES);
    const cache = tempDir();
    const fetched = await cli(['fetch', REPO, '--actions-cache', cache, '--api-url', api.url], {
      GITHUB_TOKEN: 'test-token',
    });
    expect(fetched.err).toMatch(
      /3 file\(s\) stored, 2 ref\(s\) resolved .* 0 reference\(s\) failed/,
    );
    expect(fetched.code).toBe(0);
    // The record: ref → sha, when, and the file:line of the uses: that named it.
    const lock = JSON.parse(readFileSync(join(cache, 'agent-gate.lock.json'), 'utf8'));
    expect(lock).toEqual({
      schemaVersion: 1,
      refs: {
        'org/shared@main': {
          sha: SHARED_SHA,
          resolvedAt: NOW.toISOString(),
          from: [`${REPO}/.github/workflows/release.yml:14`],
        },
        'org/tools@v1': {
          sha: TOOLS_SHA,
          resolvedAt: NOW.toISOString(),
          from: [`${REPO}/.github/workflows/release.yml:10`],
        },
      },
    });
    // The token went to the API; the catalogued actions/checkout was not fetched.
    expect(api.requests.every((r) => r.headers.authorization === 'token test-token')).toBe(true);
    expect(api.requests.some((r) => r.url.includes('actions/checkout'))).toBe(false);

    // Offline now (no server): findings are located in the fetched files.
    await servers.closeAll();
    const scan = await cli(['scan', REPO, '--actions-cache', cache, '--format', 'json']);
    const ship = jobOf(scan, 'ship');
    expect(ship.paths.some((p) => p.class === 'opaque')).toBe(false);
    expect(ship.paths.find((p) => p.class === 'publish')?.location).toEqual(
      expect.objectContaining({ path: join(cache, 'org/tools', TOOLS_SHA, 'publish/action.yml') }),
    );
    // Recursively: the fetched composite's own remote action was fetched too.
    expect(ship.paths.find((p) => p.class === 'destructive')?.location).toEqual(
      expect.objectContaining({ path: join(cache, 'org/notes', NOTES_SHA, 'action.yml'), line: 5 }),
    );
    const call = jobOf(scan, 'call');
    expect(call.decision).toBe('blocked');
    expect(call.paths.find((p) => p.class === 'bypass-checks')?.location).toEqual(
      expect.objectContaining({
        path: join(cache, 'org/shared', SHARED_SHA, '.github/workflows/merge.yml'),
        line: 9,
      }),
    );
    const bom = (
      readReport(scan.out) as {
        bom: { workflows: { jobs: { job: string; resolvedRefs: unknown }[] }[] };
      }
    ).bom.workflows[0]!.jobs.find((j) => j.job === 'ship')!;
    expect(bom.resolvedRefs).toEqual([{ ref: 'org/tools@v1', sha: TOOLS_SHA }]);
  });

  it('a recorded tag is not resolved again: a second fetch asks the API nothing', async () => {
    const api = await servers.start(ROUTES);
    const cache = tempDir();
    const args = ['fetch', REPO, '--actions-cache', cache, '--api-url', api.url];
    expect((await cli(args, { GITHUB_TOKEN: 't' })).code).toBe(0);
    const first = api.requests.length;
    expect(first).toBeGreaterThan(0);
    // The tag moves on the server; the record holds.
    const moved = await servers.start({ ...ROUTES, refs: { 'org/tools@v1': 'c'.repeat(40) } });
    const again = await cli(['fetch', REPO, '--actions-cache', cache, '--api-url', moved.url], {
      GITHUB_TOKEN: 't',
    });
    expect(again.err).toMatch(/0 file\(s\) stored, 0 ref\(s\) resolved .* 0 reference\(s\) failed/);
    expect(again.code).toBe(0);
    expect(moved.requests).toEqual([]);
    const lock = JSON.parse(readFileSync(join(cache, 'agent-gate.lock.json'), 'utf8'));
    expect(lock.refs['org/tools@v1'].sha).toBe(TOOLS_SHA);
  });

  it('the CLI bundle fetches as a user runs it (token from GITHUB_TOKEN, API from GITHUB_API_URL)', async () => {
    const api = await servers.start(ROUTES);
    const cache = tempDir();
    const { code, err } = await new Promise<{ code: number | null; err: string }>((done) => {
      const child = spawn(
        process.execPath,
        ['dist/cli/index.js', 'fetch', REPO, '--actions-cache', cache],
        { env: { PATH: process.env.PATH, GITHUB_TOKEN: 'bundle-token', GITHUB_API_URL: api.url } },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (c) => done({ code: c, err: stderr }));
    });
    expect(err).toMatch(/3 file\(s\) stored, 2 ref\(s\) resolved/);
    expect(code).toBe(0);
    expect(api.requests.every((r) => r.headers.authorization === 'token bundle-token')).toBe(true);
  });

  it('two runs filling one cache (parallel shards) keep both records', async () => {
    const api = await servers.start(ROUTES);
    const cache = tempDir();
    const other = tempDir();
    mkdirSync(join(other, '.github', 'workflows'), { recursive: true });
    writeFileSync(
      join(other, '.github', 'workflows', 'one.yml'),
      'on: push\njobs:\n  j:\n    uses: org/shared/.github/workflows/merge.yml@main\n',
    );
    // The second run reads the (empty) lock before the first one writes it.
    const env = { GITHUB_TOKEN: 't' };
    const [a, b] = await Promise.all([
      cli(['fetch', REPO, '--actions-cache', cache, '--api-url', api.url], env),
      cli(['fetch', other, '--actions-cache', cache, '--api-url', api.url], env),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const lock = JSON.parse(readFileSync(join(cache, 'agent-gate.lock.json'), 'utf8'));
    expect(Object.keys(lock.refs).sort()).toEqual(['org/shared@main', 'org/tools@v1']);
    // Both runs resolved org/shared@main to the same commit: both places that use it are kept.
    expect(lock.refs['org/shared@main'].from).toHaveLength(2);
  });

  it('a name the API or the cache layout cannot take is never requested nor written', async () => {
    const api = await servers.start(ROUTES);
    const dir = tempDir();
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(
      join(dir, '.github', 'workflows', 'odd.yml'),
      'on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: "or g/tools@v1"\n      - uses: org/tools@v1 x\n',
    );
    const cache = tempDir();
    const run = await cli(['fetch', dir, '--actions-cache', cache, '--api-url', api.url], {
      GITHUB_TOKEN: 't',
    });
    expect(api.requests).toEqual([]);
    expect(readdirSync(cache)).toEqual(['agent-gate.lock.json']);
    expect(run.err).toMatch(/or g\/tools: not a repository name/);
    expect(run.err).toMatch(/org\/tools@v1 x: not a ref name/);
    expect(run.code).toBe(2);
  });

  it('without a token or a cache directory it refuses before any request (exit 2)', async () => {
    const api = await servers.start(ROUTES);
    const noToken = await cli(['fetch', REPO, '--actions-cache', tempDir(), '--api-url', api.url]);
    expect(noToken.code).toBe(2);
    expect(noToken.err).toMatch(/needs a token/);
    const noCache = await cli(['scan', REPO, '--fetch', '--api-url', api.url], {
      GITHUB_TOKEN: 't',
    });
    expect(noCache.code).toBe(2);
    expect(noCache.err).toMatch(/needs --actions-cache/);
    const stray = await cli(['scan', REPO, '--token', 't']);
    expect(stray.code).toBe(2);
    expect(stray.err).toMatch(/only with --fetch/);
    expect(api.requests).toEqual([]);
  });
});

describe('failures are per reference, reported, and stay opaque', () => {
  it('a 404 (unknown tag) fails that reference only; scan --fetch keeps it an opaque path', async () => {
    const api = await servers.start({ ...ROUTES, refs: { 'org/shared@main': SHARED_SHA } });
    const cache = tempDir();
    const fetched = await cli(['fetch', REPO, '--actions-cache', cache, '--api-url', api.url], {
      GITHUB_TOKEN: 't',
    });
    expect(fetched.code).toBe(2);
    expect(fetched.err).toMatch(
      /fetch: org\/tools\/publish@v1 \(used at .*release\.yml:10\): cannot resolve the ref: .*404/,
    );
    // The other reference was fetched and recorded.
    expect(fetched.err).toMatch(
      /1 file\(s\) stored, 1 ref\(s\) resolved .* 1 reference\(s\) failed/,
    );

    const scan = await cli(
      ['scan', REPO, '--fetch', '--actions-cache', cache, '--api-url', api.url, '-f', 'json'],
      { GITHUB_TOKEN: 't' },
    );
    const ship = jobOf(scan, 'ship');
    const opaque = ship.paths.find((p) => p.class === 'opaque');
    expect(opaque?.reason).toMatch(/404/);
    expect(opaque?.location).toEqual(expect.objectContaining({ line: 10 }));
    expect(ship.decision).not.toBe('allow');
  });

  it('a rate limit that asks for a longer wait than allowed fails that reference, with the why', async () => {
    const api = await servers.start({
      ...ROUTES,
      faults: [
        {
          match: /org\/tools\/commits/,
          times: Infinity,
          status: 403,
          message: 'API rate limit exceeded',
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '9999999999' },
        },
      ],
    });
    const fetched = await cli(['fetch', REPO, '--actions-cache', tempDir(), '--api-url', api.url], {
      GITHUB_TOKEN: 't',
    });
    expect(fetched.code).toBe(2);
    expect(fetched.err).toMatch(/org\/tools\/publish@v1 .*rate limited .*asks to wait/);
    // The other reference was fetched; the failed composite's own action was never reached.
    expect(fetched.err).toMatch(/1 file\(s\) stored/);
  });

  it('a hung connection times out (scaled clock), fails that reference, and the scan does not allow it', async () => {
    const api = await servers.start({ ...ROUTES, hang: /org\/shared\/commits/ });
    const cache = tempDir();
    const scan = await cli(
      ['scan', REPO, '--fetch', '--actions-cache', cache, '--api-url', api.url, '-f', 'json'],
      { GITHUB_TOKEN: 't', AGENT_GATE_TIME_SCALE: '100' },
    );
    expect(scan.err).toMatch(
      /org\/shared\/.github\/workflows\/merge\.yml@main .*no answer within 0\.3 s/,
    );
    const call = jobOf(scan, 'call');
    expect(call.decision).not.toBe('allow');
    expect(call.paths.find((p) => p.class === 'opaque')?.reason).toMatch(/no answer within/);
    // The other references were fetched in the same run.
    expect(jobOf(scan, 'ship').paths.some((p) => p.class === 'opaque')).toBe(false);
  });
});
