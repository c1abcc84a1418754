/**
 * What a reader can do about an action path the policy did not simply allow: the
 * remediation tip and severity of a `path` finding, by action class and decision.
 */
import type { ActionClass } from '../inventory/action-classes.js';
import type { DecisionValue, Severity } from './types.js';

const TIPS: Readonly<Record<ActionClass, string>> = {
  read: 'Nothing to change: reading is allowed unless your policy says otherwise.',
  comment:
    'Give the job only `issues: write` / `pull-requests: write` (no other write scope) so the comment credential stays narrow.',
  'write-branch':
    'Let the job open a pull request from a read-only agent job and push from a separate job, or route the run through approval.',
  'modify-workflow':
    'Have a code owner review the change to workflows, actions, CODEOWNERS or the policy, and approve the run.',
  'run-shell':
    'Drop write credentials from shell steps (narrow `permissions:`, no secrets in env), or restrict the agent to an allow-list of commands.',
  'use-secret':
    'Pass only the secrets the step needs, bind production secrets to a protected environment, or approve the run.',
  'cloud-credential':
    'Use OIDC with a role scoped to this repository and branch, bound to a protected environment, or approve the run.',
  'call-tool':
    'Limit the agent to read-only tools (allow-list), pin local MCP servers, keep secrets out of their env, or approve the run.',
  publish:
    'Publish from a protected environment with trusted publishing (OIDC), after approval; never from an agent job.',
  deploy: 'Bind the job to an environment with required reviewers, or approve the run.',
  production: 'Bind the job to a protected production environment with required reviewers.',
  destructive:
    'Remove the destructive command or scope it to a path the job owns; keep a recovery path.',
  'bypass-checks':
    'Do not automate bypasses of branch protection, rulesets or required checks; merge through the normal review path.',
  opaque:
    'Let the gate see the code: vendor the action or workflow into the repository, fetch remote ones into the actions cache (`agent-gate fetch`), or approve the run.',
};

export function pathRemediation(cls: ActionClass, decision: DecisionValue): string {
  const tip = TIPS[cls];
  return decision === 'approval-required'
    ? `${tip} Approval: an authorized approver approves the run (approval: wait or environment).`
    : tip;
}

export function pathSeverity(decision: DecisionValue): Severity {
  return decision === 'blocked' ? 'high' : decision === 'approval-required' ? 'medium' : 'info';
}
