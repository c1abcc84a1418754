/**
 * TOML strings for the minimal reader: basic `"…"` (with escapes), literal `'…'`, and their
 * multi-line forms `"""…"""` / `'''…'''`. Anything unreadable throws a `TomlError` with the
 * offset; the reader (toml.ts) turns it into a located error and never lets it escape.
 */

export class TomlError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** A backslash that ends a line in a multi-line basic string (sticky: tested at one offset). */
const LINE_END_ESCAPE = /\\[ \t]*\r?\n/y;
const ESCAPES: Readonly<Record<string, string>> = {
  b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\',
}; // prettier-ignore

/** Reads the string starting at `start` (on its opening quote); `end` is just past it. */
export function readTomlString(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  const multi = text.startsWith(quote === '"' ? '"""' : "'''", start);
  let i = start + (multi ? 3 : 1);
  // A newline right after the opening delimiter is not part of the value.
  if (multi && text[i] === '\n') i++;
  else if (multi && text.startsWith('\r\n', i)) i += 2;
  return quote === '"' ? basic(text, i, multi) : literal(text, i, multi);
}

function basic(text: string, from: number, multi: boolean): { value: string; end: number } {
  let value = '';
  let i = from;
  for (;;) {
    const ch = text[i];
    if (ch === undefined) throw new TomlError(i, 'unterminated string');
    if (!multi && (ch === '\n' || ch === '\r'))
      throw new TomlError(i, 'newline in a single-line string');
    if (ch === '"' && (!multi || text.startsWith('"""', i))) {
      if (!multi) return { value, end: i + 1 };
      let end = i + 3;
      while (text[end] === '"' && end < i + 5) end++; // `""""`: a quote in the value, then the end
      return { value: value + '"'.repeat(end - i - 3), end };
    }
    if (ch !== '\\') {
      value += ch;
      i++;
      continue;
    }
    LINE_END_ESCAPE.lastIndex = i;
    if (multi && LINE_END_ESCAPE.test(text)) {
      i++; // a line-ending backslash drops all whitespace up to the next non-blank
      while (/[ \t\r\n]/.test(text[i] ?? '')) i++;
      continue;
    }
    const next = text[i + 1] ?? '';
    const simple = ESCAPES[next];
    if (simple !== undefined) {
      value += simple;
      i += 2;
      continue;
    }
    if (next !== 'u' && next !== 'U') throw new TomlError(i, `invalid escape \\${next}`);
    const len = next === 'u' ? 4 : 8;
    const hex = text.slice(i + 2, i + 2 + len);
    const code = hex.length === len && /^[0-9A-Fa-f]+$/.test(hex) ? parseInt(hex, 16) : -1;
    if (code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      throw new TomlError(i, 'invalid unicode escape');
    value += String.fromCodePoint(code);
    i += 2 + len;
  }
}

function literal(text: string, from: number, multi: boolean): { value: string; end: number } {
  const close = multi ? "'''" : "'";
  const end = text.indexOf(close, from);
  const body = text.slice(from, end < 0 ? text.length : end);
  if (!multi && /[\r\n]/.test(body)) throw new TomlError(from, 'newline in a single-line string');
  if (end < 0) throw new TomlError(text.length, 'unterminated string');
  let extra = 0;
  while (multi && text[end + 3 + extra] === "'" && extra < 2) extra++;
  return { value: body + "'".repeat(extra), end: end + close.length + extra };
}
