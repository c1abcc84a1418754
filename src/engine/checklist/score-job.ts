/**
 * Scores one job against the 20 controls of the seed checklist (controls/index.ts): 1 / 0.5 /
 * 0 from what the job's inventory and the workflow's safeguards show, or null ("not
 * observable from CI") with the reason. Pure. The mapping, and why each level is given, is
 * in each control's meta and documented in docs/checklist.md.
 */
import type { JobInventory } from '../inventory/types.js';
import type { Job, Workflow } from '../workflow/model.js';
import { formatMessage } from './control.js';
import { CONTROL_MODULES } from './controls/index.js';
import { CONTROLS, bandOf } from './controls.js';
import { factsOf } from './facts.js';
import type { ChecklistScore, ControlResult } from './types.js';

/** Scores one job against the seed checklist. */
export function scoreJob(job: Job, inventory: JobInventory, workflow: Workflow): ChecklistScore {
  const facts = factsOf(job, inventory, workflow);
  const controls: ControlResult[] = CONTROL_MODULES.map((control) => {
    const { meta } = control;
    const v = control.score(facts);
    return {
      id: meta.id,
      number: meta.number,
      title: meta.title,
      ...v,
      reason: formatMessage(meta, v),
    };
  });
  const observed = controls.filter((c) => c.score !== null);
  const total = observed.reduce((sum, c) => sum + (c.score ?? 0), 0);
  const unobserved = controls.length - observed.length;
  return {
    workflow: inventory.workflow,
    job: inventory.job,
    agents: [...new Set(inventory.agents.map((a) => a.id))],
    controls,
    total,
    observed: observed.length,
    max: observed.length,
    outOf: 20,
    band: bandOf(total),
    bestCaseBand: bandOf(total + unobserved),
    focus:
      total < 10
        ? CONTROLS.filter((c) => c.basic)
            .filter((c) => controls.find((r) => r.id === c.id)?.score !== 1)
            .map((c) => c.id)
        : [],
  };
}
