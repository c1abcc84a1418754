/**
 * The report of a `scan`, written as it goes: for each repository, in order, each workflow
 * file's evaluations are redacted and handed to the writers of the formats asked for (stdout's and, with --out,
 * report.json / findings.sarif / summary.md), then dropped. What a format needs at its top
 * comes at the end from small state or spools on disk. The same bytes as emitReport over the
 * whole scan (emit-report.ts); nothing here holds the organisation.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../../engine/errors.js';
import type { Evaluation } from '../../engine/evaluate.js';
import { redactDeep } from '../../engine/evidence/redact.js';
import { escapeLogText } from '../../engine/escape.js';
import { mostSevere } from '../../engine/policy/types.js';
import type { DecisionValue, Policy } from '../../engine/policy/types.js';
import { planAnnotations, renderWorkflowCommands } from '../../engine/report/annotations.js';
import { EXIT_CODES, buildReport, ruleError } from '../../engine/report/report.js';
import type { FileError, RepositoryScope } from '../../engine/report/report.js';
import type { FormatWriter, ReportEnd, Sink } from '../../engine/report/report-writer.js';
import type { ShardInfo } from '../../engine/report/shard-doc.js';
import { jsonWriter } from '../../engine/report/stream-json.js';
import { markdownWriter, textWriter } from '../../engine/report/stream-pages.js';
import { sarifWriter } from '../../engine/report/stream-sarif.js';
import type { CommonOptions, Format } from './args.js';
import { colorize } from './color.js';
import { rebaseScope } from './emit-report.js';
import { SpoolDirectory } from './file-spool.js';
import type { CliIo } from './run-cli.js';

type FileFormat = 'json' | 'sarif' | 'markdown';
const OUT_FILES: readonly (readonly [FileFormat, string])[] = [
  ['json', 'report.json'],
  ['sarif', 'findings.sarif'],
  ['markdown', 'summary.md'],
];

export class StreamedReport {
  private readonly spools = new SpoolDirectory();
  private readonly writers = new Map<Format, FormatWriter>();
  private readonly fds: number[] = [];
  private readonly errors: FileError[] = [];
  private readonly ruleErrors: FileError[] = [];
  private readonly scopes: RepositoryScope[] = [];
  private readonly policies = new Map<Policy, Policy>();
  private decision: DecisionValue = 'allow';
  private started = false;
  private stdoutEnd: () => void = () => undefined;

  private constructor(
    private readonly options: CommonOptions,
    private readonly io: CliIo,
    html: FormatWriter | undefined,
  ) {
    this.writers.set(options.format, html ?? this.writerFor(options.format));
    if (options.out !== undefined && options.format !== 'html')
      for (const [format] of OUT_FILES)
        if (!this.writers.has(format)) this.writers.set(format, this.writerFor(format));
  }

  /** The HTML writer (and its layout library) loads only when asked for. */
  static async open(options: CommonOptions, io: CliIo): Promise<StreamedReport> {
    const html =
      options.format === 'html'
        ? (await import('../../engine/report/stream-html.js')).htmlWriter()
        : undefined;
    return new StreamedReport(options, io, html);
  }

  /** A file or repository that could not be evaluated (the scan fails, exit 2). */
  error(error: FileError): void {
    this.errors.push(redactDeep(error));
  }

  /**
   * Evaluations of one workflow file of the repository at hand: redacted and given to every
   * format, then not held here.
   */
  evaluated(unsafe: readonly Evaluation[]): void {
    this.begin();
    // Literal secrets written into a workflow never reach stdout or the report files.
    const evaluations = redactDeep(unsafe);
    for (const e of evaluations) {
      this.decision = mostSevere([this.decision, e.decision.decision]);
      for (const f of e.ruleFailures ?? []) this.ruleErrors.push(ruleError(f));
    }
    for (const writer of this.writers.values()) writer.add(evaluations);
  }

  /** The end of one scanned repository (its evaluations came through `evaluated`). */
  repository(unsafeScope: RepositoryScope, errors: readonly FileError[] = []): void {
    this.begin();
    const { policy, ...rest } = unsafeScope;
    const safe = { ...redactDeep(rest), policy: this.redacted(policy) };
    const scope = this.options.root === undefined ? safe : rebaseScope(safe, this.options.root);
    this.scopes.push(scope);
    const end = { scope, errors: redactDeep(errors) };
    for (const writer of this.writers.values()) writer.repository(end);
  }

  /**
   * A policy redacted once per run: repositories share the loaded policy objects, and the
   * scopes kept for the end must not each hold a copy of one.
   */
  private redacted(policy: Policy): Policy {
    let safe = this.policies.get(policy);
    if (safe === undefined) {
      safe = redactDeep(policy);
      this.policies.set(policy, safe);
    }
    return safe;
  }

  /** Whether a repository was written (its policy is the report's). */
  get hasRepositories(): boolean {
    return this.scopes.length > 0;
  }

  /**
   * Ends every document; the exit code (the decision's, or 2 when anything failed).
   * `fallbackPolicy`: the report's policy when no repository was written.
   */
  finish(fallbackPolicy: Policy | undefined, shard?: ShardInfo): number {
    const policy =
      this.scopes[0]?.policy ?? (fallbackPolicy ? this.redacted(fallbackPolicy) : undefined);
    if (policy === undefined) throw new Error('internal error: a report without a policy');
    this.begin();
    const errors = [...this.errors, ...this.ruleErrors];
    const end: ReportEnd = {
      policy,
      repositories: this.scopes,
      errors,
      decision: errors.length > 0 ? mostSevere([this.decision, 'blocked']) : this.decision,
      ...(shard ? { shard } : {}),
    };
    for (const writer of this.writers.values()) writer.finish(end);
    this.stdoutEnd();
    this.close();
    if (errors.length > 0) {
      if (this.options.format !== 'text')
        for (const e of errors) this.io.stderr(`agent-gate: ${escapeLogText(e.message)}\n`);
      return 2;
    }
    return EXIT_CODES[end.decision];
  }

  /** Closes the files and removes the spools (always, also after a failure). */
  dispose(): void {
    this.close();
    this.spools.dispose();
  }

  private close(): void {
    for (const fd of this.fds.splice(0)) closeSync(fd);
  }

  /** Opens the outputs when the first repository (or the end) comes. */
  private begin(): void {
    if (this.started) return;
    this.started = true;
    const { options } = this;
    const stdout = this.stdoutSink();
    if (options.format === 'html' && options.out !== undefined) {
      mkdir(dirname(options.out), options.out);
      this.writer('html').start(this.file(options.out, options.out));
      return;
    }
    const files = new Map<Format, Sink>();
    if (options.out !== undefined) {
      mkdir(options.out);
      for (const [format, name] of OUT_FILES)
        files.set(format, this.file(join(options.out, name), options.out));
    }
    for (const [format, writer] of this.writers) {
      const file = files.get(format);
      const toStdout = format === options.format;
      writer.start(
        file && toStdout
          ? (text) => {
              file(text);
              stdout(text);
            }
          : (file ?? stdout),
      );
    }
  }

  /** A file written as the text comes; errors name `out` (what the user gave). */
  private file(path: string, out: string): Sink {
    let fd: number;
    try {
      fd = openSync(path, 'w');
    } catch (cause) {
      throw cannotWrite(out, cause);
    }
    this.fds.push(fd);
    return (text) => {
      try {
        writeSync(fd, text);
      } catch (cause) {
        throw cannotWrite(out, cause);
      }
    };
  }

  private writer(format: Format): FormatWriter {
    const writer = this.writers.get(format);
    if (!writer) throw new Error(`internal error: no writer for ${format}`);
    return writer;
  }

  private writerFor(format: Format): FormatWriter {
    switch (format) {
      case 'json':
        return jsonWriter();
      case 'sarif':
        return sarifWriter();
      case 'markdown':
        return markdownWriter();
      case 'text':
        return textWriter(this.spools.create, {
          verbose: this.options.verbose,
          quiet: this.options.quiet,
          cwd: process.cwd(),
        });
      case 'github':
        return githubWriter();
      case 'html':
        throw new Error('internal error: the HTML writer was not loaded');
    }
  }

  /** Stdout, in colour (whole lines at a time) for text on a terminal without NO_COLOR. */
  private stdoutSink(): Sink {
    const { io, options } = this;
    const colour =
      options.format === 'text' && io.terminal?.stdoutIsTTY === true && !io.terminal.noColor;
    if (!colour) return (text) => io.stdout(text);
    let partial = '';
    this.stdoutEnd = () => {
      if (partial.length > 0) io.stdout(colorize(partial));
      partial = '';
    };
    return (text) => {
      const all = partial + text;
      const cut = all.lastIndexOf('\n') + 1;
      partial = all.slice(cut);
      if (cut > 0) io.stdout(colorize(all.slice(0, cut)));
    };
  }
}

/**
 * `--format github`: workflow commands planned over the whole report (the annotation limits
 * pick across all of it), so this one format keeps every evaluation until the end.
 */
function githubWriter(): FormatWriter {
  const evaluations: Evaluation[] = [];
  let sink: Sink = () => undefined;
  return {
    start: (to) => void (sink = to),
    add: (list) => void evaluations.push(...list),
    repository: () => undefined,
    finish(end: ReportEnd): void {
      const report = buildReport(end.policy, evaluations, [], end.repositories);
      const whole = { ...report, errors: end.errors, decision: end.decision };
      sink(
        `${renderWorkflowCommands(planAnnotations(whole, { where: 'the full report (agent-gate scan -f text)' }))}agent-gate: decision ${whole.decision}\n`,
      );
    },
  };
}

function mkdir(dir: string, named = dir): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (cause) {
    throw cannotWrite(named, cause);
  }
}

function cannotWrite(out: string, cause: unknown): InputError {
  const code = (cause as NodeJS.ErrnoException).code;
  return new InputError(`--out ${out}: cannot write the report there (${code ?? String(cause)})`, {
    cause,
  });
}
