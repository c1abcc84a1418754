/**
 * Which of an agent's settings turn on an unrestricted shell or turn permission checks off.
 * The inventory keeps only the aggregate (`unrestrictedShell`, `permissionsBypassed`); the
 * rules need the setting that does it, to point at it. We replay the agent's knob reader with
 * a collector that records each verdict's effects, and line the result up with the inventory's
 * settings. Pure: the same readers over the same workflow model.
 */
import type { AgentUse } from '../../inventory/types.js';
import type { Verdict } from '../../inventory/agent-knobs/collector.js';
import { Collector } from '../../inventory/agent-knobs/collector.js';
import type { AgentSetting } from '../../inventory/agent-knobs.js';
import { claudeCodeAction } from '../../inventory/agent-knobs/claude-action.js';
import { claudeCli } from '../../inventory/agent-knobs/claude.js';
import { applyCli } from '../../inventory/agent-knobs/cli.js';
import { CODEX_CLI, codexAction } from '../../inventory/agent-knobs/codex.js';
import { GEMINI_CLI, runGeminiCli } from '../../inventory/agent-knobs/gemini.js';
import { ghAw } from '../../inventory/agent-knobs/gh-aw.js';
import { applyCatalogInputs } from '../../inventory/agent-knobs/inputs.js';
import {
  AIDER_CLI,
  AMP_CLI,
  GOOSE_CLI,
  cursorSpec,
} from '../../inventory/agent-knobs/cli-agents.js';
import { COPILOT_CLI } from '../../inventory/agent-knobs/copilot.js';
import { opencode } from '../../inventory/agent-knobs/opencode.js';
import {
  AMAZON_Q_CLI,
  CONTINUE_CLI,
  factoryDroid,
  prAgent,
} from '../../inventory/agent-knobs/vendor-agents.js';
import type { Job, Workflow } from '../../workflow/model.js';

/** The same readers as src/engine/inventory/agent-knobs.ts, by catalog id. */
const READERS: Readonly<Record<string, (c: Collector) => void>> = {
  'claude-code-action': (c) => claudeCodeAction(c, false),
  'claude-code-base-action': (c) => claudeCodeAction(c, true),
  'claude-code-cli': claudeCli,
  'codex-action': codexAction,
  'codex-cli': (c) => void applyCli(c, CODEX_CLI),
  'run-gemini-cli': runGeminiCli,
  'gemini-cli': (c) => void applyCli(c, GEMINI_CLI),
  'copilot-cli': (c) => void applyCli(c, COPILOT_CLI),
  'gh-aw': ghAw,
  opencode,
  aider: (c) => void applyCli(c, AIDER_CLI),
  'cursor-cli': (c) => void applyCli(c, cursorSpec(c)),
  goose: (c) => void applyCli(c, GOOSE_CLI),
  amp: (c) => void applyCli(c, AMP_CLI),
  'factory-droid': factoryDroid,
  'continue-cli': (c) => void applyCli(c, CONTINUE_CLI),
  'amazon-q-developer': (c) => void applyCli(c, AMAZON_Q_CLI),
  'pr-agent': prAgent,
};

export interface SettingEffect {
  readonly setting: AgentSetting;
  readonly shell: boolean;
  readonly bypass: boolean;
}

class RecordingCollector extends Collector {
  readonly effects: { shell: boolean; bypass: boolean }[] = [];
  override add(...args: Parameters<Collector['add']>): void {
    super.add(...args);
    const verdict: Verdict = args[2];
    this.effects.push({ shell: verdict.shell === true, bypass: verdict.bypass === true });
  }
}

/**
 * Each setting of `agent` with whether it grants a shell / turns checks off. Undefined when
 * the replay does not line up with the inventory (an agent without a reader, a reader error):
 * callers then fall back to the agent's own location.
 */
export function settingEffects(
  workflow: Workflow,
  job: Job,
  agent: AgentUse,
  idTokenWrite: boolean,
): SettingEffect[] | undefined {
  const step = agent.step === undefined ? undefined : job.steps.find((s) => s.index === agent.step);
  const c = new RecordingCollector({ agentId: agent.id, step, job, workflow, idTokenWrite });
  try {
    const read = READERS[agent.id];
    if (read) read(c);
    else applyCatalogInputs(c, new Set());
  } catch {
    return undefined;
  }
  if (c.settings.length !== agent.settings.length) return undefined;
  const out: SettingEffect[] = [];
  for (let i = 0; i < c.settings.length; i++) {
    const mine = c.settings[i]!;
    const theirs = agent.settings[i]!;
    if (mine.name !== theirs.name || mine.value !== theirs.value) return undefined;
    const e = c.effects[i]!;
    out.push({ setting: theirs, shell: e.shell, bypass: e.bypass });
  }
  return out;
}
