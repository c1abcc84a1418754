/** A corpus subset with agents, gh-aw roles, MCP tools, agent config, environments, calls. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus');
export const CORPUS_SUBSET = [
  'anthropics__claude-agent-sdk-python',
  'githubnext__agentics',
  'google-github-actions__run-gemini-cli',
  'microsoft__playwright-mcp',
  'modelcontextprotocol__servers',
  'openai__codex-action',
  'pypa__gh-action-pypi-publish',
  'rust-lang__cargo',
  'zizmorcore__zizmor',
].map((r) => join(CORPUS, r));
