/**
 * Checklist item 16 (Monitoring and Incident Response): Ship immutable audit logs.
 */
import { defineControl } from '../control.js';
import type { Evidence } from '../types.js';
import { ev, reusableGap, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'immutable-audit-log',
    number: 16,
    category: 'Monitoring and Incident Response',
    title: 'Ship immutable audit logs',
    short: 'Immutable audit logs',
    basic: false,
    looksAt:
      'agent logs or telemetry leaving the runner (log artifacts, OpenTelemetry export, harden-runner, `show_full_output`) and whether the job token can delete run logs (`actions: write`)',
    levels: {
      full: 'never: write-once storage is not visible from CI',
      partial:
        'Agent activity leaves the runner: a log or transcript artifact uploaded after the agent, OpenTelemetry export, harden-runner telemetry, claude-code-action `show_full_output: true`. GitHub keeps these, but repository admins can delete them',
      none: "The job token has `actions: write` (it can delete its run's logs and artifacts); nothing leaves the job",
      notObservable: 'reusable workflow',
    },
    messages: {
      'token-deletes-logs':
        "the job's token can delete this run's logs and artifacts (actions: write)",
      'shipped-not-immutable':
        'agent activity leaves the runner, but write-once (tamper-proof) storage is not visible from CI; GitHub keeps run logs and artifacts, which repository admins can delete',
      'nothing-shipped':
        'no agent log or telemetry is shipped from the job; the run log holds only what the agent prints',
    },
  },
  score(f) {
    const skip = reusableGap(f);
    if (skip) return skip;
    if (f.inv.permissions.scopes.actions === 'write')
      return verdict(0, 'token-deletes-logs', [ev('actions: write', f.inv.permissions.at)]);
    const shipped: Evidence[] = [];
    if (f.harden?.telemetry)
      shipped.push(
        ev('harden-runner sends process and network events to StepSecurity', f.harden.at),
      );
    for (const e of f.safeguards.env)
      if (e.kind === 'telemetry' && f.inAgentSteps(e.step))
        shipped.push(ev(`${e.key}: agent telemetry export`, e.at));
    const after = f.firstAgentStep ?? -1;
    for (const h of f.safeguards.hits)
      if (h.kind === 'log-upload' && h.step > after)
        shipped.push(ev(`agent logs uploaded as an artifact: ${h.text}`, h.at));
    for (const { agent, s } of f.settings)
      if (s.name === 'show_full_output' && s.value === 'true')
        shipped.push(ev(`${agent.id}: show_full_output: true (tool calls in the run log)`, s.at));
    if (shipped.length > 0) return verdict(0.5, 'shipped-not-immutable', shipped);
    return verdict(0, 'nothing-shipped');
  },
});
