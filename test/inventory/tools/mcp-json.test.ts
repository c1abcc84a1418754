import { describe, expect, it } from 'vitest';
import { parseToolConfig } from '../../../src/engine/inventory/tools/parse-tool-config.js';
import { brief, fixture } from './helpers.js';

describe('.mcp.json (mcpServers)', () => {
  const config = parseToolConfig(fixture('positive.mcp.json'), '.mcp.json', 'mcp-json');

  it('finds every server with its transport, reach, secrets and write capability', () => {
    expect(config.warnings).toEqual([]);
    expect(config.servers.map(brief)).toEqual([
      { name: 'github', transport: 'stdio', remote: false, fetchesCode: true, secrets: ['GITHUB_PERSONAL_ACCESS_TOKEN'], writeCapable: true, line: 3 },
      { name: 'github-ro', transport: 'stdio', remote: false, fetchesCode: true, secrets: ['GITHUB_PERSONAL_ACCESS_TOKEN'], writeCapable: false, line: 8 },
      { name: 'files', transport: 'stdio', remote: false, fetchesCode: true, secrets: [], writeCapable: true, line: 14 },
      { name: 'docs', transport: 'http', remote: true, fetchesCode: false, secrets: [], writeCapable: false, line: 18 },
      { name: 'crm', transport: 'http', remote: true, fetchesCode: false, secrets: ['Authorization'], writeCapable: true, line: 19 },
      { name: 'events', transport: 'sse', remote: true, fetchesCode: false, secrets: [], writeCapable: false, line: 24 },
      { name: 'proxy', transport: 'stdio', remote: true, fetchesCode: true, secrets: [], writeCapable: false, line: 25 },
      { name: 'local', transport: 'stdio', remote: false, fetchesCode: false, secrets: [], writeCapable: false, line: 26 },
    ]); // prettier-ignore
  });

  it('keeps the command line, url and location as written', () => {
    const [github] = config.servers;
    expect(github).toMatchObject({
      file: '.mcp.json',
      command: 'docker',
      url: undefined,
      trust: false,
      tools: undefined,
      at: { path: '.mcp.json', line: 3, column: 5 },
    });
    expect(github?.args).toContain('ghcr.io/github/github-mcp-server:v0.13.0');
    expect(config.servers.find((s) => s.name === 'proxy')?.url).toBe(
      'https://tracker.example.com/mcp',
    );
    expect(config.servers.find((s) => s.name === 'crm')?.url).toBe('https://crm.example.com/mcp');
  });

  it('an empty server map is no servers and no warning', () => {
    expect(parseToolConfig(fixture('negative.mcp.json'), '.mcp.json', 'mcp-json')).toEqual({
      servers: [],
      permissions: undefined,
      warnings: [],
      settings: [],
    });
  });

  it('malformed JSON is a located warning, not a throw', () => {
    const bad = parseToolConfig(fixture('malformed.mcp.json'), '.mcp.json', 'mcp-json');
    expect(bad.servers).toEqual([]);
    expect(bad.warnings).toHaveLength(1);
    expect(bad.warnings[0]).toBe('.mcp.json:4:5: invalid JSON: Missing , between object members');
  });

  it('wrong shapes are warnings at the field; readable servers are still listed', () => {
    const shapes = parseToolConfig(fixture('shapes.mcp.json'), '.mcp.json', 'mcp-json');
    expect(shapes.warnings).toEqual([
      '.mcp.json:3:5: mcpServers.no-transport: neither a command nor a url',
      '.mcp.json:4:46: mcpServers.bad-args.args: expected an array of strings',
      '.mcp.json:5:5: mcpServers.bad-type: unknown server type "websocket"',
      '.mcp.json:6:5: mcpServers.not-an-object: expected a server object',
    ]);
    expect(shapes.servers.map((s) => [s.name, s.transport, s.remote, s.args])).toEqual([
      ['no-transport', 'unknown', false, []],
      ['bad-args', 'stdio', false, []],
      ['bad-type', 'unknown', true, []],
    ]);
  });

  it('a file without a server map says so', () => {
    expect(parseToolConfig('{"version": 1}', '.mcp.json', 'mcp-json').warnings).toEqual([
      '.mcp.json:1:1: no "mcpServers" object: no servers declared',
    ]);
    for (const text of ['[]', '"x"', '', '  \n']) {
      expect(parseToolConfig(text, '.mcp.json', 'mcp-json').warnings).toHaveLength(1);
    }
  });

  it('YAML-only syntax is read, with a warning that the agent may refuse the file', () => {
    const lenient = parseToolConfig(
      "{mcpServers: {a: {command: 'npx', args: [x]}}}",
      '.mcp.json',
      'mcp-json',
    );
    expect(lenient.servers.map((s) => s.name)).toEqual(['a']);
    expect(lenient.warnings).toEqual([
      '.mcp.json:1:1: not strict JSON (YAML-only syntax); read leniently',
    ]);
  });

  it('duplicate keys: the last wins, as in the agent, and the duplicate is located', () => {
    const text =
      '{\n  "mcpServers": {\n    "a": {"command": "node"},\n    "a": {"url": "https://x.example.com/mcp"}\n  }\n}';
    const dup = parseToolConfig(text, '.mcp.json', 'mcp-json');
    expect(dup.servers.map((s) => [s.name, s.transport, s.url])).toEqual([
      ['a', 'http', 'https://x.example.com/mcp'],
    ]);
    expect(dup.warnings).toEqual([
      '.mcp.json:4:5: Map keys must be unique; read as JSON (last key wins)',
    ]);
  });

  it('refuses files over 1 MiB', () => {
    const big = `{"mcpServers": {}, "pad": "${'x'.repeat(1024 * 1024)}"}`;
    const result = parseToolConfig(big, '.mcp.json', 'mcp-json');
    expect(result.servers).toEqual([]);
    expect(result.warnings).toEqual([
      `.mcp.json:1:1: ${big.length} bytes, over the 1048576-byte limit; not read`,
    ]);
  });
});

describe('.vscode/mcp.json (servers, inputs, JSONC)', () => {
  const config = parseToolConfig(fixture('vscode-mcp.jsonc'), '.vscode/mcp.json', 'vscode-mcp');

  it('reads through comments and trailing commas with the right lines', () => {
    expect(config.warnings).toEqual([]);
    expect(config.servers.map(brief)).toEqual([
      { name: 'github', transport: 'http', remote: true, fetchesCode: false, secrets: ['Authorization'], writeCapable: false, line: 9 },
      { name: 'kube', transport: 'stdio', remote: false, fetchesCode: true, secrets: ['KUBECONFIG_TOKEN'], writeCapable: true, line: 14 },
    ]); // prettier-ignore
    expect(config.servers[0]?.at).toEqual({ path: '.vscode/mcp.json', line: 9, column: 5 });
  });

  it('an empty server map with comments is no servers and no warning', () => {
    const empty = parseToolConfig(
      fixture('vscode-negative.jsonc'),
      '.vscode/mcp.json',
      'vscode-mcp',
    );
    expect([empty.servers, empty.warnings]).toEqual([[], []]);
  });

  it('mcpServers in a VS Code file is read, with a warning', () => {
    const text = '{"mcpServers": {"a": {"command": "node"}}}';
    const wrong = parseToolConfig(text, '.vscode/mcp.json', 'vscode-mcp');
    expect(wrong.servers.map((s) => s.name)).toEqual(['a']);
    expect(wrong.warnings).toEqual([
      '.vscode/mcp.json:1:2: "mcpServers" is not where this tool reads servers ("servers"); read anyway',
    ]);
  });

  it('an unterminated comment is located', () => {
    const result = parseToolConfig('{"servers": {}}\n/* open', '.vscode/mcp.json', 'vscode-mcp');
    expect(result.warnings).toEqual(['.vscode/mcp.json:2:1: unterminated /* comment']);
  });
});

describe('.cursor/mcp.json and the Copilot coding agent MCP JSON', () => {
  it('cursor: bare url is HTTP; a literal token in a header is a secret', () => {
    const config = parseToolConfig(fixture('cursor-mcp.json'), '.cursor/mcp.json', 'cursor-mcp');
    expect(config.warnings).toEqual([]);
    expect(config.servers.map(brief)).toEqual([
      { name: 'browser', transport: 'stdio', remote: false, fetchesCode: true, secrets: [], writeCapable: true, line: 3 },
      { name: 'linear', transport: 'http', remote: true, fetchesCode: false, secrets: ['Authorization'], writeCapable: true, line: 4 },
    ]); // prettier-ignore
  });

  it('copilot: tools ["*"] is trust; COPILOT_MCP_* names a secret', () => {
    const config = parseToolConfig(fixture('copilot-mcp.json'), 'copilot-mcp', 'copilot-mcp');
    expect(config.warnings).toEqual([]);
    expect(config.servers.map((s) => [s.name, s.transport, s.trust, s.tools, s.secrets, s.writeCapable, s.at.line])).toEqual([
      ['sentry', 'stdio', true, '*', ['SENTRY_ACCESS_TOKEN'], true, 3],
      ['notes', 'http', false, ['search', 'read_note'], [], false, 10],
    ]); // prettier-ignore
  });
});
