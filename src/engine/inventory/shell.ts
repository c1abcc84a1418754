/**
 * Shell-aware splitter for the `run:` scripts of GitHub Actions steps.
 *
 * The command classifier must reason about commands, not text: `echo "npm publish"` and
 * `# npm publish` publish nothing, while `sudo -E npm publish`, `v=$(npm publish)` and
 * `bash -c 'npm publish'` do. This module turns a script into simple commands — argv with
 * quotes removed and redirections dropped, launcher prefixes (sudo, env, xargs…) stripped,
 * inline scripts (`bash -c`, `eval`) split again — with the position of each command.
 *
 * It is a pragmatic approximation of the POSIX/bash grammar, not a validator: malformed
 * input yields a best-effort answer. It never throws, and it bounds its work on hostile
 * input, reporting `truncated` when it stopped early.
 */
import { lineStarts } from '../workflow/text-position.js';
import { POSIX_SHELLS, WINDOWS_SHELLS } from './shell-names.js';

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

const MAX_SCRIPT_CHARS = 1 << 20;
const MAX_DEPTH = 24;
const MAX_COMMANDS = 20_000;
const MAX_TOKENS = 2_000_000;
/** Inline scripts (`bash -c`, `eval`) are parsed again; this bounds the total re-parsed text. */
const MAX_INLINE_CHARS = 4 << 20;
/** `${{ … }}` and `(( … ))` are short in practice; the bound keeps unclosed ones from going quadratic. */
const MAX_EXPRESSION_CHARS = 4096;
/** `find -exec find -exec …` nests; real scripts use one level. */
const MAX_EXEC_LEVELS = 3;

interface Word {
  value: string;
  raw: string;
  start: number;
  end: number;
  quoted: boolean;
}

type Op = ';' | '&&' | '||' | '|' | '|&' | '&' | '\n' | '(' | ')' | ';;' | ';&' | ';;&';
type Token =
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
interface Heredoc {
  delimiter: string;
  stripTabs: boolean;
  feedsShell?: boolean;
  body?: { text: string; start: number };
}

/** State shared by every parser working on one script (nested ones included). */
interface Shared {
  commands: SimpleCommand[];
  lineStarts: number[];
  tokens: number;
  inlineChars: number;
  halted: boolean;
}

/** Maps parser offsets to script positions: shifted by `base`, or pinned (inline scripts). */
interface Origin {
  base: number;
  fixed?: { line: number; column: number } | undefined;
}

/**
 * One split per distinct script text for the whole run: a `run:` script is read by the
 * command classifier, the script tracer, a dozen rules and again for each trigger a workflow
 * is decided for. The result is frozen (shared by every caller); the cache is emptied when it
 * grows past a few thousand scripts, so it stays bounded over any number of repositories.
 */
const splits = new Map<string, SplitResult>();
const MAX_CACHED_SPLITS = 1024;

export function splitCommands(script: string): SplitResult {
  const key = typeof script === 'string' ? script : '';
  const hit = splits.get(key);
  if (hit) return hit;
  const result = splitUncached(key);
  for (const c of result.commands) {
    Object.freeze(c.argv);
    Object.freeze(c.raw);
    Object.freeze(c);
  }
  Object.freeze(result.commands);
  Object.freeze(result);
  if (splits.size >= MAX_CACHED_SPLITS) splits.clear();
  splits.set(key, result);
  return result;
}

function splitUncached(script: string): SplitResult {
  let text = typeof script === 'string' ? script : '';
  let cut = false;
  if (text.length > MAX_SCRIPT_CHARS) {
    const lastLine = text.lastIndexOf('\n', MAX_SCRIPT_CHARS);
    text = text.slice(0, lastLine > 0 ? lastLine : MAX_SCRIPT_CHARS);
    cut = true;
  }
  const shared: Shared = {
    commands: [],
    lineStarts: lineStarts(text),
    tokens: MAX_TOKENS,
    inlineChars: MAX_INLINE_CHARS,
    halted: false,
  };
  try {
    new Parser(text, { base: 0 }, shared, 0).run();
  } catch {
    // The limits above should make this unreachable (e.g. stack overflow); callers rely on no throw.
    shared.halted = true;
  }
  const commands = shared.commands.sort((a, b) => a.line - b.line || a.column - b.column);
  return { commands, truncated: cut || shared.halted };
}

// ---------------------------------------------------------------------------------------------
// Grammar state of one command list: which words form a simple command, and which are keywords.

const OPERATORS: readonly Op[] = [';;&', '&&', '||', '|&', ';;', ';&', ';', '&', '|', '(', ')'];
const REDIRECTION = /\d*(?:&>>|&>|>>|>&|>\||<<<|<<-|<<|<&|<>|>|<)/y;
const META = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>']);
/** Reserved words that only shape control flow: the commands around them are what runs. */
const TRANSPARENT_KEYWORDS = new Set(wordList('if then else elif fi do done while until ! { }'));

/** Words that are not commands until some terminator: `for x in …;`, `[[ … ]]`, `case x in`. */
type Skip = 'none' | 'for-header' | 'test' | 'function-name' | 'case-header';
const KEYWORD_SKIPS = new Map<string, Skip>([
  ['for', 'for-header'],
  ['select', 'for-header'],
  ['case', 'case-header'],
  ['function', 'function-name'],
  ['[[', 'test'],
]);

/** `for x in a b;` ends at `;` or a newline, `[[ … ]]` at a newline; `case x in` only at `in`. */
function skipEndsAt(skip: Skip, op: Op): boolean {
  return (skip === 'for-header' && op === ';') || (op === '\n' && skip !== 'case-header');
}

class ListState {
  private words: Word[] = [];
  private skip: Skip = 'none';
  /** One entry per open `case`: reading patterns (`a|b)`) or the commands of a clause. */
  private readonly cases: ('pattern' | 'body')[] = [];
  private parens = 0;
  private swallowClose = false;

  private heredocs: Heredoc[] = [];
  private stdin: 'file' | 'string' | undefined;

  constructor(
    private readonly emit: (
      words: Word[],
      heredocs: readonly Heredoc[],
      stdin: 'file' | 'string' | undefined,
    ) => void,
  ) {}

  flush(): void {
    if (this.words.length > 0) this.emit(this.words, this.heredocs, this.stdin);
    this.words = [];
    this.heredocs = [];
    this.stdin = undefined;
  }

  /** `< file` or `<<< text` on the command being read. */
  redirectStdin(from: 'file' | 'string'): void {
    this.stdin = from;
  }

  /** A here-document redirection of the command being read. */
  heredoc(h: Heredoc): void {
    this.heredocs.push(h);
  }

  word(w: Word): void {
    if (this.cases.at(-1) === 'pattern') {
      if (!w.quoted && w.raw === 'esac') this.cases.pop();
      return;
    }
    if (this.skipWord(w)) return;
    if (this.words.length === 0 && !w.quoted && this.keyword(w.raw)) return;
    this.words.push(w);
  }

  /** Handles an operator; returns true when it closes the enclosing `$( … )`. */
  op(op: Op, inSubstitution: boolean): boolean {
    if (this.cases.at(-1) === 'pattern') {
      if (op === ')') this.cases[this.cases.length - 1] = 'body';
      return false;
    }
    if (this.skip === 'function-name') this.skip = 'none';
    if (this.skip !== 'none') {
      if (skipEndsAt(this.skip, op)) this.skip = 'none';
      return false;
    }
    switch (op) {
      case '(':
        // `name ( )` defines a function: `name` is not run here.
        if (this.words.length > 0) {
          this.words = [];
          this.swallowClose = true;
        } else this.parens++;
        return false;
      case ')':
        if (this.swallowClose) {
          this.swallowClose = false;
          return false;
        }
        this.flush();
        if (this.parens === 0) return inSubstitution;
        this.parens--;
        return false;
      case ';;':
      case ';&':
      case ';;&':
        this.flush();
        if (this.cases.length > 0) this.cases[this.cases.length - 1] = 'pattern';
        return false;
      case ';':
      case '\n':
      case '&':
      case '&&':
      case '|':
      case '|&':
      case '||':
        this.flush();
        return false;
    }
  }

  private skipWord(w: Word): boolean {
    switch (this.skip) {
      case 'none':
        return false;
      case 'function-name':
        this.skip = 'none';
        return true;
      case 'test':
        if (w.raw === ']]') this.skip = 'none';
        return true;
      case 'for-header':
        if (w.raw === 'do') this.skip = 'none';
        return true;
      case 'case-header':
        if (w.raw === 'in') {
          this.skip = 'none';
          this.cases.push('pattern');
        }
        return true;
    }
  }

  private keyword(word: string): boolean {
    if (TRANSPARENT_KEYWORDS.has(word) || word.startsWith('((')) return true;
    if (word === 'esac') {
      this.cases.pop();
      return true;
    }
    const skip = KEYWORD_SKIPS.get(word);
    if (skip === undefined) return false;
    this.skip = skip;
    return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Lexer and parser over one piece of source text.

const EOF: Token = { type: 'eof' };
const REDIR: Token = { type: 'redir' };

class Parser {
  private pos = 0;
  private nesting = 0;
  private heredocs: Heredoc[] = [];
  /** Memo of `find`: queries move forward, so each needle is searched for once per occurrence. */
  private readonly found = new Map<string, { from: number; at: number }>();

  constructor(
    private readonly src: string,
    private readonly origin: Origin,
    private readonly shared: Shared,
    private readonly depth: number,
  ) {}

  run(): void {
    this.parseList(false);
  }

  private parseList(inSubstitution: boolean): void {
    const list = new ListState((words, heredocs, stdin) =>
      this.emitWithHeredocs(words, heredocs, stdin),
    );
    for (;;) {
      const token = this.next();
      if (token.type === 'eof') break;
      if (token.type === 'word') list.word(token.word);
      else if (token.type === 'redir' && token.heredoc) list.heredoc(token.heredoc);
      else if (token.type === 'redir' && token.stdin) list.redirectStdin(token.stdin);
      else if (token.type === 'op' && list.op(token.op, inSubstitution)) return;
    }
    list.flush();
  }

  private halt(): void {
    this.shared.halted = true;
  }

  private next(): Token {
    for (;;) {
      if (this.shared.halted || --this.shared.tokens < 0) {
        this.halt();
        return EOF;
      }
      this.skipBlanks();
      const c = this.src[this.pos];
      if (c === undefined) return EOF;
      if (c === '#') {
        const end = this.src.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.src.length : end;
        continue;
      }
      if (c === '\n') {
        this.pos++;
        this.skipHeredocBodies();
        return { type: 'op', op: '\n' };
      }
      if ((c === '<' || c === '>') && this.src[this.pos + 1] === '(') return this.wordToken();
      const redirection = this.redirection();
      if (redirection) return redirection;
      const arithmetic = this.arithmeticCommand();
      if (arithmetic) return arithmetic;
      const op = OPERATORS.find((o) => this.src.startsWith(o, this.pos));
      if (op !== undefined) {
        this.pos += op.length;
        return { type: 'op', op };
      }
      return this.wordToken();
    }
  }

  /**
   * `(( i++ ))` is one opaque word, told from nested subshells (`((cd a; make) || true)`) by
   * a `))` later on the same line.
   */
  private arithmeticCommand(): Token | undefined {
    const start = this.pos;
    if (!this.src.startsWith('((', start)) return undefined;
    const close = this.find('))', start + 2);
    const newline = this.find('\n', start);
    if (close < 0 || close - start > MAX_EXPRESSION_CHARS || (newline >= 0 && newline < close))
      return undefined;
    this.pos = close + 2;
    const text = this.src.slice(start, this.pos);
    return { type: 'word', word: { value: text, raw: text, start, end: this.pos, quoted: false } };
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '\\' && this.src.startsWith('\r\n', this.pos + 1)) this.pos += 3;
      else return;
    }
  }

  private wordToken(): Token {
    const start = this.pos;
    const word = this.lexWord();
    if (this.pos === start) this.pos++; // cannot happen for a non-operator character; guarantees progress
    return { type: 'word', word };
  }

  /** Consumes a redirection operator and its target word (dropped from argv). */
  private redirection(): Token | undefined {
    REDIRECTION.lastIndex = this.pos;
    const match = REDIRECTION.exec(this.src);
    if (!match) return undefined;
    this.pos += match[0].length;
    const op = match[0].replace(/^\d+/, '');
    while (this.src[this.pos] === ' ' || this.src[this.pos] === '\t') this.pos++;
    const c = this.src[this.pos];
    const startsWord =
      c !== undefined &&
      (!META.has(c) || ((c === '<' || c === '>') && this.src[this.pos + 1] === '('));
    if (!startsWord) return REDIR;
    const target = this.lexWord();
    if (op === '<' || op === '<>') return { type: 'redir', stdin: 'file' };
    if (op === '<<<') return { type: 'redir', stdin: 'string' };
    if (op !== '<<' && op !== '<<-') return REDIR;
    const heredoc: Heredoc = { delimiter: target.value, stripTabs: op === '<<-' };
    this.heredocs.push(heredoc);
    return { type: 'redir', heredoc };
  }

  /** After a newline, skips the bodies of the here-documents opened on that line: they are data. */
  private skipHeredocBodies(): void {
    for (const heredoc of this.heredocs) {
      const start = this.pos;
      let bodyEnd = this.src.length;
      while (this.pos < this.src.length) {
        const lineStart = this.pos;
        const end = this.src.indexOf('\n', this.pos);
        let line = this.src.slice(this.pos, end < 0 ? this.src.length : end).replace(/\r$/, '');
        this.pos = end < 0 ? this.src.length : end + 1;
        if (heredoc.stripTabs) line = line.replace(/^\t+/, '');
        if (line === heredoc.delimiter) {
          bodyEnd = lineStart;
          break;
        }
      }
      heredoc.body = { text: this.src.slice(start, bodyEnd), start };
      if (heredoc.feedsShell) this.parseHeredoc(heredoc);
    }
    this.heredocs = [];
  }

  /** Parses the body of a here-document fed to a shell as the shell's commands. */
  private parseHeredoc(heredoc: Heredoc): void {
    const body = heredoc.body;
    if (!body) return;
    this.shared.inlineChars -= body.text.length;
    if (this.shared.inlineChars < 0) this.halt();
    else
      this.subParse(body.text, {
        base: this.origin.base + body.start,
        fixed: this.origin.fixed,
      });
  }

  private emitWithHeredocs(
    words: Word[],
    heredocs: readonly Heredoc[],
    stdin: 'file' | 'string' | undefined,
  ): void {
    const at = this.shared.commands.length;
    this.emit(words);
    const emitted = this.shared.commands[at];
    if (emitted && (heredocs.length > 0 || stdin))
      emitted.stdin = heredocs.length > 0 ? 'heredoc' : stdin;
    if (heredocs.length === 0 || !readsScriptFromStdin(words)) return;
    // The last here-document on stdin wins, as in the shell.
    const fed = heredocs[heredocs.length - 1];
    if (!fed) return;
    fed.feedsShell = true;
    if (fed.body) this.parseHeredoc(fed);
  }

  private lexWord(): Word {
    const start = this.pos;
    let value = '';
    let quoted = false;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || this.shared.halted) break;
      if (this.pos === start && (c === '<' || c === '>') && this.src[this.pos + 1] === '(') {
        value += this.commandSubstitution();
      } else if (META.has(c)) {
        // `arr=(a b)` and extglobs like `@(a|b)` keep their parentheses inside the word.
        if (c !== '(' || this.pos === start || !'=@!+*?'.includes(this.src.charAt(this.pos - 1)))
          break;
        const from = this.pos;
        this.skipBalanced('(', ')');
        value += this.src.slice(from, this.pos);
      } else if (c === '\\') {
        const escaped = this.escape();
        quoted ||= escaped !== '';
        value += escaped;
      } else if (c === "'") {
        quoted = true;
        value += this.singleQuoted();
      } else if (c === '"') {
        quoted = true;
        value += this.doubleQuoted();
      } else if (c === '`') {
        value += this.backticks();
      } else if (c === '$') {
        const next = this.src[this.pos + 1];
        quoted ||= next === "'" || next === '"';
        value += this.dollar(false);
      } else {
        value += c;
        this.pos++;
      }
    }
    return { value, raw: this.src.slice(start, this.pos), start, end: this.pos, quoted };
  }

  private escape(): string {
    const next = this.src[this.pos + 1];
    if (next === '\n') {
      this.pos += 2;
      return '';
    }
    if (next === '\r' && this.src[this.pos + 2] === '\n') {
      this.pos += 3;
      return '';
    }
    this.pos += next === undefined ? 1 : 2;
    return next ?? '';
  }

  private singleQuoted(): string {
    let out = '';
    let i = this.pos + 1;
    while (i < this.src.length) {
      const c = this.src.charAt(i);
      // A GitHub expression is substituted before the shell runs, so its quotes are not shell quotes.
      const exprEnd = c === '$' ? this.expressionEnd(i) : -1;
      if (exprEnd > 0) {
        out += this.src.slice(i, exprEnd);
        i = exprEnd;
        continue;
      }
      if (c === "'") break;
      out += c;
      i++;
    }
    this.pos = Math.min(i + 1, this.src.length);
    return out;
  }

  private doubleQuoted(): string {
    let out = '';
    this.pos++;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) return out;
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === '\\') {
        const next = this.src.charAt(this.pos + 1);
        if (next === '\n') this.pos += 2;
        else if (next !== '' && '$`"\\'.includes(next)) {
          out += next;
          this.pos += 2;
        } else {
          out += c;
          this.pos++;
        }
      } else if (c === '$') out += this.dollar(true);
      else if (c === '`') out += this.backticks();
      else {
        out += c;
        this.pos++;
      }
    }
  }

  /** `$…` forms; returns their text (substitutions stay verbatim in argv). */
  private dollar(inDoubleQuotes: boolean): string {
    const start = this.pos;
    const next = this.src[this.pos + 1];
    const exprEnd = this.expressionEnd(start);
    if (exprEnd > 0) {
      this.pos = exprEnd;
    } else if (this.src.startsWith('$((', start)) {
      this.pos++;
      this.skipBalanced('(', ')');
    } else if (next === '(') {
      return this.commandSubstitution();
    } else if (next === '{') {
      this.pos++;
      this.skipBalanced('{', '}');
    } else if (next === "'" && !inDoubleQuotes) {
      return this.ansiQuoted();
    } else if (next === '"' && !inDoubleQuotes) {
      this.pos++; // `$"…"`: a translatable string, otherwise a plain double-quoted one
      return '';
    } else {
      this.pos++;
    }
    return this.src.slice(start, this.pos);
  }

  /**
   * End offset of the `${{ … }}` starting at `i`, or -1 when there is none. It ends at the
   * first `}}`: a `}}` inside an expression string literal is not worth a real parser.
   */
  private expressionEnd(i: number): number {
    if (!this.src.startsWith('${{', i)) return -1;
    const close = this.find('}}', i + 3);
    return close >= 0 && close + 2 - i <= MAX_EXPRESSION_CHARS ? close + 2 : -1;
  }

  /** `indexOf` memoised per needle, so a script full of unclosed `${{` or `((` stays linear. */
  private find(needle: string, from: number): number {
    const memo = this.found.get(needle);
    if (memo && memo.from <= from && (memo.at < 0 || memo.at >= from)) return memo.at;
    const at = this.src.indexOf(needle, from);
    this.found.set(needle, { from, at });
    return at;
  }

  private ansiQuoted(): string {
    let out = '';
    this.pos += 2;
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) return out;
      this.pos++;
      if (c === "'") return out;
      if (c !== '\\') out += c;
      else {
        const next = this.src.charAt(this.pos);
        this.pos++;
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      }
    }
  }

  /** Skips a balanced `open … close` group (quotes respected); stops at the end of text. */
  private skipBalanced(open: string, close: string): void {
    let depth = 0;
    while (this.pos < this.src.length) {
      const c = this.src.charAt(this.pos);
      if (c === '\\') this.pos += 2;
      else if (c === "'" || c === '"') {
        const end = this.src.indexOf(c, this.pos + 1);
        this.pos = end < 0 ? this.src.length : end + 1;
      } else {
        this.pos++;
        if (c === open) depth++;
        else if (c === close && --depth <= 0) return;
      }
    }
  }

  /** `$( … )` or `<( … )`: its commands run, so they are parsed in place and emitted. */
  private commandSubstitution(): string {
    const start = this.pos;
    this.pos += 2;
    if (this.depth + this.nesting >= MAX_DEPTH) this.halt();
    else {
      this.nesting++;
      this.parseList(true);
      this.nesting--;
    }
    return this.src.slice(start, this.pos);
  }

  private backticks(): string {
    const start = this.pos;
    let i = start + 1;
    while (i < this.src.length && this.src[i] !== '`') i += this.src[i] === '\\' ? 2 : 1;
    const end = Math.min(i, this.src.length);
    this.pos = Math.min(end + 1, this.src.length);
    this.subParse(this.src.slice(start + 1, end), {
      base: this.origin.base + start + 1,
      fixed: this.origin.fixed,
    });
    return this.src.slice(start, this.pos);
  }

  private subParse(script: string, origin: Origin): void {
    const depth = this.depth + this.nesting + 1;
    if (depth > MAX_DEPTH) this.halt();
    else new Parser(script, origin, this.shared, depth).run();
  }

  private emit(words: Word[], execLevel = 0): void {
    const resolved = resolve(words);
    if (resolved.kind === 'none') return;
    if (resolved.kind === 'inline') {
      this.shared.inlineChars -= resolved.script.length;
      if (this.shared.inlineChars < 0) this.halt();
      else this.subParse(resolved.script, { base: 0, fixed: this.position(resolved.at.start) });
      return;
    }
    const real = words.slice(resolved.start);
    this.push(real, words);
    if (execLevel < MAX_EXEC_LEVELS)
      for (const inner of execCommands(real)) this.emit(inner, execLevel + 1);
  }

  private push(real: Word[], all: Word[]): void {
    const head = real[0];
    const first = all[0];
    const last = all.at(-1);
    if (!head || !first || !last) return;
    if (this.shared.commands.length >= MAX_COMMANDS) {
      this.halt();
      return;
    }
    this.shared.commands.push({
      argv: real.map((w) => w.value),
      raw: real.map((w) => w.raw),
      ...this.position(head.start),
      text: this.src.slice(first.start, last.end),
    });
  }

  private position(offset: number): { line: number; column: number } {
    if (this.origin.fixed) return this.origin.fixed;
    const at = this.origin.base + offset;
    const starts = this.shared.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] ?? 0) + 1 };
  }
}

// ---------------------------------------------------------------------------------------------
// Launcher prefixes and inline scripts: finding the command that really runs.

interface PrefixSpec {
  readonly valueFlags: readonly string[];
  /** Positional operands before the command (`timeout 5m cmd`). */
  readonly operands?: number;
  /** Flags that turn the prefix into a lookup (`command -v npm` runs nothing). */
  readonly lookupFlags?: readonly string[];
}

const PREFIXES = new Map<string, PrefixSpec>([
  [
    'sudo',
    prefix(
      '-u -g -C -D -p -r -t -T -U --user --group --close-from --chdir --prompt --role --type --command-timeout --other-user --host',
    ),
  ],
  ['doas', prefix('-u -C')],
  ['env', prefix('-u -C -S --unset --chdir --split-string')],
  ['time', prefix('-o -f --output --format')],
  ['nohup', prefix('')],
  ['exec', prefix('-a')],
  ['command', prefix('', { lookupFlags: ['-v', '-V'] })],
  ['builtin', prefix('')],
  ['nice', prefix('-n --adjustment')],
  ['timeout', prefix('-s -k --signal --kill-after', { operands: 1 })],
  ['stdbuf', prefix('-i -o -e')],
  [
    'xargs',
    prefix(
      '-I -L -n -P -s -d -E -a --arg-file --delimiter --max-args --max-procs --max-chars --max-lines --eof --process-slot-var',
    ),
  ],
]);

function prefix(valueFlags: string, extra: Omit<PrefixSpec, 'valueFlags'> = {}): PrefixSpec {
  return { valueFlags: wordList(valueFlags), ...extra };
}

function wordList(list: string): string[] {
  return list.split(' ').filter(Boolean);
}

const WINDOWS_COMMAND_FLAGS = new Set(wordList('-c -command -commandwithargs -cwa /c /k'));
const WINDOWS_VALUE_FLAGS = new Set(
  wordList(
    '-executionpolicy -ep -workingdirectory -wd -outputformat -of -inputformat -if -configurationname -settingsfile -windowstyle -w',
  ),
);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;

type Resolution =
  | { kind: 'none' }
  | { kind: 'plain'; start: number }
  | { kind: 'inline'; script: string; at: Word };

function resolve(words: readonly Word[]): Resolution {
  let i = 0;
  for (;;) {
    while (words[i] !== undefined && ASSIGNMENT.test(words[i]?.raw ?? '')) i++;
    const head = words[i];
    if (!head) return { kind: 'none' };
    const name = basename(head.value);
    const spec = PREFIXES.get(name);
    if (spec) {
      const next = skipPrefix(words, i + 1, spec);
      if (next === undefined) return { kind: 'plain', start: i };
      i = next;
      continue;
    }
    const script = inlineScript(words, i, name);
    return script === undefined
      ? { kind: 'plain', start: i }
      : { kind: 'inline', script, at: head };
  }
}

/** Index of the first word after a prefix's options and operands; undefined for lookups. */
function skipPrefix(words: readonly Word[], from: number, spec: PrefixSpec): number | undefined {
  let i = from;
  for (let w = words[i]?.value; w !== undefined; w = words[i]?.value) {
    if (spec.lookupFlags?.includes(w)) return undefined;
    if (w === '--') return i + 1 + (spec.operands ?? 0);
    if (w === '-') i++;
    else if (w.startsWith('-')) i += takesValue(w, spec.valueFlags) ? 2 : 1;
    else break;
  }
  return i + (spec.operands ?? 0);
}

/** True when flag word `w` consumes the next word (`-u user`, `-Eu user`, `--user user`). */
function takesValue(w: string, valueFlags: readonly string[]): boolean {
  if (w.startsWith('--')) return valueFlags.includes(w);
  for (let k = 1; k < w.length; k++) {
    if (valueFlags.includes(`-${w.charAt(k)}`)) return k === w.length - 1;
  }
  return false;
}

/** The script run by `bash -c '…'`, `pwsh -Command …`, `eval …` or `su -c '…'`, if any. */
function inlineScript(words: readonly Word[], at: number, name: string): string | undefined {
  const rest = words.slice(at + 1).map((w) => w.value);
  if (name === 'eval') return rest.length > 0 ? rest.join(' ') : undefined;
  if (POSIX_SHELLS.has(name)) return posixShellScript(rest);
  if (WINDOWS_SHELLS.has(name)) return windowsShellScript(rest);
  if (name === 'su') {
    const flag = rest.findIndex((w) => w === '-c' || w === '--command');
    return flag < 0 ? undefined : rest[flag + 1];
  }
  return undefined;
}

/** `bash`, `sudo -E sh -s -- a b`, `bash -e`: a POSIX shell with no script operand reads stdin. */
function readsScriptFromStdin(words: readonly Word[]): boolean {
  const resolved = resolve(words);
  if (resolved.kind !== 'plain') return false;
  const head = words[resolved.start];
  if (!head || !POSIX_SHELLS.has(basename(head.value))) return false;
  for (let i = resolved.start + 1; i < words.length; i++) {
    const w = words[i]?.value ?? '';
    if (w === '-') return true;
    if (w === '--') return i + 1 >= words.length;
    if (/^-[A-Za-z]*s[A-Za-z]*$/.test(w)) return true;
    if (/^[-+][oO]$/.test(w) || w === '--rcfile' || w === '--init-file') i++;
    else if (!/^[-+]/.test(w)) return false; // a script file: the here-document is its stdin
  }
  return true;
}

function posixShellScript(args: readonly string[]): string | undefined {
  let hasCommand = false;
  let i = 0;
  for (let w = args[i]; w !== undefined && /^[-+]./.test(w); w = args[++i]) {
    if (w === '--') {
      i++;
      break;
    }
    if (/^[-+][oO]$/.test(w) || w === '--rcfile' || w === '--init-file') i++;
    else if (/^-[A-Za-z]*c[A-Za-z]*$/.test(w)) hasCommand = true;
  }
  return hasCommand ? args[i] : undefined;
}

function windowsShellScript(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const w = (args[i] ?? '').toLowerCase();
    if (WINDOWS_COMMAND_FLAGS.has(w)) return args.slice(i + 1).join(' ') || undefined;
    if (WINDOWS_VALUE_FLAGS.has(w)) i++;
    else if (!w.startsWith('-') && !w.startsWith('/')) return undefined;
  }
  return undefined;
}

/** `find … -exec cmd {} ;` runs `cmd`: each -exec segment is a command of its own. */
function execCommands(words: readonly Word[]): Word[][] {
  if (basename(words[0]?.value ?? '') !== 'find') return [];
  const out: Word[][] = [];
  for (let i = 1; i < words.length; i++) {
    if (!/^-(?:exec|execdir|ok|okdir)$/.test(words[i]?.value ?? '')) continue;
    const end = words.findIndex((w, k) => k > i && (w.value === ';' || w.value === '+'));
    out.push(words.slice(i + 1, end < 0 ? words.length : end));
    i = end < 0 ? words.length : end;
  }
  return out;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
