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
}

export interface SplitResult {
  commands: SimpleCommand[];
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
  | { type: 'redir'; heredoc?: Heredoc; stdin?: 'file' | 'string' }
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
  feedsShell?: boolean;
  body?: { text: string; start: number };
}

/** State shared by every parser working on one script (nested ones included). */
export interface Shared {
  commands: SimpleCommand[];
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
