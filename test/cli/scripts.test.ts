/**
 * Scripts the workflow runs, through the CLI: package scripts (and the lifecycle scripts
 * `npm publish` / `npm ci` run), make targets with prerequisites, just recipes and shell
 * scripts are read from the scanned repository and classified where they are written; what
 * cannot be read is an opaque path with why. `bad/` and `good/` hold the same workflows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { withBomFacts, readReport } from './json-report.js';

interface JsonPath {
  class: string;
  decision: string;
  reason: string;
  location: { path: string; line: number; column: number };
}
interface JsonJob {
  id: string;
  decision: string;
  agents: { id: string; location: { path: string; line: number } }[];
  paths: JsonPath[];
}

async function scan(dir: string): Promise<Map<string, JsonJob>> {
  let out = '';
  await runCli(['scan', dir, '--format', 'json'], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  const doc = withBomFacts(JSON.parse(out) as { jobs: JsonJob[] });
  return new Map(doc.jobs.map((j) => [j.id, j]));
}

const BAD = 'test/fixtures/scripts/bad';
const GOOD = 'test/fixtures/scripts/good';
let bad: Map<string, JsonJob>;
let good: Map<string, JsonJob>;
beforeAll(async () => {
  [bad, good] = await Promise.all([scan(BAD), scan(GOOD)]);
});

function paths(jobs: Map<string, JsonJob>, job: string, cls: string): JsonPath[] {
  const j = jobs.get(job);
  if (!j) throw new Error(`no job ${job}`);
  return j.paths.filter((p) => p.class === cls);
}

describe('package scripts', () => {
  it('`npm run release` → "release": "npm run build && npm publish" is publish, located in package.json with the chain', () => {
    expect(paths(bad, 'npm', 'publish')).toEqual([
      expect.objectContaining({
        decision: 'approval-required',
        location: { path: `${BAD}/package.json`, line: 6, column: 34 },
        reason:
          'publishes an npm package: `npm publish` (step 2 (Go) → `npm run release` → package.json:6 `release`)',
      }),
    ]);
    // `npm publish` runs the `prepare` lifecycle script: its force-push is found too.
    expect(paths(bad, 'npm', 'destructive')[0]?.reason).toContain(
      '→ `npm publish` → package.json:7 `prepare`',
    );
    expect(bad.get('npm')?.decision).toBe('blocked');
  });

  it('the same step with a harmless script adds nothing', () => {
    expect(paths(good, 'npm', 'publish')).toEqual([]);
    expect(paths(good, 'npm', 'opaque')).toEqual([]);
    expect(good.get('npm')?.decision).toBe('allow');
  });

  it('`npm ci` runs the `prepare` lifecycle script', () => {
    expect(paths(bad, 'lifecycle', 'destructive')[0]?.location).toEqual({
      path: `${BAD}/package.json`,
      line: 7,
      column: 17,
    });
    expect(paths(good, 'lifecycle', 'destructive')).toEqual([]);
  });

  it('`cd web && npm test` reads web/package.json (pretest, test)', () => {
    expect(paths(bad, 'subdir', 'bypass-checks')[0]?.location).toEqual({
      path: `${BAD}/web/package.json`,
      line: 4,
      column: 29,
    });
    expect(paths(good, 'subdir', 'bypass-checks')).toEqual([]);
  });
});

describe('make and just', () => {
  it('`make release` runs the prerequisite `build` first; both recipes are classified in the Makefile', () => {
    expect(paths(bad, 'make', 'bypass-checks')[0]).toMatchObject({
      location: { path: `${BAD}/Makefile`, line: 10, column: 2 },
      reason: expect.stringContaining('`make release` → Makefile:9 `build`') as unknown,
    });
    expect(paths(bad, 'make', 'publish')[0]?.location).toEqual({
      path: `${BAD}/Makefile`,
      line: 7,
      column: 2,
    });
    expect(paths(good, 'make', 'publish')).toEqual([]);
    expect(paths(good, 'make', 'bypass-checks')).toEqual([]);
  });

  it('`just deploy` is deploy, located in the justfile', () => {
    expect(paths(bad, 'just', 'deploy')[0]?.location).toEqual({
      path: `${BAD}/justfile`,
      line: 5,
      column: 5,
    });
    expect(paths(good, 'just', 'deploy')).toEqual([]);
  });
});

describe('shell scripts', () => {
  it('`./scripts/ship.sh` → `./scripts/helper.sh` → `gh pr merge --admin` is blocked', () => {
    expect(paths(bad, 'shell', 'bypass-checks')[0]).toMatchObject({
      decision: 'blocked',
      location: { path: `${BAD}/scripts/helper.sh`, line: 2, column: 1 },
      reason: expect.stringContaining(
        '`./scripts/ship.sh` → scripts/ship.sh → `./scripts/helper.sh` → scripts/helper.sh',
      ) as unknown,
    });
    expect(paths(good, 'shell', 'bypass-checks')).toEqual([]);
    expect(good.get('shell')?.decision).toBe('allow');
  });

  it('an agent started from `bash scripts/run-agent.sh` is found, located in the script', () => {
    expect(bad.get('agent')?.agents).toEqual([
      expect.objectContaining({
        id: 'claude-code-cli',
        location: expect.objectContaining({ path: `${BAD}/scripts/run-agent.sh` }) as unknown,
      }),
    ]);
    expect(good.get('agent')?.agents).toEqual([]);
  });
});

describe('what cannot be read is opaque, with why', () => {
  it.each([
    ['curl', 'runs a script piped in from another command'],
    ['missing', 'scripts/missing.sh is not in the repository at this commit'],
    ['outside', 'runs a script outside the repository (../outside.sh)'],
    ['deep', 'the indirection depth cap (4 files) is reached'],
  ])('%s', (job, why) => {
    const opaque = paths(bad, job, 'opaque');
    expect(opaque).toHaveLength(1);
    expect(opaque[0]?.reason).toContain(why);
    expect(opaque[0]?.location.line).toBeGreaterThan(0);
    expect(paths(good, job, 'opaque')).toEqual([]);
  });

  it('a workflow evaluated without its repository: each script call is an opaque path, located', async () => {
    let out = '';
    const dir = mkdtempSync(join(tmpdir(), 'agent-gate-scripts-'));
    const file = join(dir, 'wf.yml');
    writeFileSync(
      file,
      'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run release\n        env: { NODE_AUTH_TOKEN: "${{ secrets.NPM_TOKEN }}" }\n',
    );
    await runCli(['evaluate', '--workflow', file, '--format', 'json'], {
      stdout: (t) => (out += t),
      stderr: () => undefined,
      now: () => new Date('2026-11-21T00:00:00Z'),
    });
    const doc = withBomFacts(
      readReport(out) as { jobs: JsonJob[]; bom: { jobs: { gaps: string[] }[] } },
    );
    const opaque = doc.jobs[0]?.paths.filter((p) => p.class === 'opaque') ?? [];
    expect(opaque).toHaveLength(1);
    expect(opaque[0]?.reason).toContain('`npm run release` is not analysed');
    expect(opaque[0]?.reason).toContain('no repository was given');
    expect(opaque[0]?.location.line).toBe(7);
    // It holds a secret: the opaque path is gated, never a silent pass.
    expect(doc.jobs[0]?.decision).toBe('approval-required');
  });
});
