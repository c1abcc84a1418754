/**
 * The reusable workflow (.github/workflows/agent-gate.yml) wires the action as the README
 * says: evaluate → approve (environment, only when approval is required) → record; both
 * action steps pinned to one commit whose action.yml has every input they pass.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
}
interface Job {
  needs?: string | string[];
  if?: string;
  environment?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(readFileSync('.github/workflows/agent-gate.yml', 'utf8')) as {
  on: { workflow_call: { inputs: Record<string, unknown>; outputs: Record<string, unknown> } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> };
const gateSteps = Object.values(workflow.jobs).flatMap((j) =>
  j.steps.filter((s) => s.uses?.startsWith('agent-gate/agent-gate@')),
);

describe('reusable workflow', () => {
  it('is called with workflow_call, grants nothing by default, and has the three jobs', () => {
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    expect(Object.keys(workflow.on.workflow_call.inputs).sort()).toEqual(
      [
        'default-permissions',
        'environment',
        'evidence',
        'jobs',
        'policy',
        'policy-repository',
        'retention-days',
      ].sort(),
    );
    expect(workflow.permissions).toEqual({});
    expect(Object.keys(workflow.jobs)).toEqual(['evaluate', 'approve', 'record']);
  });

  it('routes only approval-required runs through the environment, then records', () => {
    const { evaluate, approve, record } = workflow.jobs;
    expect(evaluate?.steps[0]?.with?.approval).toBe('environment');
    expect(approve?.needs).toBe('evaluate');
    expect(approve?.if).toBe("needs.evaluate.outputs.decision == 'approval-required'");
    expect(approve?.environment).toBe('${{ inputs.environment }}');
    expect(approve?.permissions).toEqual({});
    expect(approve?.steps.every((s) => s.uses === undefined)).toBe(true);
    expect(record?.needs).toEqual(['evaluate', 'approve']);
    expect(record?.steps[0]?.with).toMatchObject({
      approval: 'record',
      environment: '${{ inputs.environment }}',
    });
    // The approvals API needs actions: read; nothing can write.
    for (const job of [evaluate, record])
      expect(job?.permissions).toEqual({
        contents: 'read',
        'pull-requests': 'read',
        actions: 'read',
      });
  });

  it('pins both action steps to one full commit SHA and passes only inputs the action has', () => {
    expect(gateSteps).toHaveLength(2);
    const refs = new Set(gateSteps.map((s) => s.uses));
    expect(refs.size).toBe(1);
    const sha = [...refs][0]!.split('@')[1]!;
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    for (const step of gateSteps)
      for (const key of Object.keys(step.with ?? {}))
        expect(Object.keys(action.inputs)).toContain(key);
  });

  it('the pinned commit (when this clone has it) has the approval record mode and every input used', () => {
    const sha = gateSteps[0]!.uses!.split('@')[1]!;
    let pinned: string | undefined;
    try {
      pinned = execFileSync('git', ['show', `${sha}:action.yml`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch {
      // A shallow clone may not have the commit; the test above already checked HEAD.
      pinned = undefined;
    }
    if (pinned === undefined) return;
    const at = parse(pinned) as { inputs: Record<string, { description: string }> };
    expect(at.inputs.approval?.description).toMatch(/record/);
    for (const step of gateSteps)
      for (const key of Object.keys(step.with ?? {})) expect(Object.keys(at.inputs)).toContain(key);
  });
});
