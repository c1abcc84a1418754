/**
 * Static evaluation of `if:` conditions for the run being decided: can this job or step run
 * at all for this event, ref and actor? Only a condition that is *certainly false* for every
 * run of that event says "never"; anything the evaluator does not know (step outputs, matrix,
 * vars, a function it does not model, text it cannot parse) is "may run" — never a reason to
 * drop a path.
 *
 * Values follow GitHub's expression rules: string comparison ignores case, `&&` / `||` return
 * an operand, mixed types compare as numbers. A value is known, a string known only by its
 * prefix (`github.ref` of a pull request starts with `refs/pull/`), or unknown (perhaps with a
 * known truthiness).
 */

/** What is known about a string context value. */
export type StringFact = { readonly exact: string } | { readonly prefix: string } | undefined;

export interface ConditionFacts {
  /** `github.event_name`; undefined = unknown. */
  readonly event: string | undefined;
  readonly ref: StringFact;
  readonly refName: StringFact;
  readonly baseRef: StringFact;
  readonly headRef: StringFact;
  readonly actor: string | undefined;
  readonly triggeringActor: string | undefined;
  readonly repository: string | undefined;
  /** The event carries no `pull_request` object (github.event.pull_request.* is null). */
  readonly noPullRequest: boolean;
}

export type ConditionResult =
  { readonly mayRun: true } | { readonly mayRun: false; readonly reason: string };

import { conditionExpression } from './expressions/fences.js';
import { evaluateExpression } from './expressions/evaluate.js';
import { parseExpression } from './expressions/grammar.js';
import { UNKNOWN, known, truthOf, type Value } from './expressions/values.js';

export function evaluateCondition(
  text: string | undefined,
  facts: ConditionFacts,
): ConditionResult {
  if (text === undefined) return { mayRun: true };
  const body = conditionExpression(text);
  if (body === undefined) return { mayRun: true };
  const tree = parseExpression(body);
  if (!tree) return { mayRun: true };
  const value = evaluateExpression(tree, (path) => conditionValue(path, facts));
  if (truthOf(value) === false)
    return {
      mayRun: false,
      reason: `\`if: ${oneLine(text)}\` is false for ${describeFacts(facts)}`,
    };
  return { mayRun: true };
}

function oneLine(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
}

function describeFacts(f: ConditionFacts): string {
  const parts = [`event ${f.event ?? 'unknown'}`];
  if (f.ref && 'exact' in f.ref) parts.push(`ref ${f.ref.exact}`);
  else if (f.ref) parts.push(`ref ${f.ref.prefix}…`);
  return parts.join(', ');
}

/** A context path's value for this run (lower-cased path). */
export function conditionValue(path: readonly string[], f: ConditionFacts): Value {
  if (path[0] !== 'github') return UNKNOWN;
  const key = path.slice(1).join('.');
  const fact = (s: StringFact): Value =>
    s === undefined ? UNKNOWN : 'exact' in s ? known(s.exact) : { k: 'prefix', p: s.prefix };
  switch (key) {
    case 'event_name':
      return f.event === undefined ? UNKNOWN : known(f.event);
    case 'ref':
      return fact(f.ref);
    case 'ref_name':
      return fact(f.refName);
    case 'base_ref':
      return fact(f.baseRef);
    case 'head_ref':
      return fact(f.headRef);
    case 'actor':
      return f.actor === undefined ? UNKNOWN : known(f.actor);
    case 'triggering_actor':
      return f.triggeringActor === undefined ? UNKNOWN : known(f.triggeringActor);
    case 'repository':
      return f.repository === undefined ? UNKNOWN : known(f.repository);
  }
  if (f.noPullRequest && path[1] === 'event' && path[2] === 'pull_request') return known(null);
  return UNKNOWN;
}
