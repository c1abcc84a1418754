/**
 * Streamed reports (`scan`): each format's writer takes the scan one repository at a time and
 * keeps only what its format needs at the end (counts, a bounded page, small lists); what can
 * be written is written at once, to the output or, where the format needs totals first, to a
 * spool. Memory does not grow with the number of repositories. The writers are pure: the
 * adapter supplies the spools (temporary files in the CLI) and the sink the text goes to.
 */
import type { Evaluation } from '../evaluate.js';
import type { DecisionValue, Policy } from '../policy/types.js';
import type { FileError, RepositoryScope } from './report.js';
import type { ShardInfo } from './shard-doc.js';

/**
 * The end of one scanned repository (its evaluations came before it, through `add`). Every
 * scanned repository comes once, possibly with no evaluations (every one is in the report).
 */
export interface RepositoryEnd {
  readonly scope: RepositoryScope;
  /** Its files that could not be evaluated (also in ReportEnd.errors). */
  readonly errors: readonly FileError[];
}

/** What is known once every repository is in. */
export interface ReportEnd {
  /** The first repository's policy (the report's `policy`). */
  readonly policy: Policy;
  readonly repositories: readonly RepositoryScope[];
  /** Files, repositories and rules that could not be evaluated, in buildReport's order. */
  readonly errors: readonly FileError[];
  readonly decision: DecisionValue;
  readonly shard?: ShardInfo;
}

/** Where text goes, in order. */
export type Sink = (text: string) => void;

/** Append-only text kept outside the heap until the document is assembled. */
export interface Spool {
  write(text: string): void;
  /** Everything written, in order, to `sink`. */
  copyTo(sink: Sink): void;
}

export type SpoolFactory = () => Spool;

/**
 * One format. `start` once with the sink the document goes to; for each repository in scan
 * order, `add` for each of its workflow files' evaluations (already redacted) and then
 * `repository`; `finish` once. A writer may write to the sink at any of them.
 */
export interface FormatWriter {
  start(sink: Sink): void;
  add(evaluations: readonly Evaluation[]): void;
  repository(end: RepositoryEnd): void;
  finish(end: ReportEnd): void;
}

/** A spool that holds its text in memory (tests, and small reports). */
export function memorySpool(): Spool {
  const chunks: string[] = [];
  return {
    write: (text) => void chunks.push(text),
    copyTo: (sink) => {
      for (const c of chunks) sink(c);
    },
  };
}

/**
 * The elements of a JSON array written one by one exactly as `JSON.stringify(doc, null, 2)`
 * writes them at `depth` (the depth of the array's key): call `open` where the array starts,
 * `push` each element, `close` at its end.
 */
export class IndentedJsonArray {
  private count = 0;
  private readonly inner: string;
  private readonly outer: string;

  constructor(
    private readonly sink: Sink,
    depth: number,
  ) {
    this.outer = '  '.repeat(depth);
    this.inner = '  '.repeat(depth + 1);
  }

  push(element: unknown): void {
    // A JSON text never holds a raw line break inside a string: re-indenting every line is safe.
    const text = JSON.stringify(element, null, 2).replace(/\n/g, `\n${this.inner}`);
    this.sink(`${this.count === 0 ? '[' : ','}\n${this.inner}${text}`);
    this.count++;
  }

  close(): void {
    this.sink(this.count === 0 ? '[]' : `\n${this.outer}]`);
  }
}
