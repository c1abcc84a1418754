/**
 * The parser of the shell splitter over one piece of source text: tokens (operators,
 * redirections, here-documents, `(( … ))`), command lists, command substitutions and inline
 * scripts parsed again, each simple command emitted with its position.
 */
import { positionAt } from '../../workflow/text-position.js';
import { execCommands, readsScriptFromStdin, resolve } from './launchers.js';
import { ListState } from './list-state.js';
import type { Heredoc, Op, Origin, Shared, SimpleCommand, Token, Word } from './types.js';
import { MAX_COMMANDS, MAX_DEPTH, MAX_EXEC_LEVELS, MAX_EXPRESSION_CHARS } from './types.js';
import { META, WordLexer } from './word-lexer.js';

const OPERATORS: readonly Op[] = [';;&', '&&', '||', '|&', ';;', ';&', ';', '&', '|', '(', ')'];
const REDIRECTION = /\d*(?:&>>|&>|>>|>&|>\||<<<|<<-|<<|<&|<>|>|<)/y;
/** Redirections that send a command's output to a file (`>&`, `<&` only duplicate descriptors). */
const OUTPUT_OPS = new Set(['>', '>>', '>|', '&>', '&>>']);
const EOF: Token = { type: 'eof' };
const REDIR: Token = { type: 'redir' };

export class Parser extends WordLexer {
  private nesting = 0;
  private heredocs: Heredoc[] = [];

  constructor(
    src: string,
    private readonly origin: Origin,
    shared: Shared,
    private readonly depth: number,
  ) {
    super(src, shared);
  }

  run(): void {
    this.parseList(false);
  }

  private parseList(inSubstitution: boolean): void {
    const list = new ListState(
      (words, heredocs, stdin) => this.emitWithHeredocs(words, heredocs, stdin),
      (target, via, writers) => {
        this.shared.outputs.push({
          via,
          target: target.raw,
          ...this.position(target.start),
          writers,
        });
      },
    );
    for (;;) {
      const token = this.next();
      if (token.type === 'eof') break;
      if (token.type === 'word') list.word(token.word);
      else if (token.type === 'redir' && token.heredoc) list.heredoc(token.heredoc);
      else if (token.type === 'redir' && token.stdin) list.redirectStdin(token.stdin);
      else if (token.type === 'redir' && token.output) list.redirectOutput(token.output);
      else if (token.type === 'op' && list.op(token.op, inSubstitution)) return;
    }
    list.flush();
  }

  protected halt(): void {
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
    if (OUTPUT_OPS.has(op)) return { type: 'redir', output: target };
    if (op !== '<<' && op !== '<<-') return REDIR;
    const heredoc: Heredoc = {
      delimiter: target.value,
      stripTabs: op === '<<-',
      quoted: target.quoted,
    };
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
  ): readonly SimpleCommand[] {
    const at = this.shared.commands.length;
    this.emit(words);
    const emitted = this.shared.commands[at];
    if (emitted && (heredocs.length > 0 || stdin))
      emitted.stdin = heredocs.length > 0 ? 'heredoc' : stdin;
    if (emitted && heredocs.length > 0) this.shared.fed.push({ command: emitted, heredocs });
    const ran = this.shared.commands.slice(at);
    if (heredocs.length === 0 || !readsScriptFromStdin(words)) return ran;
    // The last here-document on stdin wins, as in the shell.
    const fed = heredocs[heredocs.length - 1];
    if (!fed) return ran;
    fed.feedsShell = true;
    if (fed.body) this.parseHeredoc(fed);
    return ran;
  }

  /** `$( … )` or `<( … )`: its commands run, so they are parsed in place and emitted. */
  protected commandSubstitution(): string {
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

  protected backticks(): string {
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
    return positionAt(this.shared.lineStarts, this.origin.base + offset);
  }
}
