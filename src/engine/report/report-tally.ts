/**
 * The running totals of a report fed one repository at a time (the HTML report's summary):
 * decisions, reason groups (summariseReport's, summed), agents by catalog id, credentials by
 * kind and the whole report's aggregated action-control graph. Holds counts only — never an
 * evaluation — so its size does not grow with the number of repositories scanned.
 */
import type { Evaluation } from '../evaluate.js';
import type { CredentialKind } from '../inventory/types.js';
import { ControlGraph } from './control-graph.js';
import type { ReportSummary } from './reason-groups.js';

export interface AgentTally {
  readonly id: string;
  readonly product: string;
  jobs: number;
  /** Jobs running it that are gated (approval-required or blocked). */
  gated: number;
  repositories: number;
}

export interface CredentialTally {
  readonly kind: CredentialKind;
  /** Credentials of this kind over all jobs (one per job that holds it). */
  jobs: number;
  write: number;
  longLived: number;
}

export class ReportTally {
  repositories = 0;
  jobs = 0;
  allowed = 0;
  approvalRequired = 0;
  blocked = 0;
  assumedDefaultPermissions = 0;
  gatedOnAssumption = 0;
  errors = 0;
  readonly reasons = new Map<string, { text: string; jobs: number }>();
  readonly agents = new Map<string, AgentTally>();
  readonly credentials = new Map<CredentialKind, CredentialTally>();
  readonly graph = new ControlGraph();

  /** Adds one repository: its reason summary, evaluations, file errors and graph. */
  add(
    summary: ReportSummary,
    evaluations: readonly Evaluation[],
    errors: number,
    graph: ControlGraph,
  ): void {
    this.repositories++;
    this.jobs += summary.jobs;
    this.allowed += summary.allowed;
    this.approvalRequired += summary.approvalRequired;
    this.blocked += summary.blocked;
    this.assumedDefaultPermissions += summary.assumedDefaultPermissions;
    this.gatedOnAssumption += summary.gatedOnAssumption;
    this.errors += errors;
    for (const r of summary.reasons) {
      const had = this.reasons.get(r.key);
      if (had) had.jobs += r.jobs;
      else this.reasons.set(r.key, { text: r.text, jobs: r.jobs });
    }
    const agentsHere = new Set<string>();
    for (const e of evaluations) {
      for (const v of e.decision.jobs) {
        const inv = e.inventory.find((i) => i.job === v.job);
        for (const id of new Set((inv?.agents ?? []).map((a) => a.id))) {
          const product = inv?.agents.find((a) => a.id === id)?.product ?? id;
          const t = this.agents.get(id) ?? { id, product, jobs: 0, gated: 0, repositories: 0 };
          t.jobs++;
          if (v.decision !== 'allow') t.gated++;
          if (!agentsHere.has(id)) t.repositories++;
          agentsHere.add(id);
          this.agents.set(id, t);
        }
        for (const c of inv?.credentials ?? []) {
          const t = this.credentials.get(c.kind) ?? {
            kind: c.kind,
            jobs: 0,
            write: 0,
            longLived: 0,
          };
          t.jobs++;
          if (c.write) t.write++;
          if (c.lifetime === 'long-lived') t.longLived++;
          this.credentials.set(c.kind, t);
        }
      }
    }
    this.graph.merge(graph);
  }

  /** Reason groups, most jobs first (as summariseReport sorts them). */
  sortedReasons(): { key: string; text: string; jobs: number }[] {
    return [...this.reasons]
      .map(([key, r]) => ({ key, ...r }))
      .sort((a, b) => b.jobs - a.jobs || a.key.localeCompare(b.key));
  }
}
