/**
 * GitHub Agentic Workflows, best effort from a compiled `.lock.yml` (agents.md §6.3–§6.4):
 * the `# gh-aw-metadata` / `# gh-aw-manifest` header, the engine id in `GH_AW_INFO_*` env,
 * whether the engine runs inside the AWF firewall, and the engine's own CLI flags.
 */
import type { SourceLocation } from '../../errors.js';
import { offsetLocation } from '../../workflow/source.js';
import { firstCommand } from './argv.js';
import { loadsMcpServers } from '../gh-aw-roles.js';
import { CLAUDE_CLI } from './claude.js';
import type { CliSpec } from './cli.js';
import { applyCli } from './cli.js';
import { CODEX_CLI } from './codex.js';
import type { Collector } from './collector.js';
import { anchorAt, entryAt, isObject, parseJson, risky, safe, scalarLocator } from './collector.js';
import { GEMINI_CLI } from './gemini.js';
import { COPILOT_CLI } from './copilot.js';

const ENGINES: Readonly<Record<string, CliSpec>> = {
  claude: CLAUDE_CLI,
  codex: CODEX_CLI,
  copilot: COPILOT_CLI,
  gemini: GEMINI_CLI,
};

interface Header {
  readonly value: Readonly<Record<string, unknown>>;
  readonly at: SourceLocation;
}

/** `# <tag>: {json}` within the first lines of the file. */
function header(c: Collector, tag: string): Header | undefined {
  const text = c.ctx.workflow.source.text;
  let offset = 0;
  for (const line of text.split('\n', 8)) {
    const prefix = `# ${tag}:`;
    if (line.startsWith(prefix)) {
      const parsed = parseJson(line.slice(prefix.length).trim());
      if (parsed.ok && isObject(parsed.value))
        return { value: parsed.value, at: offsetLocation(c.ctx.workflow.source, offset) };
      return undefined;
    }
    offset += line.length + 1;
  }
  return undefined;
}

export function ghAw(c: Collector): void {
  const { ctx } = c;
  const { job } = ctx;
  const meta = header(c, 'gh-aw-metadata');
  const envs = [...job.env, ...job.steps.flatMap((s) => s.env)];
  const engineEnv = envs.find((e) => e.key === 'GH_AW_INFO_ENGINE_ID');
  const metaEngine =
    meta && typeof meta.value.agent_id === 'string' ? meta.value.agent_id : undefined;
  let engine = engineEnv?.value.trim() || metaEngine;

  // The engine's own CLI flags; an unknown engine is whichever CLI the job runs.
  const candidates = engine && ENGINES[engine] ? [engine] : Object.keys(ENGINES);
  let runs = 0;
  for (const id of candidates) {
    const found = applyCli(c, ENGINES[id]!, job.steps);
    if (found > 0) engine ??= id;
    runs += found;
  }
  let awf: SourceLocation | undefined;
  for (const step of job.steps) {
    awf ??= step.run
      ? firstCommand(step.run, 'awf', scalarLocator(ctx, [...step.at, 'run']))
      : undefined;
  }
  c.mode = engine;
  if (runs === 0 && !awf) return;

  const engineAt = engineEnv ? entryAt(ctx, engineEnv) : (meta?.at ?? anchorAt(ctx));
  c.add(
    'engine',
    engine ?? '(unknown)',
    safe(`gh-aw runs the ${engine ?? 'unknown'} engine in this job`),
    engineAt,
  );
  if (awf)
    c.add(
      'sandbox.agent',
      'awf',
      safe('the engine runs inside the AWF container with an egress firewall'),
      awf,
    );
  else
    c.add(
      'sandbox.agent',
      '(absent)',
      risky(
        'the engine runs on the runner without the AWF sandbox and firewall (sandbox.agent: false)',
        { bypass: true },
      ),
      anchorAt(ctx),
    );
  if (meta && typeof meta.value.strict === 'boolean')
    c.add(
      'strict',
      String(meta.value.strict),
      meta.value.strict
        ? safe('strict mode: compile-time safety checks on')
        : risky("strict: false: gh-aw's compile-time safety checks are off"),
      meta.at,
    );
  const firewall = envs.find((e) => e.key === 'GH_AW_INFO_FIREWALL_ENABLED');
  if (firewall?.value.trim() === 'false')
    c.add(
      'network.firewall',
      'false',
      risky('no egress allowlist for the agent'),
      entryAt(ctx, firewall),
    );
  // The manifest lists the workflow's MCP servers; only a job that starts the MCP gateway
  // loads them (threat detection clears the config and runs the engine without tools).
  const manifest = header(c, 'gh-aw-manifest');
  const servers = manifest?.value.mcp_servers;
  if (manifest && servers !== undefined && loadsMcpServers(job))
    c.mcpConfig.push({ source: 'gh-aw-manifest', value: JSON.stringify(servers), at: manifest.at });
  c.mode = engine;
}
