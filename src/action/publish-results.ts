/**
 * Turns a report into what the runner shows: the log, annotations at the workflow line,
 * the job summary, outputs, and the report files under RUNNER_TEMP.
 */
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonForOutput, revealInvisible } from '../report/escape.js';
import { renderJson } from '../report/render-json.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderText } from '../report/render-text.js';
import { allFindings } from '../report/report.js';
import type { Report } from '../report/report.js';
import { OUTPUTS } from './settings.js';

/** GitHub shows a limited number of annotations per step; the rest are in the summary. */
const MAX_ANNOTATIONS = 50;
const MAX_OUTPUT_FINDINGS = 100;

export function logReport(report: Report): void {
  core.info(renderText(report));
}

export function annotate(report: Report): void {
  const findings = allFindings(report);
  for (const f of findings.slice(0, MAX_ANNOTATIONS)) {
    const properties = {
      title: `agent-gate: ${f.decision} (${f.ruleId})`,
      file: revealInvisible(f.location.path),
      startLine: f.location.line,
      startColumn: f.location.column,
    };
    // The runner escapes line breaks in annotations; bidi and invisible controls are ours.
    const message = revealInvisible(f.message);
    if (f.decision === 'blocked') core.error(message, properties);
    else if (f.decision === 'approval-required') core.warning(message, properties);
    else core.notice(message, properties);
  }
  if (findings.length > MAX_ANNOTATIONS)
    core.notice(`${findings.length - MAX_ANNOTATIONS} more findings are in the job summary`);
  for (const e of report.evaluations)
    for (const x of e.decision.waivers.expired)
      core.warning(revealInvisible(x.message), {
        file: x.waiver.at.path,
        startLine: x.waiver.at.line,
      });
}

export async function writeSummary(
  report: Report,
  sections: readonly string[] = [],
): Promise<void> {
  try {
    await core.summary.addRaw(renderMarkdown(report, { sections })).write();
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
