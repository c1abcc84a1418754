/** The agent of a local action whose repository the catalog knows, read or not. */
import type { Job, Step, Workflow } from '../../workflow/model.js';
import { parseUsesReference } from '../../workflow/uses-reference.js';
import { AGENTS } from '../agent-catalog.js';
import { detectAgents } from '../agents.js';
import type { AgentUse } from '../types.js';
import { actionMatches } from '../uses.js';
import { candidatesOf } from './action-files.js';

/**
 * A local action of a repository the catalog knows (claude-code-action's `./base-action`
 * is `anthropics/claude-code-action/base-action`): the agent runs even when its file is not
 * read.
 */
export function localAgents(
  repo: string | undefined,
  workflow: Workflow,
  job: Job,
  step: Step,
  root: number,
): AgentUse[] {
  if (!repo || !step.uses) return [];
  const path = candidatesOf(step.uses, true, { kind: 'local' })[0];
  if (!path || path.kind !== 'local') return [];
  const canonical = `${repo}/${path.path}@local`;
  const found = detectAgents(workflow, {
    ...job,
    uses: undefined,
    usesRef: undefined,
    steps: [{ ...step, uses: canonical, usesRef: parseUsesReference(canonical, false) }],
  });
  // The most specific catalog entry wins (`…/base-action` over the whole repository).
  const name = `${repo}/${path.path}`;
  const specificity = (id: string): number =>
    Math.max(
      0,
      ...(AGENTS.find((x) => x.entry.id === id)?.entry.uses ?? [])
        .filter((u) => actionMatches(name, u))
        .map((u) => u.length),
    );
  const best = Math.max(0, ...found.map((a) => specificity(a.id)));
  return found
    .filter((a) => specificity(a.id) === best)
    .map((a) => ({ ...a, ref: undefined, step: root }));
}
