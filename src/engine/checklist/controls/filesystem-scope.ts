/**
 * Checklist item 2 (Access Control): Scope file system access to the project directory.
 */
import { defineControl } from '../control.js';
import { ev, noAgent, reusableGap, runnerEvidence, usable, verdict } from '../verdict.js';

/** Agent settings that reach beyond the workspace when they are risky. */
const WIDENING_SETTINGS = new Set([
  '--add-dir',
  'permissions.additionalDirectories',
  '--allow-all-paths',
  'working-directory',
]);

export default defineControl({
  meta: {
    id: 'filesystem-scope',
    number: 2,
    category: 'Access Control',
    title: 'Scope file system access to the project directory',
    short: 'File system scoped to the project',
    basic: false,
    looksAt:
      'OS-level confinement of the agent: the gh-aw firewall (awf) container, `docker run` mounts, a job `container:`, the agent’s own OS sandbox; extra directories outside the workspace',
    levels: {
      full: 'The agent runs inside awf (selective mounts, credential files hidden), or in a `docker run` whose mounts are all project or temp paths',
      partial:
        "A job `container:` (the workspace, runner directories and the Docker socket are mounted); a `docker run` with wider mounts; the agent's own OS sandbox (codex `read-only` / `workspace-write`, Claude `sandbox.enabled`, gemini `--sandbox`), which confines writes but not reads",
      none: 'The agent runs as the runner user (`--add-dir` outside the workspace, `--allow-all-paths` and similar settings are listed)',
      notObservable: 'no agent in the job; reusable workflow',
    },
    messages: {
      awf: 'the agent runs inside the gh-aw firewall container (awf), which mounts the workspace and the paths it needs and hides credential files (AWF selective mounting)',
      'container-project-mounts': "the agent's container mounts only project paths ({mounts})",
      'container-no-mounts': "the agent's container mounts no host paths",
      'container-wider-mounts':
        'the agent runs in a container, but its mounts reach beyond the project directory',
      'os-sandbox':
        "the agent's OS sandbox confines its writes to the workspace, but it can still read the rest of the runner",
      'runner-user':
        'the agent runs as the runner user and can read the whole runner filesystem (home directory included); tool-level path rules are application-level only',
    },
  },
  score(f) {
    const skip = reusableGap(f) ?? noAgent(f);
    if (skip) return skip;
    const widen = f.settings
      .filter(
        ({ s }) => s.risky && (WIDENING_SETTINGS.has(s.name) || /writable_roots/.test(s.value)),
      )
      .map(({ agent, s }) => ev(`${agent.id}: ${s.name} ${s.value} (${s.reason})`, s.at));
    if (f.awf) return verdict(1, 'awf', [ev('awf wraps the agent', f.awf.at)]);
    const runs = f.containers.filter((c) => c.kind === 'docker-run' && usable(c));
    const scoped = runs.find((c) => c.flags.mountsInWorkspace);
    if (scoped)
      return scoped.flags.mounts.length > 0
        ? verdict(1, 'container-project-mounts', [ev(scoped.text, scoped.at)], {
            mounts: scoped.flags.mounts.join(', '),
          })
        : verdict(1, 'container-no-mounts', [ev(scoped.text, scoped.at)]);
    const partial = [
      ...runs.map((c) =>
        ev(`container mounts host paths beyond the project: ${c.flags.mounts.join(', ')}`, c.at),
      ),
      ...f.containers
        .filter((c) => c.kind === 'job-container' && usable(c))
        .map((c) =>
          ev(
            `${c.text}: the job container sees the workspace and runner directories GitHub mounts (the Docker socket included)`,
            c.at,
          ),
        ),
    ];
    if (partial.length > 0) return verdict(0.5, 'container-wider-mounts', partial);
    if (f.sandboxes.length > 0 && widen.length === 0)
      return verdict(0.5, 'os-sandbox', [...f.sandboxes]);
    return verdict(0, 'runner-user', [runnerEvidence(f), ...widen]);
  },
});
