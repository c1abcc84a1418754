/**
 * What the evidence pack is built from, as the main step knows it: the report, the run as
 * the runner describes it, the approval record, and the timestamps so far. The outcome is
 * unknown until the post step reads it.
 */
import type { RunContext } from '../../engine/context/run-context.js';
import type { ApprovalRecord, EvidenceInput, RunMetadata } from '../../engine/evidence/types.js';
import type { Report } from '../../engine/report/report.js';
import type { RunnerEnv } from './runner-env.js';
import type { Settings } from './settings.js';
import { defaultArtifactName } from './upload-evidence.js';

export function evidenceInput(
  report: Report,
  settings: Settings,
  runner: RunnerEnv,
  context: RunContext,
  jobKey: string,
  started: string,
  approval: ApprovalRecord = approvalRecord(report, settings),
): EvidenceInput {
  return {
    report,
    run: runMetadata(runner, context),
    approval,
    validation: { checkRuns: undefined, note: 'check runs are read at the end of the job' },
    timestamps: { started, decided: new Date().toISOString(), finished: undefined },
    outcome: {
      status: 'unknown',
      source: 'main step',
      note: 'the job had not run yet; the post step completes this',
    },
    evidence: {
      mode: settings.evidence,
      artifactName:
        settings.evidence === 'artifact'
          ? defaultArtifactName(jobKey, runner.runAttempt)
          : undefined,
    },
    attestation: undefined,
  };
}

function runMetadata(runner: RunnerEnv, context: RunContext): RunMetadata {
  return {
    repository: runner.repository,
    workflowPath: runner.workflowPath,
    workflowSha: runner.workflowSha,
    job: runner.job,
    runId: runner.runId,
    runAttempt: runner.runAttempt,
    runUrl: runner.runId
      ? `${runner.serverUrl.replace(/\/+$/, '')}/${runner.repository}/actions/runs/${runner.runId}`
      : undefined,
    event: runner.event,
    ref: runner.ref,
    sha: runner.sha,
    actor: context.actor,
    triggeringActor: context.triggeringActor,
    prAuthor: context.pullRequest?.author,
  };
}

/** The approval before any wait or record: not required, required, or handed on. */
export function approvalRecord(report: Report, settings: Settings): ApprovalRecord {
  const required = report.decision === 'approval-required';
  return {
    mode: settings.approval,
    status: !required
      ? 'not-required'
      : settings.approval === 'environment'
        ? 'handed-to-environment'
        : 'required',
    requestDigest: undefined,
    requestUrl: undefined,
    approvals: [],
  };
}
