import { describe, expect, it } from 'vitest';
import { CORE_TOOLS_ABSENT } from '../../../src/engine/inventory/tools/gemini-settings.js';
import { parseInlineToolConfig } from '../../../src/engine/inventory/tools/parse-tool-config.js';

const AT = { path: '.github/workflows/agent.yml', line: 31, column: 21 };

describe('parseInlineToolConfig', () => {
  it('claude-code-action settings: permissions located at the input', () => {
    const text =
      '{\n  "permissions": {"allow": ["Bash"], "defaultMode": "acceptEdits"},\n  "hooks": {}\n}';
    const config = parseInlineToolConfig(text, 'settings', AT);
    expect(config.warnings).toEqual([]);
    expect(config.permissions).toMatchObject({
      allow: ['Bash'],
      defaultMode: 'acceptEdits',
      at: AT,
    });
    expect(config.servers).toEqual([]);
  });

  it('mcp_config / --mcp-config JSON: servers named inline:<input>, at the input', () => {
    const text =
      '{"mcpServers": {"gh": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "${{ secrets.PAT }}"}}}}';
    const config = parseInlineToolConfig(text, '--mcp-config', AT);
    expect(config.warnings).toEqual([]);
    expect(
      config.servers.map((s) => [s.name, s.file, s.secrets, s.writeCapable, s.fetchesCode, s.at]),
    ).toEqual([['gh', 'inline:--mcp-config', ['GITHUB_PERSONAL_ACCESS_TOKEN'], true, true, AT]]);
  });

  it('run-gemini-cli settings are recognised by shape (httpUrl / trust / tools)', () => {
    const text = '{"mcpServers": {"s": {"httpUrl": "https://s.example.com/mcp", "trust": true}}}';
    const config = parseInlineToolConfig(text, 'settings', AT);
    expect(config.servers.map((s) => [s.name, s.transport, s.trust])).toEqual([
      ['s', 'http', true],
    ]);
    expect(config.settings).toEqual([{ key: 'tools.core', value: CORE_TOOLS_ABSENT, at: AT }]);
  });

  it('an explicit format wins over the shape', () => {
    const text = '{"mcpServers": {"s": {"url": "https://s.example.com/sse"}}}';
    expect(
      parseInlineToolConfig(text, 'settings', AT, 'gemini-settings').servers[0]?.transport,
    ).toBe('sse');
    expect(parseInlineToolConfig(text, 'mcp_config', AT).servers[0]?.transport).toBe('http');
  });

  it('a file path instead of JSON is a fact to follow', () => {
    expect(parseInlineToolConfig('  .github/claude/settings.json\n', 'settings', AT)).toEqual({
      servers: [],
      permissions: undefined,
      warnings: [],
      settings: [{ key: 'inline:settings.path', value: '.github/claude/settings.json', at: AT }],
    });
  });

  it('a one-line array, string or YAML is not taken for a path: it gets warnings', () => {
    for (const text of ['[1, 2]', '"x"', 'a: b']) {
      const config = parseInlineToolConfig(text, 'settings', AT);
      expect(config.settings).toEqual([]);
      expect(config.warnings[0]).toMatch(
        /^\.github\/workflows\/agent\.yml:31:21: inline:settings: /,
      );
    }
  });

  it('malformed inline JSON: a warning at the input naming the line inside it', () => {
    const config = parseInlineToolConfig(
      '{\n  "permissions": {"allow": ["Bash"]\n',
      'settings',
      AT,
    );
    expect(config.permissions).toBeUndefined();
    expect(config.warnings).toEqual([
      '.github/workflows/agent.yml:31:21: inline:settings: line 3 column 1: invalid JSON: object must end with a }',
    ]);
  });

  it('field warnings name the field and the input', () => {
    const config = parseInlineToolConfig('{"mcpServers": {"x": {"command": 1}}}', 'mcp_config', AT);
    expect(config.warnings).toEqual([
      '.github/workflows/agent.yml:31:21: inline:mcp_config: mcpServers.x.command: expected a string',
      '.github/workflows/agent.yml:31:21: inline:mcp_config: mcpServers.x: neither a command nor a url',
    ]);
  });

  it('inline TOML (codex) is located at the input too', () => {
    const config = parseInlineToolConfig(
      '[mcp_servers.a]\nurl = 3',
      'codex-config',
      AT,
      'codex-toml',
    );
    expect(config.warnings).toEqual([
      '.github/workflows/agent.yml:31:21: inline:codex-config: mcp_servers.a.url: expected a string',
      '.github/workflows/agent.yml:31:21: inline:codex-config: mcp_servers.a: neither a command nor a url',
    ]);
  });
});
