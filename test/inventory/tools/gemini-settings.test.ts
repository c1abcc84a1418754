import { describe, expect, it } from 'vitest';
import { CORE_TOOLS_ABSENT } from '../../../src/engine/inventory/tools/gemini-settings.js';
import { parseToolConfig } from '../../../src/engine/inventory/tools/parse-tool-config.js';
import { brief, fixture } from './helpers.js';

const FILE = '.gemini/settings.json';

describe('.gemini/settings.json', () => {
  const config = parseToolConfig(fixture('gemini-settings.json'), FILE, 'gemini-settings');

  it('url is SSE, httpUrl is streamable HTTP, $VAR in env is a secret', () => {
    expect(config.warnings).toEqual([]);
    expect(config.servers.map(brief)).toEqual([
      { name: 'github', transport: 'stdio', remote: false, fetchesCode: true, secrets: ['GITHUB_PERSONAL_ACCESS_TOKEN'], writeCapable: true, line: 7 },
      { name: 'search', transport: 'http', remote: true, fetchesCode: false, secrets: [], writeCapable: false, line: 13 },
      { name: 'stream', transport: 'sse', remote: true, fetchesCode: false, secrets: [], writeCapable: false, line: 14 },
    ]); // prettier-ignore
  });

  it('trust: true and includeTools are kept', () => {
    expect(config.servers.map((s) => [s.name, s.trust, s.tools])).toEqual([
      ['github', false, ['get_issue', 'add_issue_comment']],
      ['search', true, undefined],
      ['stream', false, undefined],
    ]);
  });

  it('reports tools.core, tools.exclude and excludeTools as facts', () => {
    expect(config.settings).toEqual([
      { key: 'tools.core', value: 'run_shell_command(echo),read_file', at: { path: FILE, line: 3, column: 13 } },
      { key: 'tools.exclude', value: 'web_fetch', at: { path: FILE, line: 4, column: 16 } },
      { key: 'mcpServers.stream.excludeTools', value: 'delete', at: { path: FILE, line: 14, column: 74 } },
    ]); // prettier-ignore
  });

  it('no servers, and tools.core absent is a fact', () => {
    const none = parseToolConfig(fixture('gemini-negative.json'), FILE, 'gemini-settings');
    expect(none).toEqual({
      servers: [],
      permissions: undefined,
      warnings: [],
      settings: [
        { key: 'tools.core', value: CORE_TOOLS_ABSENT, at: { path: FILE, line: 1, column: 1 } },
      ],
    });
  });

  it('legacy v1 top-level coreTools counts as tools.core', () => {
    const v1 = parseToolConfig('{\n  "coreTools": ["ls"]\n}', FILE, 'gemini-settings');
    expect(v1.settings).toEqual([
      { key: 'tools.core', value: 'ls', at: { path: FILE, line: 2, column: 16 } },
    ]);
  });

  it('malformed: a located warning, no throw', () => {
    const bad = parseToolConfig(fixture('gemini-malformed.json'), FILE, 'gemini-settings');
    expect(bad.servers).toEqual([]);
    expect(bad.warnings).toEqual([
      expect.stringMatching(/^\.gemini\/settings\.json:5:\d+: invalid JSON: /),
    ]);
  });
});
