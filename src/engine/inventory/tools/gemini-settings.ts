/**
 * `.gemini/settings.json` (and run-gemini-cli's `settings` input, which the action writes
 * there): `mcpServers` (url = SSE, httpUrl = streamable HTTP, `trust: true` skips
 * confirmation, `includeTools` is the allow-list) and the tool settings that bound the
 * built-in tools. run-gemini-cli always runs `--yolo`, so an absent `tools.core` means every
 * built-in tool, `run_shell_command` included, runs without asking: that is a BOM fact.
 */
import type { ConfigDoc, DocPath, Sink } from './config-doc.js';
import { isRecord } from './config-doc.js';
import { readServerMap } from './mcp-json.js';
import { NO_SECRET_CONTEXT } from './secrets.js';
import type { ToolServer } from './types.js';

/** Settings reported as facts: current (v2, nested) path first, then the v1 top-level name. */
const FACTS: readonly { readonly key: string; readonly paths: readonly DocPath[] }[] = [
  { key: 'tools.core', paths: [['tools', 'core'], ['coreTools']] },
  { key: 'tools.allowed', paths: [['tools', 'allowed'], ['allowedTools']] },
  { key: 'tools.exclude', paths: [['tools', 'exclude'], ['excludeTools']] },
  { key: 'tools.sandbox', paths: [['tools', 'sandbox'], ['sandbox']] },
  { key: 'tools.autoAccept', paths: [['tools', 'autoAccept'], ['autoAccept']] },
  { key: 'mcp.allowed', paths: [['mcp', 'allowed'], ['allowMCPServers']] },
  { key: 'mcp.excluded', paths: [['mcp', 'excluded'], ['excludeMCPServers']] },
  { key: 'security.folderTrust.enabled', paths: [['security', 'folderTrust', 'enabled']] },
  { key: 'security.disableYoloMode', paths: [['security', 'disableYoloMode']] },
  { key: 'general.defaultApprovalMode', paths: [['general', 'defaultApprovalMode']] },
];

export const CORE_TOOLS_ABSENT = '(absent: all built-in tools, run_shell_command included)';

function valueAt(data: unknown, path: DocPath): unknown {
  let node = data;
  for (const segment of path) {
    if (!isRecord(node)) return undefined;
    node = node[String(segment)];
  }
  return node;
}

/** Arrays as comma lists, scalars as written; anything else in JSON. */
export function factText(value: unknown): string {
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(',');
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

export function parseGeminiSettings(doc: ConfigDoc, sink: Sink): ToolServer[] {
  const data = doc.data;
  if (!isRecord(data)) return [];
  for (const fact of FACTS) {
    const path = fact.paths.find((p) => valueAt(data, p) !== undefined);
    if (path !== undefined) sink.fact(fact.key, factText(valueAt(data, path)), doc.at(path));
    else if (fact.key === 'tools.core')
      sink.fact(fact.key, CORE_TOOLS_ABSENT, doc.at(isRecord(data['tools']) ? ['tools'] : []));
  }
  return readServerMap(doc, sink, ['mcpServers'], data['mcpServers'], {
    ctx: NO_SECRET_CONTEXT,
    urlTransport: 'sse',
  });
}
