/**
 * evidence.json from the pack's input: pure projection, every field named, `undefined` as
 * null. It works alike on the live report and on one read back from JSON (the post step),
 * where undefined fields are simply missing.
 */
import type { ActionClass } from '../inventory/action-classes.js';
import type { Finding, Waiver } from '../policy/types.js';
import { mostSevere } from '../policy/types.js';
import { findingFingerprint } from '../report/render-sarif.js';
import { allFindings } from '../report/report.js';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from '../version.js';
import { bomWorkflows, credentialDoc, loc, ownerDoc } from './bom.js';
import { EVIDENCE_SCHEMA_ID } from './types.js';
import type {
  EvidenceCredential,
  EvidenceDocument,
  EvidenceFinding,
  EvidenceInput,
  EvidenceTarget,
  ToolInfo,
  WaiverDoc,
} from './types.js';

export const TOOL_INFO: ToolInfo = { name: TOOL_NAME, version: TOOL_VERSION, uri: TOOL_URI };
export const NO_CHECK_RUNS_NOTE = "the commit's check runs were not read";

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export function evidenceDocument(input: EvidenceInput): EvidenceDocument {
  const { report, run } = input;
  const inventories = report.evaluations.flatMap((e) => e.inventory);
  const verdicts = report.evaluations.flatMap((e) => e.decision.jobs);
  const pathVerdicts = verdicts.flatMap((v) => v.paths);
  const ownerOf =
    inventories.find((i) => i.job === run.job && i.owner) ?? inventories.find((i) => i.owner);
  const checkRuns = input.validation.checkRuns;
  return {
    $schema: EVIDENCE_SCHEMA_ID,
    schemaVersion: 1,
    tool: TOOL_INFO,
    run: {
      repository: run.repository,
      workflowPath: run.workflowPath,
      workflowSha: run.workflowSha,
      job: run.job,
      runId: orNull(run.runId),
      runAttempt: orNull(run.runAttempt),
      runUrl: orNull(run.runUrl),
      event: run.event,
      ref: orNull(run.ref),
      sha: orNull(run.sha),
      actor: orNull(run.actor),
      triggeringActor: orNull(run.triggeringActor),
      prAuthor: orNull(run.prAuthor),
      scope: run.scope
        ? {
            workflowRepository: orNull(run.scope.workflowRepository),
            calledWorkflow: orNull(run.scope.calledWorkflow),
            decidedJobs: run.scope.decidedJobs ? [...run.scope.decidedJobs] : null,
            policyRef: run.scope.policyRef,
            changes: run.scope.changes
              ? {
                  source: run.scope.changes.source,
                  base: orNull(run.scope.changes.base),
                  head: orNull(run.scope.changes.head),
                  files: run.scope.changes.files,
                }
              : null,
          }
        : null,
    },
    owner: ownerDoc(ownerOf?.owner),
    decision: {
      value: report.decision,
      reasons: report.evaluations.flatMap((e) => e.decision.reasons),
      errors: report.errors.map((e) => ({ path: e.path, message: e.message })),
      jobs: verdicts.map((v) => ({
        workflow: v.workflow,
        job: v.job,
        decision: v.decision,
        paths: v.paths.map((p) => ({
          id: p.path.id,
          class: p.path.class,
          decision: p.decision,
          rule: orNull(p.rule),
          reason: p.path.reason,
          because: p.reason,
          credentials: [...(p.path.credentials ?? [])],
          target: orNull(p.path.target),
          location: loc(p.path.at),
          waived: [...(p.waivedRules ?? [])],
        })),
      })),
      waivers: {
        applied: report.evaluations.flatMap((e) =>
          e.decision.waivers.applied.map((a) => ({ ...waiverDoc(a.waiver), path: a.path })),
        ),
        expired: report.evaluations.flatMap((e) =>
          e.decision.waivers.expired.map((x) => ({ ...waiverDoc(x.waiver), message: x.message })),
        ),
      },
    },
    approval: {
      mode: input.approval.mode,
      status: input.approval.status,
      requestDigest: orNull(input.approval.requestDigest),
      requestUrl: orNull(input.approval.requestUrl),
      approvals: (input.approval.approvals ?? []).map((a) => ({
        login: a.login,
        at: a.at,
        how: a.how,
        digest: orNull(a.digest),
      })),
      ignored: (input.approval.ignored ?? []).map((i) => ({ login: i.login, why: i.why })),
      note: orNull(input.approval.note),
    },
    outcome: {
      status: input.outcome.status,
      source: input.outcome.source,
      note: orNull(input.outcome.note),
    },
    timestamps: {
      started: input.timestamps.started,
      decided: input.timestamps.decided,
      finished: orNull(input.timestamps.finished),
    },
    credentials: report.evaluations.flatMap((e) =>
      e.inventory.flatMap((j) =>
        j.credentials.map((c): EvidenceCredential => {
          const { at, ...doc } = credentialDoc(c);
          return { workflow: j.workflow, job: j.job, ...doc, location: at };
        }),
      ),
    ),
    targets: targets(input),
    policy: {
      sources: [...report.policy.sources],
      digest: report.policy.digest,
      default: report.policy.default,
      evidenceRequired: report.policy.evidenceRequired,
      approval: {
        approvers:
          report.policy.approval.approvers === undefined ||
          report.policy.approval.approvers === null
            ? null
            : [...report.policy.approval.approvers],
        minApprovals: report.policy.approval.minApprovals,
        timeoutMinutes: report.policy.approval.timeoutMinutes,
      },
    },
    validation: {
      rules: report.policy.rules.map((r) => ({
        id: r.id,
        decision: r.decision,
        reason: r.reason,
        location: loc(r.at),
        decidedPaths: pathVerdicts.filter((p) => p.rule === r.id).length,
        waivedPaths: pathVerdicts.filter((p) => (p.waivedRules ?? []).includes(r.id)).length,
      })),
      checkRuns:
        checkRuns === undefined || checkRuns === null
          ? null
          : checkRuns.map((c) => ({ name: c.name, conclusion: c.conclusion ?? null })),
      note:
        input.validation.note ??
        (checkRuns === undefined || checkRuns === null ? NO_CHECK_RUNS_NOTE : null),
    },
    findings: allFindings(report).map(findingDoc),
    evidence: {
      mode: input.evidence.mode,
      artifactName: orNull(input.evidence.artifactName),
    },
    attestation:
      input.attestation === undefined || input.attestation === null
        ? null
        : {
            id: orNull(input.attestation.id),
            bundleDigest: orNull(input.attestation.bundleDigest),
            subjectDigest: orNull(input.attestation.subjectDigest),
          },
    bom: bomWorkflows(report.evaluations),
  };
}

export function findingDoc(f: Finding): EvidenceFinding {
  return {
    ruleId: f.ruleId,
    kind: f.kind,
    decision: f.decision,
    severity: f.severity,
    confidence: f.confidence,
    message: f.message,
    remediation: f.remediation,
    workflow: f.workflow,
    job: orNull(f.job),
    class: orNull(f.class),
    location: loc(f.location),
    fingerprint: findingFingerprint(f),
  };
}

function waiverDoc(w: Waiver): WaiverDoc {
  return {
    rule: w.rule,
    workflow: orNull(w.workflow),
    job: orNull(w.job),
    owner: w.owner,
    expires: w.expires,
    reason: w.reason,
    location: loc(w.at),
  };
}

/** Every target of every decided job, with the paths' classes, credentials and decision. */
function targets(input: EvidenceInput): EvidenceTarget[] {
  const out: EvidenceTarget[] = [];
  for (const e of input.report.evaluations) {
    for (const j of e.inventory) {
      const verdict = e.decision.jobs.find((v) => v.job === j.job);
      const paths = verdict?.paths ?? [];
      const names = new Set([
        ...j.targets,
        ...paths.map((p) => p.path.target).filter((t): t is string => typeof t === 'string'),
      ]);
      for (const target of [...names].sort()) {
        const reaching = paths.filter((p) => p.path.target === target);
        const classes: ActionClass[] = [...new Set(reaching.map((p) => p.path.class))];
        const credentials = [
          ...new Set([
            ...reaching.flatMap((p) => p.path.credentials ?? []),
            ...j.credentials.filter((c) => c.reaches.includes(target)).map((c) => c.id),
          ]),
        ];
        out.push({
          workflow: j.workflow,
          job: j.job,
          target,
          classes,
          credentials,
          decision: reaching.length > 0 ? mostSevere(reaching.map((p) => p.decision)) : null,
        });
      }
    }
  }
  return out;
}
