/**
 * Checklist item 4 (Sandboxing): Run agents in container or VM isolation.
 */
import { defineControl } from '../control.js';
import { ev, reusableGap, runnerEvidence, usable, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'isolation',
    number: 4,
    category: 'Sandboxing',
    title: 'Run agents in container or VM isolation',
    short: 'Container or VM isolation',
    basic: true,
    looksAt:
      'awf, hardened `docker run` (`--cap-drop`, `no-new-privileges`, seccomp, gVisor / Kata runtimes), job `container:`, agent OS sandboxes, GitHub-hosted (fresh VM) vs self-hosted runners',
    levels: {
      full: 'awf (dropped capabilities, seccomp, no-new-privileges by its design); `docker run` with `--cap-drop ALL` plus `no-new-privileges` or seccomp; a gVisor or Kata runtime',
      partial:
        "A plain container (job or `docker run`); the agent's OS sandbox; a GitHub-hosted runner (a fresh VM per job, but the runner user has passwordless sudo)",
      none: 'A `--privileged` container on a runner that is not hosted',
      notObservable: 'a self-hosted or unknown runner with no container',
    },
    messages: {
      awf: 'the agent runs inside the gh-aw firewall container (awf: capabilities dropped, seccomp, no-new-privileges, per its design)',
      'sandboxed-runtime': 'the agent runs in a {runtime} sandboxed container',
      'hardened-container':
        'the agent runs in a hardened container (capabilities dropped, no-new-privileges / seccomp)',
      'plain-container':
        'the agent runs in a container without the hardening the seed asks for (dropped capabilities, seccomp, no-new-privileges)',
      'os-sandbox': "the agent's commands run in its own OS sandbox, not a container or VM",
      'privileged-container':
        'a privileged container does not isolate the agent from the runner, which is not a fresh hosted VM',
      'hosted-vm':
        'GitHub-hosted runner: a fresh VM per job, discarded afterwards, but not hardened (the runner user has passwordless sudo)',
      'runner-not-visible':
        'runs on a {runner} runner: whether it is an ephemeral VM or container is not visible from CI',
    },
  },
  score(f) {
    const skip = reusableGap(f);
    if (skip) return skip;
    if (f.awf) return verdict(1, 'awf', [ev('awf wraps the agent', f.awf.at)]);
    const containers = f.containers.filter(usable);
    const hardened = containers.find(
      (c) =>
        c.flags.runtime !== undefined ||
        (c.flags.capDropAll && (c.flags.noNewPrivileges || c.flags.seccomp)),
    );
    if (hardened)
      return hardened.flags.runtime
        ? verdict(1, 'sandboxed-runtime', [ev(hardened.text, hardened.at)], {
            runtime: hardened.flags.runtime,
          })
        : verdict(1, 'hardened-container', [ev(hardened.text, hardened.at)]);
    const privileged = f.containers
      .filter((c) => c.flags.privileged)
      .map((c) => ev(`${c.text} (privileged)`, c.at));
    if (containers.length > 0)
      return verdict(
        0.5,
        'plain-container',
        containers.map((c) => ev(c.text, c.at)),
      );
    if (f.sandboxes.length > 0) return verdict(0.5, 'os-sandbox', [...f.sandboxes]);
    if (privileged.length > 0 && f.runner.kind !== 'hosted')
      return verdict(0, 'privileged-container', [runnerEvidence(f), ...privileged]);
    if (f.runner.kind === 'hosted')
      return verdict(0.5, 'hosted-vm', [runnerEvidence(f), ...privileged]);
    return verdict(null, 'runner-not-visible', [runnerEvidence(f), ...privileged], {
      runner: f.runner.kind === 'self-hosted' ? 'self-hosted' : 'custom or computed',
    });
  },
});
