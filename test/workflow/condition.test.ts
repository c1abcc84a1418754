/**
 * The static `if:` evaluator: "never" only when the condition is certainly false for the
 * run's event / ref / actor; everything it does not know may run.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/engine/workflow/condition.js';
import type { ConditionFacts } from '../../src/engine/workflow/condition.js';
import { conditionFacts } from '../../src/engine/inventory/run-conditions.js';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';

const facts = (
  event: string | undefined,
  extra: Partial<typeof EMPTY_CONTEXT> = {},
): ConditionFacts => conditionFacts({ ...EMPTY_CONTEXT, event, ...extra });

const PR = facts('pull_request');
const PUSH_MAIN = facts('push', {
  ref: 'refs/heads/main',
  actor: 'octocat',
  repository: 'acme/app',
});
const PUSH = facts('push');
const MERGE_GROUP = facts('merge_group');
const SCHEDULE = facts('schedule', { defaultBranch: 'main' });
const UNKNOWN_EVENT = facts(undefined);
const CALLED = facts('workflow_call');

describe('evaluateCondition', () => {
  it.each([
    // [condition, facts, may run]
    ["github.ref == 'refs/heads/main'", PR, false],
    ["github.ref == 'refs/heads/main'", PUSH_MAIN, true],
    ["github.ref == 'refs/heads/MAIN'", PUSH_MAIN, true], // strings compare ignoring case
    ["github.ref == 'refs/heads/main'", PUSH, true], // a push can be to main
    ["github.ref == 'refs/heads/main'", MERGE_GROUP, false],
    ["github.ref == 'refs/heads/main'", SCHEDULE, true],
    ["github.ref == 'refs/heads/dev'", SCHEDULE, false],
    ["github.ref != 'refs/heads/main'", PR, true],
    ["github.event_name == 'push'", PR, false],
    ["github.event_name == 'push'", PUSH, true],
    ["github.event_name == 'push'", UNKNOWN_EVENT, true],
    ["github.event_name == 'push'", CALLED, true], // a called workflow sees its caller's event
    ["github.event_name != 'pull_request'", PR, false],
    ["${{ github.event_name == 'push' }}", PR, false],
    ["${{ github.event_name == 'push' }} && true", PR, true], // a template string is true
    ["startsWith(github.ref, 'refs/tags/')", PR, false],
    ["startsWith(github.ref, 'refs/tags/')", PUSH, true],
    ["startsWith(github.ref, 'refs/pull/')", PR, true],
    ["!startsWith(github.ref, 'refs/tags/')", PR, true],
    ["!startsWith(github.ref, 'refs/pull/')", PR, false],
    ["startsWith(github.ref, 'refs/')", PR, true],
    ["endsWith(github.ref, '/main')", PUSH_MAIN, true],
    ["endsWith(github.ref, '/dev')", PUSH_MAIN, false],
    ["endsWith(github.ref, '/dev')", PR, true], // unknown suffix
    ["contains(github.ref, 'main')", PUSH_MAIN, true],
    ["contains(github.ref, 'release')", PUSH_MAIN, false],
    ["contains(github.event.pull_request.labels.*.name, 'deploy')", PR, true],
    ["github.event_name == 'push' && github.ref == 'refs/heads/main'", PR, false],
    ["github.event_name == 'push' || github.ref == 'refs/heads/main'", PR, false],
    ["github.event_name == 'push' || github.event_name == 'pull_request'", PR, true],
    ["(github.event_name == 'push' || github.event_name == 'release') && success()", PR, false],
    ["github.event_name == 'push' && steps.x.outputs.y == 'true'", PR, false],
    ["github.event_name == 'pull_request' && steps.x.outputs.y == 'true'", PR, true],
    ["steps.x.outputs.y == 'true' && github.event_name == 'push'", PR, false],
    ["steps.x.outputs.y == 'true' || github.event_name == 'push'", PR, true],
    ['always()', PR, true],
    ["always() && github.event_name == 'push'", PR, false],
    ["always() || github.event_name == 'push'", PR, true],
    ['success()', PR, true],
    ['failure()', PR, true],
    ['cancelled()', PR, true],
    ["!cancelled() && github.ref == 'refs/heads/main'", PR, false],
    ['false', PR, false],
    ['true', PR, true],
    ["''", PR, false],
    ['0', PR, false],
    ["github.repository == 'acme/app'", PUSH_MAIN, true],
    ["github.repository == 'other/app'", PUSH_MAIN, false],
    ["github.repository == 'other/app'", PR, true], // repository unknown here
    ["github.actor == 'dependabot[bot]'", PUSH_MAIN, false],
    ["github.actor != 'dependabot[bot]'", PUSH_MAIN, true],
    ['github.event.pull_request.head.repo.fork', PUSH, false],
    ['github.event.pull_request.head.repo.fork', PR, true],
    ['github.event.pull_request.head.repo.full_name == github.repository', PUSH, true], // unknown repo
    ['github.event.pull_request.head.repo.full_name == github.repository', PUSH_MAIN, false],
    ["github.base_ref == 'main'", PUSH, false],
    ["github.base_ref == 'main'", PR, true],
    ["github['event_name'] == 'push'", PR, false],
    ["github[matrix.key] == 'push'", PR, true],
    ["matrix.os == 'ubuntu-latest'", PR, true],
    ["vars.DEPLOY == 'true'", PR, true],
    ["format('{0}', github.ref) == 'refs/heads/main'", PR, true], // unmodelled function
    ["fromJSON(inputs.x) == 'y'", PR, true],
    ['1 == 1.0', PR, true],
    ["'1' == 1", PR, true],
    ["'a' == 1", PR, false],
    ['null == 0', PR, true],
    ['2 < 1', PR, false],
    ["'b' > 'a'", PR, true],
    ["github.event_name == 'it''s'", PR, false],
    ["github.ref == 'refs/heads/main' &&", PR, true], // unparseable: may run
    ["github.ref == 'refs/heads/main", PR, true],
    ["github.event_name == 'push' @ 1", PR, true],
    ["  GITHUB.EVENT_NAME == 'push'  ", PR, false], // context names ignore case
    ["github.event_name == 'pull_request' && github.ref == 'refs/heads/main'", PR, false],
  ] as const)('%s (%#) → may run: %s', (condition, f, expected) => {
    expect(evaluateCondition(condition, f).mayRun).toBe(expected);
  });

  it('says why a condition cannot run', () => {
    const r = evaluateCondition("github.ref == 'refs/heads/main'", PR);
    expect(r).toEqual({
      mayRun: false,
      reason:
        "`if: github.ref == 'refs/heads/main'` is false for event pull_request, ref refs/pull/…",
    });
  });

  it('no condition always may run', () => {
    expect(evaluateCondition(undefined, PR).mayRun).toBe(true);
  });
});
