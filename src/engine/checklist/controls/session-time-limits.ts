/**
 * Checklist item 18 (Monitoring and Incident Response): Enforce session time limits.
 */
import { defineControl } from '../control.js';
import { ev, reusableGap, verdict } from '../verdict.js';

/** GitHub's job time limit when `timeout-minutes` is not set. */
const DEFAULT_TIMEOUT_MINUTES = 360;

export default defineControl({
  meta: {
    id: 'session-time-limits',
    number: 18,
    category: 'Monitoring and Incident Response',
    title: 'Enforce session time limits',
    short: 'Session time limits',
    basic: false,
    looksAt:
      '`timeout-minutes` of the agent’s step or of the job, against GitHub’s 360-minute default',
    levels: {
      full: "`timeout-minutes` below 360 on the agent's step (or the legacy `timeout_minutes` input) or on the job",
      partial: '`timeout-minutes` from an expression (the value is not visible)',
      none: "None, or 360 and above (GitHub's default)",
      notObservable: 'reusable workflow (the limit belongs to the called jobs)',
    },
    messages: {
      stopped: 'the session is stopped after {minutes} minutes ({where})',
      dynamic: 'a time limit is set from an expression: its value is not visible',
      'default-or-looser': `the limit is no tighter than GitHub's ${DEFAULT_TIMEOUT_MINUTES}-minute default`,
      none: `no timeout-minutes: only GitHub's ${DEFAULT_TIMEOUT_MINUTES}-minute default stops the session`,
    },
  },
  score(f) {
    const skip = reusableGap(f);
    if (skip) return skip;
    // Step limits count on the agent's steps only (and only when the job has an agent).
    const limits = f.safeguards.timeouts.filter((t) =>
      t.step === undefined
        ? true
        : f.agents.length > 0 && f.agentSteps.some((s) => s.index === t.step),
    );
    const evidence = limits.map((l) => ev(`timeout-minutes ${String(l.value)} (${l.where})`, l.at));
    const tight = limits.find(
      (l) => typeof l.value === 'number' && l.value < DEFAULT_TIMEOUT_MINUTES,
    );
    if (tight)
      return verdict(1, 'stopped', evidence, { minutes: String(tight.value), where: tight.where });
    if (limits.some((l) => l.value === 'dynamic')) return verdict(0.5, 'dynamic', evidence);
    if (limits.length > 0) return verdict(0, 'default-or-looser', evidence);
    return verdict(0, 'none', [ev('job', f.inv.at)]);
  },
});
