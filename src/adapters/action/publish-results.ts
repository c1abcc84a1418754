/**
 * Turns a report into what the runner shows: the log, annotations at the workflow line,
 * the job summary, outputs, and the report files under RUNNER_TEMP.
 */
import * as core from './runner-commands.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonForOutput, revealInvisible } from '../../engine/escape.js';
import { renderJson } from '../../engine/report/render-json.js';
import { renderMarkdown } from '../../engine/report/render-markdown.js';
import { renderText } from '../../engine/report/render-text.js';
import { ANNOTATIONS_PER_LEVEL, planAnnotations } from '../../engine/report/annotations.js';
import { allFindings } from '../../engine/report/report.js';
import type { Report } from '../../engine/report/report.js';
import { OUTPUTS } from './settings.js';

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
