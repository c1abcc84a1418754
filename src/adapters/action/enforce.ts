/**
 * Enforcement: the decision becomes the step's result. Blocked fails; approval-required
 * fails with `approval: fail` and passes the decision on with `approval: environment`;
 * audit mode reports and never fails.
 */
import * as core from './runner-commands.js';
import { formatLocation } from '../../engine/errors.js';
import { escapeLogText } from '../../engine/escape.js';
import { allFindings } from '../../engine/report/report.js';
import type { Report } from '../../engine/report/report.js';
import type { Settings } from './settings.js';

export function enforce(
  report: Report,
  settings: Pick<Settings, 'mode' | 'approval'>,
  approval?: { readonly approved: boolean; readonly message: string },
): void {
  const lines = (decision: string): string[] =>
    [
      ...report.evaluations.flatMap((e) => e.decision.reasons),
      ...allFindings(report)
        .filter((f) => f.decision === decision)
        .map((f) => `${formatLocation(f.location)} [${f.ruleId}] ${f.message}`),
    ].map(escapeLogText);
  if (report.decision === 'allow') {
    core.info('agent-gate: allow');
    return;
  }
  if (settings.mode === 'audit') {
    core.notice(`agent-gate (audit mode): the decision is ${report.decision}; not enforced`);
    return;
  }
  if (report.decision === 'blocked') {
    core.setFailed(`agent-gate: blocked\n${lines('blocked').join('\n')}`);
    return;
  }
  if (settings.approval === 'wait' || settings.approval === 'record') {
    if (approval?.approved) {
      core.notice(`agent-gate: approval required and given — ${escapeLogText(approval.message)}`);
      return;
    }
    core.setFailed(
      `agent-gate: approval required and not given — ${escapeLogText(approval?.message ?? 'no approval was read')}\n${lines('approval-required').join('\n')}`,
    );
    return;
  }
  if (settings.approval === 'environment') {
    core.notice(
      'agent-gate: approval required; decision=approval-required is handed to the job bound to the protected environment',
    );
    return;
  }
  core.setFailed(
    `agent-gate: approval required\n${lines('approval-required').join('\n')}\n` +
      'To proceed, have these paths approved (`approval: wait` asks an approver in the pull request or an issue; `approval: environment` routes the run through an environment with required reviewers), or change the workflow so they are not needed.',
  );
}
