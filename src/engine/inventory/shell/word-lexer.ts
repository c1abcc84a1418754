/**
 * The word lexer of the shell splitter: quotes, escapes, `$…` forms, `${{ … }}` expressions
 * and balanced groups, turning source text into words with quotes removed. Command
 * substitutions (`$( … )`, backticks) run commands, so the parser that extends this class
 * parses them in place.
 */
import type { Shared, Word } from './types.js';
import { MAX_EXPRESSION_CHARS } from './types.js';

export const META = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>']);

export abstract class WordLexer {
  protected pos = 0;
  /** Memo of `find`: queries move forward, so each needle is searched for once per occurrence. */
  private readonly found = new Map<string, { from: number; at: number }>();

  constructor(
    protected readonly src: string,
    protected readonly shared: Shared,
  ) {}

  /** `$( … )` or `<( … )`: parsed in place by the parser; returns its source text. */
  protected abstract commandSubstitution(): string;

  /** `` `…` ``: parsed by the parser; returns its source text. */
  protected abstract backticks(): string;

  protected lexWord(): Word {
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

  protected escape(): string {
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

  protected singleQuoted(): string {
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

  protected doubleQuoted(): string {
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
  protected dollar(inDoubleQuotes: boolean): string {
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
  protected expressionEnd(i: number): number {
    if (!this.src.startsWith('${{', i)) return -1;
    const close = this.find('}}', i + 3);
    return close >= 0 && close + 2 - i <= MAX_EXPRESSION_CHARS ? close + 2 : -1;
  }

  /** `indexOf` memoised per needle, so a script full of unclosed `${{` or `((` stays linear. */
  protected find(needle: string, from: number): number {
    const memo = this.found.get(needle);
    if (memo && memo.from <= from && (memo.at < 0 || memo.at >= from)) return memo.at;
    const at = this.src.indexOf(needle, from);
    this.found.set(needle, { from, at });
    return at;
  }

  protected ansiQuoted(): string {
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
  protected skipBalanced(open: string, close: string): void {
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
}
