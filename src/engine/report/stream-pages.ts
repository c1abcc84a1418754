/**
 * `--format text` and `--format markdown` streamed: the same bytes as renderText and
 * renderMarkdown over the same scan. The text report's workflow lines go to a spool as they
 * come (its head names the policies, known at the end); the Markdown page is capped in size,
 * so its builder holds only what can still show.
 */
import { SummaryBuilder } from './reason-groups.js';
import { MarkdownBuilder } from './render-markdown.js';
import type { MarkdownOptions } from './render-markdown.js';
import { TextBuilder } from './render-text.js';
import type { TextOptions } from './render-text.js';
import type { Evaluation } from '../evaluate.js';
import type { FormatWriter, ReportEnd, Sink, SpoolFactory } from './report-writer.js';

const lines = (list: readonly string[]): string => list.map((l) => `${l}\n`).join('');

export function textWriter(spool: SpoolFactory, options: TextOptions = {}): FormatWriter {
  const text = new TextBuilder(options);
  const summary = new SummaryBuilder();
  const body = spool();
  let sink: Sink = () => undefined;
  return {
    start(to: Sink): void {
      sink = to;
    },
    add(evaluations: readonly Evaluation[]): void {
      for (const e of evaluations) {
        body.write(lines(text.evaluation(e)));
        text.count(e);
        summary.add(e);
      }
    },
    repository: () => undefined,
    finish(end: ReportEnd): void {
      sink(lines(text.head(end)));
      body.copyTo(sink);
      sink(lines(text.tail(end, summary.result())));
    },
  };
}

export function markdownWriter(options: MarkdownOptions = {}): FormatWriter {
  const page = new MarkdownBuilder(options);
  let sink: Sink = () => undefined;
  return {
    start(to: Sink): void {
      sink = to;
    },
    add(evaluations: readonly Evaluation[]): void {
      for (const e of evaluations) page.add(e);
    },
    repository: () => undefined,
    finish(end: ReportEnd): void {
      sink(page.render(end));
    },
  };
}
