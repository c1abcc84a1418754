/**
 * Action inputs as data: small tables of "this input, set like this, means that", plus the
 * catalog itself (`agents-catalog.json`) for every listed input no table covers — its
 * `risky_values`, `default`, `meaning` and `detect` regexes are read, not restated.
 */
import { AGENTS } from '../agent-catalog.js';
import type { CatalogKnob } from '../agent-catalog.js';
import type { Collector, Verdict } from './collector.js';
import {
  anchorAt,
  entryAt,
  input,
  withEntries,
  isFalse,
  isTrue,
  risky,
  safe,
} from './collector.js';
import { hasExpression } from '../../workflow/expressions/fences.js';

export interface InputRule {
  /** Input names (aliases); the one found is the setting's name. */
  readonly names: readonly string[];
  /** Which values are risky: `true`, `false`, or any non-empty value. */
  readonly when: 'true' | 'false' | 'set';
  readonly verdict: Verdict;
  /** Reported when the input is set to a value that is not risky. */
  readonly otherwise?: Verdict;
  /** Reported as `(default)` when the input is absent and its default is risky. */
  readonly absent?: Verdict;
}

/** Applies input rules; returns the input names they handled. */
export function applyInputRules(c: Collector, rules: readonly InputRule[]): Set<string> {
  const handled = new Set<string>();
  for (const rule of rules) {
    for (const n of rule.names) handled.add(n.toLowerCase());
    const entry = input(c.ctx, ...rule.names);
    if (!entry || entry.value.trim() === '') {
      if (rule.absent) c.add(rule.names[0]!, '(default)', rule.absent, anchorAt(c.ctx));
      continue;
    }
    const v = entry.value;
    const hit = rule.when === 'set' ? true : rule.when === 'true' ? isTrue(v) : isFalse(v);
    if (hit) c.add(entry.key, v, rule.verdict, entryAt(c.ctx, entry));
    else if (hasExpression(v))
      c.add(
        entry.key,
        v,
        risky(`set from an expression, so it may be risky: ${rule.verdict.reason}`),
        entryAt(c.ctx, entry),
      );
    else if (rule.otherwise) c.add(entry.key, v, rule.otherwise, entryAt(c.ctx, entry));
  }
  return handled;
}

// ---------------------------------------------------------------------------------------------
// The catalog.

function knobsOf(
  agentId: string,
): readonly { knob: CatalogKnob; names: readonly string[]; detect: RegExp | undefined }[] {
  return AGENTS.find((a) => a.entry.id === agentId)?.knobs ?? [];
}

export function catalogKnob(agentId: string, name: string): CatalogKnob | undefined {
  return knobsOf(agentId).find((k) => k.knob.name === name || k.names.includes(name))?.knob;
}

/** The catalog's `detect` regex for a knob (compiled with the `m` flag by the catalog loader). */
export function catalogDetect(agentId: string, name: string): RegExp | undefined {
  return knobsOf(agentId).find((k) => k.knob.name === name || k.names.includes(name))?.detect;
}

/** The catalog's `default` for a knob. */
export function catalogDefault(agentId: string, name: string): string | undefined {
  return catalogKnob(agentId, name)?.default;
}

/** The first sentence of the catalog's meaning, as a reason. */
export function catalogReason(knob: CatalogKnob): string {
  const first = knob.meaning.split(/(?<=\.)\s/)[0] ?? knob.meaning;
  return first.length > 160 ? `${first.slice(0, 159)}…` : first;
}

/**
 * Every `with:` input the catalog lists for the agent and no table handled: risky when its
 * value is one of the catalog's literal risky values, or any value for a `<placeholder>` one.
 */
export function applyCatalogInputs(c: Collector, handled: ReadonlySet<string>): void {
  for (const entry of withEntries(c.ctx)) {
    if (handled.has(entry.key.toLowerCase())) continue;
    const known = knobsOf(c.ctx.agentId).find(
      (k) =>
        k.knob.kind === 'input' && k.names.some((n) => n.toLowerCase() === entry.key.toLowerCase()),
    );
    if (known)
      c.add(entry.key, entry.value, catalogVerdict(known.knob, entry.value), entryAt(c.ctx, entry));
  }
}

export function catalogVerdict(knob: CatalogKnob, value: string): Verdict {
  const reason = catalogReason(knob);
  const v = value.trim();
  if (v === '') return safe(reason);
  const literal = knob.risky_values.filter(
    (r) => r.trim() !== '' && !r.includes('<') && !hasExpression(r),
  );
  if (literal.some((r) => r.toLowerCase() === v.toLowerCase())) return risky(reason);
  if (knob.risky_values.some((r) => /^<(?:any|custom)\b/.test(r))) return risky(reason);
  if (hasExpression(v) && literal.length > 0) return risky(`set from an expression: ${reason}`);
  // Conditions such as `<non-OpenAI endpoint>` need judgement the catalog cannot give.
  const conditions = knob.risky_values.filter((r) => r.startsWith('<'));
  if (conditions.length > 0) {
    const when = conditions.join(' / ').replace(/[<>]/g, '');
    return safe(`${reason} (risky when ${when}; not judged here)`);
  }
  return safe(reason);
}
