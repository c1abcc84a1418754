/** Shared assertions on a finished run of the bundle. */
import { expect } from 'vitest';
import type { RunResult } from './harness.js';

/** A failed step that decided blocked, with exactly one error annotation: the failure message. */
export function expectFailedStep(r: RunResult, message: string | RegExp): void {
  expect(r.code).toBe(1);
  expect(r.outputs.decision).toBe('blocked');
  const errors = r.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]!.properties).toEqual({});
  if (typeof message === 'string') expect(errors[0]!.message).toBe(message);
  else expect(errors[0]!.message).toMatch(message);
  expect(r.stderr).toBe('');
}

/** One entry of the `findings` output. */
export interface OutputFinding {
  readonly ruleId: string;
  readonly decision: string;
  readonly message: string;
  readonly job: string;
  readonly location: { readonly path: string; readonly line: number; readonly column: number };
}

/** The `findings` output, parsed; throws when the output is missing. */
export function findingsOf(r: RunResult): OutputFinding[] {
  if (r.outputs.findings === undefined) throw new Error('no `findings` output');
  return JSON.parse(r.outputs.findings) as OutputFinding[];
}
