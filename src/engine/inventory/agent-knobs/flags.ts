/**
 * Flag tables: what each flag of an agent CLI means, applied to an argv list.
 */
import type { SourceLocation } from '../../errors.js';
import type { Arg } from './argv.js';
import type { Collector, Verdict } from './collector.js';
import { risky, safe } from './collector.js';
import type { ToolDialect } from './tools.js';
import { judgeTools, looksLikeToolList, shellGrant, splitTools } from './tools.js';
import { wholeExpression } from '../../workflow/expressions/fences.js';

export type Effect =
  /** A bare flag. */
  | { readonly kind: 'flag'; readonly verdict: Verdict }
  /** A flag whose value is one of a few words. */
  | {
      readonly kind: 'enum';
      readonly values: Readonly<Record<string, Verdict>>;
      readonly other: Verdict;
    }
  /** A flag with any value and a fixed meaning (`--test-cmd`, `--add-dir`). */
  | { readonly kind: 'value'; readonly verdict: Verdict }
  | { readonly kind: 'allow-tools'; readonly dialect: ToolDialect }
  | { readonly kind: 'deny-tools'; readonly dialect: ToolDialect }
  | { readonly kind: 'prompt' }
  | { readonly kind: 'mcp'; readonly verdict: Verdict }
  /** A flag that takes a value and changes nothing the gate cares about. */
  | { readonly kind: 'skip' }
  | {
      readonly kind: 'custom';
      readonly apply: (c: Collector, name: string, value: string, at: SourceLocation) => void;
    };

export interface FlagRule {
  /** Aliases; the first is the name settings are reported under. */
  readonly names: readonly string[];
  readonly arity: 'none' | 'one' | 'many';
  readonly effect: Effect;
}

/**
 * Applies `args` to the collector through `rules`. Unknown flags are taken as bare; the first
 * positional is the prompt when `positionalPrompt` names it. Returns the canonical names seen.
 */
export function applyArgs(
  c: Collector,
  args: readonly Arg[],
  rules: readonly FlagRule[],
  positionalPrompt: string | undefined,
): Set<string> {
  const seen = new Set<string>();
  let prompted = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.value.startsWith('--') ? arg.value.indexOf('=') : -1;
    const flag = eq > 0 ? arg.value.slice(0, eq) : arg.value;
    const rule = arg.value.startsWith('-') ? rules.find((r) => r.names.includes(flag)) : undefined;
    if (!rule) {
      if (isExpressionWord(arg.value)) {
        c.add(
          arg.value,
          arg.value,
          risky('arguments from an expression cannot be checked statically'),
          arg.at,
        );
      } else if (!arg.value.startsWith('-') && positionalPrompt && !prompted) {
        c.promptInputs.push({ input: positionalPrompt, value: arg.value, at: arg.at });
        prompted = true;
      }
      continue;
    }
    const name = rule.names[0]!;
    seen.add(name);
    if (rule.arity === 'none') {
      apply(c, rule, name, 'present', arg.at);
      continue;
    }
    const values: string[] = [];
    if (eq > 0) values.push(arg.value.slice(eq + 1));
    else if (args[i + 1] !== undefined) values.push(args[++i]!.value);
    if (rule.arity === 'many' && eq < 0) {
      while (args[i + 1] !== undefined && acceptsMore(rule, args[i + 1]!.value))
        values.push(args[++i]!.value);
    }
    for (const value of values.length > 0 ? values : ['']) apply(c, rule, name, value, arg.at);
  }
  return seen;
}

const isExpressionWord = (v: string): boolean => wholeExpression(v) !== undefined;

function acceptsMore(rule: FlagRule, next: string): boolean {
  if (next.startsWith('-') || isExpressionWord(next)) return false;
  const kind = rule.effect.kind;
  if (kind === 'allow-tools' || kind === 'deny-tools') return looksLikeToolList(next);
  return !/\s/.test(next);
}

function apply(
  c: Collector,
  rule: FlagRule,
  name: string,
  value: string,
  at: SourceLocation,
): void {
  const effect = rule.effect;
  switch (effect.kind) {
    case 'flag':
      c.add(name, value, effect.verdict, at);
      return;
    case 'enum':
      c.add(name, value, effect.values[value] ?? effect.other, at);
      return;
    case 'value':
      c.add(name, value, effect.verdict, at);
      return;
    case 'allow-tools': {
      const judged = judgeTools(splitTools(value), effect.dialect);
      c.add(name, value, judged, at);
      return;
    }
    case 'deny-tools': {
      const tools = splitTools(value);
      const deniesShell = tools.some((t) => shellGrant(t, effect.dialect) === 'unrestricted');
      if (deniesShell) c.denyShell();
      c.add(
        name,
        value,
        safe(
          deniesShell ? 'denies the shell tool outright' : 'deny list: removes the listed tools',
        ),
        at,
      );
      return;
    }
    case 'prompt':
      c.promptInputs.push({ input: name, value, at });
      return;
    case 'mcp':
      c.mcpConfig.push({ source: name, value, at });
      c.add(name, value, effect.verdict, at);
      return;
    case 'skip':
      return;
    case 'custom':
      effect.apply(c, name, value, at);
      return;
  }
}

/** Value-taking flags that change nothing the gate cares about. */
export const skipFlags = (...names: string[]): FlagRule[] =>
  names.map((n) => ({ names: [n], arity: 'one', effect: { kind: 'skip' } }));

/** A bare flag with a fixed meaning. */
export const boolFlag = (names: string[], verdict: Verdict): FlagRule => ({
  names,
  arity: 'none',
  effect: { kind: 'flag', verdict },
});

/** Both effects of an allow-everything flag. */
export const ALL = { shell: true, bypass: true } as const;
