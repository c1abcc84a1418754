/**
 * `repository: { default-permissions }` in the policy, its precedence over the action input /
 * CLI flag (they can only make it stricter), located errors, and what it changes in a scan.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { fsPolicyReader } from '../../src/adapters/cli/fs-policy-reader.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import { effectiveDefaultPermissions } from '../../src/engine/policy/default-permissions.js';
import { tempDir } from '../helpers.js';
import { readReport } from '../cli/json-report.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return { code, out, err };
}

function policyFile(text: string): string {
  const dir = tempDir('agent-gate-defperm-');
  const file = join(dir, 'policy.yml');
  writeFileSync(file, text);
  return file;
}

const STATES_READ = 'version: 1\nextends: baseline\nrepository:\n  default-permissions: read\n';

describe('policy repository.default-permissions', () => {
  it('is loaded with its location; presets leave it unknown', async () => {
    const file = policyFile(STATES_READ);
    const policy = await loadPolicy(file, fsPolicyReader);
    expect(policy.defaultPermissions?.value).toBe('read');
    expect(policy.defaultPermissions?.at).toMatchObject({ path: file, line: 4 });
    expect((await loadPolicy('baseline', fsPolicyReader)).defaultPermissions).toBeUndefined();
    const unknown = await loadPolicy(
      policyFile('version: 1\nrepository: { default-permissions: unknown }\n'),
      fsPolicyReader,
    );
    expect(unknown.defaultPermissions).toBeUndefined();
  });

  it('a value outside read / write / unknown is an error at file:line:column', async () => {
    const file = policyFile('version: 1\nrepository:\n  default-permissions: rea\n');
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:3:24`);
  });

  it('an unknown key under repository: is an error too', async () => {
    const file = policyFile('version: 1\nrepository:\n  default-permission: read\n');
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}:3:`);
  });

  it.each([
    [undefined, 'unknown', 'unknown'],
    [undefined, 'read', 'read'],
    ['read', 'unknown', 'read'],
    ['read', 'read', 'read'],
    ['read', 'write', 'write'],
    ['write', 'read', 'write'],
    ['write', 'unknown', 'write'],
  ] as const)('policy %s + input %s → %s', async (inPolicy, stated, expected) => {
    const policy = await loadPolicy(
      policyFile(
        inPolicy === undefined
          ? 'version: 1\n'
          : `version: 1\nrepository: { default-permissions: ${inPolicy} }\n`,
      ),
      fsPolicyReader,
    );
    expect(effectiveDefaultPermissions(policy, stated)).toBe(expected);
  });
});

describe('scan with the repository default stated', () => {
  const repo = (): string => {
    const dir = tempDir('agent-gate-defperm-repo-');
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(dir, '.github/workflows/ci.yml'),
      'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
    );
    return dir;
  };

  it('unknown: the job is gated on the assumed write token, and the report says so', async () => {
    const r = await cli('scan', repo(), '--format', 'json');
    expect(r.code).toBe(3);
    const doc = readReport(r.out) as { summary: { assumedDefaultPermissions: number } };
    expect(doc.summary.assumedDefaultPermissions).toBe(1);
  });

  it('read in the policy: the same job is allowed and nothing rests on an assumption', async () => {
    const r = await cli('scan', repo(), '--policy', policyFile(STATES_READ), '--format', 'json');
    expect(r.code).toBe(0);
    const doc = readReport(r.out) as { summary: { assumedDefaultPermissions: number } };
    expect(doc.summary.assumedDefaultPermissions).toBe(0);
  });

  it('the flag cannot loosen a policy that says write', async () => {
    const writes = policyFile(
      'version: 1\nextends: baseline\nrepository: { default-permissions: write }\n',
    );
    const r = await cli('scan', repo(), '--policy', writes, '--default-permissions', 'read');
    expect(r.code).toBe(3);
  });
});
