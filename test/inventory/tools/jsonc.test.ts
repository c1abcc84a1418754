import { describe, expect, it } from 'vitest';
import { stripJsonc } from '../../../src/engine/inventory/tools/jsonc.js';

describe('stripJsonc', () => {
  it('blanks comments and trailing commas without moving anything', () => {
    const text = '{\n  // a comment\n  "a": [1, 2,], /* block\n spans */ "b": {"c": 1,},\n}';
    const { text: out, unterminatedComment } = stripJsonc(text);
    expect(out).toHaveLength(text.length);
    expect(out.split('\n').map((l) => l.length)).toEqual(text.split('\n').map((l) => l.length));
    expect(JSON.parse(out)).toEqual({ a: [1, 2], b: { c: 1 } });
    expect(unterminatedComment).toBeUndefined();
  });

  it('leaves comment markers and commas inside strings alone', () => {
    const text = '{"url": "https://x.example.com/*y*/", "s": "a\\" // not, }", "t": ",]"}';
    expect(stripJsonc(text).text).toBe(text);
  });

  it('reports where an unterminated block comment starts', () => {
    const text = '{"a": 1}\n  /* open';
    const { text: out, unterminatedComment } = stripJsonc(text);
    expect(unterminatedComment).toBe(11);
    expect(out).toBe('{"a": 1}\n         ');
  });

  it('a byte-order mark becomes a space', () => {
    expect(stripJsonc('\uFEFF{}').text).toBe(' {}');
  });
});
