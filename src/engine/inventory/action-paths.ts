/**
 * Derives the action paths of a job — each occurrence of an action class with the evidence
 * that put it there and the credentials it can use — from permissions, credentials, steps,
 * commands, environment and changed files. The inventory issue adds tools and targets.
 */
import { locate } from '../workflow/source.js';
import type { PathDraft } from './opaque.js';
import type { ActionPath } from './types.js';
import { fromAgents } from './action-paths/from-agents.js';
import { fromChangedFiles } from './action-paths/from-changed-files.js';
import { fromEnvironment } from './action-paths/from-environment.js';
import { fromCredentials, fromPermissions } from './action-paths/from-grants.js';
import { fromSteps } from './action-paths/from-steps.js';
import type { Draft, PathInput } from './action-paths/input.js';

export { withKnownActions, type PathInput } from './action-paths/input.js';

export function buildActionPaths(input: PathInput): ActionPath[] {
  const credsByStep = new Map<number, readonly string[]>();
  const stepDrafts = fromSteps(input, credsByStep);
  const drafts: Draft[] = [
    {
      class: 'read',
      reason: 'reads the repository',
      at: locate(input.workflow.source, input.job.at, { key: true }),
      credentials: ['github-token'],
      step: undefined,
      uses: undefined,
      target: undefined,
    },
    ...fromPermissions(input),
    ...fromCredentials(input),
    ...fromEnvironment(input, stepDrafts),
    ...stepDrafts,
    ...fromAgents(input, credsByStep),
    ...fromChangedFiles(input),
    ...(input.indirect ?? []),
  ];
  const counters = new Map<string, number>();
  return drafts.map((d) => {
    const n = (counters.get(d.class) ?? 0) + 1;
    counters.set(d.class, n);
    return { ...d, id: `${input.job.id}/${d.class}/${n}`, job: input.job.id };
  });
}

/** The paths of a job's own steps (also used for steps of composite actions and called jobs). */
export function stepPaths(input: PathInput): PathDraft[] {
  return fromSteps(input, new Map());
}

/** The paths of a job's environment (also used for jobs of a called workflow). */
export function environmentPaths(input: PathInput, stepDrafts: readonly PathDraft[]): PathDraft[] {
  return fromEnvironment(input, stepDrafts);
}
