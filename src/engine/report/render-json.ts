/**
 * The machine-readable report (`--format json`; DESIGN.md §8), described by
 * policies/report.schema.json (`schemaVersion`, see there what bumps it): decision,
 * per-job verdicts, findings with locations, and the full BOM. Each fact is written once:
 * the BOM holds the job's facts (agents, credentials, action paths with reason and location),
 * a job's verdict names them by id with their decisions, and each job's checklist score
 * refers to its BOM record and to the checklist catalog written once at the top.
 */
import { checklistCatalogDoc, checklistRefDoc } from '../checklist/report-doc.js';
import type { ChecklistScore } from '../checklist/types.js';
import { jobDoc } from '../evidence/bom.js';
import { scoreOf } from '../evaluate.js';
import type { Evaluation } from '../evaluate.js';
import { ACTION_CLASSES } from '../inventory/action-classes.js';
import type { JobInventory } from '../inventory/types.js';
import { pathRemediation } from '../policy/path-remediation.js';
import type { JobVerdict } from '../policy/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { allFindings } from './report.js';
import { summariseReport } from './reason-groups.js';
import { shardDoc } from './shard-doc.js';
import type { Report } from './report.js';

export function renderJson(report: Report): string {
  return jsonReportText(toJsonDocument(report));
}

/** One line: a multi-repository report is read by programs (`jq .` indents it for people). */
export function jsonReportText(doc: unknown): string {
  return `${JSON.stringify(doc)}\n`;
}

export function toJsonDocument(report: Report): Record<string, unknown> {
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
    ...(report.shard ? { shard: shardDoc(report, report.shard) } : {}),
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
