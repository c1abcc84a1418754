/**
 * The repository default token permissions a decision rests on, from the policy's
 * `repository: { default-permissions }` and the action input / CLI flag.
 *
 * Precedence (documented in the README and `scan --help`): the policy is read from a trusted
 * commit, the input from the workflow being gated — so the input may make the assumption
 * stricter but never looser. `unknown` states nothing; when the two state different values,
 * write is assumed (the safe side).
 */
import type { Policy } from './types.js';

export type DefaultPermissions = 'read' | 'write' | 'unknown';

export function effectiveDefaultPermissions(
  policy: Policy,
  stated: DefaultPermissions,
): DefaultPermissions {
  const fromPolicy = policy.defaultPermissions?.value;
  if (fromPolicy === undefined) return stated;
  if (stated === 'unknown' || stated === fromPolicy) return fromPolicy;
  return 'write';
}
