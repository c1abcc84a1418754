/**
 * Issue 11 (precision), credential reach per step: an opaque path (an unread action, a
 * script absent from the checkout) reaches the credentials visible to its own step — its
 * `with:` / `env:`, job and workflow env, the token, what earlier steps exported or set up —
 * and not a secret that only another step holds. Plus the policy's `actions: { trusted }`.
 * Through the CLI (`scan --format json`) on a repository written to a temp directory.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { POLICY_KEYS } from '../../src/engine/policy/validate-policy.js';
import { tempDir } from '../helpers.js';
import { withBomFacts } from './json-report.js';

interface JsonPath {
  readonly class: string;
  readonly decision: string;
  readonly rule?: string;
  readonly reason: string;
}

async function scan(
  steps: string,
  options: { policy?: string; jobEnv?: string; files?: Record<string, string> } = {},
): Promise<{ code: number; decision: string; paths: JsonPath[]; err: string }> {
  const dir = tempDir('agent-gate-reach-');
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(
    join(dir, '.github', 'workflows', 'ci.yml'),
    `on: push
permissions: { contents: read }
jobs:
  build:
    runs-on: ubuntu-latest
${options.jobEnv ? `    env:\n      ${options.jobEnv}\n` : ''}    steps:
${steps}`,
  );
  if (options.policy) writeFileSync(join(dir, '.github', 'agent-gate.yml'), options.policy);
  for (const [path, text] of Object.entries(options.files ?? {})) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  let out = '';
  let err = '';
  const code = await runCli(['scan', dir, '--format', 'json', '--default-permissions', 'read'], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  const doc = withBomFacts(JSON.parse(out) as { jobs: { decision: string; paths: JsonPath[] }[] });
  const job = doc.jobs[0]!;
  return { code, decision: job.decision, paths: job.paths, err };
}

const opaque = (paths: JsonPath[], what: string): JsonPath | undefined =>
  paths.find((p) => p.class === 'opaque' && p.reason.includes(what));

const OPAQUE_ACTION = '      - uses: some-org/unread-action@v2\n';

describe('an opaque step reaches the credentials visible to it', () => {
  it('a secret in its own `with:` — approval-required', async () => {
    const r = await scan(`${OPAQUE_ACTION}        with: { token: "\${{ secrets.DEPLOY_KEY }}" }\n`);
    expect(opaque(r.paths, 'some-org/unread-action')).toMatchObject({
      decision: 'approval-required',
      rule: 'approve-opaque-with-credentials',
    });
    expect(r.code).toBe(3);
  });

  it("a secret only a later step's `env:` holds — not reached: allowed with a note", async () => {
    const r = await scan(
      `${OPAQUE_ACTION}      - run: echo done\n        env: { NODE_AUTH_TOKEN: "\${{ secrets.NPM_TOKEN }}" }\n`,
    );
    expect(opaque(r.paths, 'some-org/unread-action')).toMatchObject({
      decision: 'allow',
      rule: 'note-opaque',
    });
    expect(r.decision).toBe('allow');
  });

  it('job-level env reaches every step', async () => {
    const r = await scan(OPAQUE_ACTION, { jobEnv: 'TOKEN: ${{ secrets.NPM_TOKEN }}' });
    expect(opaque(r.paths, 'some-org/unread-action')?.decision).toBe('approval-required');
  });

  it('a secret an earlier step exported through $GITHUB_ENV reaches the later steps', async () => {
    const exported = await scan(
      `      - run: echo "TOKEN=$T" >> "$GITHUB_ENV"\n        env: { T: "\${{ secrets.NPM_TOKEN }}" }\n${OPAQUE_ACTION}`,
    );
    expect(opaque(exported.paths, 'some-org/unread-action')?.decision).toBe('approval-required');
    // The same secret used by an earlier step that does not export it: not reached.
    const kept = await scan(
      `      - run: npm whoami\n        env: { T: "\${{ secrets.NPM_TOKEN }}" }\n${OPAQUE_ACTION}`,
    );
    expect(opaque(kept.paths, 'some-org/unread-action')?.decision).toBe('allow');
  });

  it('a registry login sets up a credential for the later steps; before it, none', async () => {
    const login = `      - uses: docker/login-action@v3\n        with: { username: u, password: "\${{ secrets.DOCKERHUB_TOKEN }}" }\n`;
    const after = await scan(`${login}${OPAQUE_ACTION}`);
    expect(opaque(after.paths, 'some-org/unread-action')?.decision).toBe('approval-required');
    const before = await scan(`${OPAQUE_ACTION}${login}`);
    expect(opaque(before.paths, 'some-org/unread-action')?.decision).toBe('allow');
  });

  it('a checkout persists its token for later scripts unless persist-credentials is false', async () => {
    const checkout = (extra: string) =>
      `      - uses: actions/checkout@v4\n        with: { token: "\${{ secrets.BOT_PAT }}"${extra} }\n      - run: ./build.sh\n`;
    const persisted = await scan(checkout(''));
    expect(opaque(persisted.paths, 'build.sh')?.decision).toBe('approval-required');
    const notPersisted = await scan(checkout(', persist-credentials: false'));
    expect(opaque(notPersisted.paths, 'build.sh')?.decision).toBe('allow');
  });

  it('an unknown action given a secret may export it; a catalogued one keeps it', async () => {
    const unknown = await scan(
      `      - uses: other-org/notify@v1\n        with: { key: "\${{ secrets.SLACK }}" }\n${OPAQUE_ACTION}`,
    );
    expect(opaque(unknown.paths, 'some-org/unread-action')?.decision).toBe('approval-required');
    const known = await scan(
      `      - uses: actions/upload-artifact@v4\n        with: { name: "\${{ secrets.SLACK }}", path: out }\n${OPAQUE_ACTION}`,
    );
    expect(opaque(known.paths, 'some-org/unread-action')?.decision).toBe('allow');
  });
});

describe('a local composite action hands on what its own steps export', () => {
  const composite = (run: string) =>
    `name: setup\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: ${run}\n`;
  const steps = `      - uses: ./.github/actions/setup\n        env: { TOKEN: "\${{ secrets.NPM_TOKEN }}" }\n${OPAQUE_ACTION}`;

  it('one whose step writes $GITHUB_ENV: later steps reach the secret', async () => {
    const r = await scan(steps, {
      files: { '.github/actions/setup/action.yml': composite('echo "T=$TOKEN" >> "$GITHUB_ENV"') },
    });
    expect(opaque(r.paths, 'some-org/unread-action')?.decision).toBe('approval-required');
  });

  it('one that only builds: later steps do not', async () => {
    const r = await scan(steps, {
      files: { '.github/actions/setup/action.yml': composite('echo building') },
    });
    expect(opaque(r.paths, 'some-org/unread-action')?.decision).toBe('allow');
  });

  it('one that cannot be read may do anything with it', async () => {
    const r = await scan(steps);
    expect(opaque(r.paths, 'some-org/unread-action')?.decision).toBe('approval-required');
  });
});

describe('policy `actions: { trusted }`', () => {
  const policy = (trusted: string) =>
    `version: 1\nextends: baseline\nactions:\n  trusted: ${trusted}\n`;

  it('a trusted unread action is not opaque; an untrusted one still is', async () => {
    const steps = `      - uses: some-vendor/setup-tool@v3\n      - uses: some-org/unread-action@v2\n        with: { token: "\${{ secrets.DEPLOY_KEY }}" }\n`;
    const trusted = await scan(steps, { policy: policy('[some-vendor/*]') });
    expect(opaque(trusted.paths, 'some-vendor/setup-tool')).toBeUndefined();
    expect(opaque(trusted.paths, 'some-org/unread-action')?.decision).toBe('approval-required');
    const untrusted = await scan(steps, { policy: policy('[]') });
    expect(opaque(untrusted.paths, 'some-vendor/setup-tool')).toBeDefined();
  });

  it('an action of the reviewed catalog is known without a policy; one outside it is not', async () => {
    const r = await scan(
      '      - uses: astral-sh/setup-uv@v6\n      - uses: fwilhe2/setup-kotlin@v1\n',
    );
    expect(opaque(r.paths, 'astral-sh/setup-uv')).toBeUndefined();
    expect(opaque(r.paths, 'fwilhe2/setup-kotlin')).toBeDefined();
  });

  it('a trusted action is still classified by what it is given', async () => {
    const r = await scan(
      `      - uses: some-org/unread-action@v2\n        with: { token: "\${{ secrets.DEPLOY_KEY }}" }\n`,
      { policy: policy('[some-org/unread-action]') },
    );
    expect(opaque(r.paths, 'some-org/unread-action')).toBeUndefined();
    expect(r.paths.some((p) => p.class === 'use-secret' && p.reason.includes('DEPLOY_KEY'))).toBe(
      true,
    );
  });

  it('a pin `@ref` trusts only that ref', async () => {
    const step = '      - uses: some-org/unread-action@v2\n';
    const other = await scan(step, { policy: policy('[some-org/unread-action@v3]') });
    expect(opaque(other.paths, 'some-org/unread-action')).toBeDefined();
    const same = await scan(step, { policy: policy('[some-org/unread-action@v2]') });
    expect(opaque(same.paths, 'some-org/unread-action')).toBeUndefined();
  });

  it.each([
    ['https://github.com/docker/login-action', /did you mean `docker\/login-action`/],
    ['docker', /did you mean `docker\/\*`/],
    ['"*"', /would trust every action/],
    ['./.github/actions/x', /local action/],
  ])('`%s` is a located error', async (entry, message) => {
    const dir = tempDir('agent-gate-trusted-');
    const file = join(dir, 'policy.yml');
    writeFileSync(file, policy(`[${entry}]`));
    let err = '';
    const code = await runCli(['validate', file], {
      stdout: () => undefined,
      stderr: (t) => (err += t),
      now: () => new Date('2026-11-21T00:00:00Z'),
    });
    expect(code).toBe(2);
    expect(err).toMatch(/policy\.yml:4:\d+: actions\.trusted: /);
    expect(err).toMatch(message);
  });

  it('a misspelt key is an error with "did you mean"', async () => {
    const dir = tempDir('agent-gate-trusted-');
    const file = join(dir, 'policy.yml');
    writeFileSync(file, 'version: 1\nactions:\n  trust: [docker/*]\n');
    let err = '';
    const code = await runCli(['validate', file], {
      stdout: () => undefined,
      stderr: (t) => (err += t),
      now: () => new Date('2026-11-21T00:00:00Z'),
    });
    expect(code).toBe(2);
    expect(err).toMatch(/trust/);
    expect(err).toMatch(/did you mean `trusted`/);
  });
});

it('the "did you mean" key list is the schema\'s', () => {
  const schema = JSON.parse(readFileSync('policies/schema.json', 'utf8')) as {
    properties: Record<string, { properties?: Record<string, unknown> }>;
  };
  const fromSchema: Record<string, string[]> = { '': Object.keys(schema.properties) };
  for (const [key, value] of Object.entries(schema.properties))
    if (value.properties && key !== 'checks') fromSchema[key] = Object.keys(value.properties);
  expect(POLICY_KEYS).toEqual(fromSchema);
});
