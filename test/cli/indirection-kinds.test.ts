/**
 * Issue 10 "Must show", the kinds the other indirection tests leave out: `pnpm run`,
 * `yarn <script>`, `bun run`, the `prepublishOnly` lifecycle script of `npm publish`,
 * `bash ./x.sh` and `./x.sh`, a `background:` step, the composite depth cap and a cycle of
 * reusable workflows — a bad and a good fixture each (test/fixtures/indirection-kinds/, same
 * workflow files on both sides, only what they call differs). Two gaps are recorded with
 * `it.fails`: each passes once the engine closes it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';
import { withBomFacts } from './json-report.js';

const DIR = 'test/fixtures/indirection-kinds';

interface JsonPath {
  readonly class: string;
  readonly decision: string;
  readonly rule: string | null;
  readonly reason: string;
  readonly location: { readonly path: string; readonly line: number; readonly column: number };
}
interface JsonJob {
  readonly workflow: string;
  readonly id: string;
  readonly decision: string;
  readonly credentials: readonly { readonly id: string }[];
  readonly paths: readonly JsonPath[];
}
interface JsonReport {
  readonly decision: string;
  readonly errors: readonly { readonly path: string; readonly message: string }[];
  readonly jobs: readonly JsonJob[];
}

async function scan(dir: string, ...extra: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['scan', dir, '--format', 'json', ...extra], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return { code, err, report: withBomFacts(JSON.parse(out || '{}') as JsonReport) };
}

const cache = new Map<string, Promise<Awaited<ReturnType<typeof scan>>>>();
const scanned = (dir: string, ...extra: string[]) => {
  const key = [dir, ...extra].join(' ');
  if (!cache.has(key)) cache.set(key, scan(dir, ...extra));
  return cache.get(key)!;
};

async function job(side: string, workflow: string, policy?: string): Promise<JsonJob> {
  const { report } = await scanned(`${DIR}/${side}`, ...(policy ? ['--policy', policy] : []));
  const found = report.jobs.find((j) => j.workflow.endsWith(`/.github/workflows/${workflow}.yml`));
  if (!found) throw new Error(`no job of ${workflow}.yml in ${side}`);
  return found;
}
const of = (j: JsonJob, cls: string) => j.paths.filter((p) => p.class === cls);

describe('package managers run package scripts (npm|pnpm|yarn|bun)', () => {
  it.each([
    ['pnpm', '`pnpm run release`'],
    ['yarn', '`yarn release`'],
    ['bun', '`bun run release`'],
  ])(
    'bad: %s → "release": "npm publish" is a publish located in package.json',
    async (wf, call) => {
      const bad = await job('bad', wf);
      expect(of(bad, 'publish')).toEqual([
        expect.objectContaining({
          decision: 'approval-required',
          location: { path: `${DIR}/bad/package.json`, line: 4, column: 17 },
          reason: `publishes an npm package: \`npm publish\` (step 1 → ${call} → package.json:4 \`release\`)`,
        }),
      ]);
      // …and `npm publish` runs `prepublishOnly`: its force-push of main blocks the job.
      expect(of(bad, 'destructive')[0]).toMatchObject({
        decision: 'blocked',
        location: { path: `${DIR}/bad/package.json`, line: 5, column: 24 },
      });
      expect(of(bad, 'destructive')[0]?.reason).toContain(
        '→ `npm publish` → package.json:5 `prepublishOnly`',
      );
      expect(bad.decision).toBe('blocked');
    },
  );

  it.each(['pnpm', 'yarn', 'bun'])(
    'good: %s with a harmless release script is allowed',
    async (wf) => {
      const good = await job('good', wf);
      expect(of(good, 'publish')).toEqual([]);
      expect(of(good, 'destructive')).toEqual([]);
      expect(of(good, 'opaque')).toEqual([]);
      expect(good.decision).toBe('allow');
    },
  );
});

describe('lifecycle scripts', () => {
  it('bad: `npm publish` runs `prepublishOnly` (a force-push of main) → blocked, located in package.json', async () => {
    const bad = await job('bad', 'prepublish');
    expect(of(bad, 'destructive')).toEqual([
      expect.objectContaining({
        decision: 'blocked',
        location: { path: `${DIR}/bad/package.json`, line: 5, column: 24 },
        reason: expect.stringContaining(
          '(step 1 → `npm publish` → package.json:5 `prepublishOnly`)',
        ) as unknown,
      }),
    ]);
    expect(bad.decision).toBe('blocked');
  });

  it('good: a `prepublishOnly` that runs the tests adds nothing beyond the publish itself', async () => {
    const good = await job('good', 'prepublish');
    expect(of(good, 'destructive')).toEqual([]);
    expect(of(good, 'publish').map((p) => p.location.path)).toEqual([
      `${DIR}/good/.github/workflows/prepublish.yml`,
    ]);
    expect(good.decision).toBe('approval-required');
  });
});

describe('shell scripts: `bash ./x.sh` and `./x.sh`', () => {
  it.each([
    ['bashdot', '`bash ./scripts/merge.sh`'],
    ['dotslash', '`./scripts/merge.sh`'],
  ])('bad: %s → `gh pr merge --admin` is blocked, located in the script', async (wf, call) => {
    const bad = await job('bad', wf);
    expect(of(bad, 'bypass-checks')).toEqual([
      expect.objectContaining({
        decision: 'blocked',
        location: { path: `${DIR}/bad/scripts/merge.sh`, line: 3, column: 1 },
        reason: expect.stringContaining(`(step 1 → ${call} → scripts/merge.sh)`) as unknown,
      }),
    ]);
  });

  it.each(['bashdot', 'dotslash'])('good: %s → `gh pr view` is allowed', async (wf) => {
    const good = await job('good', wf);
    expect(of(good, 'bypass-checks')).toEqual([]);
    expect(of(good, 'opaque')).toEqual([]);
    expect(good.decision).toBe('allow');
  });
});

describe('background steps are analysed like any step', () => {
  it('bad: a `background: true` step that merges with --admin blocks the job, located at its run:', async () => {
    const bad = await job('bad', 'background');
    expect(of(bad, 'bypass-checks')).toEqual([
      expect.objectContaining({
        decision: 'blocked',
        location: { path: `${DIR}/bad/.github/workflows/background.yml`, line: 10, column: 14 },
      }),
    ]);
  });

  it('good: a background server, a later step and `cancel:` are allowed', async () => {
    expect((await job('good', 'background')).decision).toBe('allow');
  });
});

describe('composite actions: the depth cap', () => {
  it('bad: a chain of 8 local composites stops at the cap as a located opaque path (noted under baseline, blocked under strict)', async () => {
    const bad = await job('bad', 'composite');
    const opaque = of(bad, 'opaque');
    expect(opaque).toHaveLength(1);
    expect(opaque[0]).toMatchObject({
      rule: 'note-opaque',
      location: { path: `${DIR}/bad/.github/actions/l5/action.yml`, line: 5, column: 13 },
    });
    expect(opaque[0]?.reason).toContain('the indirection depth cap (6) is reached');
    const strict = await job('bad', 'composite', 'strict');
    expect(of(strict, 'opaque')[0]?.decision).toBe('blocked');
    expect(strict.decision).toBe('blocked');
  });

  it('good: a chain of 3 is read to its end, located in the last action file', async () => {
    const good = await job('good', 'composite');
    expect(of(good, 'opaque')).toEqual([]);
    expect(of(good, 'run-shell')[0]?.location.path).toBe(
      `${DIR}/good/.github/actions/l3/action.yml`,
    );
    expect((await job('good', 'composite', 'strict')).decision).toBe('allow');
  });
});

describe('reusable workflows: a cycle', () => {
  it('bad: a ↔ b is an opaque path at the call that closes the cycle, not a hang', async () => {
    const bad = await job('bad', 'cycle-a');
    const opaque = of(bad, 'opaque');
    expect(opaque).toHaveLength(1);
    expect(opaque[0]?.reason).toMatch(
      /cycle: local:\.github\/workflows\/cycle-b\.yml is already being expanded/,
    );
    expect(opaque[0]?.location).toMatchObject({
      path: `${DIR}/bad/.github/workflows/cycle-a.yml`,
      line: 9,
    });
    expect((await job('bad', 'cycle-a', 'strict')).decision).toBe('blocked');
  });

  it('good: a → b (no cycle) reads the called job, nothing opaque', async () => {
    const good = await job('good', 'cycle-a');
    expect(of(good, 'opaque')).toEqual([]);
    expect(of(good, 'run-shell')[0]?.location.path).toBe(
      `${DIR}/good/.github/workflows/cycle-b.yml`,
    );
    expect(good.decision).toBe('allow');
  });
});

describe('node / docker actions: opaque code unless catalogued, fetched or not', () => {
  // Issue 10.1 / 10.6: a `node` / `docker` action's code is never analysed. Unless a catalog
  // knows it, it is an opaque path at its `uses:` step naming its runtime, holding what the
  // step hands it; reading its action.yml (local, or fetched into --actions-cache) only shows
  // `using: node24` and must not loosen the decision of the unfetched reference.
  it('bad: a local node action given a secret is an opaque path holding it (approval-required)', async () => {
    const bad = await job('bad', 'nodeaction');
    expect(bad.credentials.map((c) => c.id)).toContain('secret:NPM_TOKEN');
    expect(of(bad, 'opaque')).toEqual([
      expect.objectContaining({
        decision: 'approval-required',
        location: { path: `${DIR}/bad/.github/workflows/nodeaction.yml`, line: 9, column: 15 },
        reason:
          'local action ./.github/actions/node is not analysed: node24 action code is not analysed',
      }),
    ]);
    expect(bad.decision).toBe('approval-required');
  });

  it('remote node action holding a secret, unfetched: an opaque path, approval-required', async () => {
    const offline = await job('remote-node/repo', 'ci');
    expect(of(offline, 'opaque')).toHaveLength(1);
    expect(offline.decision).toBe('approval-required');
  });

  it('remote node action holding a secret, fetched: still opaque code, approval-required', async () => {
    const { report } = await scanned(
      `${DIR}/remote-node/repo`,
      '--actions-cache',
      `${DIR}/remote-node/cache`,
    );
    const fetched = report.jobs[0]!;
    expect(of(fetched, 'opaque').map((p) => p.reason)).toEqual([
      'remote action org/js@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa is not analysed: node24 action code is not analysed',
    ]);
    expect(fetched.decision).toBe('approval-required');
  });

  it('good: the same local node action given a literal is allowed', async () => {
    const good = await job('good', 'nodeaction');
    expect(good.decision).toBe('allow');
    expect(good.credentials.map((c) => c.id)).toEqual(['github-token']);
  });
});

describe('composite steps have the closed-world structure of job steps', () => {
  // Issue 10.4: action.yml steps go through the same key check and step placement as a job's
  // (step-structure.ts): an unknown key is an input error located in the action file, a
  // `parallel:` group is expanded and its steps analysed.
  it('bad: an unknown key (`run-after:`) in a composite step is an input error at its key in action.yml', async () => {
    const { code, report } = await scan(`${DIR}/keys-bad`);
    const action = `${DIR}/keys-bad/.github/actions/keys/action.yml`;
    expect(report.errors).toEqual([
      {
        path: action,
        message: `${action}:10:7: composite action, step 2: unknown key \`run-after\` (the gate does not know what it does, so it cannot allow it)`,
      },
    ]);
    expect(code).not.toBe(0);
  });

  it('bad: a `parallel:` group in a composite is read: its `gh pr merge --admin` blocks the job, located in action.yml', async () => {
    const { report } = await scan(`${DIR}/keys-parallel`);
    expect(report.errors).toEqual([]);
    const j = report.jobs[0]!;
    expect(of(j, 'bypass-checks')).toEqual([
      expect.objectContaining({
        decision: 'blocked',
        location: {
          path: `${DIR}/keys-parallel/.github/actions/keys/action.yml`,
          line: 7,
          column: 16,
        },
      }),
    ]);
    expect(j.decision).toBe('blocked');
  });

  it('good: the same composite with known keys only is allowed', async () => {
    const { code, report } = await scan(`${DIR}/keys-good`);
    expect(report.errors).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('what cannot be read is an opaque path with why (gated: the step holds a secret)', () => {
  const workflow = (run: string) =>
    `on: push\npermissions:\n  contents: read\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n        env:\n          T: \${{ secrets.T }}\n`;
  const CASES: readonly [string, string, string][] = [
    ['npm run release', 'package.json: invalid JSON', 'package.json'],
    ['make release', 'target `release` is not defined in Makefile', 'Makefile'],
    ['just deploy', 'justfile / Justfile / .justfile is not in the repository', 'justfile'],
    ['"./scripts/$NAME.sh"', 'runs a script whose path is computed at run time', 'scripts/x.sh'],
  ];
  const repo = (good: boolean): string => {
    const dir = tempDir('agent-gate-unreadable-');
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    mkdirSync(join(dir, 'scripts'));
    CASES.forEach(([run], i) => {
      const written = good && run.includes('$NAME') ? './scripts/x.sh' : run;
      writeFileSync(join(dir, '.github', 'workflows', `c${i}.yml`), workflow(written));
    });
    writeFileSync(
      join(dir, 'package.json'),
      good
        ? '{ "scripts": { "release": "echo ok" } }\n'
        : '{ "scripts": { "release": "echo ok" }\n',
    );
    writeFileSync(join(dir, 'Makefile'), good ? 'release:\n\techo ok\n' : 'build:\n\techo ok\n');
    if (good) writeFileSync(join(dir, 'justfile'), 'deploy:\n    echo ok\n');
    writeFileSync(join(dir, 'scripts', 'x.sh'), '#!/bin/sh\necho ok\n');
    return dir;
  };

  it.each(CASES.map(([run, why], i) => [run, why, i] as const))(
    'bad: `%s` → %s',
    async (_run, why, i) => {
      const { report } = await scan(repo(false));
      const j = report.jobs.find((x) => x.workflow.endsWith(`/c${i}.yml`))!;
      const opaque = of(j, 'opaque');
      expect(opaque).toHaveLength(1);
      expect(opaque[0]!.reason).toContain(why);
      expect(opaque[0]!.location.line).toBe(8);
      expect(j.decision).toBe('approval-required');
    },
  );

  it('good: the same calls, readable, are followed and allowed', async () => {
    const { report } = await scan(repo(true));
    expect(report.errors).toEqual([]);
    expect(
      report.jobs.map((j) => [j.workflow.split('/').pop(), of(j, 'opaque').length, j.decision]),
    ).toEqual(CASES.map((_, i) => [`c${i}.yml`, 0, 'allow']));
  });
});
