/**
 * The action's inputs, read once into one typed settings object. Enumerated inputs are
 * checked against their allowed values; a typo is an error, never a silent default.
 */
import * as core from '@actions/core';
import { InputError } from '../errors.js';

export const INPUTS = {
  policy: 'policy',
  mode: 'mode',
  approval: 'approval',
  evidence: 'evidence',
  token: 'token',
  jobs: 'jobs',
  defaultPermissions: 'default-permissions',
} as const;

export const OUTPUTS = {
  decision: 'decision',
  findings: 'findings',
  findingsCount: 'findings-count',
  reportPath: 'report-path',
  policyDigest: 'policy-digest',
} as const;

export interface Settings {
  /** Policy file path in the repository or preset name; undefined = repository file or baseline. */
  readonly policy: string | undefined;
  /** enforce: fail on blocked / approval-required; audit: report only. */
  readonly mode: 'enforce' | 'audit';
  /** What approval-required does. */
  readonly approval: 'fail' | 'wait' | 'environment';
  /** Where the evidence goes. */
  readonly evidence: 'artifact' | 'file' | 'none';
  /** API token; empty when none was given. */
  readonly token: string;
  /** Which jobs are decided. */
  readonly jobs: 'current' | 'all';
  /** Repository default token permissions for jobs that declare none. */
  readonly defaultPermissions: 'read' | 'write' | 'unknown';
}

export function readSettings(): Settings {
  const token = core.getInput(INPUTS.token);
  if (token) core.setSecret(token);
  return {
    policy: core.getInput(INPUTS.policy) || undefined,
    mode: choice(INPUTS.mode, ['enforce', 'audit'], 'enforce'),
    approval: choice(INPUTS.approval, ['fail', 'wait', 'environment'], 'fail'),
    evidence: choice(INPUTS.evidence, ['artifact', 'file', 'none'], 'file'),
    token,
    jobs: choice(INPUTS.jobs, ['current', 'all'], 'current'),
    defaultPermissions: choice(INPUTS.defaultPermissions, ['read', 'write', 'unknown'], 'unknown'),
  };
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name);
  if (value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(
      `input \`${name}\` must be one of: ${allowed.join(', ')} (got \`${value}\`)`,
    );
  }
  return value as T;
}
