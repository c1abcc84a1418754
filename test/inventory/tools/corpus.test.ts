/**
 * The real agent configuration files of the corpus (`../shared/corpus`, see its README):
 * every one parses without a warning, and yields exactly the servers and settings listed
 * here. A new config file in the corpus fails the test until it is added to the table.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  parseToolConfig,
  TOOL_CONFIG_FILES,
} from '../../../src/engine/inventory/tools/parse-tool-config.js';

const CORPUS = join(fileURLToPath(new URL('../../../', import.meta.url)), '..', 'shared', 'corpus');
if (!existsSync(join(CORPUS, 'MANIFEST.tsv')))
  throw new Error(`The corpus is missing at ${CORPUS}`);

/** `<owner>__<repo>/<path>` of every corpus file that is a tool config file. */
function configFiles(): string[] {
  const out: string[] = [];
  for (const repo of readdirSync(CORPUS, { withFileTypes: true })) {
    if (!repo.isDirectory()) continue;
    for (const { path } of TOOL_CONFIG_FILES) {
      if (existsSync(join(CORPUS, repo.name, path))) out.push(`${repo.name}/${path}`);
    }
  }
  return out.sort();
}

/** Per file: servers as `name transport [remote] [fetches] [write] secrets=… @line`, then facts. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'Homebrew__brew/.claude/settings.json': ['hooks: ./bin/brew lgtm'],
  'Homebrew__brew/.vscode/mcp.json': ['Homebrew stdio write @3'],
  'anthropics__claude-agent-sdk-python/.claude/settings.json': [
    'allow: Bash(python -m ruff check src/ tests/ scripts/ --fix),Bash(python -m ruff format src/ tests/ scripts/),Bash(python -m mypy src/ scripts/),Bash(python -m pytest tests/),Bash(python -m pytest tests/*)',
    'hooks: python -m ruff check src/ tests/ scripts/ --fix && python -m ruff format src/ tests/ scripts/',
  ],
  'anthropics__claude-code-action/.claude/settings.json': ['hooks: bunx prettier@3.5.3 --no-config --write .'],
  'astral-sh__ruff/.claude/settings.json': [
    'hooks: .claude/hooks/session-start.sh',
    'fact enabledPlugins.ty-skills@ruff-agent-skills=true @3',
    'fact extraKnownMarketplaces.ruff-agent-skills=directory:.agents @6',
  ],
  'astral-sh__uv/.claude/settings.json': ['hooks: bash agents/hooks/session-start.sh,uv run --frozen agents/hooks/post-edit-format.py'],
  'cline__cline/.claude/settings.json': ['hooks: $CLAUDE_PROJECT_DIR/.claude/hooks/claude-code-for-web-setup.sh'],
  'electron__electron/.claude/settings.json': [
    'allow: Bash(e sync),Bash(e patches --list-targets:*),Bash(git add:*),Bash(git am:*),Bash(git commit:*),Bash(git log:*),Bash(git show:*),Bash(e patches:*),Bash(e sync:*),Skill(electron-chromium-upgrade),Skill(electron-node-upgrade),Read(*),Bash(echo:*),Bash(e build:*),Bash(tee:*),Bash(git diff:*),Bash(git rev-parse:*)',
  ],
  'githubnext__agentics/.vscode/mcp.json': ['github-agentic-workflows stdio write @3'],
  'google-gemini__gemini-cli/.gemini/settings.json': [
    'fact tools.core=(absent: all built-in tools, run_shell_command included) @1',
  ],
  'microsoft__testfx/.mcp.json': [
    'microsoft/markitdown stdio fetches @3',
    'microsoft/azure-devops-mcp stdio fetches write @12',
    'github/github-mcp-server http remote write @25',
    'microsoftdocs/mcp http remote @31',
  ],
  'microsoft__vscode-copilot-chat/.vscode/mcp.json': ['vscode-playwright-mcp stdio @3'],
  'modelcontextprotocol__servers/.mcp.json': ['mcp-docs http remote @3'],
}; // prettier-ignore

function summary(file: string, text: string): { lines: string[]; warnings: readonly string[] } {
  const rel = file.slice(file.indexOf('/') + 1);
  const format = TOOL_CONFIG_FILES.find((f) => f.path === rel)?.format ?? 'mcp-json';
  const config = parseToolConfig(text, rel, format);
  const lines = config.servers.map((s) =>
    [s.name, s.transport, s.remote && 'remote', s.fetchesCode && 'fetches', s.writeCapable && 'write',
      s.secrets.length > 0 && `secrets=${s.secrets.join(',')}`, `@${s.at.line}`].filter(Boolean).join(' '),
  ); // prettier-ignore
  const p = config.permissions;
  if (p?.allow.length) lines.push(`allow: ${p.allow.join(',')}`);
  if (p?.hooks.length) lines.push(`hooks: ${p.hooks.join(',')}`);
  for (const s of config.settings) lines.push(`fact ${s.key}=${s.value} @${s.at.line}`);
  return { lines, warnings: config.warnings };
}

describe('corpus tool config files', () => {
  const files = configFiles();

  it('finds exactly the config files listed (including the JSONC .vscode/mcp.json)', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s parses without warnings into the expected inventory', (file) => {
    const { lines, warnings } = summary(file, readFileSync(join(CORPUS, file), 'utf8'));
    expect(warnings).toEqual([]);
    expect(lines).toEqual(EXPECTED[file]);
  });
});
