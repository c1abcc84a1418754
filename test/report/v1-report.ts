/**
 * The JSON report as schemaVersion 1 wrote it (render-json.ts before the each-fact-once
 * redesign), kept for one purpose: resolve-report.ts must read a schemaVersion 2 report back
 * into the same facts (report-v2.test.ts). Not used by the product.
 */
import { checklistCatalogDoc, checklistRefDoc } from '../../src/engine/checklist/report-doc.js';
import type { ChecklistScore } from '../../src/engine/checklist/types.js';
import { jobDoc } from '../../src/engine/evidence/bom.js';
import { scoreOf } from '../../src/engine/evaluate.js';
import type { Evaluation } from '../../src/engine/evaluate.js';
import { ACTION_CLASSES } from '../../src/engine/inventory/action-classes.js';
import type { JobInventory } from '../../src/engine/inventory/types.js';
import { pathRemediation } from '../../src/engine/policy/path-remediation.js';
import type { JobVerdict } from '../../src/engine/policy/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../../src/engine/version.js';
import { allFindings } from '../../src/engine/report/report.js';
import { summariseReport } from '../../src/engine/report/reason-groups.js';
import type { Report } from '../../src/engine/report/report.js';

export function toJsonDocumentV1(report: Report): Record<string, unknown> {
  const jobs = report.evaluations.flatMap((e) =>
    e.decision.jobs.map((verdict) =>
      jobSummary(
        verdict,
        e.inventory.find((i) => i.job === verdict.job),
        e.checklist.find((c) => c.job === verdict.job),
        e.trigger,
      ),
    ),
  );
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    decision: report.decision,
    policy: {
      sources: report.policy.sources,
      digest: report.policy.digest,
      default: report.policy.default,
    },
    repositories: report.repositories.map((r) => ({
      root: r.root,
      policy: { sources: r.policy.sources, digest: r.policy.digest },
      workflows: r.workflows.map((w) => w.repoPath),
    })),
    reasons: report.evaluations.flatMap((e) => e.decision.reasons),
    summary: summariseReport(report),
    errors: report.errors,
    jobs,
    findings: allFindings(report).map((f) => ({
      ruleId: f.ruleId,
      kind: f.kind,
      decision: f.decision,
      severity: f.severity,
      confidence: f.confidence,
      message: f.message,
      messageId: f.messageId,
      data: f.data,
      // A path finding's tip depends only on its class and decision (`pathRemediations`).
      remediation: f.kind === 'path' ? undefined : f.remediation,
      workflow: f.workflow,
      job: f.job,
      class: f.class,
      location: f.location,
    })),
    pathRemediations: pathRemediations(),
    checklist: checklistCatalogDoc(),
    waivers: {
      applied: report.evaluations.flatMap((e) =>
        e.decision.waivers.applied.map((a) => ({ ...a.waiver, path: a.path })),
      ),
      expired: report.evaluations.flatMap((e) =>
        e.decision.waivers.expired.map((x) => ({ ...x.waiver, message: x.message })),
      ),
    },
    // The BOM records in the evidence pack's shape, the checklist by reference (report-doc.ts).
    bom: {
      workflows: report.evaluations.map((e) => ({
        path: e.workflow.path,
        name: e.workflow.name ?? null,
        trigger: e.trigger,
        jobs: e.inventory.map((j) => ({
          ...jobDoc(j),
          checklist: checklistRefDoc(scoreOf(e, j.job)),
        })),
      })),
    },
  };
}

/** The remediation tip of a `path` finding, by class and decision (written once). */
function pathRemediations(): Record<string, Record<string, string>> {
  const decisions = ['allow', 'approval-required', 'blocked'] as const;
  return Object.fromEntries(
    ACTION_CLASSES.map((c) => [
      c,
      Object.fromEntries(decisions.map((d) => [d, pathRemediation(c, d)])),
    ]),
  );
}

function jobSummary(
  verdict: JobVerdict,
  inventory: JobInventory | undefined,
  score: ChecklistScore | undefined,
  trigger: Evaluation['trigger'],
): Record<string, unknown> {
  return {
    workflow: verdict.workflow,
    trigger: trigger ? (trigger.jobs[verdict.job] ?? trigger.event) : undefined,
    otherTriggers: trigger?.others,
    id: verdict.job,
    name: inventory?.name,
    decision: verdict.decision,
    checks: verdict.checks.length,
    checklist: score
      ? { total: score.total, outOf: 20, observed: score.observed, band: score.band.id }
      : undefined,
    triggers: inventory?.triggers ?? [],
    unattended: inventory?.unattended ?? false,
    // The agents, credentials and paths themselves are in the job's BOM record (by id).
    agents: (inventory?.agents ?? []).map((a) => a.id),
    role: inventory?.workflowRole,
    classes: inventory?.classes ?? [],
    credentials: (inventory?.credentials ?? []).map((c) => c.id),
    paths: verdict.paths.map((p) => ({
      id: p.path.id,
      class: p.path.class,
      decision: p.decision,
      rule: p.rule ?? null,
      because: p.reason,
      waived: p.waivedRules,
    })),
  };
}
