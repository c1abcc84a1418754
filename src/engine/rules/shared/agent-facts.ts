/**
 * Shared facts for the `agent-*` rules: which agents really run in a job, which triggers let
 * outsiders start or steer it, what authority the job puts in the agent's reach (write token,
 * secrets, App tokens, self-hosted runner, persisted checkout credentials, write-capable
 * tools), whether it checks out pull-request code, and gh-aw's read-only-agent split.
 */
import { AGENTS } from '../../inventory/agent-catalog.js';
import { splitCommands } from '../../inventory/shell.js';
import { parseInlineToolConfig } from '../../inventory/tools/parse-tool-config.js';
import { CONVERSATION_SCOPES } from '../../inventory/permissions.js';
import type { SourceLocation } from '../../errors.js';
import type { AgentUse, Credential, JobInventory, ToolReach } from '../../inventory/types.js';
import { actionMatches } from '../../inventory/uses.js';
import type { Job, Step, Workflow } from '../../workflow/model.js';
import type { MessageData, RuleHit, Severity } from '../types.js';
import { stepLabel } from '../../workflow/step-label.js';
import { remoteActionName } from '../../workflow/uses-reference.js';
import { PR_CODE_EVENTS } from '../../workflow/event-sets.js';

export {
  PR_CODE_EVENTS,
  UNTRUSTED_TRIGGERS,
  UNTRUSTED_OR_UNATTENDED_TRIGGERS as PRIVILEGED_TRIGGERS,
} from '../../workflow/event-sets.js';

/** Agents that restore their config files (`.mcp.json`, `.claude/`) from the base branch on PR runs. */
export const RESTORES_CONFIG_FROM_BASE: readonly string[] = ['claude-code-action', 'gh-aw'];

/**
 * The agents that actually run in the job. gh-aw's setup action (and its lock-file header)
 * appear in every job of a compiled lock file; only a job that runs the engine (the reader
 * records an `engine` setting) runs an agent. Several sightings of one step (gh-aw and the engine's CLI) stay.
 */
export function activeAgents(inv: JobInventory): AgentUse[] {
  return inv.agents.filter(
    (a) =>
      (a.id !== 'gh-aw' || a.settings.some((s) => s.name === 'engine')) && !installOnly(a, inv),
  );
}

const INSTALL = /\b(?:npm|pnpm|yarn|bun|pip3?|pipx|uv|brew)\s+(?:\S+\s+)*?(?:install|i|add)\b/;

/** A `run:` sighting that only installs the agent (`pip install aider-chat`): nothing is invoked. */
function installOnly(a: AgentUse, inv: JobInventory): boolean {
  if (a.via !== 'run' || a.settings.length > 0 || a.promptInputs.length > 0) return false;
  if (a.mcpConfig.length > 0 || a.mode !== undefined) return false;
  const script = inv.runs.find((r) => r.step === a.step)?.script ?? '';
  return INSTALL.test(script);
}

/** The sighting to point at: the engine's own step rather than gh-aw's setup action. */
export function primaryAgent(agents: readonly AgentUse[]): AgentUse | undefined {
  const engine = agents.filter((a) => !(a.id === 'gh-aw' && a.via === 'uses'));
  return engine.find((a) => a.via !== 'run' || a.promptInputs.length > 0) ?? engine[0] ?? agents[0];
}

/** The engine runs inside gh-aw's AWF container (egress firewall, tokens excluded). */
export function inAwf(agent: AgentUse): boolean {
  return agent.settings.some(
    (s) => !s.risky && (s.name === 'awf' || (s.name === 'sandbox.agent' && s.value === 'awf')),
  );
}

export function stepOf(job: Job, agent: AgentUse): Step | undefined {
  return agent.step === undefined ? undefined : job.steps.find((s) => s.index === agent.step);
}

/** A short name of the agent's step for messages. */
export function describeAgent(job: Job, agent: AgentUse): string {
  const step = stepOf(job, agent);
  const where = step ? stepLabel(step) : `job \`${job.id}\``;
  return `${agent.id} in ${where}`;
}

export function isCheckout(step: Step): boolean {
  return (
    step.usesRef !== undefined &&
    actionMatches(remoteActionName(step.usesRef) ?? '', 'actions/checkout')
  );
}

function withValue(step: Step, key: string): string | undefined {
  return step.with.find((w) => w.key.toLowerCase() === key)?.value;
}

/** An actions/checkout before `before` (or anywhere) that leaves the token in `.git/config`. */
export function persistedCheckout(job: Job, before: number | undefined): Step | undefined {
  return job.steps.find(
    (s) =>
      (before === undefined || s.index < before) &&
      isCheckout(s) &&
      withValue(s, 'persist-credentials')?.trim().toLowerCase() !== 'false',
  );
}

const HEAD_REF =
  /\b(?:github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|github\.event\.workflow_run\.pull_requests|steps\.[\w-]+\.outputs\.[\w-]*(?:head|sha|ref|branch)[\w-]*)\b|refs\/pull\/|pull\/[^/\s]+\/(?:head|merge)/i;

/** Where the job fetches the pull request's code before `before`, if it does. */
export function prCodeCheckout(
  job: Job,
  before: number | undefined,
  events: readonly string[],
  includeDefault = true,
): { readonly step: Step; readonly how: string } | undefined {
  for (const step of job.steps) {
    if (before !== undefined && step.index >= before) break;
    if (isCheckout(step)) {
      const ref = withValue(step, 'ref') ?? '';
      const repo = withValue(step, 'repository') ?? '';
      if (HEAD_REF.test(ref) || /pull_request\.head\.repo|workflow_run\.head_repository/.test(repo))
        return { step, how: `actions/checkout of ${ref.trim() || repo.trim()}` };
      if (includeDefault && ref.trim() === '' && events.some((e) => PR_CODE_EVENTS.includes(e)))
        return { step, how: 'actions/checkout of the pull request (default ref on a PR event)' };
    }
    if (
      step.run &&
      /\bgh\s+pr\s+checkout\b|\bgit\s+(?:fetch|checkout)\b[^\n]*(?:refs\/pull\/|pull\/\S+\/head|head_ref|head\.ref|head\.sha)/.test(
        step.run,
      )
    ) {
      const cmd = splitCommands(step.run).commands.find(
        (c) =>
          (c.argv[0] === 'gh' && c.argv[1] === 'pr' && c.argv[2] === 'checkout') ||
          c.argv[0] === 'git',
      );
      if (cmd)
        return {
          step,
          how:
            cmd.argv[0] === 'gh'
              ? '`gh pr checkout`'
              : '`git` fetch/checkout of the pull request head',
        };
    }
  }
  return undefined;
}

/** A runner label that is certainly self-hosted (GitHub's `self-hosted` label). */
export function selfHostedLabel(job: Job): string | undefined {
  return job.runsOn.find((l) => l.trim().toLowerCase() === 'self-hosted');
}

export interface Holdings {
  /** Write scopes of the job's GITHUB_TOKEN (after fork / Dependabot downgrades). */
  readonly writeScopes: readonly string[];
  /** Write scopes that change more than conversation (comments, labels, statuses); id-token included. */
  readonly strongWrites: readonly string[];
  /** Long-lived secrets other than an agent's own model key. */
  readonly secrets: readonly Credential[];
  /** App tokens minted in the job (create-github-app-token, an agent's OIDC exchange). */
  readonly appTokens: readonly Credential[];
  readonly selfHosted: string | undefined;
  readonly persistedCheckout: Step | undefined;
  /** Tool servers the job's agents load that can change things. */
  readonly writeTools: readonly ToolReach[];
  /** The repository default permissions were unknown and write was assumed. */
  readonly assumed: boolean;
}

const MODEL_ONLY = /^model-provider:/;
/** Write scopes that change nothing in the repository (Copilot requests, model inference). */
const NOT_REPOSITORY = ['copilot-requests', 'models'];
/** Catalog secret names that are repository tokens, not model keys. */
const REPO_TOKEN_NAME = /^(GH_TOKEN|GITHUB_TOKEN)$|^GH_AW_GITHUB/;

/** An agent's own model or service key by the catalog (`ANTHROPIC_API_KEY`, `COPILOT_GITHUB_TOKEN`). */
function modelKeyOf(agents: readonly AgentUse[], name: string): boolean {
  if (REPO_TOKEN_NAME.test(name)) return false;
  return agents.some((a) => AGENTS.find((c) => c.entry.id === a.id)?.secretNames.includes(name));
}

export function holdings(inv: JobInventory, job: Job, agent: AgentUse | undefined): Holdings {
  const agents = activeAgents(inv);
  const writeScopes = Object.entries(inv.permissions.scopes)
    .filter(([scope, level]) => level === 'write' && !NOT_REPOSITORY.includes(scope))
    .map(([scope]) => scope)
    .sort();
  const strongWrites = writeScopes.filter((s) => !CONVERSATION_SCOPES.includes(s));
  const secrets = inv.credentials.filter(
    (c) =>
      (c.kind === 'static-secret' || c.kind === 'pat' || c.kind === 'inherited-secrets') &&
      !(c.scope === 'narrow' && c.reaches.every((r) => MODEL_ONLY.test(r))) &&
      !modelKeyOf(agents, c.name),
  );
  return {
    writeScopes,
    strongWrites,
    secrets,
    appTokens: inv.credentials.filter((c) => c.kind === 'app-token'),
    selfHosted: selfHostedLabel(job),
    persistedCheckout: persistedCheckout(job, agent?.step),
    writeTools: toolServers(inv).filter((t) => t.writeCapable && !isGhAwManifest(t)),
    assumed: inv.permissions.assumed,
  };
}

/**
 * The job's tool servers. run-gemini-cli records its `settings.mcpServers` object itself as
 * the inline config, which the inventory's parser reads as a config without `mcpServers`
 * (an unreadable server); such entries are parsed again, wrapped.
 */
export function toolServers(
  inv: JobInventory,
  /** Where `needle` is inside the agent's input `input`, to point at each server. */
  locateName?: (agent: AgentUse, input: string, needle: string) => SourceLocation | undefined,
): ToolReach[] {
  const out: ToolReach[] = [];
  for (const t of inv.tools) {
    if (t.name === '(unreadable inline config)' && t.file.startsWith('inline:')) {
      const agent = inv.agents.find((a) => a.id === t.agent);
      const source = agent?.mcpConfig.find(
        (m) => `inline:${m.source}` === t.file && m.value.trim().startsWith('{'),
      );
      if (agent && source) {
        const config = parseInlineToolConfig(
          `{"mcpServers": ${source.value}}`,
          source.source,
          source.at,
        );
        if (config.servers.length > 0) {
          out.push(
            ...config.servers.map((s) => ({
              ...s,
              agent: t.agent,
              at: locateName?.(agent, source.source, `"${s.name}"`) ?? s.at,
            })),
          );
          continue;
        }
      }
    }
    out.push(t);
  }
  return out;
}

/** gh-aw's manifest lists its gateway servers by name only; the inventory cannot read them. */
export function isGhAwManifest(t: ToolReach): boolean {
  return t.file === 'inline:gh-aw-manifest';
}

/** Names of the write authority an agent job holds (empty = none). */
export function writeAuthority(h: Holdings, agents: readonly AgentUse[]): string[] {
  const out: string[] = [];
  const repoWrites = h.strongWrites.filter((s) => s !== 'id-token');
  if (repoWrites.length > 0)
    out.push(
      `GITHUB_TOKEN write (${repoWrites.join(', ')})${h.assumed ? ' — repository default assumed' : ''}`,
    );
  if (h.strongWrites.includes('id-token')) out.push('OIDC tokens (`id-token: write`)');
  const pats = h.secrets.filter((c) => c.kind === 'pat' || c.kind === 'inherited-secrets');
  if (pats.length > 0) out.push(`token secrets ${pats.map((c) => c.name).join(', ')}`);
  const apps = h.appTokens.filter((c) => c.write);
  if (apps.length > 0) out.push(apps.map((c) => c.name).join(', '));
  if (h.writeTools.length > 0)
    out.push(`write-capable tool servers ${h.writeTools.map((t) => t.name).join(', ')}`);
  if (h.persistedCheckout && h.writeScopes.includes('contents'))
    out.push('push credentials persisted by actions/checkout');
  if (agents.some((a) => a.tokenExchange) && apps.length === 0)
    out.push('an App token minted through OIDC');
  return out;
}

/**
 * gh-aw's split: a compiled lock file whose agent job holds a read-only token and whose
 * writes go through a separate safe-outputs job.
 */
export function ghAwSplit(workflow: Workflow, job: Job, inv: JobInventory): boolean {
  if (!/^# gh-aw-metadata:/m.test(workflow.source.text.slice(0, 4000))) return false;
  if (!activeAgents(inv).some((a) => a.id === 'gh-aw')) return false;
  const strong = Object.entries(inv.permissions.scopes).some(
    ([scope, level]) =>
      level === 'write' && scope !== 'id-token' && !NOT_REPOSITORY.includes(scope),
  );
  if (strong) return false;
  return workflow.jobs.some(
    (j) => j.id !== job.id && (j.id === 'safe_outputs' || j.needs.includes(job.id)),
  );
}

/** The job's triggers that are in `list`. */
export function triggersIn(inv: JobInventory, list: readonly string[]): string[] {
  return inv.triggers.filter((t) => list.includes(t));
}

/** The `triggers` option of the agent rules: which events the rule applies on. */
export function triggersOption(description: string): Record<string, unknown> {
  return { type: 'array', items: { type: 'string' }, description };
}

/** Hits of one severity, at most one per location (the first message there wins). */
export function hitsOnePerLocation(severity: Severity): {
  readonly hits: RuleHit[];
  readonly push: (at: SourceLocation, messageId: string, data: MessageData) => void;
} {
  const hits: RuleHit[] = [];
  const seen = new Set<string>();
  return {
    hits,
    push: (at, messageId, data) => {
      const key = `${at.path}:${at.line}:${at.column}`;
      if (seen.has(key)) return;
      seen.add(key);
      hits.push({ at, messageId, data, severity });
    },
  };
}
