/**
 * A workflow decided once per trigger it declares (`scan`): each event is its own run, with
 * its own `if:` outcomes, token and attendance. The worst run is the workflow's result, named
 * by its trigger; the others are listed with their decisions (or returned whole on request).
 */
import { evaluateWorkflow } from './evaluate.js';
import type { EvaluateInput, Evaluation } from './evaluate.js';
import { SEVERITY } from './policy/types.js';
import { parseWorkflow } from './workflow/build-model.js';

export function evaluateEachTrigger(input: EvaluateInput, all: boolean): Evaluation[] {
  const parsed = input.parsed ?? parseWorkflow(input.path, input.text);
  const events = [...new Set(parsed.triggers.map((t) => t.event))];
  if (events.length === 0) return [evaluateWorkflow({ ...input, parsed })];
  const runs = events.map((event) =>
    evaluateWorkflow({ ...input, parsed, context: { ...input.context, event } }),
  );
  const decisions = runs.map((r, i) => ({ event: events[i] ?? '', decision: r.decision.decision }));
  const named = runs.map((r, i) => ({
    ...r,
    trigger: { event: events[i] ?? '', others: decisions.filter((_, j) => j !== i) },
  }));
  if (all) return named;
  return [named.reduce((worst, r) => (rank(r) > rank(worst) ? r : worst))];
}

/** Decision first, then how many jobs it gates. */
function rank(e: Evaluation): number {
  const gated = e.decision.jobs.filter((j) => j.decision !== 'allow').length;
  return SEVERITY[e.decision.decision] * 100_000 + gated;
}
