/**
 * The gate trusts its own code. The step that runs agent-gate is a `node` action the runner
 * downloaded for this very run (`GITHUB_ACTION_REPOSITORY` at `GITHUB_ACTION_REF`); judging it
 * as unseen third-party code would make every unattended gated job approval-required by the
 * gate's own presence. Only that repository is added (at that ref when the runner names it),
 * and only for this run's evaluation: the policy the report and evidence show is unchanged.
 */
import type { Policy } from '../../engine/policy/types.js';
import { trustedPatternError } from '../../engine/inventory/trusted-actions.js';

export function withGateTrusted(policy: Policy, env: NodeJS.ProcessEnv): Policy {
  const repository = env.GITHUB_ACTION_REPOSITORY;
  if (!repository) return policy;
  const ref = env.GITHUB_ACTION_REF;
  const pattern = ref ? `${repository}@${ref}` : repository;
  if (trustedPatternError(pattern) !== undefined) return policy;
  return { ...policy, trustedActions: [...(policy.trustedActions ?? []), pattern] };
}
