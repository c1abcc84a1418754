/**
 * The closed-world shape of workflows, jobs and steps: every key GitHub accepts is known here, and an
 * unknown one is an input error at its location (never skipped: an unseen key may carry
 * behaviour). Steps of `parallel:` groups (June 2026) are flattened into the job's steps in
 * order, each keeping its own YAML path; `background`, `wait`, `wait-all` and `cancel` steps
 * only schedule other steps and run nothing themselves.
 */
import type { YamlPath } from './source.js';

type Data = Record<string, unknown>;
type Fail = (message: string, at: YamlPath, key?: boolean) => never;

/** Top-level keys of a workflow file (GitHub's workflow schema, `workflow-root`). */
export const WORKFLOW_KEYS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'run-name',
  'on',
  'permissions',
  'env',
  'defaults',
  'concurrency',
  'jobs',
]);

export const JOB_KEYS: ReadonlySet<string> = new Set([
  'name',
  'permissions',
  'needs',
  'if',
  'runs-on',
  'snapshot',
  'environment',
  'concurrency',
  'outputs',
  'env',
  'defaults',
  'steps',
  'timeout-minutes',
  'strategy',
  'continue-on-error',
  'container',
  'services',
  'uses',
  'with',
  'secrets',
]);

export const STEP_KEYS: ReadonlySet<string> = new Set([
  'id',
  'if',
  'name',
  'uses',
  'run',
  'working-directory',
  'shell',
  'with',
  'env',
  'continue-on-error',
  'timeout-minutes',
  // Parallel steps (GitHub, June 2026).
  'background',
  'wait',
  'wait-all',
  'cancel',
  'parallel',
]);

/** Keys a `parallel:` group step may have besides `parallel` itself. */
const GROUP_KEYS: ReadonlySet<string> = new Set(['name', 'id', 'if', 'parallel']);

/** Fails on the first key of `data` not in `allowed`, located at that key. */
export function checkKeys(
  data: Data,
  allowed: ReadonlySet<string>,
  what: string,
  at: YamlPath,
  fail: Fail,
): void {
  for (const key of Object.keys(data)) {
    if (!allowed.has(key))
      fail(
        `${what}: unknown key \`${key}\` (the gate does not know what it does, so it cannot allow it)`,
        [...at, key],
        true,
      );
  }
}

/** A step's data with the path it was written at. */
export interface PlacedStep {
  readonly data: Data;
  readonly at: YamlPath;
}

/**
 * The steps of a job or of a composite action in run order with `parallel:` groups expanded
 * (a group inside a group is refused, as GitHub refuses it). Every step map is checked against
 * STEP_KEYS. `owner` names where they are written in messages: ``job `build` `` or
 * `composite action`.
 */
export function placeSteps(
  steps: readonly unknown[],
  owner: string,
  at: YamlPath,
  fail: Fail,
): PlacedStep[] {
  const out: PlacedStep[] = [];
  steps.forEach((step, i) => {
    const stepAt: YamlPath = [...at, i];
    if (!isMap(step)) fail(`${owner}: step ${i + 1} is not a map`, stepAt);
    const data = step;
    if (!('parallel' in data)) {
      checkKeys(data, STEP_KEYS, `${owner}, step ${i + 1}`, stepAt, fail);
      out.push({ data, at: stepAt });
      return;
    }
    checkKeys(data, GROUP_KEYS, `${owner}, parallel group (step ${i + 1})`, stepAt, fail);
    const group = data.parallel;
    if (!Array.isArray(group) || group.length === 0)
      fail(`${owner}: \`parallel:\` must be a non-empty list of steps`, [...stepAt, 'parallel']);
    (group as unknown[]).forEach((inner, j) => {
      const innerAt: YamlPath = [...stepAt, 'parallel', j];
      if (!isMap(inner)) fail(`${owner}: step ${j + 1} of a parallel group is not a map`, innerAt);
      if ('parallel' in inner)
        fail(`${owner}: a parallel group cannot contain another one`, [...innerAt, 'parallel']);
      checkKeys(
        inner,
        STEP_KEYS,
        `${owner}, step ${j + 1} of the parallel group at step ${i + 1}`,
        innerAt,
        fail,
      );
      out.push({ data: inner, at: innerAt });
    });
  });
  return out;
}

function isMap(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
