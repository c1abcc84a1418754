/**
 * JSON with comments (JSONC, as VS Code, Gemini CLI and opencode read it) made plain JSON
 * without moving anything: `//` and `/* *\/` comments and trailing commas become spaces, so
 * every offset, line and column of the result is the one in the original text and locations
 * found by the YAML/JSON parser point into the file the user sees.
 */

export interface StrippedJsonc {
  readonly text: string;
  /** Offset of a `/*` that is never closed (the rest of the text was blanked), if any. */
  readonly unterminatedComment: number | undefined;
}

/** Line breaks survive blanking so that line numbers stay right. */
const blank = (ch: string): string => (ch === '\n' || ch === '\r' ? ch : ' ');

export function stripJsonc(text: string): StrippedJsonc {
  const out = text.split('');
  let unterminatedComment: number | undefined;
  let inString = false;
  let i = 0;
  while (i < out.length) {
    const ch = out[i];
    if (inString) {
      // A backslash escapes the next character, whatever it is (incl. a quote).
      if (ch === '\\') i += 2;
      else {
        if (ch === '"' || ch === '\n') inString = false;
        i++;
      }
      continue;
    }
    if (ch === '"') {
      inString = true;
      i++;
    } else if (ch === '/' && out[i + 1] === '/') {
      while (i < out.length && out[i] !== '\n' && out[i] !== '\r') out[i++] = ' ';
    } else if (ch === '/' && out[i + 1] === '*') {
      const start = i;
      out[i++] = ' ';
      out[i++] = ' ';
      while (i < out.length && !(out[i] === '*' && out[i + 1] === '/')) {
        out[i] = blank(out[i] ?? ' ');
        i++;
      }
      if (i >= out.length) unterminatedComment = start;
      else {
        out[i++] = ' ';
        out[i++] = ' ';
      }
    } else {
      i++;
    }
  }
  blankTrailingCommas(out);
  // A byte-order mark is not JSON; a space keeps the columns.
  if (out[0] === '\uFEFF') out[0] = ' ';
  return { text: out.join(''), unterminatedComment };
}

/** `[1, 2,]` / `{"a": 1,}` → the comma becomes a space (comments are already blank). */
function blankTrailingCommas(out: string[]): void {
  let inString = false;
  for (let i = 0; i < out.length; i++) {
    const ch = out[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"' || ch === '\n') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === ',') {
      let j = i + 1;
      while (j < out.length && /\s/.test(out[j] ?? '')) j++;
      if (out[j] === '}' || out[j] === ']') out[i] = ' ';
    }
  }
}
