/**
 * How messages name a step or a place in a job: one label for every rule, renderer and
 * inventory fact, so the same step reads the same everywhere.
 */
import type { Step } from './model.js';
import type { YamlPath } from './source.js';

/** `jobs.build.steps.1.env.X` → "step 2 of job `build` (`env.X`)", for messages. */
export function describePath(path: YamlPath): string {
  if (path[0] !== 'jobs' || path.length < 2) return `\`${path.join('.')}\``;
  const job = `job \`${String(path[1])}\``;
  if (path[2] === 'steps' && typeof path[3] === 'number') {
    const rest = path.slice(4).join('.');
    return `step ${path[3] + 1} of ${job}${rest ? ` (\`${rest}\`)` : ''}`;
  }
  const rest = path.slice(2).join('.');
  return `${job}${rest ? ` (\`${rest}\`)` : ''}`;
}

/**
 * `step 2 (Build)`: the step's 1-based number with its name, else its id (`by: 'name'`
 * leaves the id out), as every message names a step.
 */
export function stepLabel(
  step: Pick<Step, 'index' | 'name' | 'id'>,
  by: 'name-or-id' | 'name' = 'name-or-id',
): string {
  const label = step.name ? step.name : by === 'name-or-id' ? step.id : undefined;
  return `step ${step.index + 1}${label ? ` (${label})` : ''}`;
}

/** The step's own name, else its id, else `step 2`: a step named on its own. */
export function stepName(step: Pick<Step, 'index' | 'name' | 'id'>): string {
  return step.name ?? step.id ?? `step ${step.index + 1}`;
}
