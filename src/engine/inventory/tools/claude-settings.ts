/**
 * `.claude/settings.json`, `.claude/settings.local.json` and the claude-code-action
 * `settings` input: permission rules, default mode, MCP auto-approval, hook commands (shell
 * Claude Code runs itself), the Bash sandbox, and other settings that run code or widen
 * reach (apiKeyHelper, statusLine, plugins, marketplaces, env) as facts.
 */
import type { ConfigDoc, DocPath, Sink } from './config-doc.js';
import { dotted, isRecord, readBoolean, readString, readStringList } from './config-doc.js';
import { factText } from './gemini-settings.js';
import { looksLikeCredential } from './secrets.js';
import type { AgentPermissionSettings } from './types.js';

/** Settings whose value is reported as written (lists comma-joined). */
const PLAIN_FACTS: readonly DocPath[] = [
  ['permissions', 'additionalDirectories'],
  ['permissions', 'disableBypassPermissionsMode'],
  ['enabledMcpjsonServers'],
  ['disabledMcpjsonServers'],
  ['apiKeyHelper'],
  ['statusLine', 'command'],
  ['sandbox', 'autoAllowBashIfSandboxed'],
  ['sandbox', 'allowUnsandboxedCommands'],
  ['sandbox', 'failIfUnavailable'],
  ['sandbox', 'network', 'allowedDomains'],
];

export function parseClaudeSettings(
  doc: ConfigDoc,
  sink: Sink,
): AgentPermissionSettings | undefined {
  const data = doc.data;
  if (!isRecord(data)) return undefined;
  const perms = data['permissions'];
  const p = isRecord(perms) ? perms : {};
  if (perms !== undefined && !isRecord(perms))
    sink.warn(doc.at(['permissions']), 'permissions: expected an object');
  const list = (key: string): string[] => readStringList(doc, sink, p[key], ['permissions', key]);
  const settings: AgentPermissionSettings = {
    allow: list('allow'),
    ask: list('ask'),
    deny: list('deny'),
    defaultMode: readString(doc, sink, p['defaultMode'], ['permissions', 'defaultMode']),
    enableAllProjectMcpServers: readBoolean(doc, sink, data['enableAllProjectMcpServers'], [
      'enableAllProjectMcpServers',
    ]),
    hooks: hookCommands(doc, sink, data['hooks']),
    sandboxEnabled: isRecord(data['sandbox'])
      ? readBoolean(doc, sink, data['sandbox']['enabled'], ['sandbox', 'enabled'])
      : undefined,
    at: doc.at(perms !== undefined ? ['permissions'] : [], true),
  };
  for (const path of PLAIN_FACTS) {
    const value = valueAt(data, path);
    if (value !== undefined) sink.fact(dotted(path), factText(value), doc.at(path));
  }
  recordNamedFacts(doc, sink, data);
  return settings;
}

function valueAt(data: Record<string, unknown>, path: DocPath): unknown {
  let node: unknown = data;
  for (const segment of path) node = isRecord(node) ? node[String(segment)] : undefined;
  return node;
}

/** `hooks.<Event>[].hooks[].command`: every command hook, in file order. */
function hookCommands(doc: ConfigDoc, sink: Sink, hooks: unknown): string[] {
  if (hooks === undefined) return [];
  if (!isRecord(hooks)) {
    sink.warn(doc.at(['hooks']), 'hooks: expected an object of events');
    return [];
  }
  const commands: string[] = [];
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) {
      sink.warn(doc.at(['hooks', event]), `hooks.${event}: expected an array`);
      continue;
    }
    groups.forEach((group: unknown, g) => {
      const inner = isRecord(group) ? group['hooks'] : undefined;
      if (!Array.isArray(inner)) {
        sink.warn(
          doc.at(['hooks', event, g]),
          `${dotted(['hooks', event, g])}: expected {"hooks": [...]}`,
        );
        return;
      }
      inner.forEach((hook: unknown, h) => {
        const path = ['hooks', event, g, 'hooks', h, 'command'];
        const command = isRecord(hook) ? readString(doc, sink, hook['command'], path) : undefined;
        if (command !== undefined) commands.push(command);
        else if (!isRecord(hook) || hook['type'] === 'command')
          sink.warn(
            doc.at(path.slice(0, -1)),
            `${dotted(path.slice(0, -1))}: a command hook without a command`,
          );
      });
    });
  }
  return commands;
}

/** `env`, `enabledPlugins`, `extraKnownMarketplaces`: one fact per name; secret values never. */
function recordNamedFacts(doc: ConfigDoc, sink: Sink, data: Record<string, unknown>): void {
  for (const key of ['env', 'enabledPlugins', 'extraKnownMarketplaces']) {
    const map = data[key];
    if (map === undefined) continue;
    if (!isRecord(map)) {
      sink.warn(doc.at([key]), `${key}: expected an object`);
      continue;
    }
    for (const [name, value] of Object.entries(map)) {
      const at = doc.at([key, name], true);
      if (key === 'env')
        sink.fact(`env.${name}`, looksLikeCredential(name) ? '(secret)' : factText(value), at);
      else if (key === 'enabledPlugins') sink.fact(`enabledPlugins.${name}`, factText(value), at);
      else sink.fact(`extraKnownMarketplaces.${name}`, marketplaceSource(value), at);
    }
  }
}

/** `{"source": {"source": "github", "repo": "o/r"}}` → `github:o/r`. */
function marketplaceSource(value: unknown): string {
  const source = isRecord(value) ? value['source'] : undefined;
  if (!isRecord(source)) return factText(value);
  const where = source['repo'] ?? source['url'] ?? source['path'] ?? source['package'];
  return `${factText(source['source'])}:${where === undefined ? '' : factText(where)}`;
}
