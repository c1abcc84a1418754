/**
 * What the repository's MCP and agent configuration files (agents.md §8) give an agent:
 * the tool servers it can start, its permission settings, and other facts worth a BOM line.
 * Produced by the pure parsers in this folder from file TEXT; nothing here does I/O.
 */
import type { SourceLocation } from '../../errors.js';

export interface ToolServer {
  readonly name: string;
  /** Repo path of the file, or `inline:<input name>` for JSON given in a workflow input. */
  readonly file: string;
  readonly transport: 'stdio' | 'http' | 'sse' | 'unknown';
  /** stdio: the executable. */
  readonly command: string | undefined;
  readonly args: readonly string[];
  /** http/sse/streamable endpoint, or the remote a local proxy (mcp-remote) connects to. */
  readonly url: string | undefined;
  /** Reaches the network by design (url/httpUrl, a remote type, or a local proxy to a remote). */
  readonly remote: boolean;
  /** npx / uvx / pipx run / docker run / bunx / dlx …: code fetched at run time. */
  readonly fetchesCode: boolean;
  /** Names of env vars / headers whose values reference secrets; never the values. */
  readonly secrets: readonly string[];
  /** Tool calls bypass confirmation: gemini `trust: true`, copilot `tools: ["*"]`. */
  readonly trust: boolean;
  /** The tool allow-list when one is declared. */
  readonly tools: readonly string[] | '*' | undefined;
  /** It can change things (see server-capabilities.ts for the heuristic). */
  readonly writeCapable: boolean;
  readonly at: SourceLocation;
}

/** `.claude/settings.json` (and the claude-code-action `settings` input). */
export interface AgentPermissionSettings {
  readonly allow: readonly string[];
  readonly ask: readonly string[];
  readonly deny: readonly string[];
  readonly defaultMode: string | undefined;
  readonly enableAllProjectMcpServers: boolean | undefined;
  /** Hook commands. */
  readonly hooks: readonly string[];
  readonly sandboxEnabled: boolean | undefined;
  readonly at: SourceLocation;
}

export interface ToolSetting {
  readonly key: string;
  readonly value: string;
  readonly at: SourceLocation;
}

export interface ToolConfig {
  readonly servers: readonly ToolServer[];
  readonly permissions: AgentPermissionSettings | undefined;
  /** Problems found (malformed file, unknown shape): recorded, never thrown, never silent. Each names file:line:column when known. */
  readonly warnings: readonly string[];
  /** Other facts worth a BOM line (e.g. codex sandbox_mode, approval_policy, network_access; gemini tools.core absent). */
  readonly settings: readonly ToolSetting[];
}

export type ToolConfigFormat =
  | 'mcp-json'
  | 'vscode-mcp'
  | 'cursor-mcp'
  | 'gemini-settings'
  | 'codex-toml'
  | 'claude-settings'
  | 'copilot-mcp'
  | 'opencode-json';
