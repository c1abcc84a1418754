/**
 * Where GitHub expressions are in workflow text: the `${{ … }}` fences of a value, whether a
 * value holds one at all (its content is then decided at run time), and the expression of an
 * `if:` (fenced or not). Lexical only; the body of each fence is parsed by grammar.ts.
 */

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;

/** Every `${{ … }}` expression with the offset of its `$`. */
export function findExpressions(text: string): { body: string; offset: number }[] {
  const found: { body: string; offset: number }[] = [];
  for (const match of text.matchAll(EXPRESSION)) {
    found.push({ body: match[1] ?? '', offset: match.index });
  }
  return found;
}

/** True when the text holds a `${{` (its content is decided at run time, in part or whole). */
export function hasExpression(text: string | undefined): boolean {
  return text !== undefined && text.includes('${{');
}

/**
 * The body of a value that is one expression as a whole (`${{ … }}` with only spaces around
 * it); undefined for a literal or a template. Greedy: `${{ a }}${{ b }}` yields `a }}${{ b`,
 * which no caller mistakes for a single context.
 */
export function wholeExpression(text: string): string | undefined {
  return /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text)?.[1];
}

/**
 * The expression of an `if:` (with or without `${{ }}`); undefined when it is a template
 * (text around an expression is a non-empty string, always true).
 */
export function conditionExpression(text: string): string | undefined {
  const t = text.trim();
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(t);
  if (whole) return whole[1]?.includes('${{') || whole[1]?.includes('}}') ? undefined : whole[1];
  return hasExpression(t) ? undefined : t;
}
