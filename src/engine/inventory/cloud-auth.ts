/**
 * Cloud logins in a job and what they consume: an OIDC exchange for a short-lived role
 * (`role-to-assume`, workload identity, federated client id) or a static, long-lived key
 * passed as an input. Data-driven: one row per login action.
 */
import type { SourceLocation } from '../errors.js';
import type { Job, Workflow } from '../workflow/model.js';
import { locate } from '../workflow/source.js';
import { actionMatches } from './uses.js';
import { remoteActionName } from '../workflow/uses-reference.js';

export interface CloudLogin {
  readonly provider: 'aws' | 'gcp' | 'azure';
  /** `oidc`: short-lived credentials from the job's OIDC token; `static`: a long-lived key. */
  readonly mode: 'oidc' | 'static';
  /** What it reaches, as written: role ARN, workload identity provider + service account, client id. */
  readonly target: string;
  readonly step: number;
  readonly at: SourceLocation;
}

interface LoginAction {
  readonly action: string;
  readonly provider: CloudLogin['provider'];
  /** Inputs that mean an OIDC exchange, and the ones that name what it reaches. */
  readonly oidcInputs: readonly string[];
  /** Inputs that carry a static key. */
  readonly staticInputs: readonly string[];
  readonly targetInputs: readonly string[];
}

const LOGIN_ACTIONS: readonly LoginAction[] = [
  {
    action: 'aws-actions/configure-aws-credentials',
    provider: 'aws',
    oidcInputs: ['role-to-assume'],
    staticInputs: ['aws-secret-access-key', 'aws-access-key-id'],
    targetInputs: ['role-to-assume', 'aws-region'],
  },
  {
    action: 'google-github-actions/auth',
    provider: 'gcp',
    oidcInputs: ['workload_identity_provider'],
    staticInputs: ['credentials_json'],
    targetInputs: ['workload_identity_provider', 'service_account', 'project_id'],
  },
  {
    action: 'azure/login',
    provider: 'azure',
    oidcInputs: ['client-id'],
    staticInputs: ['creds'],
    targetInputs: ['client-id', 'tenant-id', 'subscription-id'],
  },
];

/** The login actions' names (they leave credentials behind for later steps). */
export const LOGIN_ACTION_NAMES: readonly string[] = LOGIN_ACTIONS.map((a) => a.action);

export function findCloudLogins(workflow: Workflow, job: Job): CloudLogin[] {
  const logins: CloudLogin[] = [];
  for (const step of job.steps) {
    const name = remoteActionName(step.usesRef);
    const row = name ? LOGIN_ACTIONS.find((r) => actionMatches(name, r.action)) : undefined;
    if (!row) continue;
    const input = (key: string): string | undefined => step.with.find((w) => w.key === key)?.value;
    const hasStatic = row.staticInputs.some((k) => input(k));
    const hasOidc = row.oidcInputs.some((k) => input(k)) && !hasStatic;
    const target = row.targetInputs
      .map((k) => input(k))
      .filter((v): v is string => Boolean(v))
      .join(' ');
    logins.push({
      provider: row.provider,
      mode: hasOidc ? 'oidc' : 'static',
      target: target || `${row.provider} (target not visible)`,
      step: step.index,
      at: locate(workflow.source, [...step.at, 'uses']),
    });
  }
  return logins;
}
