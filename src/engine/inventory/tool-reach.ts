/**
 * The tools (MCP servers) and permission settings a job's agents load: from their inline
 * workflow inputs (`--mcp-config`, `mcp_config`, `settings`) and from the repository files
 * each agent reads (the catalog's `config_files`). Parse problems become warnings and an
 * unreadable inline config becomes a server of unknown, write-capable reach (fail closed).
 */
import { AGENTS } from './agent-catalog.js';
import { displayPath } from './repo-snapshot.js';
import type { RepoSnapshot } from './repo-snapshot.js';
import {
  TOOL_CONFIG_FILES,
  parseInlineToolConfig,
  parseToolConfig,
} from './tools/parse-tool-config.js';
import type { ToolConfig } from './tools/types.js';
import type { SourceLocation } from '../errors.js';
import type { AgentUse, JobInventory, ToolReach } from './types.js';

export interface ToolReachResult {
  readonly tools: ToolReach[];
  readonly agentConfig: JobInventory['agentConfig'][number][];
  readonly warnings: string[];
}

/** Parsed repository config files, once per snapshot (shared by every job of a scan). */
const parsedBySnapshot = new WeakMap<RepoSnapshot, Map<string, ToolConfig>>();

export function toolReach(agents: readonly AgentUse[], repo: RepoSnapshot): ToolReachResult {
  const result: ToolReachResult = { tools: [], agentConfig: [], warnings: [] };
  let parsed = parsedBySnapshot.get(repo);
  if (!parsed) parsedBySnapshot.set(repo, (parsed = new Map<string, ToolConfig>()));
  for (const agent of agents) {
    for (const source of agent.mcpConfig) {
      const config = parseInlineToolConfig(source.value, source.source, source.at);
      // The input may name a file instead of holding JSON: read it from the repository.
      const pointed = config.settings
        .find((s) => s.key.endsWith('.path'))
        ?.value.replace(/^\.\//, '');
      const pointedText = pointed === undefined ? undefined : repo.files.get(pointed);
      if (pointed !== undefined && pointedText !== undefined) {
        add(
          result,
          agent.id,
          pointed,
          parseToolConfig(pointedText, displayPath(repo, pointed), 'mcp-json'),
        );
        continue;
      }
      add(result, agent.id, `inline:${source.source}`, config);
      if (config.servers.length === 0 && (config.warnings.length > 0 || pointed !== undefined)) {
        const name =
          pointed === undefined
            ? '(unreadable inline config)'
            : `(servers in ${pointed}, not read)`;
        result.tools.push(unknownServer(agent.id, name, `inline:${source.source}`, source.at));
      }
    }
    for (const file of filesReadBy(agent.id)) {
      const shown = displayPath(repo, file.path);
      if (repo.unread?.includes(file.path)) {
        // The agent may load a file the gate could not read: its tools are unknown.
        result.tools.push(
          unknownServer(agent.id, `(servers in ${file.path}, not read)`, file.path, {
            path: shown,
            line: 1,
            column: 1,
          }),
        );
        continue;
      }
      const text = repo.files.get(file.path);
      if (text === undefined) continue;
      let config = parsed.get(file.path);
      if (!config) {
        config = parseToolConfig(text, shown, file.format);
        parsed.set(file.path, config);
      }
      result.warnings.push(...config.warnings);
      add(result, agent.id, file.path, config, false);
      if (
        config.servers.length === 0 &&
        config.permissions === undefined &&
        config.warnings.length > 0
      ) {
        result.tools.push(
          unknownServer(agent.id, `(servers in ${file.path}, unreadable)`, file.path, {
            path: shown,
            line: 1,
            column: 1,
          }),
        );
      }
    }
  }
  result.warnings.splice(0, result.warnings.length, ...new Set(result.warnings));
  return result;
}

/** A tool source the gate could not read: assumed remote, code-fetching and able to write. */
function unknownServer(agent: string, name: string, file: string, at: SourceLocation): ToolReach {
  return {
    agent,
    name,
    file,
    transport: 'unknown',
    command: undefined,
    args: [],
    url: undefined,
    remote: true,
    fetchesCode: true,
    secrets: [],
    trust: true,
    tools: '*',
    writeCapable: true,
    at,
  };
}

function add(
  result: ToolReachResult,
  agent: string,
  file: string,
  config: ToolConfig,
  warn = true,
): void {
  result.tools.push(...config.servers.map((s) => ({ ...s, agent })));
  if (config.permissions || config.settings.length > 0) {
    result.agentConfig.push({
      agent,
      file,
      permissions: config.permissions,
      settings: config.settings,
    });
  }
  if (warn) result.warnings.push(...config.warnings);
}

/** The repository config files an agent reads, by the catalog's `config_files`. */
function filesReadBy(agentId: string): typeof TOOL_CONFIG_FILES {
  const entry = AGENTS.find((a) => a.entry.id === agentId)?.entry;
  if (!entry) return [];
  const declared = new Set(entry.config_files.map((f) => f.replace(/^\.\//, '')));
  return TOOL_CONFIG_FILES.filter((f) => declared.has(f.path));
}
