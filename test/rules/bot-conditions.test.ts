import { describe, expect, it } from 'vitest';
import rule from '../../src/engine/rules/bot-conditions.js';
import { runRule, testRule } from './rule-tester.js';

const jobIf = (cond: string, on = 'pull_request_target'): string =>
  `on: ${on}\njobs:\n  a:\n    if: ${cond}\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`;
const stepIf = (cond: string): string =>
  `on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n        if: ${cond}\n`;

testRule(rule, {
  valid: [
    {
      name: 'creator check (the fix)',
      workflow: jobIf("github.event.pull_request.user.login == 'dependabot[bot]'"),
    },
    { name: 'not a bot', workflow: jobIf("github.actor == 'octocat'") },
    { name: 'inequality', workflow: jobIf("github.actor != 'dependabot[bot]'") },
    {
      name: 'negated check excludes bots',
      workflow: jobIf("!(github.actor == 'dependabot[bot]')"),
    },
    {
      name: 'bot name inside another string',
      workflow: jobIf("contains(github.event.pull_request.title, '[bot]')"),
    },
    { name: 'other id', workflow: jobIf('github.actor_id == 12345') },
  ],
  invalid: [
    {
      name: 'dominating actor check',
      workflow: jobIf("github.actor == 'dependabot[bot]'"),
      errors: ['4:9'],
    },
    {
      name: 'operands reversed, fenced',
      workflow: jobIf("${{ 'renovate[bot]' == github.actor }}"),
      errors: ['4:13'],
    },
    {
      name: 'triggering actor in step if',
      workflow: stepIf("github.triggering_actor == 'dependabot[bot]'"),
      errors: ['7:13'],
    },
    {
      name: 'sender login',
      workflow: jobIf("github.event.sender.login == 'github-actions[bot]'"),
      errors: ['4:9'],
    },
    { name: 'actor id', workflow: jobIf('github.actor_id == 49699333'), errors: ['4:9'] },
    {
      name: 'actor id as string',
      workflow: jobIf("github.actor_id == '29139614'"),
      errors: ['4:9'],
    },
    {
      name: 'two checks joined by ||, nested under &&',
      workflow: jobIf(
        "(github.actor == 'dependabot[bot]' || github.actor == 'renovate[bot]') && github.event_name == 'pull_request_target'",
      ),
      errors: ['4:10', '4:47'],
    },
    {
      name: 'endsWith(actor, [bot])',
      workflow: jobIf("endsWith(github.actor, '[bot]')"),
      errors: ['4:9'],
    },
    {
      name: 'contains(list, actor)',
      workflow: jobIf(`contains(fromJSON('["dependabot[bot]", "renovate[bot]"]'), github.actor)`),
      errors: ['4:9'],
    },
  ],
});

describe('bot-conditions grading', () => {
  const grade = (workflow: string) =>
    runRule(rule, { name: 'x', workflow }).map((h) => `${h.severity}/${h.confidence}`);
  it('dominating: high confidence; under &&: medium', () => {
    expect(grade(jobIf("github.actor == 'dependabot[bot]'"))).toEqual(['high/high']);
    expect(
      grade(jobIf("github.actor == 'dependabot[bot]' && github.event.action == 'opened'")),
    ).toEqual(['high/medium']);
  });
  it('pull_request only: medium severity (fork runs get a read-only token)', () => {
    expect(grade(jobIf("github.actor == 'dependabot[bot]'", 'pull_request'))).toEqual([
      'medium/high',
    ]);
  });
  it('push-only workflows: low severity (the pusher already has write access)', () => {
    expect(grade(jobIf("github.actor == 'dependabot[bot]'", 'push'))).toEqual(['low/high']);
  });
});

testRule(rule, {
  valid: [],
  invalid: [
    {
      name: 'a multi-line plain `if:` is located on the line that holds the check',
      workflow: `on: workflow_run
jobs:
  comment:
    runs-on: ubuntu-latest
    if: github.event.workflow_run.conclusion == 'success' &&
      (github.event.workflow_run.head_repository.full_name != github.repository || github.actor == 'dependabot[bot]')
    steps:
      - run: echo hi
`,
      errors: ['6:84'],
    },
  ],
});
