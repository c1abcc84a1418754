/**
 * Must-block error cases through the CLI: every input the gate cannot read or decide ends
 * gated (exit 2 with file:line, or a blocking decision), never in allow. Each case is a small
 * fixture and its expected exit code; a good case per shape shows the check can pass.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, runCase } from './cli-harness.js';

const JOB = 'jobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n';
const OK = `on: push\npermissions: {}\n${JOB}`;

type Case = readonly [
  name: string,
  files: Record<string, string>,
  extra: readonly string[],
  code: number,
  located: RegExp | undefined,
];

const CASES: readonly Case[] = [
  ['control: a plain test job', { 'wf.yml': OK }, [], EXIT.allow, undefined],
  [
    'unclosed flow mapping',
    { 'wf.yml': `on: push\n${JOB}      - { run: x\n` },
    [],
    EXIT.error,
    /wf\.yml:\d+:\d+/,
  ],
  ['tab indentation', { 'wf.yml': `on: push\njobs:\n\tj: {}\n` }, [], EXIT.error, /wf\.yml:\d+/],
  [
    'duplicate job id',
    { 'wf.yml': `on: push\n${JOB}  j:\n    runs-on: x\n    steps: [{ run: y }]\n` },
    [],
    EXIT.error,
    /wf\.yml:\d+/,
  ],
  ['no jobs', { 'wf.yml': 'on: push\n' }, [], EXIT.error, /wf\.yml/],
  ['empty file', { 'wf.yml': '' }, [], EXIT.error, /wf\.yml/],
  ['a list, not a mapping', { 'wf.yml': '- on: push\n' }, [], EXIT.error, /wf\.yml/],
  ['unknown job asked for', { 'wf.yml': OK }, ['--job', 'nope'], EXIT.error, /wf\.yml:\d+/],
  [
    'alias to a missing anchor',
    { 'wf.yml': `on: push\npermissions: *nope\n${JOB}` },
    [],
    EXIT.error,
    /wf\.yml:\d+/,
  ],
  [
    'policy with an unknown key',
    { 'wf.yml': OK, 'p.yml': 'version: 1\nextends: baseline\nallow-everything: true\n' },
    ['--policy', '{dir}/p.yml'],
    EXIT.error,
    /p\.yml:3:\d+/,
  ],
  [
    'policy with a bad decision',
    { 'wf.yml': OK, 'p.yml': 'version: 1\ndefault: maybe\n' },
    ['--policy', '{dir}/p.yml'],
    EXIT.error,
    /p\.yml:2:\d+/,
  ],
  [
    'policy extends itself',
    { 'wf.yml': OK, 'p.yml': 'version: 1\nextends: ./p.yml\n' },
    ['--policy', '{dir}/p.yml'],
    EXIT.error,
    /extends itself/,
  ],
  [
    'policy extends a missing file',
    { 'wf.yml': OK, 'p.yml': 'version: 1\nextends: ./gone.yml\n' },
    ['--policy', '{dir}/p.yml'],
    EXIT.error,
    /gone\.yml/,
  ],
  [
    'event payload that is not JSON',
    { 'wf.yml': OK, 'e.json': '{' },
    ['--event', 'push', '--event-path', '{dir}/e.json'],
    EXIT.error,
    /e\.json/,
  ],
  [
    'admin merge (bypass-checks)',
    {
      'wf.yml': `on: push\npermissions: { contents: write }\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: gh pr merge --admin --squash 1\n`,
    },
    [],
    EXIT.blocked,
    undefined,
  ],
  [
    'force push to the default branch',
    {
      'wf.yml': `on: push\npermissions: { contents: write }\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: git push --force origin HEAD:main\n`,
    },
    [],
    EXIT.blocked,
    undefined,
  ],
  [
    'a step before the gate step (gate-not-first)',
    {
      'wf.yml': `on: push\npermissions: {}\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: echo tamper\n      - uses: acme/agent-gate@v1\n`,
    },
    [],
    EXIT['approval-required'],
    undefined,
  ],
];

describe('must block', () => {
  it.each(CASES)('%s', async (_name, files, extra, code, located) => {
    const r = await runCase(files, (dir) => [
      'evaluate',
      '--workflow',
      join(dir, 'wf.yml'),
      '--format',
      'json',
      ...extra.map((a) => a.replace('{dir}', dir)),
    ]);
    expect(r.code, `${r.out}\n${r.err}`).toBe(code);
    if (located) expect(r.err).toMatch(located);
    if (code === EXIT.error) expect(r.err).not.toMatch(/internal error/);
  });
});
