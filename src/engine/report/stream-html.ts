/**
 * `--format html` streamed (loaded only when asked for, like the renderer and its layout
 * library): each repository's section as it is done, the summary at the end — the same bytes
 * as renderHtml over the same scan.
 */
import { HtmlReportWriter } from './render-html.js';
import type { Evaluation } from '../evaluate.js';
import type { FormatWriter, ReportEnd, RepositoryEnd, Sink } from './report-writer.js';

export function htmlWriter(): FormatWriter {
  const html = new HtmlReportWriter();
  const named = new Set<string>();
  let sink: Sink = () => undefined;
  // A repository's section needs all its evaluations: held until the repository ends.
  let evaluations: Evaluation[] = [];
  return {
    start(to: Sink): void {
      sink = to;
      sink(html.begin());
    },
    add(list: readonly Evaluation[]): void {
      evaluations.push(...list);
    },
    repository({ scope, errors }: RepositoryEnd): void {
      const own = new Set(scope.workflows.map((w) => w.path).filter((p) => !named.has(p)));
      for (const p of own) named.add(p);
      // A rule that failed on a job is derived again from its evaluation, per repository.
      const mine = errors.filter((e) => e.ruleId === undefined && own.has(e.path));
      sink(`\n${html.repository({ scope, evaluations, errors: mine })}`);
      evaluations = [];
    },
    finish(end: ReportEnd): void {
      const loose = end.errors.filter((e) => e.ruleId === undefined && !named.has(e.path));
      sink(`\n${html.finish(loose)}`);
    },
  };
}
