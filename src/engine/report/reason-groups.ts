/**
 * Why jobs are gated, grouped: one line per reason with the number of jobs it gates and what
 * would change it ("412 jobs: repository default assumed write — set default-permissions").
 * A job counts once per group; groups are sorted by how many jobs they hold.
 */
import type { Evaluation } from '../evaluate.js';
import type { JobInventory } from '../inventory/types.js';
import type { JobVerdict } from '../policy/types.js';
import type { Report } from './report.js';

export interface ReasonGroup {
  readonly key: string;
  readonly jobs: number;
  readonly text: string;
}

export interface ReportSummary {
  readonly jobs: number;
  readonly allowed: number;
  readonly approvalRequired: number;
  readonly blocked: number;
  /** Jobs whose token is the repository default, assumed write because it is unknown. */
  readonly assumedDefaultPermissions: number;
  /** Of those, jobs gated by a path that exists only because of the assumption. */
  readonly gatedOnAssumption: number;
  readonly reasons: readonly ReasonGroup[];
}

const DEFAULT_TOKEN = '(repository default token)';

export function summariseReport(report: Report): ReportSummary {
  const summary = new SummaryBuilder();
  for (const e of report.evaluations) summary.add(e);
  return summary.result();
}

/**
 * The summary built one evaluation at a time (a streamed scan keeps only this). A job counts
 * once per group: one workflow's evaluations (one per trigger) come one after another, so only
 * the current workflow's job ids are remembered.
 */
export class SummaryBuilder {
  private readonly groups = new Map<
    string,
    { text: string; jobs: number; workflow: string; seen: Set<string> }
  >();
  private jobs = 0;
  private readonly counts = { allow: 0, 'approval-required': 0, blocked: 0 };
  private assumed = 0;
  private gatedOnAssumption = 0;

  add(e: Evaluation): void {
    for (const v of e.decision.jobs) {
      this.jobs++;
      this.counts[v.decision]++;
      const inv = e.inventory.find((i) => i.job === v.job);
      if (inv?.permissions.assumed) this.assumed++;
      if (v.decision === 'allow') continue;
      if (restsOnAssumption(v, inv)) this.gatedOnAssumption++;
      for (const [key, text] of jobReasons(v, inv)) this.count(key, text, v.workflow, v.job);
    }
  }

  private count(key: string, text: string, workflow: string, job: string): void {
    let g = this.groups.get(key);
    if (!g) {
      g = { text, jobs: 0, workflow, seen: new Set() };
      this.groups.set(key, g);
    }
    if (g.workflow !== workflow) {
      g.workflow = workflow;
      g.seen = new Set();
    }
    if (g.seen.has(job)) return;
    g.seen.add(job);
    g.jobs++;
  }

  result(): ReportSummary {
    const reasons = [...this.groups.entries()]
      .map(([key, g]) => ({ key, jobs: g.jobs, text: g.text }))
      .sort((a, b) => b.jobs - a.jobs || a.key.localeCompare(b.key));
    return {
      jobs: this.jobs,
      allowed: this.counts.allow,
      approvalRequired: this.counts['approval-required'],
      blocked: this.counts.blocked,
      assumedDefaultPermissions: this.assumed,
      gatedOnAssumption: this.gatedOnAssumption,
      reasons,
    };
  }
}

function restsOnAssumption(v: JobVerdict, inv: JobInventory | undefined): boolean {
  return (
    inv?.permissions.assumed === true &&
    v.paths.some((p) => p.decision !== 'allow' && p.path.reason.endsWith(DEFAULT_TOKEN))
  );
}

/** The reason groups one gated job belongs to, as [key, text]. */
function jobReasons(v: JobVerdict, inv: JobInventory | undefined): [string, string][] {
  const out: [string, string][] = [];
  for (const p of v.paths) {
    if (p.decision === 'allow') continue;
    if (inv?.permissions.assumed && p.path.reason.endsWith(DEFAULT_TOKEN)) {
      out.push([
        'default-permissions',
        'repository default token assumed write — state it: policy `repository: { default-permissions: read }` or --default-permissions',
      ]);
      continue;
    }
    if (
      (p.path.class === 'deploy' || p.path.class === 'production') &&
      inv?.environment &&
      (inv.environment.protection.status === 'unknown' ||
        inv.environment.protection.status === 'unreadable')
    ) {
      out.push([
        'environment-unknown',
        'deploy / production in an environment whose protection is unknown — give --environments (the action reads it from the API)',
      ]);
      continue;
    }
    out.push([
      `${p.decision}:${p.path.class}:${p.rule ?? 'default'}`,
      `${p.decision} ${p.path.class}${p.rule ? ` [${p.rule}]` : ' (policy default)'}`,
    ]);
  }
  for (const f of v.checks) {
    if (f.decision === 'allow') continue;
    out.push([`${f.decision}:check:${f.ruleId}`, `${f.decision} ${f.ruleId} (detection rule)`]);
  }
  return out;
}
