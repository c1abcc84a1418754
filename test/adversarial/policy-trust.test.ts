/**
 * Fail-open category, issue 14 item 4: a pull request that changes a file the trusted policy
 * `extends` is a change to the gate itself (`modify-workflow`), like a change to the policy.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, json, runCase } from './cli-harness.js';

const FILES = {
  '.github/workflows/ci.yml':
    'on: pull_request\npermissions: { contents: read }\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
  '.github/agent-gate.yml': 'version: 1\nextends: ./policies/base.yml\n',
  '.github/policies/base.yml': 'version: 1\nextends: [baseline, ./more.yml]\n',
  '.github/policies/more.yml': 'version: 1\n',
};

function evaluateChanging(...changed: string[]) {
  return runCase(FILES, (dir) => [
    'evaluate',
    '--workflow',
    join(dir, '.github/workflows/ci.yml'),
    '--policy',
    join(dir, '.github/agent-gate.yml'),
    '--event',
    'pull_request',
    '--format',
    'json',
    ...changed.flatMap((f) => ['--changed-file', f]),
  ]);
}

describe('policy trust: extended policy files', () => {
  it.each(['.github/policies/base.yml', '.github/policies/more.yml', './.github/agent-gate.yml'])(
    'changing %s needs approval (modify-workflow)',
    async (file) => {
      const r = await evaluateChanging('src/app.ts', file);
      expect(r.code).toBe(EXIT['approval-required']);
      const doc = json(r);
      expect(doc.decision).toBe('approval-required');
      expect(JSON.stringify(doc.bom)).toContain('modify-workflow');
    },
  );

  it('changing other files only is allowed', async () => {
    const r = await evaluateChanging('src/app.ts', '.github/policies/README.md');
    expect(json(r).decision).toBe('allow');
    expect(r.code).toBe(EXIT.allow);
  });
});
