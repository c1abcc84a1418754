/**
 * The data of the shell splitter: the simple commands it yields, the words and tokens of its
 * lexer, and the limits that bound its work on hostile input.
 */

export interface SimpleCommand {
  /** Words of the real command (after prefixes such as `sudo -E` or `FOO=1`), quotes removed. */
  argv: string[];
  /** Source text of each argv word with its quotes (same length as argv): tells `$X` from `"$X"`. */
  raw: string[];
  /** 1-based position of argv[0]; for commands inside `bash -c '…'`, the position of `bash`. */
  line: number;
  column: number;
  /** Source text of the whole simple command, prefixes and redirections included. */
  text: string;
  /** Where its stdin comes from when the script redirects it: `<<EOF`, `< file`, `<<< text`. */
  stdin?: 'heredoc' | 'file' | 'string';
  /** The here-documents on its stdin, in order: their text, and whether the delimiter was quoted (no expansion). */
  heredocs?: readonly HeredocText[];
}

export interface HeredocText {
  readonly body: string;
  readonly quoted: boolean;
}

/**
 * A file the script writes command output to: `cmd > f`, `cmd >> "$F"`, `{ …; } >> f`,
 * `… done > f`, `( … ) > f`, or `… | tee -a f`.
 */
export interface OutputWrite {
  readonly via: 'redirect' | 'tee';
  /** Source text of the target word, quotes kept (`"$GITHUB_ENV"`, `${{ github.env }}`). */
  readonly target: string;
  /** 1-based position of the target word (pinned to the launcher for inline scripts). */
  readonly line: number;
  readonly column: number;
  /**
   * The commands whose output lands there: the redirected command or every command of the
   * redirected compound, and the earlier stages of its pipeline (`a | b > f`: b and a; for
   * `a | tee f`: a). Commands run inside `$( … )` are not listed: their output is in the
   * words of the command that holds them.
   */
  readonly writers: readonly SimpleCommand[];
}

export interface SplitResult {
  commands: SimpleCommand[];
  /** The files written through output redirections and `tee`, in source order. */
  outputs: OutputWrite[];
  truncated: boolean;
}

export const MAX_DEPTH = 24;
export const MAX_COMMANDS = 20_000;
/** `${{ … }}` and `(( … ))` are short in practice; the bound keeps unclosed ones from going quadratic. */
export const MAX_EXPRESSION_CHARS = 4096;
/** `find -exec find -exec …` nests; real scripts use one level. */
export const MAX_EXEC_LEVELS = 3;

export interface Word {
  value: string;
  raw: string;
  start: number;
  end: number;
  quoted: boolean;
}

export type Op = ';' | '&&' | '||' | '|' | '|&' | '&' | '\n' | '(' | ')' | ';;' | ';&' | ';;&';
export type Token =
  | { type: 'word'; word: Word }
  | { type: 'op'; op: Op }
  | { type: 'redir'; heredoc?: Heredoc; stdin?: 'file' | 'string'; output?: Word }
  | { type: 'eof' };

/**
 * A here-document and the command it feeds. Its body is data, unless the command is a shell
 * reading its script from stdin (`bash <<EOF … EOF`, `sudo bash -s <<'EOF'`): then the body
 * is parsed as commands. The body may be read before or after the command is emitted
 * (`bash <<EOF` vs `bash <<EOF && x`), so whichever comes second parses it.
 */
export interface Heredoc {
  delimiter: string;
  stripTabs: boolean;
  /** `<<'EOF'`, `<<"EOF"`, `<<\EOF`: the body is not expanded. */
  quoted: boolean;
  feedsShell?: boolean;
  body?: { text: string; start: number };
}

/** State shared by every parser working on one script (nested ones included). */
export interface Shared {
  commands: SimpleCommand[];
  outputs: OutputWrite[];
  /** Commands fed by here-documents, whose bodies are read after the command is emitted. */
  fed: { command: SimpleCommand; heredocs: readonly Heredoc[] }[];
  lineStarts: number[];
  tokens: number;
  inlineChars: number;
  halted: boolean;
}

/** Maps parser offsets to script positions: shifted by `base`, or pinned (inline scripts). */
export interface Origin {
  base: number;
  fixed?: { line: number; column: number } | undefined;
}
