/**
 * `--format json` streamed: the same bytes as renderJson (render-json.ts) over the same scan,
 * written as it goes — the head (no scan facts in it), each workflow's record as its
 * repository is done, and the tail (decision, policies, summary, errors, waivers, shard
 * positions) at the end. Nothing is spooled: the report puts what needs totals last.
 */
import type { Evaluation } from '../evaluate.js';
import { workflowRecord } from './json-workflow.js';
import { SummaryBuilder } from './reason-groups.js';
import { jsonHead, jsonTail, waiversApplied, waiversExpired } from './render-json.js';
import type { FormatWriter, ReportEnd, Sink } from './report-writer.js';

export function jsonWriter(): FormatWriter {
  let sink: Sink = () => undefined;
  let workflows = 0;
  const summary = new SummaryBuilder();
  const reasons: string[] = [];
  const applied: Record<string, unknown>[] = [];
  const expired: Record<string, unknown>[] = [];
  const add = (e: Evaluation): void => {
    sink(`${workflows === 0 ? '' : ','}${JSON.stringify(workflowRecord(e))}`);
    workflows++;
    summary.add(e);
    reasons.push(...e.decision.reasons);
    applied.push(...waiversApplied(e));
    expired.push(...waiversExpired(e));
  };
  return {
    start(to: Sink): void {
      sink = to;
      sink(`${JSON.stringify(jsonHead()).slice(0, -1)},"workflows":[`);
    },
    add(evaluations: readonly Evaluation[]): void {
      for (const e of evaluations) add(e);
    },
    repository: () => undefined,
    finish(end: ReportEnd): void {
      const tail = jsonTail(end, summary.result(), {
        reasons,
        waivers: { applied, expired },
      });
      sink(`],${JSON.stringify(tail).slice(1)}\n`);
    },
  };
}
