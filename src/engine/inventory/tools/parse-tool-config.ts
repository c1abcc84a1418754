/**
 * The entry point of the tool-config inventory: which repository files an agent may read
 * its tools from (agents.md §8), and one parser call per file TEXT or inline workflow input.
 * Pure: the caller reads the files. Never throws; every problem is a located warning.
 */
import { formatLocation } from '../../errors.js';
import type { SourceLocation } from '../../errors.js';
import { parseClaudeSettings } from './claude-settings.js';
import { parseCodexToml, tomlDoc } from './codex-toml.js';
import { isRecord, MAX_TOOL_CONFIG_BYTES, readJsonDoc, Sink } from './config-doc.js';
import type { ConfigDoc } from './config-doc.js';
import { parseGeminiSettings } from './gemini-settings.js';
import { parseServerFile } from './mcp-json.js';
import { parseOpencodeJson } from './opencode-json.js';
import type { AgentPermissionSettings, ToolConfig, ToolConfigFormat, ToolServer } from './types.js';

export type { AgentPermissionSettings, ToolConfig, ToolConfigFormat, ToolServer } from './types.js';

/** Repo-relative paths an agent reads tool configuration from, with their format. */
export const TOOL_CONFIG_FILES: readonly {
  readonly path: string;
  readonly format: ToolConfigFormat;
}[] = [
  { path: '.mcp.json', format: 'mcp-json' },
  { path: '.vscode/mcp.json', format: 'vscode-mcp' },
  { path: '.cursor/mcp.json', format: 'cursor-mcp' },
  { path: '.gemini/settings.json', format: 'gemini-settings' },
  { path: '.codex/config.toml', format: 'codex-toml' },
  { path: '.claude/settings.json', format: 'claude-settings' },
  { path: '.claude/settings.local.json', format: 'claude-settings' },
  { path: 'opencode.json', format: 'opencode-json' },
  { path: 'opencode.jsonc', format: 'opencode-json' },
  { path: '.amazonq/mcp.json', format: 'mcp-json' },
];

interface Parsed {
  servers: ToolServer[];
  permissions: AgentPermissionSettings | undefined;
}

function dispatch(doc: ConfigDoc, sink: Sink, format: ToolConfigFormat): Parsed {
  switch (format) {
    case 'mcp-json':
    case 'vscode-mcp':
    case 'cursor-mcp':
    case 'copilot-mcp':
      return { servers: parseServerFile(doc, sink, format), permissions: undefined };
    case 'gemini-settings':
      return { servers: parseGeminiSettings(doc, sink), permissions: undefined };
    case 'claude-settings':
      return { servers: [], permissions: parseClaudeSettings(doc, sink) };
    case 'opencode-json':
      return { servers: parseOpencodeJson(doc, sink), permissions: undefined };
    case 'codex-toml':
      return { servers: parseCodexToml(doc, sink), permissions: undefined };
  }
}

function result(parsed: Parsed, sink: Sink): ToolConfig {
  return { ...parsed, warnings: sink.warnings, settings: sink.settings };
}

/** A last line of defence: a bug in a parser must still not stop the inventory. */
function guarded(at: SourceLocation, label: string, run: () => ToolConfig): ToolConfig {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    const warning = `${formatLocation(at)}: ${label}could not be read (internal error: ${reason})`;
    return { servers: [], permissions: undefined, warnings: [warning], settings: [] };
  }
}

export function parseToolConfig(text: string, file: string, format: ToolConfigFormat): ToolConfig {
  const start = { path: file, line: 1, column: 1 };
  return guarded(start, '', () => {
    const sink = new Sink();
    let doc: ConfigDoc | undefined;
    if (format === 'codex-toml') {
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > MAX_TOOL_CONFIG_BYTES)
        sink.warn(start, `${bytes} bytes, over the ${MAX_TOOL_CONFIG_BYTES}-byte limit; not read`);
      else doc = tomlDoc(text, file, sink);
    } else {
      doc = readJsonDoc(text, file, sink);
    }
    return result(
      doc ? dispatch(doc, sink, format) : { servers: [], permissions: undefined },
      sink,
    );
  });
}

/** Keys that only Gemini CLI settings have (the run-gemini-cli `settings` input). */
const GEMINI_KEYS = [
  'tools',
  'mcp',
  'security',
  'general',
  'coreTools',
  'excludeTools',
  'allowedTools',
  'allowMCPServers',
];
const GEMINI_SERVER_KEYS = ['httpUrl', 'trust', 'includeTools', 'excludeTools'];
/** Keys of Claude Code settings (the claude-code-action `settings` input). */
const CLAUDE_KEYS = [
  'permissions',
  'hooks',
  'env',
  'sandbox',
  'enableAllProjectMcpServers',
  'apiKeyHelper',
  'statusLine',
  'enabledPlugins',
  'enabledMcpjsonServers',
];

/** Which parsers an inline JSON object needs when the caller does not say. */
function detect(data: Record<string, unknown>): ToolConfigFormat[] {
  const servers = [data['mcpServers'], data['servers']].filter(isRecord);
  const geminiServer = servers.some((m) =>
    Object.values(m).some((s) => isRecord(s) && GEMINI_SERVER_KEYS.some((k) => k in s)),
  );
  if (GEMINI_KEYS.some((k) => k in data) || geminiServer) return ['gemini-settings'];
  const formats: ToolConfigFormat[] = [];
  if (CLAUDE_KEYS.some((k) => k in data)) formats.push('claude-settings');
  if (servers.length > 0 || formats.length === 0) formats.push('mcp-json');
  return formats;
}

/**
 * JSON given inline in a workflow input (claude-code-action `settings` / `mcp_config` /
 * `--mcp-config '<json>'`, run-gemini-cli `settings`). Every location is the input's `at`;
 * warnings name the line inside the inline text. Without `format` the shape decides.
 */
export function parseInlineToolConfig(
  text: string,
  input: string,
  at: SourceLocation,
  format?: ToolConfigFormat,
): ToolConfig {
  const file = `inline:${input}`;
  return guarded(at, `${file}: `, () => {
    const sink = new Sink(`${file}: `);
    const trimmed = text.trim();
    // Both inputs also accept a file path: a fact for the caller to follow, not JSON.
    if (/^[^\s{}[\]"',:]+$/.test(trimmed)) {
      sink.fact(`${file}.path`, trimmed, at);
      return result({ servers: [], permissions: undefined }, sink);
    }
    const doc =
      format === 'codex-toml' ? tomlDoc(text, file, sink, at) : readJsonDoc(text, file, sink, at);
    if (!doc) return result({ servers: [], permissions: undefined }, sink);
    const formats = format
      ? [format]
      : isRecord(doc.data)
        ? detect(doc.data)
        : ['mcp-json' as const];
    const parsed: Parsed = { servers: [], permissions: undefined };
    for (const f of formats) {
      const one = dispatch(doc, sink, f);
      parsed.servers.push(...one.servers);
      parsed.permissions ??= one.permissions;
    }
    return result(parsed, sink);
  });
}
