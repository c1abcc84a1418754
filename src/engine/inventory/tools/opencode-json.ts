/**
 * `opencode.json` / `opencode.jsonc`: `mcp.<name>` servers — `{type: "local", command:
 * [exe, ...args], environment}` or `{type: "remote", url, headers}` — and the `permission`
 * and `tools` settings (`"permission": "allow"` approves every tool; per tool `bash`,
 * `edit`, `webfetch`, `external_directory` = allow | ask | deny, or pattern maps).
 */
import type { ConfigDoc, Sink } from './config-doc.js';
import {
  dotted,
  isRecord,
  readBoolean,
  readString,
  readStringList,
  readStringMap,
} from './config-doc.js';
import { factText } from './gemini-settings.js';
import { NO_SECRET_CONTEXT } from './secrets.js';
import { buildServer } from './server.js';
import type { ToolServer } from './types.js';

export function parseOpencodeJson(doc: ConfigDoc, sink: Sink): ToolServer[] {
  const data = doc.data;
  if (!isRecord(data)) return [];
  recordPermissions(doc, sink, data);
  const mcp = data['mcp'];
  if (mcp === undefined) return [];
  if (!isRecord(mcp)) {
    sink.warn(doc.at(['mcp']), 'mcp: expected an object of servers');
    return [];
  }
  const servers: ToolServer[] = [];
  for (const [name, entry] of Object.entries(mcp)) {
    const p = ['mcp', name];
    const at = doc.at(p, true);
    if (!isRecord(entry)) {
      sink.warn(at, `${dotted(p)}: expected a server object`);
      continue;
    }
    const command = commandLine(doc, sink, entry['command'], [...p, 'command']);
    const { server, problems } = buildServer(
      {
        name,
        at,
        type: readString(doc, sink, entry['type'], [...p, 'type']),
        command: command[0],
        args: command.slice(1),
        url: readString(doc, sink, entry['url'], [...p, 'url']),
        env: readStringMap(doc, sink, entry['environment'], [...p, 'environment']),
        headers: readStringMap(doc, sink, entry['headers'], [...p, 'headers']),
        trust: false,
        tools: undefined,
      },
      doc.file,
      NO_SECRET_CONTEXT,
    );
    for (const problem of problems) sink.warn(at, `${dotted(p)}: ${problem}`);
    servers.push(server);
    if (readBoolean(doc, sink, entry['enabled'], [...p, 'enabled']) === false)
      sink.fact(`${dotted(p)}.enabled`, 'false', at);
  }
  return servers;
}

/** opencode wants an array; a string is taken as the whole command line, with a warning. */
function commandLine(
  doc: ConfigDoc,
  sink: Sink,
  value: unknown,
  path: readonly (string | number)[],
): string[] {
  if (typeof value === 'string') {
    sink.warn(doc.at(path), `${dotted(path)}: expected an array [command, ...args]`);
    return value.split(/\s+/).filter((w) => w !== '');
  }
  return readStringList(doc, sink, value, path);
}

/** `permission` (string or per-tool) and legacy `tools` switches, one fact each. */
function recordPermissions(doc: ConfigDoc, sink: Sink, data: Record<string, unknown>): void {
  const permission = data['permission'];
  if (typeof permission === 'string') sink.fact('permission', permission, doc.at(['permission']));
  else if (isRecord(permission)) {
    for (const [tool, rule] of Object.entries(permission)) {
      const value = isRecord(rule)
        ? Object.entries(rule)
            .map(([pattern, action]) => `${pattern}=${factText(action)}`)
            .join(',')
        : factText(rule);
      sink.fact(`permission.${tool}`, value, doc.at(['permission', tool]));
    }
  } else if (permission !== undefined)
    sink.warn(doc.at(['permission']), 'permission: expected a string or an object');
  const tools = data['tools'];
  if (isRecord(tools)) {
    for (const [tool, on] of Object.entries(tools))
      sink.fact(`tools.${tool}`, factText(on), doc.at(['tools', tool]));
  } else if (tools !== undefined) sink.warn(doc.at(['tools']), 'tools: expected an object');
}
