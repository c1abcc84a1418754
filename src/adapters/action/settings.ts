/**
 * The action's inputs, read once into one typed settings object. Enumerated inputs are
 * checked against their allowed values; a typo is an error, never a silent default.
 */
import * as core from './runner-commands.js';
import { InputError } from '../../engine/errors.js';
import { hasExpression } from '../../engine/workflow/expressions/fences.js';

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
  timeoutMinutes: 'timeout-minutes',
  environment: 'environment',
  policyRepository: 'policy-repository',
  matrix: 'matrix',
  jobWorkflowRef: 'job-workflow-ref',
} as const;

export const OUTPUTS = {
  decision: 'decision',
  findings: 'findings',
  findingsCount: 'findings-count',
  reportPath: 'report-path',
  policyDigest: 'policy-digest',
  evidencePath: 'evidence-path',
  evidenceArtifactId: 'evidence-artifact-id',
  evidenceName: 'evidence-name',
  attestationId: 'attestation-id',
  approved: 'approved',
  approvedBy: 'approved-by',
  approvalUrl: 'approval-url',
} as const;

export interface Settings {
  /** Policy file path in the repository or preset name; undefined = repository file or baseline. */
  readonly policy: string | undefined;
  /** enforce: fail on blocked / approval-required; audit: report only. */
  readonly mode: 'enforce' | 'audit';
  /**
   * What approval-required does: fail; wait (post a request and poll); environment (hand
   * the decision to a job bound to a protected environment); record (read that
   * environment's approval from the run's approval history into the evidence).
   */
  readonly approval: 'fail' | 'wait' | 'environment' | 'record';
  /** Shortens the policy's approval timeout (whole minutes); undefined = the policy's. */
  readonly timeoutMinutes: number | undefined;
  /** The protected environment whose approval `record` reads; undefined = the job's own. */
  readonly environment: string | undefined;
  /** A central repository the policy is read from (`owner/name@ref`); undefined = this one. */
  readonly policyRepository:
    { readonly owner: string; readonly repo: string; readonly ref: string } | undefined;
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
  /**
   * Sign the evidence pack's manifest: `store` also stores the attestation through the
   * attestations API (public repositories, GitHub Enterprise Cloud; needs attestations:
   * write); `bundle` only puts the Sigstore bundle into the pack (any repository, private ones
   * without Enterprise included; needs id-token: write); `off` does not sign.
   */
  readonly attest: 'off' | 'store' | 'bundle';
  /** The matrix leg (`${{ toJSON(matrix) }}`): makes the evidence name unique per leg. */
  readonly matrix: string | undefined;
  /**
   * `${{ job.workflow_ref }}`: the file that defines the running job — a reusable workflow's,
   * when GITHUB_WORKFLOW_REF names its caller. Undefined where the runner does not give it.
   */
  readonly jobWorkflowRef: string | undefined;
}

export function readSettings(): Settings {
  const token = core.getInput(INPUTS.token);
  if (token) core.setSecret(token);
  return {
    policy: core.getInput(INPUTS.policy) || undefined,
    mode: choice(INPUTS.mode, ['enforce', 'audit'], 'enforce'),
    approval: choice(INPUTS.approval, ['fail', 'wait', 'environment', 'record'], 'fail'),
    timeoutMinutes: wholeNumber(INPUTS.timeoutMinutes, 1, 43_200),
    environment: core.getInput(INPUTS.environment) || undefined,
    policyRepository: policyRepository(core.getInput(INPUTS.policyRepository)),
    evidence: choice(INPUTS.evidence, ['artifact', 'file', 'none'], 'artifact'),
    token,
    jobs: choice(INPUTS.jobs, ['current', 'all'], 'current'),
    defaultPermissions: choice(INPUTS.defaultPermissions, ['read', 'write', 'unknown'], 'unknown'),
    retentionDays: retentionDays(),
    attest: attestMode(core.getInput(INPUTS.attest)),
    matrix: core.getInput(INPUTS.matrix) || undefined,
    jobWorkflowRef: unexpanded(core.getInput(INPUTS.jobWorkflowRef)),
  };
}

/** `owner/name@ref`: the ref is required (a commit SHA, or a protected branch or tag). */
function policyRepository(value: string): Settings['policyRepository'] {
  if (value === '') return undefined;
  const m = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})@([^\s@]{1,255})$/.exec(
    value,
  );
  if (!m || m[2] === '.' || m[2] === '..')
    throw new InputError(
      `input \`${INPUTS.policyRepository}\` must be owner/name@ref, e.g. acme/policies@<commit sha> (got \`${value}\`)`,
    );
  return { owner: m[1] ?? '', repo: m[2] ?? '', ref: m[3] ?? '' };
}

/** `attest`: true | false (YAML 1.2 core booleans, as getBooleanInput) or `bundle`. */
function attestMode(value: string): Settings['attest'] {
  if (value === '' || ['false', 'False', 'FALSE'].includes(value)) return 'off';
  if (['true', 'True', 'TRUE'].includes(value)) return 'store';
  if (value === 'bundle') return 'bundle';
  throw new InputError(
    `input \`${INPUTS.attest}\` must be true, false or bundle (sign without storing: the Sigstore bundle goes into the pack, for private repositories) (got \`${value}\`)`,
  );
}

function retentionDays(): number | undefined {
  return wholeNumber(INPUTS.retentionDays, 1, 90);
}

function wholeNumber(name: string, min: number, max: number): number | undefined {
  const value = core.getInput(name);
  if (value === '') return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < min || n > max) {
    throw new InputError(
      `input \`${name}\` must be a whole number from ${min} to ${max} (got \`${value}\`)`,
    );
  }
  return n;
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

/** An input the runner could not expand (an older runner without `job.workflow_ref`) is absent. */
function unexpanded(value: string): string | undefined {
  return value === '' || hasExpression(value) ? undefined : value;
}
