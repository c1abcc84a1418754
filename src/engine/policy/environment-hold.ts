/**
 * Approval held by the environment: GitHub starts a job bound to an environment with required
 * reviewers only after one of them approves, so a deploy or production path of that job
 * already has its human approval. Only facts read from the API (or the CLI's
 * `--environments` file) count; unknown or unreadable protection keeps the policy's decision.
 */
import { describeProtection } from '../context/environment-protection.js';
import type { JobInventory } from '../inventory/types.js';
import type { ActionPath } from '../inventory/types.js';
import type { DecisionValue } from './types.js';

const HELD_CLASSES = new Set(['deploy', 'production']);

/** The reason the environment holds this path's approval, or undefined when it does not. */
export function heldByEnvironment(
  path: ActionPath,
  job: JobInventory,
  decision: DecisionValue,
): string | undefined {
  const env = job.environment;
  if (decision !== 'approval-required' || !HELD_CLASSES.has(path.class)) return undefined;
  if (!env || env.dynamic || env.protection.status !== 'protected') return undefined;
  return `approval held by environment ${env.name}: ${describeProtection({
    ...env.protection,
    name: env.name,
    status: 'read',
  })}`;
}
