import { describe, expect, it } from 'vitest';
import { parseToolConfig } from '../../../src/engine/inventory/tools/parse-tool-config.js';
import { brief, fixture } from './helpers.js';

describe('opencode.json', () => {
  const config = parseToolConfig(fixture('opencode.jsonc'), 'opencode.jsonc', 'opencode-json');

  it('local is stdio, remote is HTTP; {env:…} and {file:…} values are secrets', () => {
    expect(config.warnings).toEqual([]);
    expect(config.servers.map(brief)).toEqual([
      { name: 'db', transport: 'stdio', remote: false, fetchesCode: true, secrets: ['SUPABASE_ACCESS_TOKEN'], writeCapable: false, line: 7 },
      { name: 'wiki', transport: 'http', remote: true, fetchesCode: false, secrets: ['Authorization'], writeCapable: true, line: 12 },
    ]); // prettier-ignore
    expect(config.servers[0]).toMatchObject({
      command: 'npx',
      args: ['-y', '@supabase/mcp-server-supabase@latest', '--read-only'],
    });
  });

  it('permission and tools switches are facts', () => {
    expect(config.settings.map((s) => [s.key, s.value, s.at.line])).toEqual([
      ['permission.edit', 'allow', 4],
      ['permission.bash', 'git *=allow,*=ask', 4],
      ['tools.webfetch', 'false', 5],
      ['mcp.wiki.enabled', 'false', 12],
    ]);
  });

  it('no mcp: no servers, no warnings', () => {
    const none = parseToolConfig(
      fixture('opencode-negative.json'),
      'opencode.json',
      'opencode-json',
    );
    expect(none).toEqual({ servers: [], permissions: undefined, warnings: [], settings: [] });
  });

  it('malformed: a located warning, no throw', () => {
    const bad = parseToolConfig(
      fixture('opencode-malformed.json'),
      'opencode.json',
      'opencode-json',
    );
    expect(bad.servers).toEqual([]);
    expect(bad.warnings).toEqual(['opencode.json:7:1: invalid JSON: object must end with a }']);
  });

  it('a string command and a remote without url are warnings; "permission": "allow" is a fact', () => {
    const text =
      '{"permission": "allow", "mcp": {"x": {"type": "local", "command": "npx some-server"}, "y": {"type": "remote"}}}';
    const result = parseToolConfig(text, 'opencode.json', 'opencode-json');
    expect(result.warnings).toEqual([
      'opencode.json:1:67: mcp.x.command: expected an array [command, ...args]',
      'opencode.json:1:87: mcp.y: neither a command nor a url',
    ]);
    expect(result.servers.map((s) => [s.name, s.command, s.args, s.fetchesCode])).toEqual([
      ['x', 'npx', ['some-server'], true],
      ['y', undefined, [], false],
    ]);
    expect(result.settings.map((s) => [s.key, s.value])).toEqual([['permission', 'allow']]);
  });
});
