/**
 * agent-permissions-bypassed — an AI agent runs with its permission, approval or sandbox
 * checks turned off (`--dangerously-skip-permissions`, `bypassPermissions`, `--yolo`,
 * `danger-full-access`, `--allow-all-tools`, gh-aw without its AWF sandbox, …). Every tool
 * call the model makes — shell, file writes, network — runs without a gate.
 *
 * Located at the setting that does it. Agents whose engine runs inside gh-aw's AWF container
 * are contained by design and not reported. run-gemini-cli always passes `--yolo`; that
 * built-in is not reported unless `includeBuiltIn` is set (its authority is set by its
 * `settings`, which `agent-unrestricted-shell` judges).
 */
import type { JobInventory } from '../inventory/types.js';
import type { Job, Workflow } from '../workflow/model.js';
import {
  PRIVILEGED_TRIGGERS,
  activeAgents,
  describeAgent,
  holdings,
  inAwf,
  primaryAgent,
  triggersIn,
  writeAuthority,
  hitsOnePerLocation,
} from './shared/agent-facts.js';
import { defineRule } from './types.js';

interface Options {
  readonly includeBuiltIn: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'agent-permissions-bypassed',
    title: 'AI agent runs with permission checks or sandbox off',
    description:
      'An AI agent’s permission, approval or sandbox checks are bypassed, so every tool call the model decides on (shell commands, file writes, network access) runs without a gate. A single prompt injection or model mistake acts with the job’s full authority.',
    severity: 'high',
    confidence: 'high',
    category: 'agent',
    messages: {
      checksOff: '{{agent}} runs with permission or sandbox checks off{{on}}',
      setting: '{{agent}}: `{{setting}}` — {{reason}}{{also}}{{on}}',
    },
    peers: [],
    defaults: { baseline: 'blocked', strict: 'blocked' },
    remediation:
      'Remove the bypass (`--dangerously-skip-permissions`, `bypassPermissions`, `--yolo`, `danger-full-access`, `--allow-all-tools`) and allow-list the tools the task needs (e.g. `--allowedTools "Bash(npm test:*)"`), or run the agent inside a sandbox such as gh-aw’s AWF.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        includeBuiltIn: {
          type: 'boolean',
          description:
            'Also report bypasses an action always applies (run-gemini-cli’s built-in `--yolo`).',
        },
      },
    },
  },
  defaultOptions: { includeBuiltIn: false },
  check({ workflow, job, inventory, options }) {
    const agents = activeAgents(inventory).filter((a) => a.permissionsBypassed && !inAwf(a));
    if (agents.length === 0) return [];
    const privileged = triggersIn(inventory, PRIVILEGED_TRIGGERS);
    const severity = privileged.length > 0 ? 'critical' : 'high';
    const on = privileged.length > 0 ? ` on ${privileged.join(', ')}` : '';
    const { hits, push } = hitsOnePerLocation(severity);
    // gh-aw's threat-detection job: the same engine over the agent's output, read-only.
    const detection = ghAwDetectionJob(workflow, job);
    const authority = detection ? detectionAuthority(inventory, job) : [];
    for (const agent of agents) {
      const who = describeAgent(job, agent);
      const all = agent.settings.filter((s) => s.bypassesChecks);
      if (all.length === 0) {
        push(agent.at, 'checksOff', { agent: who, on });
        continue;
      }
      const bypasses = all.filter((s) => !s.name.startsWith('<always>') || options.includeBuiltIn);
      // gh-aw without AWF plus an explicit bypass flag is one root cause: report the flag.
      const flags = bypasses.filter((s) => !SANDBOX_ABSENT(s));
      const noSandbox = flags.length < bypasses.length;
      if (flags.length === 0 && noSandbox && detection && authority.length === 0) continue;
      const shown = flags.length > 0 ? flags : bypasses;
      shown.forEach((setting, i) => {
        const value = setting.value === 'present' ? '' : ` ${clip(setting.value)}`;
        const also =
          i === 0 && flags.length > 0 && noSandbox ? ', and without the AWF sandbox' : '';
        push(setting.at, 'setting', {
          agent: who,
          setting: `${setting.name}${value}`,
          reason: setting.reason,
          also,
          on,
        });
      });
    }
    return hits;
  },
});

const SANDBOX_ABSENT = (s: { readonly name: string; readonly value: string }): boolean =>
  s.name === 'sandbox.agent' && s.value === '(absent)';

/**
 * gh-aw's threat-detection job in a compiled lock file: job `detection` that reads the
 * agent's output from `/tmp/gh-aw/threat-detection/`. Its engine has no write authority of
 * its own unless the job is given some.
 */
function ghAwDetectionJob(workflow: Workflow, job: Job): boolean {
  if (job.id !== 'detection') return false;
  if (!/^#.*\bgh-aw\b/m.test(workflow.source.text.slice(0, 4000))) return false;
  return job.steps.some(
    (s) =>
      /threat-detection/.test(s.run ?? '') || s.with.some((w) => /threat-detection/.test(w.value)),
  );
}

/** The engine's own model credential (gh-aw documents the Copilot one as Copilot-requests only). */
const ENGINE_AUTH = /^COPILOT_(?:CLI_|GITHUB_)?TOKEN$|^(?:ANTHROPIC|OPENAI|CODEX|GEMINI)_API_KEY$/;

/** Write authority of the detection job, not counting the engine's own model credential. */
function detectionAuthority(inventory: JobInventory, job: Job): string[] {
  const agents = activeAgents(inventory);
  const h = holdings(inventory, job, primaryAgent(agents));
  return writeAuthority(
    { ...h, secrets: h.secrets.filter((c) => !ENGINE_AUTH.test(c.name)) },
    agents,
  );
}

function clip(v: string): string {
  const flat = v.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
