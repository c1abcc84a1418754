/**
 * Issue 11: detection rules look only at what can run for the event being decided — a step
 * (or a job) whose `if:` cannot hold for that event reports nothing for it, as it contributes
 * no action paths; the same step without the condition still reports.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import type { Policy } from '../../src/engine/policy/types.js';
import { memoryReader } from '../helpers.js';

let baseline: Policy;
beforeAll(async () => {
  baseline = await loadPolicy('baseline', memoryReader({}));
});

const workflow = (jobIf: string, stepIf: string) => `on: [push, pull_request_target]
permissions: { contents: read }
jobs:
  j:
    runs-on: ubuntu-latest
${jobIf ? `    if: ${jobIf}\n` : ''}    steps:
      - run: echo hi
        env: { ACTIONS_ALLOW_UNSECURE_COMMANDS: 'true' }
${stepIf ? `        if: ${stepIf}\n` : ''}`;

let n = 0;
function insecure(text: string, event: string): number {
  const result = evaluateWorkflow({
    path: `wf-${++n}.yml`,
    text,
    policy: baseline,
    context: { ...EMPTY_CONTEXT, event, defaultPermissions: 'read' },
    now: new Date('2026-11-21T00:00:00Z'),
  });
  return result.decision.findings.filter((f) => f.ruleId === 'insecure-commands').length;
}

const ONLY_PRT = "github.event_name == 'pull_request_target'";

describe('rules skip what cannot run for the decided event', () => {
  it('a step that runs only on pull_request_target reports nothing for push', () => {
    expect(insecure(workflow('', ONLY_PRT), 'push')).toBe(0);
  });

  it('the same step decided for pull_request_target reports', () => {
    expect(insecure(workflow('', ONLY_PRT), 'pull_request_target')).toBe(1);
    expect(insecure(workflow('', ''), 'push')).toBe(1);
  });

  it('a job that runs only on pull_request_target reports nothing for push', () => {
    expect(insecure(workflow(ONLY_PRT, ''), 'push')).toBe(0);
    expect(insecure(workflow(ONLY_PRT, ''), 'pull_request_target')).toBe(1);
  });
});
