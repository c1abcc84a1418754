/**
 * A workflow decided once per trigger it declares (`scan`): each event is its own run, with
 * its own `if:` outcomes, token and attendance. Each job is reported from the run where it
 * fares worst, named by that trigger (so a job gated only on pull requests is never shown
 * allowed because a push run skips it); the workflow lists every trigger's decision. With
 * `all`, every run is returned whole.
 *
 * The runs share what does not depend on the event (`sharedDerivations`): each job's facts are
 * derived once per run shape (the `if:` outcomes and token downgrade a trigger gives it), and
 * rules and checklist controls run again for a trigger only when they read it
 * (inventory/trigger-reads.ts). Per trigger: the shape, the view naming the trigger, the
 * checks that read it, and the decision.
 */
import { evaluateWorkflow, sharedDerivations } from './evaluate.js';
import type { EvaluateInput, Evaluation } from './evaluate.js';
import { SEVERITY, mostSevere } from './policy/types.js';
import { parseWorkflow } from './workflow/build-model.js';

export function evaluateEachTrigger(input: EvaluateInput, all: boolean): Evaluation[] {
  const parsed = input.parsed ?? parseWorkflow(input.path, input.text);
  const events = [...new Set(parsed.triggers.map((t) => t.event))];
  if (events.length === 0) return [evaluateWorkflow({ ...input, parsed })];
  const shared = sharedDerivations();
  const runs = events.map((event) =>
    evaluateWorkflow({ ...input, parsed, shared, context: { ...input.context, event } }),
  );
  const decisions = runs.map((r, i) => ({ event: events[i] ?? '', decision: r.decision.decision }));
  if (all)
    return runs.map((r, i) => ({
      ...r,
      trigger: { event: events[i] ?? '', others: decisions.filter((_, j) => j !== i), jobs: {} },
    }));
  return [worstPerJob(runs, events, decisions)];
}

function worstPerJob(
  runs: readonly Evaluation[],
  events: readonly string[],
  decisions: readonly { event: string; decision: Evaluation['decision']['decision'] }[],
): Evaluation {
  const worstRun = runs.reduce((w, r, i) => (rank(r) > rank(runs[w]!) ? i : w), 0);
  const base = runs[worstRun]!;
  const pick = base.inventory.map((_, j) =>
    runs.reduce(
      (w, r, i) =>
        SEVERITY[r.decision.jobs[j]!.decision] > SEVERITY[runs[w]!.decision.jobs[j]!.decision]
          ? i
          : w,
      worstRun,
    ),
  );
  const jobs = pick.map((k, j) => runs[k]!.decision.jobs[j]!);
  const findings = [
    ...base.decision.findings.filter((f) => f.job === undefined),
    ...pick.flatMap((k, j) =>
      runs[k]!.decision.findings.filter((f) => f.job === base.inventory[j]!.job),
    ),
  ];
  const jobTriggers: Record<string, string> = {};
  pick.forEach((k, j) => {
    if (k !== worstRun) jobTriggers[base.inventory[j]!.job] = events[k] ?? '';
  });
  // A rule that threw under any trigger is reported once.
  const failed = new Map(
    runs.flatMap((r) => r.ruleFailures ?? []).map((f) => [`${f.ruleId}\0${f.job}\0${f.error}`, f]),
  );
  return {
    workflow: base.workflow,
    ...(failed.size > 0 ? { ruleFailures: [...failed.values()] } : {}),
    inventory: pick.map((k, j) => runs[k]!.inventory[j]!),
    checklist: pick.map((k, j) => runs[k]!.checklist[j]!),
    decision: {
      ...base.decision,
      decision: mostSevere([...jobs.map((v) => v.decision), base.decision.decision]),
      jobs,
      findings,
    },
    trigger: {
      event: events[worstRun] ?? '',
      others: decisions.filter((_, i) => i !== worstRun),
      jobs: jobTriggers,
    },
  };
}

/** Decision first, then how many jobs it gates. */
function rank(e: Evaluation): number {
  const gated = e.decision.jobs.filter((j) => j.decision !== 'allow').length;
  return SEVERITY[e.decision.decision] * 100_000 + gated;
}
