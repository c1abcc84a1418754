/**
 * The JSON server-map shapes: `{"mcpServers": {…}}` (.mcp.json, .cursor/mcp.json,
 * .amazonq/mcp.json, the Copilot coding agent's MCP JSON, `--mcp-config`) and
 * `{"servers": {…}, "inputs": […]}` (.vscode/mcp.json). `readServerMap` reads the union of
 * the server fields every format uses, so gemini-settings.ts reuses it for its own map.
 */
import type { ConfigDoc, DocPath, Sink } from './config-doc.js';
import {
  dotted,
  isRecord,
  readBoolean,
  readString,
  readStringList,
  readStringMap,
} from './config-doc.js';
import type { SecretContext } from './secrets.js';
import { buildServer } from './server.js';
import type { ToolConfigFormat, ToolServer } from './types.js';

export interface ServerMapOptions {
  readonly ctx: SecretContext;
  /** How a bare `url` is spoken: gemini's `url` is SSE (its `httpUrl` is streamable HTTP). */
  readonly urlTransport: 'http' | 'sse';
}

export function readServerMap(
  doc: ConfigDoc,
  sink: Sink,
  path: DocPath,
  value: unknown,
  options: ServerMapOptions,
): ToolServer[] {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) {
    sink.warn(doc.at(path), `${dotted(path)}: expected an object of servers`);
    return [];
  }
  const servers: ToolServer[] = [];
  for (const [name, entry] of Object.entries(value)) {
    const p = [...path, name];
    const at = doc.at(p, true);
    if (!isRecord(entry)) {
      sink.warn(at, `${dotted(p)}: expected a server object`);
      continue;
    }
    const field = (key: string): DocPath => [...p, key];
    const url = readString(doc, sink, entry['url'], field('url'));
    const httpUrl = readString(doc, sink, entry['httpUrl'], field('httpUrl'));
    const { tools, trust } = readTools(doc, sink, entry, p);
    const { server, problems } = buildServer(
      {
        name,
        at,
        type: readString(doc, sink, entry['type'], field('type')),
        command: readString(doc, sink, entry['command'], field('command')),
        args: readStringList(doc, sink, entry['args'], field('args')),
        url: httpUrl ?? url,
        urlTransport: httpUrl !== undefined ? 'http' : options.urlTransport,
        env: readStringMap(doc, sink, entry['env'], field('env')),
        headers: readStringMap(doc, sink, entry['headers'], field('headers')),
        trust,
        tools,
      },
      doc.file,
      options.ctx,
    );
    for (const problem of problems) sink.warn(at, `${dotted(p)}: ${problem}`);
    servers.push(server);
    recordFacts(doc, sink, entry, p);
  }
  return servers;
}

/** `tools` (Copilot) / `includeTools` (Gemini) allow-lists; `["*"]` and `trust: true` skip approval. */
function readTools(
  doc: ConfigDoc,
  sink: Sink,
  entry: Record<string, unknown>,
  p: DocPath,
): { tools: readonly string[] | '*' | undefined; trust: boolean } {
  const key = entry['tools'] !== undefined ? 'tools' : 'includeTools';
  const list =
    entry[key] === undefined ? undefined : readStringList(doc, sink, entry[key], [...p, key]);
  const wildcard = list?.includes('*') === true;
  const trusted = readBoolean(doc, sink, entry['trust'], [...p, 'trust']) === true;
  return { tools: wildcard ? '*' : list, trust: trusted || wildcard };
}

/** Server fields that change reach without being a server property of the BOM record. */
function recordFacts(doc: ConfigDoc, sink: Sink, entry: Record<string, unknown>, p: DocPath): void {
  const disabled = readBoolean(doc, sink, entry['disabled'], [...p, 'disabled']);
  const enabled = readBoolean(doc, sink, entry['enabled'], [...p, 'enabled']);
  if (disabled === true || enabled === false)
    sink.fact(`${dotted(p)}.enabled`, 'false', doc.at(p, true));
  const envFile = readString(doc, sink, entry['envFile'], [...p, 'envFile']);
  if (envFile !== undefined) sink.fact(`${dotted(p)}.envFile`, envFile, doc.at([...p, 'envFile']));
  const exclude = entry['excludeTools'];
  if (exclude !== undefined) {
    const list = readStringList(doc, sink, exclude, [...p, 'excludeTools']);
    sink.fact(`${dotted(p)}.excludeTools`, list.join(','), doc.at([...p, 'excludeTools']));
  }
}

/** Which top-level key each format's tool reads; the other is read too, with a warning. */
const PRIMARY_KEY: Readonly<Partial<Record<ToolConfigFormat, string>>> = {
  'vscode-mcp': 'servers',
};

export function parseServerFile(
  doc: ConfigDoc,
  sink: Sink,
  format: ToolConfigFormat,
): ToolServer[] {
  const data = doc.data;
  if (!isRecord(data)) return [];
  const primary = PRIMARY_KEY[format] ?? 'mcpServers';
  const ctx: SecretContext = { passwordInputs: passwordInputs(doc, sink, data['inputs']) };
  const servers: ToolServer[] = [];
  let found = false;
  for (const key of ['mcpServers', 'servers']) {
    if (data[key] === undefined) continue;
    found = true;
    if (key !== primary)
      sink.warn(
        doc.at([key], true),
        `"${key}" is not where this tool reads servers ("${primary}"); read anyway`,
      );
    servers.push(...readServerMap(doc, sink, [key], data[key], { ctx, urlTransport: 'http' }));
  }
  if (!found) sink.warn(doc.at([]), `no "${primary}" object: no servers declared`);
  return servers;
}

/** VS Code `inputs` with `password: true`: `${input:id}` references to them are secrets. */
function passwordInputs(doc: ConfigDoc, sink: Sink, value: unknown): Set<string> {
  const ids = new Set<string>();
  if (value === undefined) return ids;
  if (!Array.isArray(value)) {
    sink.warn(doc.at(['inputs']), 'inputs: expected an array');
    return ids;
  }
  value.forEach((input: unknown, i) => {
    if (!isRecord(input)) return;
    const id = readString(doc, sink, input['id'], ['inputs', i, 'id']);
    if (id !== undefined && input['password'] === true) ids.add(id);
  });
  return ids;
}
