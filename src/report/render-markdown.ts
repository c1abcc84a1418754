/**
 * The Markdown report: the action's job summary and `--format markdown`. Every piece of
 * untrusted text is escaped; the output is cut to stay under the runner's 1 MiB limit.
 */
import { formatLocation } from '../errors.js';
import type { DecisionValue } from '../policy/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { escapeMarkdown, markdownCode } from './escape.js';
import { allFindings } from './report.js';
import type { Report } from './report.js';

const BADGE: Readonly<Record<DecisionValue, string>> = {
  allow: '✅ allow',
  'approval-required': '⏸️ approval required',
  blocked: '⛔ blocked',
};
/** The runner refuses step summaries over 1 MiB; keep well under it. */
export const MAX_SUMMARY_BYTES = 900 * 1024;

export function renderMarkdown(report: Report, options: { maxBytes?: number } = {}): string {
  const out: string[] = [
    `## ${TOOL_NAME}: ${BADGE[report.decision]}`,
    '',
    `<sub>${TOOL_NAME} ${TOOL_VERSION}</sub>`,
    '',
    `Policy ${report.policy.sources.map((s) => markdownCode(s)).join(' + ')} · digest ${markdownCode(report.policy.digest.slice(0, 23))}`,
    '',
    '| Workflow | Job | Decision | Agents | Unattended | Needs attention |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const e of report.evaluations) {
    for (const v of e.decision.jobs) {
      const inv = e.inventory.find((i) => i.job === v.job);
      const attention = v.paths.filter((p) => p.decision !== 'allow').map((p) => p.path.class);
      out.push(
        `| ${markdownCode(v.workflow)} | ${markdownCode(v.job)} | ${BADGE[v.decision]} | ${(inv?.agents ?? []).map((a) => markdownCode(a.id)).join(' ') || '—'} | ${inv?.unattended ? 'yes' : 'no'} | ${[...new Set(attention)].map(escapeMarkdown).join(', ') || '—'} |`,
      );
    }
  }
  const reasons = report.evaluations.flatMap((e) => e.decision.reasons);
  if (reasons.length > 0) out.push('', ...reasons.map((r) => `- ⛔ ${escapeMarkdown(r)}`));
  for (const err of report.errors) out.push('', `- ⛔ ${escapeMarkdown(err.message)}`);
  const findings = allFindings(report);
  if (findings.length > 0) {
    out.push('', '### Findings', '');
    for (const f of findings) {
      out.push(
        `- ${BADGE[f.decision]} **${escapeMarkdown(f.ruleId)}** — ${markdownCode(formatLocation(f.location))} (job ${markdownCode(f.job ?? '—')}): ${escapeMarkdown(f.message)}`,
      );
    }
  }
  const expired = report.evaluations.flatMap((e) => e.decision.waivers.expired);
  const applied = report.evaluations.flatMap((e) => e.decision.waivers.applied);
  if (expired.length > 0 || applied.length > 0) {
    out.push('', '### Waivers', '');
    for (const a of applied)
      out.push(
        `- waived ${markdownCode(a.waiver.rule)} on ${markdownCode(a.path)} — owner ${escapeMarkdown(a.waiver.owner)}, until ${escapeMarkdown(a.waiver.expires)}: ${escapeMarkdown(a.waiver.reason)}`,
      );
    for (const x of expired) out.push(`- ⚠️ ${escapeMarkdown(x.message)}`);
  }
  return truncate(`${out.join('\n')}\n`, options.maxBytes ?? MAX_SUMMARY_BYTES);
}

function truncate(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const note =
    '\n\n> Summary truncated to stay under the step-summary size limit; the full report is in the evidence pack.\n';
  let cut = text.slice(0, maxBytes - note.length);
  while (Buffer.byteLength(cut, 'utf8') > maxBytes - note.length) cut = cut.slice(0, -1024);
  return `${cut.slice(0, cut.lastIndexOf('\n'))}${note}`;
}
