/**
 * Precision of the classes (issue 11): facts the workflow shows decide a path, not a guess.
 * Each behaviour has a case that must still gate (bad) and one that no longer does (good).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';
import { readReport } from './json-report.js';

interface Path {
  class: string;
  decision: string;
  reason: string;
}
interface Result {
  code: number;
  decision: string;
  paths: Path[];
  err: string;
}

/** Evaluates `workflow` (written into a fresh repository with `files`) and joins paths to their reasons. */
async function evaluate(
  workflow: string,
  argv: string[] = [],
  files: Record<string, string> = {},
): Promise<Result> {
  const dir = tempDir('agent-gate-precision-');
  const path = join(dir, '.github/workflows/ci.yml');
  for (const [name, text] of Object.entries({ ...files, '.github/workflows/ci.yml': workflow })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  let out = '';
  let err = '';
  const code = await runCli(['evaluate', path, '--format', 'json', ...argv], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-12-08T00:00:00Z'),
  });
  const doc = readReport(out) as {
    decision: string;
    jobs: { paths: { id: string; class: string; decision: string }[] }[];
    bom: { workflows: { jobs: { paths: { id: string; reason: string }[] }[] }[] };
  };
  const reasons = new Map(
    doc.bom.workflows.flatMap((w) => w.jobs.flatMap((j) => j.paths.map((p) => [p.id, p.reason]))),
  );
  const paths = doc.jobs.flatMap((j) =>
    j.paths.map((p) => ({ class: p.class, decision: p.decision, reason: reasons.get(p.id) ?? '' })),
  );
  return { code, decision: doc.decision, paths, err };
}

const of = (r: Result, cls: string): Path[] => r.paths.filter((p) => p.class === cls);

const envJob = (environment: string, on = 'push'): string => `on: ${on}
permissions: { contents: read }
jobs:
  build:
    runs-on: ubuntu-latest
    environment: ${environment}
    steps:
      - run: cargo build --release
`;

describe('a computed environment name is judged by the names it can take', () => {
  it('bad: a name read from an input may be anything: treated as production', async () => {
    const r = await evaluate(envJob(`\${{ github.event.inputs.environment || 'build' }}`));
    expect(of(r, 'production')[0]?.reason).toMatch(/treated as production/);
    expect(r.decision).toBe('approval-required');
  });

  it('bad: a name that can be production is production, and says which value', async () => {
    const r = await evaluate(
      envJob(`\${{ github.ref == 'refs/heads/main' && 'production' || 'staging' }}`),
    );
    expect(of(r, 'production')[0]?.reason).toMatch(/it can be production/);
    expect(r.decision).toBe('approval-required');
  });

  it('good: `build` or none is not production; on a pull request it is no environment at all', async () => {
    const name = `\${{ (github.ref == 'refs/heads/main' || startsWith(github.ref, 'refs/tags/')) && 'build' || '' }}`;
    const push = await evaluate(envJob(name));
    expect(of(push, 'production')).toEqual([]);
    expect(of(push, 'deploy')).toEqual([]);
    expect(of(push, 'use-secret')[0]?.reason).toMatch(/can be build or none/);
    expect(push.decision).toBe('allow');
    const pr = await evaluate(envJob(name, 'pull_request'), ['--event', 'pull_request']);
    expect(pr.paths.filter((p) => /environment/.test(p.reason))).toEqual([]);
    expect(pr.decision).toBe('allow');
  });
});

const kubeJob = (setup: string): string => `on: push
permissions: { contents: read }
jobs:
  e2e:
    runs-on: ubuntu-latest
    steps:
${setup}
      - run: |
          kubectl create deployment app --image=app:test
          helm install charts/app --wait
`;

describe('a cluster the job creates on its runner is not a deploy target', () => {
  it('bad: kubectl / helm against a cluster the job did not create deploy', async () => {
    const r = await evaluate(kubeJob('      - run: echo no cluster here'));
    expect(of(r, 'deploy').map((p) => p.reason)).toEqual([
      expect.stringMatching(/changes Kubernetes resources/),
      expect.stringMatching(/installs or upgrades a Helm release/),
    ]);
    expect(r.decision).toBe('approval-required');
  });

  it('bad: a job that also fetches or configures another cluster may target it', async () => {
    for (const other of [
      '      - run: aws eks update-kubeconfig --name prod',
      '      - run: kubectl config use-context prod',
      '      - run: echo "$CFG" > kubeconfig\n        env: { CFG: "${{ secrets.PROD_K8S_CONFIG }}" }',
      '      - run: echo configured\n        env: { KUBECONFIG: /etc/prod.conf }',
    ]) {
      const r = await evaluate(kubeJob(`      - run: kind create cluster --wait 5m\n${other}`));
      expect(of(r, 'deploy'), other).toHaveLength(2);
    }
  });

  it('bad: a command naming another context still deploys', async () => {
    const r = await evaluate(`on: push
permissions: { contents: read }
jobs:
  e2e:
    runs-on: ubuntu-latest
    steps:
      - run: |
          kind create cluster
          kubectl --context prod apply -f app.yaml
          kubectl --context kind-kind apply -f app.yaml
`);
    expect(of(r, 'deploy').map((p) => p.reason)).toEqual([expect.stringMatching(/--context prod/)]);
  });

  it('good: after `kind create cluster` or a kind action they change the job’s own cluster', async () => {
    for (const setup of [
      '      - run: kind create cluster --wait 5m',
      '      - uses: helm/kind-action@a1b0e391336a6ee6713a0583f8c6240d70863de3',
    ]) {
      const r = await evaluate(kubeJob(setup));
      expect(of(r, 'deploy')).toEqual([]);
      expect(of(r, 'read').map((p) => p.reason)).toContainEqual(
        expect.stringMatching(/on the job's own cluster \((kind create cluster|helm\/kind-action)/),
      );
      expect(r.decision).toBe('allow');
    }
  });
});

const goreleaser = (args: string | undefined): string => `on: push
permissions: { contents: read }
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: goreleaser/goreleaser-action@e435ccd777264be153ace6237001ef4d979d3a7a
${args === undefined ? '' : `        with:\n          args: ${args}\n`}`;

describe('goreleaser-action publishes only when goreleaser would', () => {
  it('bad: no args (a release), `release --clean`, or computed args publish', async () => {
    for (const args of [undefined, 'release --clean', '${{ inputs.args }}']) {
      const r = await evaluate(goreleaser(args));
      expect(
        of(r, 'publish').map((p) => p.reason),
        String(args),
      ).toEqual([expect.stringMatching(/goreleaser-action runs goreleaser/)]);
    }
  });

  it('good: `check`, `build --snapshot` and `release --snapshot` publish nothing', async () => {
    for (const args of ['check', 'build --snapshot --clean', 'release --snapshot --clean']) {
      const r = await evaluate(goreleaser(args));
      expect(of(r, 'publish'), args).toEqual([]);
    }
  });
});

const ghAwJob = (setup: string): string => `on: push
permissions: { contents: read }
jobs:
  agent:
    runs-on: ubuntu-latest
    steps:
${setup}
      - name: Check for OAuth tokens
        run: bash "\${RUNNER_TEMP}/gh-aw/actions/check_oauth_tokens.sh"
        env:
          TOKEN: \${{ secrets.COPILOT_TOKEN }}
`;
const SETUP = `      - uses: github/gh-aw-actions/setup@ea4b911d44a5336c74325a122a5fd9110b45ff06
        with:
          destination: \${{ runner.temp }}/gh-aw/actions`;

describe('scripts a catalogued action wrote for the job are its runtime, not unknown code', () => {
  it('bad: without the setup step, or from another directory, the script is opaque', async () => {
    for (const setup of [
      '      - run: echo no setup',
      SETUP.replace('gh-aw/actions', 'elsewhere'),
    ]) {
      const r = await evaluate(ghAwJob(setup), [], { 'README.md': '' });
      expect(of(r, 'opaque').map((p) => p.reason)).toEqual([
        expect.stringMatching(/runs a script whose path is computed at run time/),
      ]);
      expect(r.decision).toBe('approval-required');
    }
  });

  it('good: after gh-aw’s setup action wrote its runtime there, the script is known', async () => {
    for (const setup of [SETUP, SETUP.replace('gh-aw-actions/setup', 'gh-aw/actions/setup')]) {
      const r = await evaluate(ghAwJob(setup), [], { 'README.md': '' });
      expect(of(r, 'opaque')).toEqual([]);
      expect(of(r, 'use-secret')).toHaveLength(1);
    }
  });
});
