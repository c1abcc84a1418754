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
  retentionDays: 'retention-days',
  attest: 'attest',
} as const;

export const OUTPUTS = {
  decision: 'decision',
  findings: 'findings',
  findingsCount: 'findings-count',
  reportPath: 'report-path',
  policyDigest: 'policy-digest',
  evidencePath: 'evidence-path',
  evidenceArtifactId: 'evidence-artifact-id',
  attestationId: 'attestation-id',
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
  /** Days the evidence artifact is kept (1..90); undefined = the repository's setting. */
  readonly retentionDays: number | undefined;
  /** Sign the evidence pack's digest with an attestation (needs id-token and attestations: write). */
  readonly attest: boolean;
}

export function readSettings(): Settings {
  const token = core.getInput(INPUTS.token);
  if (token) core.setSecret(token);
  return {
    policy: core.getInput(INPUTS.policy) || undefined,
    mode: choice(INPUTS.mode, ['enforce', 'audit'], 'enforce'),
    approval: choice(INPUTS.approval, ['fail', 'wait', 'environment'], 'fail'),
    evidence: choice(INPUTS.evidence, ['artifact', 'file', 'none'], 'artifact'),
    token,
    jobs: choice(INPUTS.jobs, ['current', 'all'], 'current'),
    defaultPermissions: choice(INPUTS.defaultPermissions, ['read', 'write', 'unknown'], 'unknown'),
    retentionDays: retentionDays(),
    attest: core.getInput(INPUTS.attest) === '' ? false : core.getBooleanInput(INPUTS.attest),
  };
}

function retentionDays(): number | undefined {
  const value = core.getInput(INPUTS.retentionDays);
  if (value === '') return undefined;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new InputError(
      `input \`${INPUTS.retentionDays}\` must be a whole number of days from 1 to 90 (got \`${value}\`)`,
    );
  }
  return days;
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
