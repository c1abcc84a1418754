/**
 * Grammar state of one command list: which words form a simple command, and which are
 * keywords (`if`, `for x in …`, `case … esac`, `[[ … ]]`) that only shape control flow.
 */
import { wordList } from './launchers.js';
import { OutputWrites, type WriteSink } from './output-writes.js';
import type { Heredoc, Op, SimpleCommand, Word } from './types.js';

/** Reserved words that only shape control flow: the commands around them are what runs. */
const TRANSPARENT_KEYWORDS = new Set(wordList('if then else elif fi do done while until ! { }'));

/** Keywords that open and close compound commands (a redirection after the closer covers it all). */
const OPENERS = new Set(wordList('{ if while until for select case'));
const CLOSERS = new Set(wordList('} fi done esac'));

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

export class ListState {
  private words: Word[] = [];
  private skip: Skip = 'none';
  /** One entry per open `case`: reading patterns (`a|b)`) or the commands of a clause. */
  private readonly cases: ('pattern' | 'body')[] = [];
  private parens = 0;
  private swallowClose = false;

  private heredocs: Heredoc[] = [];
  private stdin: 'file' | 'string' | undefined;
  private readonly writes: OutputWrites;

  /** `emit` returns the commands the words ran; `write` receives each output write. */
  constructor(
    private readonly emit: (
      words: Word[],
      heredocs: readonly Heredoc[],
      stdin: 'file' | 'string' | undefined,
    ) => readonly SimpleCommand[],
    write: WriteSink,
  ) {
    this.writes = new OutputWrites(write);
  }

  flush(): void {
    const emitted = this.words.length > 0 ? this.emit(this.words, this.heredocs, this.stdin) : [];
    this.writes.command(this.words, emitted);
    this.words = [];
    this.heredocs = [];
    this.stdin = undefined;
  }

  /** `< file` or `<<< text` on the command being read. */
  redirectStdin(from: 'file' | 'string'): void {
    this.stdin = from;
  }

  /** `> f`, `>> f`, `&> f`, `>| f` on the command being read (or after a compound's closer). */
  redirectOutput(target: Word): void {
    if (this.cases.at(-1) === 'pattern') return;
    this.writes.redirect(target, this.words.length > 0);
  }

  /** A here-document redirection of the command being read. */
  heredoc(h: Heredoc): void {
    this.heredocs.push(h);
  }

  word(w: Word): void {
    if (this.cases.at(-1) === 'pattern') {
      if (!w.quoted && w.raw === 'esac') {
        this.cases.pop();
        this.writes.close();
      }
      return;
    }
    if (this.skipWord(w)) return;
    if (this.words.length === 0 && !w.quoted && this.keyword(w.raw)) return;
    this.writes.word();
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
        } else {
          this.parens++;
          this.writes.open();
        }
        return false;
      case ')':
        if (this.swallowClose) {
          this.swallowClose = false;
          return false;
        }
        this.flush();
        if (this.parens === 0) return inSubstitution;
        this.parens--;
        this.writes.close();
        return false;
      case ';;':
      case ';&':
      case ';;&':
        this.flush();
        this.writes.separate();
        if (this.cases.length > 0) this.cases[this.cases.length - 1] = 'pattern';
        return false;
      case '|':
      case '|&':
        this.flush();
        this.writes.pipeTo();
        return false;
      case ';':
      case '\n':
      case '&':
      case '&&':
      case '||':
        this.flush();
        this.writes.separate();
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
    if (OPENERS.has(word)) this.writes.open();
    else if (CLOSERS.has(word)) this.writes.close();
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
