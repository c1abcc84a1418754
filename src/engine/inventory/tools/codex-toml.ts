/**
 * `.codex/config.toml` (and `$CODEX_HOME/config.toml`): `[mcp_servers.<name>]` servers —
 * `command`/`args`/`env` (stdio) or `url` (streamable HTTP) with `bearer_token_env_var`,
 * `http_headers`, `env_http_headers`; `enabled_tools` is the allow-list — and the sandbox
 * and approval settings that bound the agent (`sandbox_mode`, `approval_policy`,
 * `[sandbox_workspace_write] network_access`, project trust), reported as facts.
 */
import type { SourceLocation } from '../../errors.js';
import type { ConfigDoc, DocPath, Sink } from './config-doc.js';
import {
  dotted,
  isRecord,
  readBoolean,
  readString,
  readStringList,
  readStringMap,
} from './config-doc.js';
import { factText } from './gemini-settings.js';
import { looksLikeCredential, NO_SECRET_CONTEXT } from './secrets.js';
import { buildServer } from './server.js';
import { readToml, tomlKey } from './toml.js';
import type { ToolServer } from './types.js';

/** Settings reported as written; `*` stands for every key of that table. */
const FACTS: readonly DocPath[] = [
  ['sandbox_mode'],
  ['approval_policy'],
  ['sandbox_workspace_write', 'network_access'],
  ['sandbox_workspace_write', 'writable_roots'],
  ['shell_environment_policy', 'inherit'],
  ['model_provider'],
  ['web_search'],
  ['tools', 'web_search'],
  ['projects', '*', 'trust_level'],
  ['profiles', '*', 'sandbox_mode'],
  ['profiles', '*', 'approval_policy'],
];

/**
 * A ConfigDoc over TOML: a path's location is its own key's, else its nearest ancestor's.
 * With `inlineAt` (TOML given in a workflow input) every location is the input's.
 */
export function tomlDoc(
  text: string,
  file: string,
  sink: Sink,
  inlineAt?: SourceLocation,
): ConfigDoc {
  const toml = readToml(text);
  for (const e of toml.errors) {
    if (inlineAt)
      sink.warn(inlineAt, `line ${e.line} column ${e.column}: invalid TOML: ${e.message}`);
    else sink.warn({ path: file, line: e.line, column: e.column }, `invalid TOML: ${e.message}`);
  }
  const at = (path: DocPath): SourceLocation => {
    if (inlineAt) return inlineAt;
    for (let n = path.length; n > 0; n--) {
      const p = toml.positions.get(tomlKey(path.slice(0, n)));
      if (p) return { path: file, line: p.line, column: p.column };
    }
    return { path: file, line: 1, column: 1 };
  };
  return { file, data: toml.data, at };
}

function expand(data: unknown, pattern: DocPath, prefix: DocPath = []): [DocPath, unknown][] {
  const [head, ...rest] = pattern;
  if (head === undefined) return [[prefix, data]];
  if (!isRecord(data)) return [];
  const keys = head === '*' ? Object.keys(data) : [String(head)];
  return keys.flatMap((k) => (data[k] === undefined ? [] : expand(data[k], rest, [...prefix, k])));
}

export function parseCodexToml(doc: ConfigDoc, sink: Sink): ToolServer[] {
  const data = doc.data;
  if (!isRecord(data)) return [];
  for (const pattern of FACTS) {
    for (const [path, value] of expand(data, pattern))
      sink.fact(dotted(path), factText(value), doc.at(path));
  }
  const table = data['mcp_servers'];
  if (table === undefined) return [];
  if (!isRecord(table)) {
    sink.warn(doc.at(['mcp_servers']), 'mcp_servers: expected a table of servers');
    return [];
  }
  const servers: ToolServer[] = [];
  for (const [name, entry] of Object.entries(table)) {
    const p = ['mcp_servers', name];
    const at = doc.at(p);
    if (!isRecord(entry)) {
      sink.warn(at, `${dotted(p)}: expected a table`);
      continue;
    }
    const field = (key: string): DocPath => [...p, key];
    const bearer = readString(
      doc,
      sink,
      entry['bearer_token_env_var'],
      field('bearer_token_env_var'),
    );
    // env_http_headers maps a header to the NAME of the env var holding its value.
    const envHeaders = readStringMap(
      doc,
      sink,
      entry['env_http_headers'],
      field('env_http_headers'),
    );
    const forwarded = readStringList(doc, sink, entry['env_vars'], field('env_vars')).filter(
      looksLikeCredential,
    );
    const enabledTools =
      entry['enabled_tools'] === undefined
        ? undefined
        : readStringList(doc, sink, entry['enabled_tools'], field('enabled_tools'));
    const { server, problems } = buildServer(
      {
        name,
        at,
        type: undefined,
        command: readString(doc, sink, entry['command'], field('command')),
        args: readStringList(doc, sink, entry['args'], field('args')),
        url: readString(doc, sink, entry['url'], field('url')),
        env: readStringMap(doc, sink, entry['env'], field('env')),
        headers: readStringMap(doc, sink, entry['http_headers'], field('http_headers')),
        extraSecrets: [
          ...(bearer !== undefined ? [bearer] : []),
          ...envHeaders.map(([h]) => h),
          ...forwarded,
        ],
        trust: false,
        tools: enabledTools?.includes('*') === true ? '*' : enabledTools,
      },
      doc.file,
      NO_SECRET_CONTEXT,
    );
    for (const problem of problems) sink.warn(at, `${dotted(p)}: ${problem}`);
    servers.push(server);
    if (readBoolean(doc, sink, entry['enabled'], field('enabled')) === false)
      sink.fact(`${dotted(p)}.enabled`, 'false', at);
    if (entry['disabled_tools'] !== undefined) {
      const list = readStringList(doc, sink, entry['disabled_tools'], field('disabled_tools'));
      sink.fact(`${dotted(p)}.disabled_tools`, list.join(','), doc.at(field('disabled_tools')));
    }
  }
  return servers;
}
