/**
 * `scan --github <owner> --shard i/n` against the loopback REST API: every shard lists the
 * whole organisation, reads only its part, and `merge` of the shards' JSON reports is the
 * unsharded scan's report byte for byte — repositories that fail included. A listing that
 * fails cannot be split (exit 2, the owner named); shards of different listings are refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/adapters/cli/args.js';
import type { Command } from '../../src/adapters/cli/args.js';
import { githubScanCommand } from '../../src/adapters/cli/github-scan.js';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';
import { generatedOrg, startGithubServer } from './github-server.js';
import type { FakeRepo, GithubServer, ServerSetup } from './github-server.js';

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
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function scan(server: GithubServer, ...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const command = parseArgs(['scan', ...argv]) as Extract<Command, { name: 'scan' }>;
  const code = await githubScanCommand(
    command,
    { stdout: (t) => (out += t), stderr: (t) => (err += t), now: () => NOW },
    {
      env: { GITHUB_TOKEN: 'test-token', GITHUB_API_URL: server.url },
      sleep: () => Promise.resolve(),
      now: () => NOW.getTime(),
    },
  );
  return { code, out, err };
}

async function merge(files: readonly string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(['merge', ...files], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => NOW,
  });
  return { code, out, err };
}

/** Runs the n shards (in the given order), writes their reports, returns the files. */
async function shards(
  server: GithubServer,
  n: number,
  targets: readonly string[],
  order: readonly number[] = Array.from({ length: n }, (_, i) => i + 1),
): Promise<string[]> {
  const dir = tempDir();
  const files: string[] = [];
  for (const i of order) {
    const run = await scan(
      server,
      ...targets.flatMap((t) => ['--github', t]),
      '--shard',
      `${i}/${n}`,
      '-f',
      'json',
    );
    // The client's notes name only the repositories that fail (none of ours otherwise).
    expect(run.err, `shard ${i}`).not.toMatch(/internal error|--shard/);
    const file = join(dir, `report-${i}.json`);
    writeFileSync(file, run.out);
    files.push(file);
  }
  return files;
}

function orgWithFailures(): Map<string, FakeRepo> {
  const repos = generatedOrg('acme', 23);
  // A repository whose tree is truncated: an error of that repository, in its place.
  repos.set('acme/repo-0007', { ...repos.get('acme/repo-0007')!, truncated: true });
  return repos;
}

describe('scan --github --shard i/n, then merge', () => {
  it('the merged shards are the unsharded report byte for byte (errors in place, two owners)', async () => {
    const repos = orgWithFailures();
    for (const [name, repo] of generatedOrg('beta', 5)) repos.set(name, repo);
    const server = await serve({
      repos,
      orgs: new Set(['acme', 'beta']),
      perPage: 10,
      // One repository whose files cannot be read (404 after the tree): its located error.
      faults: [{ match: /\/repos\/acme\/repo-0012\/git\/trees\//, times: Infinity, status: 404 }],
    });
    const targets = ['beta', 'acme'];
    const whole = await scan(server, '--github', 'beta', '--github', 'acme', '-f', 'json');
    expect(whole.code).toBe(2);
    expect(whole.out).toContain('acme/repo-0007');
    expect(whole.out).toContain('acme/repo-0012');

    const before = server.requests.length;
    const files = await shards(server, 3, targets, [3, 1, 2]);
    const merged = await merge(files);
    expect(merged.err).toBe('');
    expect(merged.code).toBe(whole.code);
    expect(merged.out).toBe(whole.out);

    // Each shard lists everything (3 + 1 pages) but reads only its own repositories: the
    // heads together are one per repository, as in the unsharded scan.
    const requests = server.requests.slice(before);
    const heads = requests.filter((r) => /\/commits\//.test(r.url)).length;
    expect(heads).toBe(28);
    expect(requests.filter((r) => /\/(orgs|users)\/[^/]+\/repos/.test(r.url))).toHaveLength(3 * 4);
    // Every shard got some of them, each repository exactly one shard.
    const assigned = files.map(
      (f) => (JSON.parse(readFileSync(f, 'utf8')) as { shard: { assigned: number[] } }).shard,
    );
    expect(assigned.every((s) => s.assigned.length > 0)).toBe(true);
    expect(
      assigned
        .flatMap((s) => s.assigned)
        .sort((a, b) => a - b)
        .join(),
    ).toBe(Array.from({ length: 28 }, (_, i) => i).join());
  }, 300_000);

  it('more shards than repositories: the empty shards merge too', async () => {
    const server = await serve({ repos: generatedOrg('acme', 2), orgs: new Set(['acme']) });
    const whole = await scan(server, '--github', 'acme', '-f', 'json');
    const merged = await merge(await shards(server, 4, ['acme']));
    expect(merged.out).toBe(whole.out);
    expect(merged.code).toBe(whole.code);
  }, 120_000);

  it('a listing that fails cannot be split: the shard fails closed, naming the owner', async () => {
    const server = await serve({
      repos: generatedOrg('acme', 3),
      orgs: new Set(['acme']),
      faults: [{ match: /\/orgs\/acme\/repos/, times: Infinity, status: 403 }],
    });
    await expect(scan(server, '--github', 'acme', '--shard', '1/2', '-f', 'json')).rejects.toThrow(
      /--shard: cannot list the repositories to split: acme/,
    );
    // Nothing past the listing was read.
    expect(server.requests.some((r) => /\/commits\/|\/git\//.test(r.url))).toBe(false);
  });

  it('shards that listed different repositories are refused by merge', async () => {
    const repos = generatedOrg('acme', 6);
    const server = await serve({ repos, orgs: new Set(['acme']) });
    const [first] = await shards(server, 2, ['acme'], [1]);
    repos.set('acme/repo-0100', repos.get('acme/repo-0001')!);
    const [second] = await shards(server, 2, ['acme'], [2]);
    const merged = await merge([first!, second!]);
    expect(merged.code).toBe(2);
    expect(merged.err).toMatch(/repositoryList|another scan|differ/);
  });
});
