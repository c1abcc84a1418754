/**
 * Checklist item 5 (Sandboxing): Use a read-only root filesystem.
 */
import { defineControl } from '../control.js';
import type { Evidence } from '../types.js';
import { ev, reusableGap, runnerDefault, usable, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'read-only-root',
    number: 5,
    category: 'Sandboxing',
    title: 'Use a read-only root filesystem',
    short: 'Read-only root filesystem',
    basic: false,
    looksAt:
      '`--read-only` / `--tmpfs` on the agent’s container, or what keeps system files unwritable: no sudo (harden-runner, codex-action safety strategy), awf’s non-root agent, agent OS sandboxes',
    levels: {
      full: "`--read-only` on the agent's container (with or without `--tmpfs`)",
      partial:
        'System files are out of reach but the root is not read-only: awf (non-root agent), harden-runner `disable-sudo(-and-containers)`, codex-action `drop-sudo` / `unprivileged-user` (the default), an agent OS sandbox',
      none: 'A writable container root; a hosted runner',
      notObservable: 'a self-hosted or unknown runner',
    },
    messages: {
      'read-only-tmpfs':
        "the agent's container has a read-only root filesystem with a tmpfs for scratch files",
      'read-only': "the agent's container has a read-only root filesystem",
      'system-files-protected':
        'system files are out of the agent’s reach, but the root filesystem itself is not read-only',
      'writable-container': "the agent's container has a writable root filesystem",
      'hosted-default': 'the root filesystem is writable and the runner user has passwordless sudo',
      'runner-not-visible':
        'the runner’s filesystem setup is not visible from CI (runner {runner})',
    },
  },
  score(f) {
    const skip = reusableGap(f);
    if (skip) return skip;
    const ro = f.containers.find((c) => usable(c) && c.flags.readOnly);
    if (ro)
      return verdict(1, ro.flags.tmpfs ? 'read-only-tmpfs' : 'read-only', [ev(ro.text, ro.at)]);
    const partial: Evidence[] = [];
    if (f.awf)
      partial.push(
        ev('awf runs the agent as a non-root user that cannot modify system files', f.awf.at),
      );
    partial.push(...f.sandboxes);
    if (f.harden?.noSudo)
      partial.push(ev('harden-runner disables sudo for the rest of the job', f.harden.noSudo));
    for (const agent of f.agents.filter((a) => a.id === 'codex-action')) {
      const safety = agent.settings.find((s) => s.name === 'safety-strategy');
      if (!safety)
        partial.push(
          ev(
            'codex-action removes sudo before Codex runs (default safety-strategy drop-sudo)',
            agent.at,
          ),
        );
      else if (safety.value === 'drop-sudo' || safety.value === 'unprivileged-user')
        partial.push(
          ev(`codex-action safety-strategy ${safety.value}: ${safety.reason}`, safety.at),
        );
    }
    if (partial.length > 0) return verdict(0.5, 'system-files-protected', partial);
    const writable = f.containers
      .filter(usable)
      .map((c) => ev(`${c.text}: root filesystem writable`, c.at));
    if (writable.length > 0) return verdict(0, 'writable-container', writable);
    return runnerDefault(f, 'hosted-default', 'runner-not-visible');
  },
});
