import { describe, expect, it } from 'vitest';
import { readToml, tomlKey } from '../../../src/engine/inventory/tools/toml.js';

const data = (text: string): unknown => {
  const doc = readToml(text);
  expect(doc.errors).toEqual([]);
  return JSON.parse(JSON.stringify(doc.data)) as unknown;
};
const errors = (text: string): string[] =>
  readToml(text).errors.map((e) => `${e.line}:${e.column} ${e.message}`);

describe('readToml: values', () => {
  it('reads strings: basic with escapes, literal, multi-line, line-ending backslash', () => {
    expect(
      data(
        [
          'a = "tab\\there \\"q\\" \\u00e9 \\U0001F600"',
          "b = 'C:\\path\\no-escape'",
          'c = """\nline1\nline2"""',
          "d = '''\nraw \\n'''",
          'e = """one \\\n    two"""',
          'f = """x""""',
        ].join('\n'),
      ),
    ).toEqual({
      a: 'tab\there "q" é 😀',
      b: 'C:\\path\\no-escape',
      c: 'line1\nline2',
      d: 'raw \\n',
      e: 'one two',
      f: 'x"',
    });
  });

  it('reads integers, floats, booleans and dates', () => {
    expect(data('a = 1_000\nb = -17\nc = 0xff\nd = 0o17\ne = 0b101\nf = 3.5e2\ng = true\nh = 1979-05-27T07:32:00Z\ni = +inf')).toEqual({
      a: 1000, b: -17, c: 255, d: 15, e: 5, f: 350, g: true, h: '1979-05-27T07:32:00Z', i: null, // JSON has no Infinity
    }); // prettier-ignore
  });

  it('reads arrays over lines with comments and trailing commas, and inline tables', () => {
    expect(data('a = [\n  1, # one\n  [2, "x"],\n]\nb = { x = 1, y.z = "w" }\nc = {}')).toEqual({
      a: [1, [2, 'x']],
      b: { x: 1, y: { z: 'w' } },
      c: {},
    });
  });
});

describe('readToml: tables and positions', () => {
  it('reads [a.b], [a."quoted"], dotted keys and [[arrays of tables]]', () => {
    const text =
      'top = 1\n[a.b]\nk = 1\n[a."x.y"]\n"quoted key" = 2\nd.e = 3\n[[t]]\nn = 1\n[[t]]\nn = 2\n[t.sub]\nm = 3';
    expect(data(text)).toEqual({
      top: 1,
      a: { b: { k: 1 }, 'x.y': { 'quoted key': 2, d: { e: 3 } } },
      t: [{ n: 1 }, { n: 2, sub: { m: 3 } }],
    });
    const { positions } = readToml(text);
    expect(positions.get(tomlKey(['a', 'b']))).toEqual({ line: 2, column: 1 });
    expect(positions.get(tomlKey(['a', 'x.y', 'quoted key']))).toEqual({ line: 5, column: 1 });
    expect(positions.get(tomlKey(['a', 'x.y', 'd', 'e']))).toEqual({ line: 6, column: 3 });
    expect(positions.get(tomlKey(['t', 1, 'sub', 'm']))).toEqual({ line: 12, column: 1 });
  });

  it('keeps __proto__ as plain data', () => {
    const doc = readToml('__proto__ = 1\n[constructor]\nx = 2');
    expect(doc.errors).toEqual([]);
    expect(Object.keys(doc.data)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});

describe('readToml: strict errors, located, never thrown', () => {
  it.each([
    ['a = 1\na = 2', ['2:1 duplicate key "a"']],
    ['[a]\n[a]', ['2:1 table [a] defined twice']],
    ['a = {x = 1}\n[a]', ['2:1 "a" is already a value']],
    ['a = "bad \\q"', ['1:10 invalid escape \\q']],
    ['a = "no\nend"', ['1:8 newline in a single-line string', '2:4 expected =']],
    ['a = """never closed', ['1:20 unterminated string']],
    ['a = 012', ['1:5 leading zero in a number']],
    ['a = 1__0', ['1:5 misplaced underscore in a number']],
    ['a = {x = 1,\ny = 2}', ['1:12 expected a key', '2:6 expected the end of the line']],
    ['a = [1 2]', ['1:8 expected , or ] in an array']],
    ['a = 1 b = 2', ['1:7 expected the end of the line']],
    ['= 1', ['1:1 expected a key']],
    ['a = "x"\n[b\nc = 1', ['2:3 expected ]']],
  ])('%j', (text, expected) => {
    expect(errors(text)).toEqual(expected);
  });

  it('stops after 20 errors', () => {
    const doc = readToml('=\n'.repeat(100));
    expect(doc.errors).toHaveLength(21);
    expect(doc.errors[20]?.message).toBe('too many errors; the rest was not read');
  });

  it('deep nesting is an error, not a stack overflow', () => {
    expect(errors(`a = ${'['.repeat(5000)}`)).toEqual(['1:38 nested too deeply']);
  });
});
