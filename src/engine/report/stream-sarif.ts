/**
 * `--format sarif` streamed: one run per repository, written as each repository is done —
 * the same bytes as renderSarif over the same scan (render-sarif.ts). Only the repository at
 * hand's findings are held.
 */
import type { Finding } from '../policy/types.js';
import { SEVERITY } from '../policy/types.js';
import { mergeDuplicateFindings } from './merge-findings.js';
import { SARIF_SCHEMA_URI, sarifRepositoryRun } from './render-sarif.js';
import { IndentedJsonArray } from './report-writer.js';
import type { Evaluation } from '../evaluate.js';
import type { FormatWriter, RepositoryEnd, Sink } from './report-writer.js';

export function sarifWriter(): FormatWriter {
  let runs: IndentedJsonArray | undefined;
  let sink: Sink = () => undefined;
  // The repository at hand's findings, until its run is written.
  let found: Finding[] = [];
  return {
    start(to: Sink): void {
      sink = to;
      sink(
        `{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA_URI)},\n  "version": "2.1.0",\n  "runs": `,
      );
      runs = new IndentedJsonArray(sink, 1);
    },
    add(evaluations: readonly Evaluation[]): void {
      for (const e of evaluations) found.push(...e.decision.findings);
    },
    repository({ scope }: RepositoryEnd): void {
      // The most severe first, stable within a decision (allFindings' order).
      const findings: Finding[] = mergeDuplicateFindings(
        found
          .map((f, i) => ({ f, i }))
          .sort((a, b) => SEVERITY[b.f.decision] - SEVERITY[a.f.decision] || a.i - b.i)
          .map((x) => x.f),
      );
      found = [];
      runs?.push(sarifRepositoryRun(scope, findings));
    },
    finish(): void {
      runs?.close();
      sink('\n}\n');
    },
  };
}
