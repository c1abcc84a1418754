/**
 * Issue 11: a `workflow_run` whose upstream workflows only insiders can start (schedule, push,
 * workflow_dispatch) is not an untrusted trigger — `scan` reads the repository's workflows and
 * judges the trigger by their events; an upstream a pull request starts, or one it cannot find,
 * keeps it untrusted (pwn-request decides, dangerous-triggers reports it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';
import { readReport } from './json-report.js';

const DOWNSTREAM = `on:
  workflow_run:
    workflows: [Nightly]
    types: [completed]
permissions: { contents: read }
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@v4
        with:
          run-id: \${{ github.event.workflow_run.id }}
          github-token: \${{ secrets.GITHUB_TOKEN }}
      - run: bash ./report.sh
        env: { TOKEN: "\${{ secrets.REPORT_TOKEN }}" }
`;

const upstream = (name: string, on: string) =>
  `name: ${name}\non: ${on}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo build\n`;

interface Finding {
  readonly ruleId: string;
  readonly decision: string;
  readonly message: string;
  readonly workflow?: string;
}

async function scan(up: string | undefined) {
  const dir = tempDir('agent-gate-wfrun-');
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(dir, '.github', 'workflows', 'down.yml'), DOWNSTREAM);
  if (up) writeFileSync(join(dir, '.github', 'workflows', 'up.yml'), up);
  let out = '';
  await runCli(['scan', dir, '--format', 'json', '--default-permissions', 'read', '-v'], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  const doc = readReport(out) as { findings: Finding[] };
  const down = doc.findings.filter((f) => (f.workflow ?? '').endsWith('down.yml'));
  return {
    pwn: down.filter((f) => f.ruleId === 'pwn-request'),
    dangerous: down.filter((f) => f.ruleId === 'dangerous-triggers'),
  };
}

describe('workflow_run judged by its upstream workflows', () => {
  it('upstream started by pull requests: untrusted (pwn-request decides)', async () => {
    const r = await scan(upstream('Nightly', '[pull_request]'));
    expect(r.pwn.length).toBeGreaterThan(0);
    expect(r.pwn[0]!.decision).toBe('approval-required');
  });

  it('upstream not found in the repository: untrusted', async () => {
    const r = await scan(undefined);
    expect(r.pwn.length).toBeGreaterThan(0);
  });

  it('upstream on schedule / push only: no pwn-request; dangerous-triggers only for the record', async () => {
    const r = await scan(
      upstream('Nightly', '{ schedule: [{ cron: "0 3 * * *" }], push: { branches: [main] } }'),
    );
    expect(r.pwn).toEqual([]);
    expect(r.dangerous.length).toBeGreaterThan(0);
    expect(r.dangerous[0]!.message).toMatch(
      /`Nightly` runs only on push, schedule, which no outsider can start/,
    );
    expect(r.dangerous[0]!.decision).toBe('allow');
  });
});
