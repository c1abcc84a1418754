/**
 * Writes a report where the user asked: stdout in the chosen format (nothing with --quiet),
 * and report.json / findings.sarif / summary.md under --out (with --format html, --out names
 * the one HTML file instead). Colour only on a terminal and
 * never with NO_COLOR. The exit code: the decision's, or 2 when a file could not be read.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../../engine/errors.js';
import { redactDeep } from '../../engine/evidence/redact.js';
import { planAnnotations, renderWorkflowCommands } from '../../engine/report/annotations.js';
import { escapeLogText } from '../../engine/escape.js';
import { renderJson } from '../../engine/report/render-json.js';
import { renderMarkdown } from '../../engine/report/render-markdown.js';
import { renderSarif } from '../../engine/report/render-sarif.js';
import { renderText } from '../../engine/report/render-text.js';
import { EXIT_CODES } from '../../engine/report/report.js';
import type { Report, RepositoryScope } from '../../engine/report/report.js';
import type { CommonOptions, Format } from './args.js';
import { colorize } from './color.js';
import { insideRepo, rootUri } from './repo-policy.js';
import type { CliIo } from './run-cli.js';

/**
 * Fails early (before any work) when --out names something that is not a directory — or,
 * with --format html, where --out names the HTML file, when it names a directory.
 */
export function checkOutDir(out: string | undefined, format?: Format): void {
  if (out === undefined) return;
  if (format === 'html') return checkOutFile(out);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(out).isDirectory();
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // created when the report is written
    throw new InputError(`--out ${out}: cannot use it (${code ?? String(cause)})`, { cause });
  }
  if (!isDirectory)
    throw new InputError(`--out ${out}: is a file, not a directory (--out names a directory)`);
}

function checkOutFile(out: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(out).isDirectory();
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT')
      throw new InputError(`--out ${out}: cannot use it (${code ?? String(cause)})`, { cause });
  }
  if (isDirectory)
    throw new InputError(
      `--out ${out}: is a directory; with --format html, --out names the HTML file to write`,
    );
}

export async function emitReport(
  unsafe: Report,
  options: CommonOptions,
  io: CliIo,
): Promise<number> {
  // Literal secrets written into a workflow never reach stdout or the report files.
  const report = redactDeep(unsafe);
  const shaped = options.root === undefined ? report : rebase(report, options.root);
  // The HTML renderer (and its layout library) loads only when asked for: deciding one job
  // does not pay for it.
  const html =
    options.format === 'html'
      ? (await import('../../engine/report/render-html.js')).renderHtml
      : undefined;
  const renderers = {
    text: () =>
      renderText(shaped, { verbose: options.verbose, quiet: options.quiet, cwd: process.cwd() }),
    json: () => renderJson(shaped),
    sarif: () => renderSarif(shaped),
    markdown: () => renderMarkdown(shaped),
    html: () => {
      if (html === undefined) throw new Error('the HTML renderer was not loaded');
      return html(shaped);
    },
    github: () =>
      `${renderWorkflowCommands(planAnnotations(shaped, { where: 'the full report (agent-gate scan -f text)' }))}agent-gate: decision ${shaped.decision}\n`,
  };
  if (options.format === 'html' && options.out !== undefined)
    writeOutFile(options.out, renderers.html());
  else {
    if (options.out) writeOutDir(options.out, renderers);
    const text = renderers[options.format]();
    const colour =
      options.format === 'text' && io.terminal?.stdoutIsTTY === true && !io.terminal.noColor;
    io.stdout(colour ? colorize(text) : text);
  }
  if (shaped.errors.length > 0) {
    if (options.format !== 'text')
      for (const e of shaped.errors) io.stderr(`agent-gate: ${escapeLogText(e.message)}\n`);
    return 2;
  }
  return EXIT_CODES[shaped.decision];
}

function writeOutDir(
  out: string,
  renderers: Record<'json' | 'sarif' | 'markdown', () => string>,
): void {
  try {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'report.json'), renderers.json());
    writeFileSync(join(out, 'findings.sarif'), renderers.sarif());
    writeFileSync(join(out, 'summary.md'), renderers.markdown());
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new InputError(`--out ${out}: cannot write the report there (${code ?? String(cause)})`, {
      cause,
    });
  }
}

/** --format html --out FILE: the one HTML file (its directory created when missing). */
function writeOutFile(out: string, html: string): void {
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, html);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new InputError(`--out ${out}: cannot write the report there (${code ?? String(cause)})`, {
      cause,
    });
  }
}

/** --root: every repository's SARIF URIs relative to that one directory instead. */
function rebase(report: Report, root: string): Report {
  return { ...report, repositories: report.repositories.map((s) => rebaseScope(s, root)) };
}

export function rebaseScope(scope: RepositoryScope, root: string): RepositoryScope {
  return {
    ...scope,
    rootUri: rootUri(root),
    workflows: scope.workflows.map((w) => ({
      path: w.path,
      repoPath: insideRepo(root, w.path) ?? w.repoPath,
    })),
  };
}
