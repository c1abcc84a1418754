/**
 * decide(): every action path of every job gets the most severe decision among the rules
 * that match it (waived rules excepted), or the policy default when none does. The job and
 * the whole run take the most severe decision of their paths. Pure data, no effects.
 */
import type { RunContext } from '../context/run-context.js';
import { matchesGlob } from '../glob.js';
import type { JobInventory } from '../inventory/types.js';
import type { DetectionHit, RuleFailure } from '../rules/run-rules.js';
import { formatLocation } from '../errors.js';
import type { ResolvedCheck } from './checks.js';
import { heldByEnvironment } from './environment-hold.js';
import { matchesWhen } from './match.js';
import { pathRemediation, pathSeverity } from './path-remediation.js';
import { SEVERITY, mostSevere } from './types.js';
import type {
  AppliedWaiver,
  Decision,
  Finding,
  JobVerdict,
  PathVerdict,
  Policy,
  PolicyRule,
  Waiver,
} from './types.js';

export interface DecideOptions {
  readonly context: RunContext;
  /** The moment waivers are checked against; injected so tests control it. */
  readonly now: Date;
  /** How the gate itself runs, when it is the action (not the CLI). */
  readonly enforcement?: {
    readonly mode: 'enforce' | 'audit';
    readonly evidence: 'artifact' | 'file' | 'none';
  };
  /** Detection-rule hits (src/engine/rules/) and the checks that produced them. */
  readonly checks?: {
    readonly hits: readonly DetectionHit[];
    readonly resolved: readonly ResolvedCheck[];
    /** Rules that threw on a job: that job is blocked, whatever the policy or a waiver says. */
    readonly failures?: readonly RuleFailure[];
  };
}

export function decide(
  jobs: readonly JobInventory[],
  policy: Policy,
  options: DecideOptions,
): Decision {
  const expired = policy.waivers.filter((w) => isExpired(w, options.now));
  const active = policy.waivers.filter((w) => !isExpired(w, options.now));
  const applied: AppliedWaiver[] = [];
  const checkFindings = [
    ...decideChecks(options.checks, jobs, policy, active, applied),
    ...(options.checks?.failures ?? []).map(failureFinding),
  ];
  const verdicts: JobVerdict[] = jobs.map((job) => {
    const paths = job.paths.map((path) =>
      decidePath(path, job, policy, active, applied, options.context),
    );
    const checks = checkFindings
      .filter((c) => c.jobs.includes(job.job) && c.workflow === job.workflow)
      .map((c) => c.finding);
    return {
      workflow: job.workflow,
      job: job.job,
      decision: mostSevere([...paths.map((p) => p.decision), ...checks.map((c) => c.decision)]),
      paths,
      checks,
    };
  });
  const reasons: string[] = [];
  if (
    options.enforcement &&
    options.enforcement.mode === 'enforce' &&
    options.enforcement.evidence === 'none' &&
    policy.evidenceRequired
  ) {
    reasons.push(
      'evidence is disabled (`evidence: none`) while enforcing: the policy requires a durable proof trail',
    );
  }
  const findings = [
    ...verdicts.flatMap((v) =>
      v.paths.filter((p) => p.decision !== 'allow').map((p) => toFinding(p, v)),
    ),
    ...checkFindings.map((c) => c.finding),
  ];
  const usedWaivers = new Set(applied.map((a) => a.waiver));
  return {
    decision: mostSevere([
      ...verdicts.map((v) => v.decision),
      ...(reasons.length > 0 ? (['blocked'] as const) : []),
    ]),
    jobs: verdicts,
    findings,
    waivers: {
      applied,
      expired: expired.map((waiver) => ({
        waiver,
        message: `waiver for rule ${waiver.rule} (owner ${waiver.owner}) expired on ${waiver.expires} and no longer applies`,
      })),
      unused: active.filter((w) => !usedWaivers.has(w)),
    },
    reasons,
  };
}

function decidePath(
  path: JobInventory['paths'][number],
  job: JobInventory,
  policy: Policy,
  waivers: readonly Waiver[],
  applied: AppliedWaiver[],
  context: RunContext,
): PathVerdict {
  const matching = policy.rules.filter((rule) => matchesWhen(rule.when, path, job, context));
  const waivedRules: string[] = [];
  const effective: PolicyRule[] = [];
  for (const rule of matching) {
    const waiver =
      rule.decision === 'allow'
        ? undefined
        : waivers.find((w) => w.rule === rule.id && waiverCovers(w, job));
    if (waiver) {
      waivedRules.push(rule.id);
      applied.push({ waiver, path: path.id });
    } else {
      effective.push(rule);
    }
  }
  if (effective.length === 0) {
    const reason =
      waivedRules.length > 0
        ? `rule(s) ${waivedRules.join(', ')} waived; policy default`
        : 'no rule matches; policy default';
    return { path, decision: policy.default, rule: undefined, reason, waivedRules };
  }
  const worst = effective.reduce((a, b) => (SEVERITY[b.decision] > SEVERITY[a.decision] ? b : a));
  const held = heldByEnvironment(path, job, worst.decision);
  if (held)
    return {
      path,
      decision: 'allow',
      rule: worst.id,
      reason: `${held} — ${worst.reason}`,
      waivedRules,
    };
  return { path, decision: worst.decision, rule: worst.id, reason: worst.reason, waivedRules };
}

function waiverCovers(waiver: Waiver, job: JobInventory): boolean {
  if (waiver.job !== undefined && !matchesGlob(job.job, waiver.job)) return false;
  if (
    waiver.workflow !== undefined &&
    !matchesGlob(job.workflow, waiver.workflow) &&
    !job.workflow.endsWith(`/${waiver.workflow}`)
  )
    return false;
  return true;
}

/** A waiver applies through the whole UTC day of `expires`. */
export function isExpired(waiver: Waiver, now: Date): boolean {
  const end = Date.parse(`${waiver.expires}T23:59:59.999Z`);
  return Number.isNaN(end) || now.getTime() > end;
}

/**
 * Each detection hit gets its rule's decision from the policy; a waiver naming the rule
 * (and covering the job) takes the hit out of the decision and is recorded as applied.
 */
function decideChecks(
  checks: DecideOptions['checks'],
  jobs: readonly JobInventory[],
  policy: Policy,
  waivers: readonly Waiver[],
  applied: AppliedWaiver[],
): { finding: Finding; jobs: readonly string[]; workflow: string }[] {
  if (!checks) return [];
  const out: { finding: Finding; jobs: readonly string[]; workflow: string }[] = [];
  for (const hit of checks.hits) {
    const resolved = checks.resolved.find((r) => r.rule.meta.id === hit.ruleId);
    if (!resolved) continue;
    const hitJobs = jobs.filter((j) => j.workflow === hit.workflow && hit.jobs.includes(j.job));
    const waived = hitJobs.filter((job) =>
      waivers.some((w) => w.rule === hit.ruleId && waiverCovers(w, job)),
    );
    for (const job of waived) {
      const waiver = waivers.find((w) => w.rule === hit.ruleId && waiverCovers(w, job));
      if (waiver) applied.push({ waiver, path: `${hit.ruleId}@${formatLocation(hit.at)}` });
    }
    const remaining = hit.jobs.filter((j) => !waived.some((w) => w.job === j));
    if (remaining.length === 0) continue;
    const reason = policy.checks.rules[hit.ruleId]?.reason;
    // An advisory hit is on the record for peer parity; the risk cannot play out in the job.
    const advisory = hit.advisory === undefined ? '' : ` (for the record only: ${hit.advisory})`;
    out.push({
      workflow: hit.workflow,
      jobs: remaining,
      finding: {
        ruleId: hit.ruleId,
        kind: 'check',
        decision: hit.advisory === undefined ? resolved.decision : 'allow',
        severity: hit.severity,
        confidence: hit.confidence,
        message: `${reason ? `${hit.message} — ${reason}` : hit.message}${advisory}`,
        messageId: hit.messageId,
        data: hit.data,
        remediation: hit.remediation,
        workflow: hit.workflow,
        job: hit.job,
        class: undefined,
        location: hit.at,
      },
    });
  }
  return out;
}

/** A rule that could not run on a job blocks it: what it would have found is unknown. */
function failureFinding(f: RuleFailure): {
  finding: Finding;
  jobs: readonly string[];
  workflow: string;
} {
  return {
    workflow: f.workflow,
    jobs: [f.job],
    finding: {
      ruleId: f.ruleId,
      kind: 'check',
      decision: 'blocked',
      severity: 'high',
      confidence: 'high',
      message: `rule ${f.ruleId} failed on job \`${f.job}\` (${f.error}); the job is blocked because what the rule checks is unknown`,
      remediation:
        'This is an agent-gate bug or an input the rule does not handle: report it with the workflow. Turning the rule off in the policy (`checks:`) unblocks the job, knowingly.',
      workflow: f.workflow,
      job: f.job,
      class: undefined,
      location: f.at,
    },
  };
}

function toFinding(p: PathVerdict, v: JobVerdict): Finding {
  return {
    ruleId: p.rule ?? 'policy-default',
    kind: 'path',
    decision: p.decision,
    severity: pathSeverity(p.decision),
    confidence: 'high',
    remediation: pathRemediation(p.path.class, p.decision),
    message: `${p.path.class}: ${p.path.reason} — ${p.reason}`,
    workflow: v.workflow,
    job: v.job,
    class: p.path.class,
    location: p.path.at,
  };
}
