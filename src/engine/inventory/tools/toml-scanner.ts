/**
 * The lexical half of the minimal TOML reader (toml.ts): a cursor over the text that reads
 * keys and values — strings (toml-strings.ts), integers, floats, booleans, dates (kept as
 * text), arrays and one-line inline tables — and throws a `TomlError` carrying the
 * offset of anything it cannot read. toml.ts catches it per statement; nothing escapes.
 */

import { readTomlString, TomlError } from './toml-strings.js';

export { TomlError } from './toml-strings.js';

export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

/** Tables have no prototype, so keys such as `__proto__` are plain data. */
export const newTable = (): TomlTable => Object.create(null) as TomlTable;
export const isTable = (v: TomlValue | undefined): v is TomlTable =>
  typeof v === 'object' && !Array.isArray(v);

const MAX_DEPTH = 32;
const BARE = /[A-Za-z0-9_-]/;
const DATE =
  /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?|^\d{2}:\d{2}:\d{2}(?:\.\d+)?/;
const NUMBER =
  /^[+-]?(?:0x[0-9A-Fa-f_]+|0o[0-7_]+|0b[01_]+|inf|nan|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d[\d_]*)?)/;
export class TomlScanner {
  i = 0;
  /** Inline tables and value arrays: closed once written (no `[header]` may extend them). */
  readonly frozen = new WeakSet<object>();
  constructor(readonly text: string) {}

  fail(message: string, at = this.i): never {
    throw new TomlError(at, message);
  }
  peek(offset = 0): string | undefined {
    return this.text[this.i + offset];
  }
  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.i);
  }
  ws(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.i++;
  }
  comment(): void {
    if (this.peek() === '#') while (this.i < this.text.length && this.peek() !== '\n') this.i++;
  }
  /** Blank lines and comments (between statements and inside arrays). */
  skipBlank(): void {
    for (;;) {
      this.ws();
      this.comment();
      if (this.peek() === '\n' || this.peek() === '\r') this.i++;
      else return;
    }
  }
  endOfLine(): void {
    this.ws();
    this.comment();
    if (this.startsWith('\r\n')) this.i++;
    if (this.i < this.text.length && this.peek() !== '\n')
      this.fail('expected the end of the line');
    this.i++;
  }

  /** A dotted key, with the offset of each part. */
  key(): { parts: string[]; offsets: number[] } {
    const parts: string[] = [];
    const offsets: number[] = [];
    for (;;) {
      this.ws();
      offsets.push(this.i);
      const ch = this.peek();
      if (ch === '"' || ch === "'") {
        if (this.startsWith('"""') || this.startsWith("'''"))
          this.fail('a multi-line string cannot be a key');
        parts.push(this.string());
      } else {
        const start = this.i;
        while (BARE.test(this.peek() ?? '')) this.i++;
        if (this.i === start) this.fail('expected a key');
        parts.push(this.text.slice(start, this.i));
      }
      this.ws();
      if (this.peek() !== '.') return { parts, offsets };
      this.i++;
    }
  }

  value(depth = 0): TomlValue {
    if (depth > MAX_DEPTH) this.fail('nested too deeply');
    const ch = this.peek();
    if (ch === '"' || ch === "'") return this.string();
    if (ch === '[') return this.array(depth);
    if (ch === '{') return this.inlineTable(depth);
    const rest = this.text.slice(this.i, this.i + 80);
    const bool = /^(true|false)(?![\w-])/.exec(rest);
    if (bool) {
      this.i += (bool[1] ?? '').length;
      return bool[1] === 'true';
    }
    const date = DATE.exec(rest);
    if (date) {
      this.i += date[0].length;
      return date[0];
    }
    return this.number(rest);
  }

  private number(rest: string): number {
    const num = NUMBER.exec(rest);
    if (!num || /[\w.]/.test(rest[num[0].length] ?? '')) this.fail('expected a value');
    const raw = num[0];
    if (/(^|[^\dA-Fa-f])_|_($|[^\dA-Fa-f])|__/.test(raw))
      this.fail('misplaced underscore in a number');
    if (/^[+-]?0\d/.test(raw)) this.fail('leading zero in a number');
    this.i += raw.length;
    const clean = raw.replace(/_/g, '');
    if (clean.endsWith('inf')) return clean.startsWith('-') ? -Infinity : Infinity;
    if (clean.endsWith('nan')) return NaN;
    const radix = { x: 16, o: 8, b: 2 }[/^0([xob])/.exec(clean)?.[1] ?? ''];
    return radix === undefined ? Number(clean) : parseInt(clean.slice(2), radix);
  }

  string(): string {
    const { value, end } = readTomlString(this.text, this.i);
    this.i = end;
    return value;
  }

  private array(depth: number): TomlValue[] {
    const out: TomlValue[] = [];
    this.i++;
    for (;;) {
      this.skipBlank();
      if (this.peek() === ']') {
        this.i++;
        this.frozen.add(out);
        return out;
      }
      out.push(this.value(depth + 1));
      this.skipBlank();
      if (this.peek() === ',') this.i++;
      else if (this.peek() !== ']') this.fail('expected , or ] in an array');
    }
  }

  private inlineTable(depth: number): TomlTable {
    const out = newTable();
    this.i++;
    this.ws();
    let first = true;
    for (;;) {
      if (first && this.peek() === '}') break;
      first = false;
      const { parts, offsets } = this.key();
      if (this.peek() !== '=') this.fail('expected = in an inline table');
      this.i++;
      this.ws();
      this.assign(out, parts, offsets, this.value(depth + 1));
      this.ws();
      if (this.peek() === '}') break;
      if (this.peek() !== ',') this.fail('expected , or } in an inline table (one line only)');
      this.i++;
    }
    this.i++;
    this.frozen.add(out);
    return out;
  }

  /** Sets a dotted key under `into`; `onPart` sees each part as it is walked (positions). */
  assign(
    into: TomlTable,
    parts: readonly string[],
    offsets: readonly number[],
    v: TomlValue,
    onPart?: (n: number) => void,
  ): void {
    let node = into;
    parts.forEach((part, n) => {
      onPart?.(n);
      const existing = node[part];
      if (n === parts.length - 1) {
        if (existing !== undefined) this.fail(`duplicate key "${parts.join('.')}"`, offsets[n]);
        node[part] = v;
      } else if (existing === undefined) {
        node = node[part] = newTable();
      } else if (isTable(existing) && !this.frozen.has(existing)) {
        node = existing;
      } else this.fail(`"${part}" is already a value`, offsets[n]);
    });
  }
}
