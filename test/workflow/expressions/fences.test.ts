/**
 * The one place that finds GitHub expressions in text and the one grammar that parses them:
 * fences, whole-value expressions, `if:` bodies, and the syntax tree (with the cautious
 * `undefined` for text that does not parse).
 */
import { describe, expect, it } from 'vitest';
import {
  conditionExpression,
  findExpressions,
  hasExpression,
  wholeExpression,
} from '../../../src/engine/workflow/expressions/fences.js';
import { contextName, parseExpression } from '../../../src/engine/workflow/expressions/grammar.js';
import { evaluateExpression } from '../../../src/engine/workflow/expressions/evaluate.js';
import { UNKNOWN, truthOf } from '../../../src/engine/workflow/expressions/values.js';

describe('fences', () => {
  it('finds each ${{ }} with the offset of its $', () => {
    expect(findExpressions('a ${{ x }} b ${{y}}')).toEqual([
      { body: ' x ', offset: 2 },
      { body: 'y', offset: 13 },
    ]);
    expect(findExpressions('$x ${ y } {{ z }}')).toEqual([]);
  });

  it('tells a value decided at run time from a literal', () => {
    expect(hasExpression('v-${{ matrix.v }}')).toBe(true);
    expect(hasExpression('${HOME}')).toBe(false);
    expect(hasExpression(undefined)).toBe(false);
  });

  it('reads a whole-value expression, not a template', () => {
    expect(wholeExpression('  ${{ github.ref }} ')).toBe(' github.ref ');
    expect(wholeExpression('ref-${{ github.ref }}')).toBeUndefined();
  });

  it('reads an if: with or without fences; a template is no expression', () => {
    expect(conditionExpression("${{ github.event_name == 'push' }}")).toBe(
      " github.event_name == 'push' ",
    );
    expect(conditionExpression('success()')).toBe('success()');
    expect(conditionExpression('${{ a }} && ${{ b }}')).toBeUndefined();
  });
});

describe('grammar', () => {
  it('parses contexts with lower-cased segments and literal indexes folded', () => {
    const tree = parseExpression("GitHub.Event['Issue'].title");
    expect(tree && contextName(tree)).toBe('github.event.issue.title');
  });

  it('refuses text that is not an expression', () => {
    expect(parseExpression('github.ref ==')).toBeUndefined();
    expect(parseExpression('"double" == x')).toBeUndefined();
    expect(parseExpression('a b')).toBeUndefined();
  });

  it('evaluates literals and leaves contexts to the resolver', () => {
    const value = (body: string) => {
      const tree = parseExpression(body);
      if (!tree) throw new Error(`no tree for ${body}`);
      return truthOf(evaluateExpression(tree, () => UNKNOWN));
    };
    expect(value("'a' == 'A' && 1 < 2")).toBe(true);
    expect(value('false && github.ref')).toBe(false);
    expect(value("github.ref == 'x'")).toBeUndefined();
    expect(value('!always()')).toBe(false);
  });
});
