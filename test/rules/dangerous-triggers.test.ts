import { describe, expect, it } from 'vitest';
import rule from '../../src/engine/rules/dangerous-triggers.js';
import { runRule, testRule } from './rule-tester.js';

const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';

const labeler = `on: pull_request_target
permissions:
  contents: read
  pull-requests: write
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/labeler@8558fd74291d67161a8a78ce36a881fa63b766a9
`;

const prtHeadCheckout = `on:
  pull_request_target:
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: ${CHECKOUT}
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: make test
`;

const readOnlyNoCode = `on: [push, pull_request_target]
permissions:
  contents: read
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
      - run: echo "thanks"
`;

const workflowRunArtifacts = `on:
  workflow_run:
    workflows: [ci]
    types: [completed]
permissions:
  contents: read
  pull-requests: write
jobs:
  comment:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/download-artifact@fa0a91b85d4f404e444e00e005971372dc801d16
        with:
          run-id: \${{ github.event.workflow_run.id }}
          github-token: \${{ github.token }}
      - run: gh pr comment "$(cat pr)" --body-file report.md
`;

testRule(rule, {
  valid: [
    { name: 'labeler exception (one job, one step)', workflow: labeler },
    {
      name: 'pull_request is not privileged',
      workflow: `on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${CHECKOUT}\n`,
    },
  ],
  invalid: [
    {
      name: 'pull_request_target checking out the head',
      workflow: prtHeadCheckout,
      errors: ['2:3'],
    },
    { name: 'list form: located at the item', workflow: readOnlyNoCode, errors: ['1:12'] },
    {
      name: 'scalar form: located at the value',
      workflow: `on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n`,
      errors: ['1:5'],
    },
    { name: 'workflow_run downloading artifacts', workflow: workflowRunArtifacts, errors: ['2:3'] },
    {
      name: 'gh pr checkout in a run step',
      workflow: `on:\n  pull_request_target:\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh pr checkout \${{ github.event.number }} && make\n`,
      errors: ['2:3'],
    },
    {
      name: 'one hit per job',
      workflow: `on:\n  workflow_run:\n    workflows: [ci]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo a\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo b\n`,
      errors: [
        { at: '2:3', job: 'a' },
        { at: '2:3', job: 'b' },
      ],
    },
  ],
});

describe('dangerous-triggers grading', () => {
  const grade = (workflow: string, context = {}) =>
    runRule(rule, { name: 'x', workflow, context }).map((h) => `${h.severity}/${h.confidence}`);

  it('PR head checkout with a read-only token: medium', () => {
    expect(grade(prtHeadCheckout)).toEqual(['medium/medium']);
  });
  it('PR head checkout with write: high/high', () => {
    expect(grade(prtHeadCheckout.replace('contents: read', 'contents: write'))).toEqual([
      'high/high',
    ]);
  });
  it('no PR code, read-only, no secrets: low/low', () => {
    expect(grade(readOnlyNoCode)).toEqual(['low/low']);
  });
  it('no PR code but secrets: zizmor grade high/medium', () => {
    expect(
      grade(readOnlyNoCode.replace('echo "thanks"', 'curl -d "${{ secrets.HOOK }}" x')),
    ).toEqual(['high/medium']);
  });
  it('default token assumed write when unknown, read when the repository says so', () => {
    const wf = readOnlyNoCode.replace('permissions:\n  contents: read\n', '');
    expect(grade(wf)).toEqual(['high/medium']);
    expect(grade(wf, { defaultPermissions: 'read' })).toEqual(['low/low']);
  });
  it('artifact download with write: high/high', () => {
    expect(grade(workflowRunArtifacts)).toEqual(['high/high']);
  });
});
