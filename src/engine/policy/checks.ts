/**
 * The policy's `checks:` section applied to the rule catalog: which detection rules run,
 * with which options, and what each rule's findings decide. A rule the policy does not
 * mention takes its preset default (`checks.profile`, baseline unless a preset says strict).
 */
import { InputError } from '../errors.js';
import { RULES } from '../rules/index.js';
import type { EnabledRule } from '../rules/run-rules.js';
import type { Rule } from '../rules/types.js';
import type { ChecksConfig, DecisionValue } from './types.js';

export interface ResolvedCheck extends EnabledRule {
  readonly decision: DecisionValue;
}

export function ruleById(id: string): Rule<unknown> | undefined {
  return RULES.find((r) => r.meta.id === id);
}

/**
 * The enabled rules, in registry order, with their options and decisions. `catalog` is the
 * registry (tests and embedders may pass their own rules; the policy still decides them).
 */
export function resolveChecks(
  config: ChecksConfig,
  catalog: readonly Rule<unknown>[] = RULES,
): ResolvedCheck[] {
  const out: ResolvedCheck[] = [];
  for (const rule of catalog) {
    const setting = config.rules[rule.meta.id];
    const presetDecision = rule.meta.defaults[config.profile];
    if (setting?.enabled === false) continue;
    let decision: DecisionValue;
    if (setting?.decision !== undefined) decision = setting.decision;
    else if (presetDecision !== 'off') decision = presetDecision;
    else if (setting?.enabled === true) {
      const strict = rule.meta.defaults.strict;
      decision = strict === 'off' ? 'approval-required' : strict;
    } else continue;
    const options = { ...(rule.defaultOptions as object), ...(setting?.options ?? {}) };
    out.push({ rule, options, decision });
  }
  return out;
}

/** Names the known rule ids when a policy mentions one that does not exist. */
export function unknownRuleError(id: string, location: InputError['location']): InputError {
  const known = RULES.map((r) => r.meta.id);
  const near = known.filter((k) => k.includes(id) || id.includes(k) || sharedPrefix(k, id) >= 6);
  return new InputError(
    `unknown check \`${id}\`${near.length > 0 ? ` (did you mean ${near.map((n) => `\`${n}\``).join(', ')}?)` : ''}; see docs/rules/ for the catalog`,
    { location },
  );
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
