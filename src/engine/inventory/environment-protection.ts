/**
 * The protection of a job's environment as the inventory records it: the facts the adapter
 * looked up for that name, or `unknown` (never looked up, or a name computed at run time).
 */
import type { RunContext } from '../context/run-context.js';
import type { SourceFile } from '../workflow/source.js';
import { locate } from '../workflow/source.js';
import type { Job } from '../workflow/model.js';
import { hasExpression } from '../workflow/expressions/fences.js';
import type { EnvironmentProtection, JobInventory } from './types.js';

/** A job's environment as the inventory records it (the job's own, or a called job's). */
export function jobEnvironment(
  job: Job,
  source: SourceFile,
  context: RunContext,
): JobInventory['environment'] {
  if (!job.environment) return undefined;
  const { name } = job.environment;
  const dynamic = hasExpression(name);
  return {
    name,
    dynamic,
    at: locate(source, job.environment.at),
    protection: environmentProtection(name, dynamic, context),
  };
}

export function environmentProtection(
  name: string,
  dynamic: boolean,
  context: RunContext,
): EnvironmentProtection {
  const facts = dynamic ? undefined : context.environments?.[name];
  if (!facts)
    return {
      status: 'unknown',
      source: 'none',
      reviewers: [],
      preventSelfReview: undefined,
      waitTimer: undefined,
      branchPolicy: undefined,
      customRules: [],
      note: dynamic
        ? 'the name is computed at run time; its protection cannot be looked up'
        : 'not looked up (the CLI reads it from --environments; the action from the API)',
    };
  return {
    source: facts.source,
    reviewers: facts.reviewers,
    preventSelfReview: facts.preventSelfReview,
    waitTimer: facts.waitTimer,
    branchPolicy: facts.branchPolicy,
    customRules: facts.customRules,
    note: facts.note,
    status:
      facts.status === 'unreadable'
        ? 'unreadable'
        : facts.reviewers.length > 0
          ? 'protected'
          : 'unprotected',
  };
}
