/**
 * Turns a report into what the runner shows: the log, annotations at the workflow line,
 * the job summary, outputs, and the report files under RUNNER_TEMP.
 */
import * as core from './runner-commands.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  escapeMarkdown,
  jsonForOutput,
  markdownCode,
  revealInvisible,
} from '../../engine/escape.js';
import { renderJson } from '../../engine/report/render-json.js';
import { renderMarkdown } from '../../engine/report/render-markdown.js';
import { renderText } from '../../engine/report/render-text.js';
import { ANNOTATIONS_PER_LEVEL, planAnnotations } from '../../engine/report/annotations.js';
import { allFindings } from '../../engine/report/report.js';
import type { Report } from '../../engine/report/report.js';
import { OUTPUTS } from './settings.js';
import type { ApprovalResult } from './approval-flow.js';
import { PACK_DIR } from './evidence-store.js';

const MAX_OUTPUT_FINDINGS = 100;

export function logReport(report: Report): void {
  core.info(renderText(report));
}

/**
 * Annotations at the workflow line: GitHub shows 10 of each level per step and drops the
 * rest, so the plan puts the most severe first and ends with a note of what was left out.
 */
export function annotate(report: Report): void {
  // One slot of each level stays free for the step's own message (the failure, the audit
  // or approval note), which GitHub counts against the same limits.
  for (const a of planAnnotations(report, { perLevel: ANNOTATIONS_PER_LEVEL - 1 }).annotations) {
    // The runner escapes line breaks in annotations; bidi and invisible controls are ours.
    const properties = a.location
      ? {
          title: revealInvisible(a.title),
          file: revealInvisible(a.location.path),
          startLine: a.location.line,
          startColumn: a.location.column,
        }
      : { title: a.title };
    const message = revealInvisible(a.message);
    if (a.level === 'error') core.error(message, properties);
    else if (a.level === 'warning') core.warning(message, properties);
    else core.notice(message, properties);
  }
}

export async function writeSummary(
  report: Report,
  sections: readonly string[] = [],
): Promise<void> {
  try {
    await core.appendSummary(renderMarkdown(report, { sections }));
  } catch (error) {
    core.warning(`could not write the job summary: ${(error as Error).message}`);
  }
}

export function setOutputs(
  report: Report,
  reportPath: string | undefined,
  evidencePath: string | undefined,
): void {
  // `findings` / `findings-count` are what does not simply pass; reported findings stay in
  // the summary, the report and the evidence.
  const findings = allFindings(report).filter((f) => f.decision !== 'allow');
  core.setOutput(OUTPUTS.decision, report.decision);
  // Finding messages quote the workflow and the pull request: untrusted text, escaped.
  core.setOutput(
    OUTPUTS.findings,
    jsonForOutput(
      findings.slice(0, MAX_OUTPUT_FINDINGS).map((f) => ({
        ruleId: f.ruleId,
        decision: f.decision,
        message: f.message,
        job: f.job,
        location: f.location,
      })),
    ),
  );
  core.setOutput(OUTPUTS.findingsCount, String(findings.length));
  core.setOutput(OUTPUTS.reportPath, reportPath ?? '');
  core.setOutput(OUTPUTS.policyDigest, report.policy.digest);
  core.setOutput(OUTPUTS.evidencePath, evidencePath ?? '');
}

/** Writes the CLI-shaped report.json next to the pack; returns its path. */
export function writeReportFiles(report: Report, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const jsonPath = join(dir, 'report.json');
  writeFileSync(jsonPath, renderJson(report));
  return jsonPath;
}

/**
 * Summary, report files and outputs. The evidence input itself is saved by the caller; the
 * post step builds, validates and writes the pack at the end of the job with the outcome
 * (building it here too would cost every gated run twice).
 */
export async function publish(
  report: Report,
  dir: string | undefined,
  approval: ApprovalResult | undefined,
): Promise<void> {
  await writeSummary(report, approval ? [approvalSection(approval)] : []);
  const outputs = approval?.outputs ?? { approved: 'false', 'approved-by': '', 'approval-url': '' };
  core.setOutput(OUTPUTS.approved, outputs.approved);
  core.setOutput(OUTPUTS.approvedBy, outputs['approved-by']);
  core.setOutput(OUTPUTS.approvalUrl, outputs['approval-url']);
  if (!dir) {
    setOutputs(report, undefined, undefined);
    return;
  }
  const reportPath = writeReportFiles(report, dir);
  core.info(`Evidence recorded in ${dir}; the post step completes the pack at the end of the job`);
  setOutputs(report, reportPath, join(dir, PACK_DIR));
}

/** The approval's outcome for the job summary (every piece of untrusted text escaped). */
function approvalSection(approval: ApprovalResult): string {
  const r = approval.record;
  const lines = [
    '### Approval',
    '',
    `- ${approval.approved ? '✅' : '⛔'} ${escapeMarkdown(approval.message)}`,
    `- mode ${markdownCode(r.mode)}, status ${markdownCode(r.status)}${r.requestDigest ? `, request digest ${markdownCode(r.requestDigest)}` : ''}`,
  ];
  if (r.requestUrl) lines.push(`- request: ${escapeMarkdown(r.requestUrl)}`);
  for (const a of r.approvals)
    lines.push(
      `- approved by ${markdownCode(a.login)} at ${escapeMarkdown(a.at)} (${escapeMarkdown(a.how)})`,
    );
  for (const i of (r.ignored ?? []).slice(0, 20))
    lines.push(`- not counted: ${markdownCode(i.login)} — ${escapeMarkdown(i.why)}`);
  return lines.join('\n');
}
