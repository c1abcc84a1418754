/**
 * What an agent found in a job may do, from its own settings: the mode it runs in, whether
 * it has an unrestricted shell or runs with permission checks off, tokens minted through
 * OIDC, actor gates, the raw prompt and MCP inputs — each setting with its location.
 *
 * Agent knowledge lives in per-agent tables under `agent-knobs/` (flag tables, input rules)
 * and in the catalog (`agents-catalog.json`); see agents.md §1–§7. Reading never throws:
 * malformed values fail closed (a risky setting), unknown agents get the catalog's inputs.
 */
import type { SourceLocation } from '../errors.js';
import type { Job, Step, Workflow } from '../workflow/model.js';
import { claudeCodeAction } from './agent-knobs/claude-action.js';
import { claudeCli } from './agent-knobs/claude.js';
import { applyCli } from './agent-knobs/cli.js';
import { CODEX_CLI, codexAction } from './agent-knobs/codex.js';
import type { AgentAuthority } from './agent-knobs/collector.js';
import { Collector, anchorAt, risky } from './agent-knobs/collector.js';
import { GEMINI_CLI, runGeminiCli } from './agent-knobs/gemini.js';
import { ghAw } from './agent-knobs/gh-aw.js';
import { applyCatalogInputs } from './agent-knobs/inputs.js';
import { AIDER_CLI, AMP_CLI, GOOSE_CLI, cursorSpec } from './agent-knobs/cli-agents.js';
import { COPILOT_CLI } from './agent-knobs/copilot.js';
import { opencode } from './agent-knobs/opencode.js';
import { AMAZON_Q_CLI, CONTINUE_CLI, factoryDroid, prAgent } from './agent-knobs/vendor-agents.js';

export type {
  AgentAuthority,
  AgentSetting,
  AllowedActor,
  McpConfigSource,
  PromptInput,
  TokenExchange,
} from './agent-knobs/collector.js';

/** Per-agent readers, by catalog id. Agents not listed get their catalog inputs only. */
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

/** Catalog ids with a dedicated reader (the rest get the catalog's input knobs). */
export const AGENTS_WITH_READERS: readonly string[] = Object.keys(READERS);

export function agentAuthority(input: {
  agentId: string;
  step: Step | undefined;
  job: Job;
  workflow: Workflow;
  idTokenWrite: boolean;
}): AgentAuthority {
  const c = new Collector(input);
  try {
    const read = READERS[input.agentId];
    if (read) read(c);
    else applyCatalogInputs(c, new Set());
  } catch (error) {
    // Fail closed: a reader bug or hostile input never passes for "nothing risky".
    const message = error instanceof Error ? error.message : String(error);
    c.add(
      '(unreadable)',
      message.slice(0, 200),
      risky('the agent configuration could not be read: treated as risky'),
      fallbackAt(c),
    );
  }
  return c.result();
}

function fallbackAt(c: Collector): SourceLocation {
  try {
    return anchorAt(c.ctx);
  } catch {
    return { path: c.ctx.workflow.path, line: 1, column: 1 };
  }
}
