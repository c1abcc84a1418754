/**
 * Why jobs are gated, grouped: one line per reason with the number of jobs it gates and what
 * would change it ("412 jobs: repository default assumed write — set default-permissions").
 * A job counts once per group; groups are sorted by how many jobs they hold.
 */
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
  const groups = new Map<string, { text: string; jobs: Set<string> }>();
  const add = (key: string, text: string, job: string): void => {
    const g = groups.get(key) ?? { text, jobs: new Set<string>() };
    g.jobs.add(job);
    groups.set(key, g);
  };
  let jobs = 0;
  const counts = { allow: 0, 'approval-required': 0, blocked: 0 };
  let assumed = 0;
  let gatedOnAssumption = 0;
  for (const e of report.evaluations) {
    for (const v of e.decision.jobs) {
      jobs++;
      counts[v.decision]++;
      const inv = e.inventory.find((i) => i.job === v.job);
      const id = `${v.workflow}#${v.job}`;
      if (inv?.permissions.assumed) assumed++;
      if (v.decision === 'allow') continue;
      if (restsOnAssumption(v, inv)) gatedOnAssumption++;
      for (const [key, text] of jobReasons(v, inv)) add(key, text, id);
    }
  }
  const reasons = [...groups.entries()]
    .map(([key, g]) => ({ key, jobs: g.jobs.size, text: g.text }))
    .sort((a, b) => b.jobs - a.jobs || a.key.localeCompare(b.key));
  return {
    jobs,
    allowed: counts.allow,
    approvalRequired: counts['approval-required'],
    blocked: counts.blocked,
    assumedDefaultPermissions: assumed,
    gatedOnAssumption,
    reasons,
  };
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
