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
  'timeout-minutes'?: string | number;
  needs?: string | string[];
  if?: string;
  environment?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(readFileSync('.github/workflows/agent-gate.yml', 'utf8')) as {
  on: {
    workflow_call: {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
      secrets?: Record<string, unknown>;
    };
  };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
};
const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> };
const gateSteps = Object.values(workflow.jobs).flatMap((j) =>
  j.steps.filter((s) => s.uses?.startsWith('agent-gate/agent-gate@')),
);

describe('reusable workflow', () => {
  it('is called with workflow_call and exposes approval (wait too), attest, mode and the token', () => {
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    expect(Object.keys(workflow.on.workflow_call.inputs).sort()).toEqual(
      [
        'approval',
        'attest',
        'default-permissions',
        'environment',
        'evidence',
        'jobs',
        'mode',
        'policy',
        'policy-repository',
        'retention-days',
        'timeout-minutes',
      ].sort(),
    );
    expect(Object.keys(workflow.on.workflow_call.secrets ?? {})).toEqual(['token']);
    expect(Object.keys(workflow.jobs)).toEqual(['evaluate', 'approve', 'record']);
  });

  it('routes approval-required runs through the environment only with approval: environment', () => {
    const { evaluate, approve, record } = workflow.jobs;
    expect(evaluate?.steps[0]?.with).toMatchObject({
      approval: '${{ inputs.approval }}',
      mode: '${{ inputs.mode }}',
      attest: '${{ inputs.attest }}',
      token: '${{ secrets.token || github.token }}',
    });
    expect(approve?.needs).toBe('evaluate');
    expect(approve?.if).toBe(
      "inputs.approval == 'environment' && needs.evaluate.outputs.decision == 'approval-required'",
    );
    expect(approve?.environment).toBe('${{ inputs.environment }}');
    expect(approve?.permissions).toEqual({});
    expect(approve?.steps.every((s) => s.uses === undefined)).toBe(true);
    expect(record?.needs).toEqual(['evaluate', 'approve']);
    expect(record?.steps[0]?.with).toMatchObject({
      approval: 'record',
      environment: '${{ inputs.environment }}',
    });
  });

  it('lets the calling job grant evaluate and record their permissions (wait needs write)', () => {
    // GitHub checks every nested job's permissions against the caller's grant when the run
    // starts, skipped jobs included: a declared write would force every caller to grant it.
    expect(workflow.permissions).toBeUndefined();
    expect(workflow.jobs.evaluate?.permissions).toBeUndefined();
    expect(workflow.jobs.record?.permissions).toBeUndefined();
    // A job timeout longer than any approval wait when waiting; short otherwise.
    expect(workflow.jobs.evaluate?.['timeout-minutes']).toBe(
      "${{ inputs.approval == 'wait' && 360 || 10 }}",
    );
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
