/**
 * Whether a `workflow_run` trigger can be started, through its upstream workflows, by someone
 * outside the repository: only when every workflow its `workflows:` names is known (the
 * adapter read the repository's workflows) and runs only on events that need write access or
 * nobody (schedule, push, workflow_dispatch) is it not an untrusted trigger. Unknown → it is.
 */
import type { RunContext } from '../context/run-context.js';
import type { Trigger } from '../workflow/model.js';

/** Events nobody outside the repository can cause. */
const INSIDER_EVENTS = new Set(['schedule', 'push', 'workflow_dispatch']);

/** Why the trigger is not reachable from outside, or undefined when it may be. */
export function insiderOnlyUpstream(trigger: Trigger, context: RunContext): string | undefined {
  if (trigger.event !== 'workflow_run') return undefined;
  const names = trigger.workflows ?? [];
  const known = context.workflowEvents;
  if (!known || names.length === 0) return undefined;
  const events = names.map((n) => known[n]);
  if (events.some((e) => e === undefined || e.length === 0)) return undefined;
  const all = new Set(events.flatMap((e) => e ?? []));
  if (![...all].every((e) => INSIDER_EVENTS.has(e))) return undefined;
  return `its upstream workflow${names.length === 1 ? '' : 's'} ${names.map((n) => `\`${n}\``).join(', ')} run${names.length === 1 ? 's' : ''} only on ${[...all].sort().join(', ')}, which no outsider can start`;
}
