/**
 * The machine-readable report (`--format json`; DESIGN.md §8), described by
 * policies/report.schema.json (`schemaVersion` 2, see there what bumps it): decision, policy,
 * catalogs written once (checklist controls, path remediations, permission scopes), errors,
 * waivers, the summary, and per evaluated workflow one record (json-workflow.ts) holding its
 * BOM job records with their verdicts and checklist scores, and its findings. Each fact is
 * written once; resolve-report.ts reads the references back into the full facts.
 */
import { checklistCatalogDoc } from '../checklist/report-doc.js';
import type { Evaluation } from '../evaluate.js';
import { ACTION_CLASSES } from '../inventory/action-classes.js';
import { PERMISSION_SCOPES } from '../inventory/permissions.js';
import { pathRemediation, pathSeverity } from '../policy/path-remediation.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { workflowRecord } from './json-workflow.js';
import { summariseReport } from './reason-groups.js';
import type { ReportSummary } from './reason-groups.js';
import { shardDoc } from './shard-doc.js';
import type { Report, RepositoryScope } from './report.js';

export function renderJson(report: Report): string {
  return jsonReportText(toJsonDocument(report));
}

/** One line: a multi-repository report is read by programs (`jq .` indents it for people). */
export function jsonReportText(doc: unknown): string {
  return `${JSON.stringify(doc)}\n`;
}

export function toJsonDocument(report: Report): Record<string, unknown> {
  return {
    ...jsonHead(),
    // Each evaluated workflow: its BOM, verdicts, checklist scores and findings (json-workflow.ts).
    workflows: report.evaluations.map(workflowRecord),
    ...jsonTail(report, summariseReport(report)),
  };
}

/**
 * What comes before the workflows: nothing that depends on the scan, so a streamed report
 * writes it first and each workflow as it is decided (stream-json.ts).
 */
export function jsonHead(): Record<string, unknown> {
  return {
    schemaVersion: 2,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    catalog: {
      checklist: checklistCatalogDoc(),
      pathRemediations: pathRemediations(),
      pathSeverities: Object.fromEntries(DECISIONS.map((d) => [d, pathSeverity(d)])),
      permissionScopes: Object.keys(PERMISSION_SCOPES),
    },
  };
}

/** What is known once every workflow is in: the decision, the policies, errors, totals. */
export function jsonTail(
  report: Omit<Report, 'evaluations'> & { readonly evaluations?: readonly Evaluation[] },
  summary: ReportSummary,
  parts?: { readonly reasons: readonly string[]; readonly waivers: Record<string, unknown> },
): Record<string, unknown> {
  const evaluations = report.evaluations ?? [];
  return {
    decision: report.decision,
    policy: {
      sources: report.policy.sources,
      digest: report.policy.digest,
      default: report.policy.default,
    },
    repositories: report.repositories.map(repositoryDoc),
    reasons: parts?.reasons ?? evaluations.flatMap((e) => e.decision.reasons),
    summary,
    errors: report.errors,
    waivers: parts?.waivers ?? {
      applied: evaluations.flatMap(waiversApplied),
      expired: evaluations.flatMap(waiversExpired),
    },
    ...(report.shard ? { shard: shardDoc(report.shard) } : {}),
  };
}

export function repositoryDoc(r: RepositoryScope): Record<string, unknown> {
  return {
    root: r.root,
    policy: { sources: r.policy.sources, digest: r.policy.digest },
    workflows: r.workflows.map((w) => w.repoPath),
  };
}

export function waiversApplied(e: Evaluation): Record<string, unknown>[] {
  return e.decision.waivers.applied.map((a) => ({ ...a.waiver, path: a.path }));
}

export function waiversExpired(e: Evaluation): Record<string, unknown>[] {
  return e.decision.waivers.expired.map((x) => ({ ...x.waiver, message: x.message }));
}

/** The remediation tip of a `path` finding, by class and decision (written once). */
function pathRemediations(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    ACTION_CLASSES.map((c) => [
      c,
      Object.fromEntries(DECISIONS.map((d) => [d, pathRemediation(c, d)])),
    ]),
  );
}

const DECISIONS = ['allow', 'approval-required', 'blocked'] as const;
