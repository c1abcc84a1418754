/**
 * Checklist item 6 (Sandboxing): Set resource limits.
 */
import { defineControl } from '../control.js';
import type { Evidence } from '../types.js';
import { ev, reusableGap, runnerDefault, usable, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'resource-limits',
    number: 6,
    category: 'Sandboxing',
    title: 'Set resource limits',
    short: 'Resource limits',
    basic: false,
    looksAt:
      '`--memory` / `--cpus` / `--pids-limit` on the agent’s container or job container options, `ulimit`, and agent caps on turns or spend (`--max-turns`, `--max-budget-usd`, `maxAiCredits`)',
    levels: {
      full: "`--memory` and `--cpus` on the agent's container (or job container `options`)",
      partial:
        'Only some limits (`--pids-limit`, only one of memory or CPU); `ulimit`; agent caps on turns or spend (`--max-turns`, `--max-budget-usd`, `maxAiCredits`)',
      none: "No limit on a container or a hosted runner (only the VM's size bounds it)",
      notObservable: 'a self-hosted or unknown runner',
    },
    messages: {
      'cpu-and-memory': "the agent's container has CPU and memory limits",
      'some-ceiling':
        'some ceiling is set (a partial container limit or a cap on agent turns / spend), but not CPU, memory and disk quotas',
      'container-unlimited': "the agent's container has no CPU or memory limit",
      'hosted-default': 'no quota is set for the agent: only the hosted VM’s size bounds it',
      'runner-not-visible':
        'quotas may be set on the runner itself, which CI does not show (runner {runner})',
    },
  },
  score(f) {
    const skip = reusableGap(f);
    if (skip) return skip;
    const containers = f.containers.filter(usable);
    const full = containers.find((c) => c.flags.memory && c.flags.cpus);
    if (full) return verdict(1, 'cpu-and-memory', [ev(full.text, full.at)]);
    const partial: Evidence[] = containers
      .filter((c) => c.flags.memory || c.flags.cpus || c.flags.pids)
      .map((c) => ev(`${c.text}: only some limits`, c.at));
    partial.push(
      ...f.agentStepHits('ulimit').map((h) => ev('ulimit caps the agent step', h.at)),
      ...f.safeguards.hits
        .filter((h) => h.kind === 'agent-cap' && f.agentSteps.some((s) => s.index === h.step))
        .map((h) => ev(`agent cap ${h.text}`, h.at)),
    );
    if (partial.length > 0) return verdict(0.5, 'some-ceiling', partial);
    if (containers.length > 0)
      return verdict(
        0,
        'container-unlimited',
        containers.map((c) => ev(c.text, c.at)),
      );
    return runnerDefault(f, 'hosted-default', 'runner-not-visible');
  },
});
