/**
 * The human-readable report for terminals: per workflow and job, the decision, who acts
 * (agents, credentials) and every path that is not simply allowed, with file:line:column.
 */
import { formatLocation } from '../errors.js';
import type { ChecklistScore } from '../checklist/types.js';
import type { JobInventory } from '../inventory/types.js';
import type { DecisionValue, JobVerdict } from '../policy/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { environmentLine } from './environment-lines.js';
import { escapeLogText } from './escape.js';
import { EXIT_CODES } from './report.js';
import type { Report } from './report.js';

const MARK: Readonly<Record<DecisionValue, string>> = {
  allow: '✓ allow   ',
  'approval-required': '! approval',
  blocked: '✗ blocked ',
};

export function renderText(report: Report, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [
    `${TOOL_NAME} ${TOOL_VERSION} · policy ${report.policy.sources.join(' + ')} (${report.policy.digest.slice(0, 19)}…)`,
    '',
  ];
  for (const e of report.evaluations) {
    lines.push(escapeLogText(e.workflow.path));
    for (const verdict of e.decision.jobs) {
      const inv = e.inventory.find((i) => i.job === verdict.job);
      const score = e.checklist.find((c) => c.job === verdict.job);
      lines.push(...jobLines(verdict, inv, score, options.verbose ?? false));
    }
    for (const r of e.decision.reasons) lines.push(`  ✗ ${escapeLogText(r)}`);
    for (const x of e.decision.waivers.expired)
      lines.push(`  note: ${escapeLogText(x.message)} (${formatLocation(x.waiver.at)})`);
    for (const a of e.decision.waivers.applied)
      lines.push(
        `  waived: ${a.waiver.rule} on ${a.path} (owner ${escapeLogText(a.waiver.owner)}, until ${a.waiver.expires}: ${escapeLogText(a.waiver.reason)})`,
      );
    lines.push('');
  }
  for (const err of report.errors) lines.push(`✗ error ${escapeLogText(err.message)}`);
  if (report.errors.length > 0) lines.push('');
  const jobs = report.evaluations.reduce((n, e) => n + e.decision.jobs.length, 0);
  lines.push(
    `Decision: ${report.decision.toUpperCase()} (${jobs} job${jobs === 1 ? '' : 's'} in ${report.evaluations.length} workflow${report.evaluations.length === 1 ? '' : 's'}${report.errors.length > 0 ? `, ${report.errors.length} file error(s)` : ''}; exit ${EXIT_CODES[report.decision]})`,
  );
  return `${lines.join('\n')}\n`;
}

function jobLines(
  verdict: JobVerdict,
  inv: JobInventory | undefined,
  score: ChecklistScore | undefined,
  verbose: boolean,
): string[] {
  const lines = [`  job ${escapeLogText(verdict.job)} → ${verdict.decision.toUpperCase()}`];
  if (inv) {
    if (inv.unattended)
      lines.push(`    unattended: ${escapeLogText(inv.unattendedReasons.join('; '))}`);
    if (inv.agents.length > 0) {
      lines.push(
        `    agents: ${inv.agents
          .map((a) => {
            const flags = [
              a.mode,
              a.unrestrictedShell ? 'unrestricted shell' : undefined,
              a.permissionsBypassed ? 'permissions bypassed' : undefined,
            ];
            const shown = flags.filter(Boolean).join(', ');
            return `${a.id}${a.ref ? `@${a.ref}` : ''} (line ${a.at.line}${shown ? `; ${shown}` : ''})`;
          })
          .map(escapeLogText)
          .join(', ')}`,
      );
    }
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
    for (const gap of inv.gaps) lines.push(`    gap: ${escapeLogText(gap)}`);
    if (score)
      lines.push(
        `    checklist: ${score.total}/20 (${score.band.label}; ${score.observed} of 20 controls observable from CI)`,
      );
  }
  const shown = verdict.paths.filter((p) => verbose || p.decision !== 'allow');
  for (const p of shown) {
    lines.push(
      `    ${MARK[p.decision]} ${p.path.class.padEnd(16)} ${formatLocation(p.path.at)}  ${escapeLogText(p.path.reason)}${p.rule ? ` [${p.rule}]` : ''}`,
    );
  }
  const hidden = verdict.paths.length - shown.length;
  if (hidden > 0)
    lines.push(`    ✓ ${hidden} allowed path${hidden === 1 ? '' : 's'} (--verbose lists them)`);
  const checks = verdict.checks.filter((f) => verbose || f.decision !== 'allow');
  for (const f of checks) {
    lines.push(
      `    ${MARK[f.decision]} ${f.ruleId.padEnd(16)} ${formatLocation(f.location)}  ${escapeLogText(f.message)} (${f.severity}, ${f.confidence} confidence)`,
    );
  }
  const reported = verdict.checks.length - checks.length;
  if (reported > 0)
    lines.push(
      `    · ${reported} reported finding${reported === 1 ? '' : 's'} that do not gate (--verbose lists them)`,
    );
  return lines;
}
