/**
 * The scales findings and decisions are measured on, shared by the rules (which rate what they
 * find and say what each preset decides) and the policy (which decides): severity, confidence
 * and the decision with its order. A leaf, so neither folder imports the other for them.
 */

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export type DecisionValue = 'allow' | 'approval-required' | 'blocked';

/** The order of decisions: the most severe wins. */
export const SEVERITY: Readonly<Record<DecisionValue, number>> = {
  allow: 0,
  'approval-required': 1,
  blocked: 2,
};

export function mostSevere(values: Iterable<DecisionValue>): DecisionValue {
  let worst: DecisionValue = 'allow';
  for (const v of values) if (SEVERITY[v] > SEVERITY[worst]) worst = v;
  return worst;
}
