import { describe, expect, it } from 'vitest';
import { parseToolConfig } from '../../../src/engine/inventory/tools/parse-tool-config.js';
import { brief, fixture } from './helpers.js';

const FILE = '.codex/config.toml';

describe('.codex/config.toml', () => {
  const config = parseToolConfig(fixture('codex-config.toml'), FILE, 'codex-toml');

  it('finds [mcp_servers.*] with quoted names, literal and multi-line strings', () => {
    expect(config.warnings).toEqual([]);
    expect(config.servers.map(brief)).toEqual([
      { name: 'github', transport: 'stdio', remote: false, fetchesCode: true, secrets: ['GITHUB_PERSONAL_ACCESS_TOKEN'], writeCapable: true, line: 12 },
      { name: 'docs site', transport: 'http', remote: true, fetchesCode: false, secrets: ['DOCS_TOKEN'], writeCapable: true, line: 18 },
      { name: 'fetch', transport: 'stdio', remote: false, fetchesCode: true, secrets: [], writeCapable: false, line: 23 },
      { name: 'shell', transport: 'stdio', remote: false, fetchesCode: false, secrets: [], writeCapable: true, line: 30 },
    ]); // prettier-ignore
    expect(config.servers[0]?.tools).toEqual(['get_issue', 'search_code']);
    expect(config.servers[3]).toMatchObject({
      command: 'bash',
      args: ['-c', 'exec mcp-shell-server --root /'],
    });
    expect(JSON.stringify(config)).not.toContain('ghp_literal_value');
  });

  it('reports sandbox, approval, network and trust settings as facts', () => {
    expect(config.settings.map((s) => [s.key, s.value, s.at.line])).toEqual([
      ['sandbox_mode', 'workspace-write', 3],
      ['approval_policy', 'never', 4],
      ['sandbox_workspace_write.network_access', 'true', 7],
      ['projects["/home/runner/work/app"].trust_level', 'trusted', 10],
      ['mcp_servers.fetch.enabled', 'false', 23],
    ]);
  });

  it('a config without servers or sandbox settings yields nothing', () => {
    expect(parseToolConfig(fixture('codex-negative.toml'), FILE, 'codex-toml')).toEqual({
      servers: [],
      permissions: undefined,
      warnings: [],
      settings: [],
    });
  });

  it('malformed lines are located warnings; the readable rest is still read', () => {
    const bad = parseToolConfig(fixture('codex-malformed.toml'), FILE, 'codex-toml');
    expect(bad.warnings).toEqual([
      '.codex/config.toml:2:19: invalid TOML: expected a value',
      '.codex/config.toml:6:1: invalid TOML: duplicate key "command"',
      '.codex/config.toml:8:15: invalid TOML: expected ]',
    ]);
    expect(bad.settings.map((s) => [s.key, s.value])).toEqual([
      ['sandbox_mode', 'danger-full-access'],
    ]);
    // The url under the unreadable [mcp_servers.b header is not pinned on server a.
    expect(bad.servers.map((s) => [s.name, s.command, s.url])).toEqual([['a', 'npx', undefined]]);
  });

  it('wrong shapes are warnings at the key', () => {
    const text = 'mcp_servers = 3\n';
    expect(parseToolConfig(text, FILE, 'codex-toml').warnings).toEqual([
      '.codex/config.toml:1:1: mcp_servers: expected a table of servers',
    ]);
    const args =
      '[mcp_servers.x]\ncommand = "node"\nargs = "server.js"\nenv_http_headers = { "X-Key" = "KEY_VAR" }\n';
    const result = parseToolConfig(args, FILE, 'codex-toml');
    expect(result.warnings).toEqual([
      '.codex/config.toml:3:1: mcp_servers.x.args: expected an array of strings',
    ]);
    expect(result.servers[0]?.secrets).toEqual(['X-Key']);
  });

  it('refuses files over 1 MiB', () => {
    const big = `# ${'x'.repeat(1024 * 1024)}\n`;
    expect(parseToolConfig(big, FILE, 'codex-toml').warnings).toEqual([
      `.codex/config.toml:1:1: ${big.length} bytes, over the 1048576-byte limit; not read`,
    ]);
  });
});
