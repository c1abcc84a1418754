import { describe, expect, it } from 'vitest';
import rule from '../../src/engine/rules/self-hosted-runner.js';
import { runRule, testRule } from './rule-tester.js';

const wf = (on: string, runsOn: string, extra = ''): string =>
  `on: ${on}\njobs:\n  a:\n${extra}    runs-on: ${runsOn}\n    steps:\n      - run: make\n`;

testRule(rule, {
  valid: [
    { name: 'hosted label', workflow: wf('pull_request', 'ubuntu-latest') },
    { name: 'hosted larger runner label', workflow: wf('pull_request', 'ubuntu-24.04-arm') },
    {
      name: 'self-hosted, push only (poutine: PR triggers only)',
      workflow: wf('push', 'self-hosted'),
    },
    {
      name: 'self-hosted on a PR workflow, but this run is a push',
      workflow: wf('[push, pull_request]', '[self-hosted, linux]'),
      context: { event: 'push' },
    },
    {
      name: 'allowed runner label',
      workflow: wf('pull_request', '[self-hosted, ephemeral-pool]'),
      options: { 'allowed-runners': ['ephemeral-*'] },
    },
    {
      name: 'matrix of hosted labels',
      workflow: wf(
        'pull_request',
        '${{ matrix.os }}',
        '    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n',
      ),
    },
    {
      name: 'reusable workflow call has no runner',
      workflow: 'on: pull_request\njobs:\n  a:\n    uses: o/r/.github/workflows/x.yml@v1\n',
    },
  ],
  invalid: [
    { name: 'self-hosted scalar', workflow: wf('pull_request', 'self-hosted'), errors: ['4:14'] },
    {
      name: 'self-hosted in a list: located at the label',
      workflow: wf('pull_request_target', '[linux, self-hosted]'),
      errors: ['4:22'],
    },
    { name: 'custom label', workflow: wf('pull_request', 'my-runner'), errors: ['4:14'] },
    {
      name: 'runner group',
      workflow: wf('pull_request', '\n      group: prod-runners'),
      errors: ['5:14'],
    },
    {
      name: 'expression from inputs',
      workflow: wf('pull_request', '${{ inputs.runner }}'),
      errors: ['4:14'],
    },
    {
      name: 'matrix include with self-hosted',
      workflow: wf(
        'pull_request',
        '${{ matrix.runner }}',
        '    strategy:\n      matrix:\n        include:\n          - runner: [self-hosted, x64]\n',
      ),
      errors: ['8:14'],
    },
    {
      name: 'all-triggers option reports push workflows too',
      workflow: wf('push', 'self-hosted'),
      options: { 'all-triggers': true },
      errors: ['4:14'],
    },
  ],
});

describe('self-hosted-runner grading', () => {
  const grade = (workflow: string, options = {}) =>
    runRule(rule, { name: 'x', workflow, options }).map((h) => `${h.severity}/${h.confidence}`);
  it('literal self-hosted is high confidence, custom label medium, expression low', () => {
    expect(grade(wf('pull_request', 'self-hosted'))).toEqual(['high/high']);
    expect(grade(wf('pull_request', 'gpu'))).toEqual(['high/medium']);
    expect(grade(wf('pull_request', '${{ inputs.r }}'))).toEqual(['high/low']);
  });
  it('non-PR triggers are low severity with all-triggers', () => {
    expect(grade(wf('schedule', 'self-hosted'), { 'all-triggers': true })).toEqual(['low/high']);
  });
});
