/**
 * The human-readable report for terminals. Gated jobs in full — who acts (agents,
 * credentials), the environment, gaps and every path that is not simply allowed, with
 * file:line:column — and allowed jobs one line each (a count with `quiet`). It ends with the
 * reasons grouped over all jobs and the decisions that rest on an assumption.
 */
import { formatLocation } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import type { ChecklistScore } from '../checklist/types.js';
import type { Evaluation } from '../evaluate.js';
import type { JobInventory } from '../inventory/types.js';
import { pathSeverity } from '../policy/path-remediation.js';
import type { DecisionValue, JobVerdict } from '../policy/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { environmentLine } from './environment-lines.js';
import { escapeLogText } from '../escape.js';
import { summariseReport } from './reason-groups.js';
import type { ReportSummary } from './reason-groups.js';
import { EXIT_CODES } from './report.js';
import type { Report } from './report.js';

const MARK: Readonly<Record<DecisionValue, string>> = {
  allow: '✓ allow   ',
  'approval-required': '! approval',
  blocked: '✗ blocked ',
};

export interface TextOptions {
  /** List allowed paths and non-gating findings too. */
  readonly verbose?: boolean;
  /** Allowed jobs as a count per workflow instead of a line each. */
  readonly quiet?: boolean;
  /** Paths under this directory are shown relative to it (the CLI's working directory). */
  readonly cwd?: string;
}

export function renderText(report: Report, options: TextOptions = {}): string {
  const text = new TextBuilder(options);
  const body = report.evaluations.flatMap((e) => text.evaluation(e));
  for (const e of report.evaluations) text.count(e);
  return `${[...text.head(report), ...body, ...text.tail(report, summariseReport(report))].join('\n')}\n`;
}

/** The text report in pieces: a streamed scan writes each evaluation's lines as it goes. */
export class TextBuilder {
  private readonly rel: (path: string) => string;
  private readonly at: (loc: SourceLocation) => string;
  private jobs = 0;
  private workflows = 0;

  constructor(private readonly options: TextOptions = {}) {
    this.rel = relativeTo(options.cwd);
    this.at = (loc) => formatLocation({ ...loc, path: this.rel(loc.path) });
  }

  /** Which policy decided, then a blank line. */
  head(report: Pick<Report, 'policy' | 'repositories'>): string[] {
    return [...policyLines(report, this.rel), ''];
  }

  /** One evaluated workflow's lines (ending in a blank line). */
  evaluation(e: Evaluation): string[] {
    const { options, at, rel } = this;
    const lines: string[] = [escapeLogText(`${rel(e.workflow.path)}${triggerNote(e)}`)];
    let allowed = 0;
    for (const verdict of e.decision.jobs) {
      const inv = e.inventory.find((i) => i.job === verdict.job);
      const gated = verdict.decision !== 'allow' || options.verbose === true;
      const on = e.trigger?.jobs[verdict.job];
      if (!gated && options.quiet) allowed++;
      else if (!gated) lines.push(allowedLine(verdict, inv));
      else {
        const score = e.checklist.find((c) => c.job === verdict.job);
        const job = jobLines(verdict, inv, score, options.verbose ?? false, at);
        if (on) job[0] = `${job[0] ?? ''} (on ${escapeLogText(on)})`;
        lines.push(...job);
      }
    }
    if (allowed > 0) lines.push(`  ✓ ${allowed} allowed job${allowed === 1 ? '' : 's'}`);
    for (const r of e.decision.reasons) lines.push(`  ✗ ${escapeLogText(r)}`);
    for (const x of e.decision.waivers.expired)
      lines.push(`  note: ${escapeLogText(x.message)} (${escapeLogText(at(x.waiver.at))})`);
    for (const a of e.decision.waivers.applied)
      lines.push(
        `  waived: ${a.waiver.rule} on ${a.path} (owner ${escapeLogText(a.waiver.owner)}, until ${a.waiver.expires}: ${escapeLogText(a.waiver.reason)})`,
      );
    lines.push('');
    return lines;
  }

  /** Counts an evaluation for the closing line. */
  count(e: Evaluation): void {
    this.jobs += e.decision.jobs.length;
    this.workflows++;
  }

  /** Errors, the grouped reasons and the decision line. */
  tail(report: Pick<Report, 'errors' | 'decision'>, summary: ReportSummary): string[] {
    const { jobs, workflows } = this;
    const lines: string[] = [];
    for (const err of report.errors) lines.push(`✗ error ${escapeLogText(err.message)}`);
    if (report.errors.length > 0) lines.push('');
    lines.push(...summaryLines(summary));
    lines.push(
      `Decision: ${report.decision.toUpperCase()} (${jobs} job${jobs === 1 ? '' : 's'} in ${workflows} workflow${workflows === 1 ? '' : 's'}${report.errors.length > 0 ? `, ${report.errors.length} file error(s)` : ''}; exit ${EXIT_CODES[report.decision]})`,
    );
    return lines;
  }
}

/** ` (on push; also pull_request → allow)` when the run was decided for one trigger. */
function triggerNote(e: Evaluation): string {
  if (!e.trigger) return '';
  const others = e.trigger.others.map((o) => `${o.event} → ${o.decision}`).join(', ');
  return ` (on ${e.trigger.event}${others ? `; also ${others}` : ''})`;
}

function allowedLine(verdict: JobVerdict, inv: JobInventory | undefined): string {
  const why = inv?.skipped
    ? ` — cannot run: ${inv.skipped}`
    : ` (${verdict.paths.length} path${verdict.paths.length === 1 ? '' : 's'}${inv && inv.agents.length > 0 ? `; agents ${agentIds(inv).join(', ')}` : ''})`;
  const env = environmentLine(verdict, inv);
  const held = env?.text.includes('approval held by the environment')
    ? `; environment ${env.environment}: ${env.text}`
    : '';
  return escapeLogText(`  ✓ job ${verdict.job} → allow${why}${held}`);
}

/** Grouped reasons and the assumptions decisions rest on. */
function summaryLines(s: ReportSummary): string[] {
  const gated = s.approvalRequired + s.blocked;
  const out: string[] = [];
  if (gated > 0) {
    out.push(
      `Reasons (${gated} of ${s.jobs} job${s.jobs === 1 ? '' : 's'} gated: ${s.blocked} blocked, ${s.approvalRequired} approval-required):`,
    );
    for (const g of s.reasons.slice(0, 15))
      out.push(
        `  ${String(g.jobs).padStart(4)} job${g.jobs === 1 ? ': ' : 's:'} ${escapeLogText(g.text)}`,
      );
    if (s.reasons.length > 15)
      out.push(`  … ${s.reasons.length - 15} more (--format json lists all)`);
  }
  if (s.assumedDefaultPermissions > 0)
    out.push(
      `Assumption: ${s.assumedDefaultPermissions} job${s.assumedDefaultPermissions === 1 ? ' uses' : 's use'} the repository default token, unknown and assumed write; ${s.gatedOnAssumption} of them gated on it (state it: policy repository.default-permissions or --default-permissions).`,
    );
  if (out.length > 0) out.push('');
  return out;
}

function agentIds(inv: JobInventory): string[] {
  return [...new Set(inv.agents.map((a) => a.id))];
}

/** Which policy decided: one line, or one per repository when they differ. */
function policyLines(
  report: Pick<Report, 'policy' | 'repositories'>,
  rel: (path: string) => string,
): string[] {
  const shown = (p: Report['policy']): string =>
    `${escapeLogText(p.sources.map(rel).join(' + '))} (${p.digest.slice(0, 19)}…)`;
  const scopes = report.repositories;
  if (new Set(scopes.map((s) => s.policy.digest)).size <= 1)
    return [`${TOOL_NAME} ${TOOL_VERSION} · policy ${shown(scopes[0]?.policy ?? report.policy)}`];
  return [
    `${TOOL_NAME} ${TOOL_VERSION} · policy per repository:`,
    ...scopes.map((s) => `  ${escapeLogText(rel(s.root))}: ${shown(s.policy)}`),
  ];
}

function jobLines(
  verdict: JobVerdict,
  inv: JobInventory | undefined,
  score: ChecklistScore | undefined,
  verbose: boolean,
  at: (loc: SourceLocation) => string,
): string[] {
  const lines = [`  job ${escapeLogText(verdict.job)} → ${verdict.decision.toUpperCase()}`];
  if (inv) {
    if (inv.skipped) lines.push(`    cannot run: ${escapeLogText(inv.skipped)}`);
    if (inv.unattended)
      lines.push(`    unattended: ${escapeLogText(inv.unattendedReasons.join('; '))}`);
    if (inv.agents.length > 0) lines.push(`    agents: ${agentList(inv)}`);
    lines.push(
      `    credentials: ${inv.credentials
        .map((c) => `${c.name} [${c.kind}, ${c.scope}${c.write ? ', write' : ''}]`)
        .map(escapeLogText)
        .join(', ')}`,
    );
    if (inv.tools.length > 0) {
      lines.push(
        `    tools: ${inv.tools
          .map(
            (t) =>
              `${t.name} (${t.agent}, ${t.remote ? 'remote' : 'local'}${t.writeCapable ? ', can write' : ''})`,
          )
          .map(escapeLogText)
          .join(', ')}`,
      );
    }
    if (inv.owner)
      lines.push(
        `    owner: ${escapeLogText(inv.owner.owners.join(' '))} (${inv.owner.file}:${inv.owner.line})`,
      );
    if (inv.change) {
      const c = inv.change;
      lines.push(
        `    change: by ${escapeLogText(c.author ?? 'unknown')} (${c.authorKind}); ${c.sensitive.length} CI file(s), ${c.newDependencies.length} new dependenc${c.newDependencies.length === 1 ? 'y' : 'ies'}${c.unknownDependencies.length > 0 ? `, ${c.unknownDependencies.length} manifest(s) unread` : ''}`,
      );
    }
    const env = environmentLine(verdict, inv);
    if (env)
      lines.push(`    environment ${escapeLogText(env.environment)}: ${escapeLogText(env.text)}`);
    for (const gap of new Set(inv.gaps)) lines.push(`    gap: ${escapeLogText(gap)}`);
    for (const s of inv.skippedSteps)
      lines.push(
        `    skipped step ${s.step + 1}${s.name ? ` (${escapeLogText(s.name)})` : ''}: ${escapeLogText(s.reason)}`,
      );
    for (const call of inv.calls ?? [])
      lines.push(
        `    calls: ${escapeLogText(call.uses)} (${escapeLogText(call.file)}) → ${call.jobs
          .map((j) => `job ${escapeLogText(j.job)} (${escapeLogText(at(j.at))})`)
          .join(', ')}`,
      );
    // The checklist is about agents in CI: only jobs that run one get its band.
    if (score && inv.agents.length > 0)
      lines.push(
        `    checklist: ${score.total}/20 (${score.band.label}; ${score.observed} of 20 controls observable from CI)`,
      );
  }
  const shown = verdict.paths.filter((p) => verbose || p.decision !== 'allow');
  for (const p of shown) {
    lines.push(
      `    ${MARK[p.decision]} ${p.path.class.padEnd(16)} ${escapeLogText(at(p.path.at))}  ${escapeLogText(p.path.reason)}${p.rule ? ` [${p.rule}]` : ''} (${pathSeverity(p.decision)})`,
    );
    if (p.path.chain && p.path.chain.length > 0)
      lines.push(
        `        chain: ${p.path.chain
          .map(
            (c) =>
              `${c.kind === 'step' ? '' : `${c.kind} `}${escapeLogText(c.name)} (${escapeLogText(at(c.at))})`,
          )
          .join(' → ')}`,
      );
  }
  const hidden = verdict.paths.length - shown.length;
  if (hidden > 0)
    lines.push(`    ✓ ${hidden} allowed path${hidden === 1 ? '' : 's'} (--verbose lists them)`);
  const checks = verdict.checks.filter((f) => verbose || f.decision !== 'allow');
  for (const f of checks) {
    lines.push(
      `    ${MARK[f.decision]} ${f.ruleId.padEnd(16)} ${escapeLogText(at(f.location))}  ${escapeLogText(f.message)} (${f.severity}, ${f.confidence} confidence)`,
    );
  }
  const reported = verdict.checks.length - checks.length;
  if (reported > 0)
    lines.push(
      `    · ${reported} reported finding${reported === 1 ? '' : 's'} that do not gate (--verbose lists them)`,
    );
  return lines;
}

/** Each agent once (same id and ref), with every line it appears on. */
function agentList(inv: JobInventory): string {
  const byKey = new Map<string, { text: string; lines: number[]; flags: Set<string> }>();
  for (const a of inv.agents) {
    const key = `${a.id}@${a.ref ?? ''}`;
    const entry = byKey.get(key) ?? {
      text: `${a.id}${a.ref ? `@${a.ref}` : ''}`,
      lines: [],
      flags: new Set<string>(),
    };
    if (!entry.lines.includes(a.at.line)) entry.lines.push(a.at.line);
    for (const f of [
      a.mode,
      a.unrestrictedShell ? 'unrestricted shell' : undefined,
      a.permissionsBypassed ? 'permissions bypassed' : undefined,
    ])
      if (f) entry.flags.add(f);
    byKey.set(key, entry);
  }
  return [...byKey.values()]
    .map(
      (e) =>
        `${e.text} (line${e.lines.length === 1 ? '' : 's'} ${e.lines.join(', ')}${e.flags.size > 0 ? `; ${[...e.flags].join(', ')}` : ''})`,
    )
    .map(escapeLogText)
    .join(', ');
}

/** A path under `cwd` as relative to it; anything else as given. */
function relativeTo(cwd: string | undefined): (path: string) => string {
  if (!cwd) return (p) => p;
  const base = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return (p) => (p.startsWith(base) ? p.slice(base.length) : p);
}
