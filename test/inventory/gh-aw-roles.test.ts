/**
 * Agents mean a model runs (issue 11 item 5): gh-aw's jobs are labelled by role, only the
 * engine and threat-detection jobs list the agent, the manifest's MCP servers reach only the
 * job that loads them, and installs or `--version` runs are not agents.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { buildInventory } from '../../src/engine/inventory/build-inventory.js';
import type { JobInventory } from '../../src/engine/inventory/types.js';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';

const FIXTURE = 'test/fixtures/agents/gh-aw-roles.lock.yml';

function jobs(path: string, text: string, event?: string): Map<string, JobInventory> {
  const inv = buildInventory(
    parseWorkflow(path, text),
    { ...EMPTY_CONTEXT, defaultPermissions: 'read', ...(event ? { event } : {}) },
    { productionPatterns: ['prod*'] },
  );
  return new Map(inv.map((j) => [j.job, j]));
}

const lockJobs = () => jobs(FIXTURE, readFileSync(FIXTURE, 'utf8'));

describe('gh-aw roles', () => {
  it('labels every job of a lock file with its role', () => {
    const roles = [...lockJobs()].map(([id, j]) => [id, j.workflowRole?.role]);
    expect(roles).toEqual([
      ['pre_activation', 'pre-activation'],
      ['activation', 'activation'],
      ['agent', 'agent'],
      ['detection', 'detection'],
      ['safe_outputs', 'safe-outputs'],
      ['conclusion', 'conclusion'],
    ]);
  });

  it('lists gh-aw only in the jobs that run the engine', () => {
    const agents = [...lockJobs()].map(([id, j]) => [id, j.agents.map((a) => a.id)]);
    expect(agents).toEqual([
      ['pre_activation', []],
      ['activation', []],
      ['agent', ['copilot-cli', 'gh-aw']],
      ['detection', ['copilot-cli', 'gh-aw']],
      ['safe_outputs', []],
      ['conclusion', []],
    ]);
    const agent = lockJobs()
      .get('agent')!
      .agents.find((a) => a.id === 'gh-aw')!;
    expect(agent.at.line).toBe(38); // the step that starts the engine
  });

  it('gives the manifest servers to the job that loads them, not to threat detection', () => {
    const all = lockJobs();
    expect(all.get('agent')!.tools.length).toBeGreaterThan(0);
    expect(all.get('detection')!.tools).toEqual([]);
    expect(all.get('detection')!.paths.filter((p) => p.class === 'call-tool')).toEqual([]);
  });

  it('keeps the jobs that apply an agent output unattended, with the reason', () => {
    const all = lockJobs();
    const safe = jobs(FIXTURE, readFileSync(FIXTURE, 'utf8'), 'push').get('safe_outputs')!;
    expect(safe.unattended).toBe(true);
    expect(safe.unattendedReasons).toEqual(["gh-aw safe-outputs job acts on an AI agent's output"]);
    expect(safe.classes).toContain('write-branch');
    expect(all.get('pre_activation')!.workflowRole?.actsOnAgentOutput).toBe(false);
  });

  it('gives no role outside gh-aw workflows, and `gh aw compile` runs no model', () => {
    const [ci] = jobs(
      'ci.yml',
      'on: push\njobs:\n  lint:\n    runs-on: x\n    steps:\n      - run: gh aw compile --validate\n',
    ).values();
    expect(ci!.workflowRole).toBeUndefined();
    expect(ci!.agents).toEqual([]);
  });
});

describe('installs and probes are not agents', () => {
  const agentsOf = (script: string): string[] => {
    const text = `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: |\n${script
      .split('\n')
      .map((l) => `          ${l}`)
      .join('\n')}\n`;
    return [...jobs('wf.yml', text).values()][0]!.agents.map((a) => a.id);
  };

  it.each([
    'npm install -g @anthropic-ai/claude-code',
    'npm i -g @openai/codex@latest && codex --version',
    'pip install aider-chat',
    'curl -fsSL https://cursor.com/install | bash',
    'npx -y @google/gemini-cli --version',
    'pnpm add -g @github/copilot\ncopilot --help',
    'npm view @anthropic-ai/claude-code version',
  ])('%s → none', (script) => {
    expect(agentsOf(script)).toEqual([]);
  });

  it.each([
    [
      'npm install -g @anthropic-ai/claude-code\nclaude -p "fix it" --dangerously-skip-permissions',
      'claude-code-cli',
    ],
    ['npx @google/gemini-cli -p "review"', 'gemini-cli'],
    ['npm i -g @openai/codex && codex exec "fix the tests"', 'codex-cli'],
    ['aider --yes-always --message "refactor"', 'aider'],
  ])('%s → %s', (script, agent) => {
    expect(agentsOf(script)).toEqual([agent]);
  });
});
