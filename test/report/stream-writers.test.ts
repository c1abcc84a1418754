/**
 * The streamed writers (one repository at a time, report-writer.ts) write the bytes the
 * whole-report renderers write over the same scan: JSON, SARIF, text, Markdown (also when it
 * is cut at its size limit) and HTML — for a corpus subset of several repositories. Spools
 * are the memory ones here; test/cli covers the file spools through the CLI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import type { Evaluation } from '../../src/engine/evaluate.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import type { Policy } from '../../src/engine/policy/types.js';
import { renderHtml } from '../../src/engine/report/render-html.js';
import { renderJson } from '../../src/engine/report/render-json.js';
import { renderMarkdown } from '../../src/engine/report/render-markdown.js';
import { renderSarif } from '../../src/engine/report/render-sarif.js';
import { renderText } from '../../src/engine/report/render-text.js';
import { buildReport } from '../../src/engine/report/report.js';
import type { FileError, Report, RepositoryScope } from '../../src/engine/report/report.js';
import { memorySpool } from '../../src/engine/report/report-writer.js';
import type { FormatWriter } from '../../src/engine/report/report-writer.js';
import { htmlWriter } from '../../src/engine/report/stream-html.js';
import { jsonWriter } from '../../src/engine/report/stream-json.js';
import { markdownWriter, textWriter } from '../../src/engine/report/stream-pages.js';
import { sarifWriter } from '../../src/engine/report/stream-sarif.js';
import { memoryReader } from '../helpers.js';
import { CORPUS_SUBSET } from './corpus-subset.js';

let baseline: Policy;
let report: Report;
let parts: { scope: RepositoryScope; evaluations: Evaluation[]; errors: FileError[] }[];

beforeAll(async () => {
  baseline = await loadPolicy('baseline', memoryReader({}));
  const errors: FileError[] = [{ path: 'docs', message: 'docs: no workflow files' }];
  parts = CORPUS_SUBSET.slice(0, 5).map((root) => {
    const dir = join(root, '.github', 'workflows');
    const files = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(dir, f));
    const own: FileError[] = [];
    const evaluations = files.flatMap((path) => {
      try {
        return [
          evaluateWorkflow({
            path,
            text: readFileSync(path, 'utf8'),
            policy: baseline,
            context: EMPTY_CONTEXT,
            now: new Date('2026-11-21T00:00:00Z'),
          }),
        ];
      } catch (thrown) {
        own.push({ path, message: `${path}: ${String(thrown)}` });
        return [];
      }
    });
    errors.push(...own);
    const scope: RepositoryScope = {
      root,
      rootUri: `file://${root}/`,
      policy: baseline,
      workflows: files.map((path) => ({ path, repoPath: path.slice(root.length + 1) })),
      category: `agent-gate/scan/${root.split('/').pop() ?? ''}/`,
    };
    return { scope, evaluations, errors: own };
  });
  report = buildReport(
    baseline,
    parts.flatMap((p) => p.evaluations),
    errors,
    parts.map((p) => p.scope),
  );
}, 240_000);

/** What a writer writes for the scan, fed one repository at a time, in small chunks. */
function streamed(writer: FormatWriter): string {
  let out = '';
  writer.start((text) => (out += text));
  for (const part of parts) {
    for (const e of part.evaluations) writer.add([e]);
    writer.repository(part);
  }
  writer.finish({
    policy: report.policy,
    repositories: report.repositories,
    errors: report.errors,
    decision: report.decision,
  });
  return out;
}

describe('streamed writers', () => {
  it('have several repositories, findings of every decision and an error to write', () => {
    expect(parts.length).toBe(5);
    expect(report.evaluations.length).toBeGreaterThan(20);
    const decisions = new Set(
      report.evaluations.flatMap((e) => e.decision.findings.map((f) => f.decision)),
    );
    expect(decisions.size).toBeGreaterThan(1);
    expect(report.errors.length).toBeGreaterThan(0);
  });

  it('JSON: the same bytes as renderJson', () => {
    expect(streamed(jsonWriter()) === renderJson(report)).toBe(true);
  });

  it('SARIF: the same bytes as renderSarif', () => {
    expect(streamed(sarifWriter()) === renderSarif(report)).toBe(true);
  });

  it('text: the same bytes as renderText, plain, verbose and quiet', () => {
    for (const options of [{}, { verbose: true }, { quiet: true }])
      expect(streamed(textWriter(memorySpool, options)) === renderText(report, options)).toBe(true);
  });

  it('Markdown: the same bytes as renderMarkdown, whole and cut at its limit', () => {
    const whole = renderMarkdown(report);
    expect(streamed(markdownWriter()) === whole).toBe(true);
    for (const maxBytes of [4_000, 20_000, Math.floor(whole.length / 2)]) {
      const cut = renderMarkdown(report, { maxBytes });
      expect(cut.length).toBeLessThan(whole.length);
      expect(streamed(markdownWriter({ maxBytes })) === cut).toBe(true);
    }
  });

  it('HTML: the same bytes as renderHtml', () => {
    expect(streamed(htmlWriter()) === renderHtml(report)).toBe(true);
  }, 60_000);

  it('a writer that is fed the repositories in another order writes another document', () => {
    const writer = jsonWriter();
    let out = '';
    writer.start((text) => (out += text));
    for (const part of [...parts].reverse()) {
      writer.add(part.evaluations);
      writer.repository(part);
    }
    writer.finish({ ...report });
    expect(out === renderJson(report)).toBe(false);
  });
});
