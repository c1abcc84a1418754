/**
 * Agent authority from the agents' own settings (src/engine/inventory/agent-knobs.ts): per agent a
 * risky and a safe configuration with exact modes, flags, settings and line numbers; token
 * exchange; fail-closed parsing; and a pass over every corpus workflow.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agentAuthority } from '../../src/engine/inventory/agent-knobs.js';
import type { AgentAuthority } from '../../src/engine/inventory/agent-knobs.js';
import { catalogKnob } from '../../src/engine/inventory/agent-knobs/inputs.js';
import { detectAgents } from '../../src/engine/inventory/agents.js';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';
import type { Job, Workflow } from '../../src/engine/workflow/model.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'agents');
const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus');

/** Whether the job (or workflow) grants `id-token: write`. */
function idTokenWrite(workflow: Workflow, job: Job): boolean {
  const p = job.permissions ?? workflow.permissions;
  return p?.kind === 'write-all' || (p?.kind === 'scopes' && p.scopes['id-token'] === 'write');
}

/** The authority of the last `agent` use detectAgents finds in `job` (default: the first job). */
function read(
  text: string,
  agent: string,
  options: { job?: string; path?: string; idTokenWrite?: boolean } = {},
): AgentAuthority {
  const workflow = parseWorkflow(options.path ?? 'wf.yml', text);
  const job = options.job ? workflow.jobs.find((j) => j.id === options.job)! : workflow.jobs[0]!;
  const use = detectAgents(workflow, job)
    .filter((u) => u.id === agent)
    .at(-1);
  if (!use) throw new Error(`${agent} not detected`);
  return agentAuthority({
    agentId: agent,
    step: use.step === undefined ? undefined : job.steps[use.step],
    job,
    workflow,
    idTokenWrite: options.idTokenWrite ?? idTokenWrite(workflow, job),
  });
}

/** Settings as `name=value RISKY|ok @line`. */
const rows = (a: AgentAuthority): string[] =>
  a.settings.map((s) => `${s.name}=${s.value} ${s.risky ? 'RISKY' : 'ok'} @${s.at.line}`);

const flags = (a: AgentAuthority) => ({
  mode: a.mode,
  unrestrictedShell: a.unrestrictedShell,
  permissionsBypassed: a.permissionsBypassed,
});

/** A workflow with one job `j` whose steps are `steps` (indented 6 spaces), from line 8. */
const job = (steps: string, head = 'permissions:\n  contents: read\n') =>
  `on: push\n${head}jobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('claude-code-action', () => {
  it('tag mode default: fixed tool list, no arbitrary Bash, the job token', () => {
    const a = read(
      `on:
  issue_comment:
    types: [created]
permissions:
  contents: write
  id-token: write
jobs:
  claude:
    runs-on: ubuntu-latest
    steps:
      - uses: anthropics/claude-code-action@v1
        with:
          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}
          github_token: \${{ secrets.GITHUB_TOKEN }}
          use_commit_signing: true
`,
      'claude-code-action',
    );
    expect(flags(a)).toEqual({ mode: 'tag', unrestrictedShell: false, permissionsBypassed: false });
    expect(rows(a)).toEqual([
      'use_commit_signing=true ok @15',
      'github_token=${{ secrets.GITHUB_TOKEN }} ok @14',
      'mode=tag ok @11',
    ]);
    expect(a.settings.at(-1)!.reason).toMatch(/no arbitrary Bash/);
    expect(a.tokenExchange).toBeUndefined();
    expect(a.promptInputs).toEqual([]);
  });

  it('agent mode: claude_args parsed like argv, --allowedTools accumulating to bare Bash', () => {
    const a = read(
      readFileSync(join(FIXTURES, 'claude-agent-mode.yml'), 'utf8'),
      'claude-code-action',
      {
        path: 'claude-agent-mode.yml',
      },
    );
    expect(flags(a)).toEqual({
      mode: 'agent',
      unrestrictedShell: true,
      permissionsBypassed: false,
    });
    expect(rows(a)).toEqual([
      'use_commit_signing=(default) RISKY @11',
      '--allowedTools=Bash(npm test:*),Edit ok @16',
      '--allowedTools=Bash RISKY @17',
      '--mcp-config={"mcpServers":{"x":{"url":"https://example.com/mcp"}}} RISKY @18',
      '--add-dir=/ RISKY @19',
      '--setting-sources=user,project RISKY @20',
      '<absent github_token> + permissions.id-token: write=(absent) RISKY @11',
      'mode=agent ok @11',
    ]);
    const bash = a.settings.find((s) => s.value === 'Bash')!;
    expect(bash.at).toEqual({ path: 'claude-agent-mode.yml', line: 17, column: 13 });
    expect(a.tokenExchange?.issuer).toBe('api.anthropic.com (Claude GitHub App)');
    expect(a.promptInputs).toEqual([
      {
        input: 'prompt',
        value: 'Fix ${{ github.event.issue.title }}',
        at: { path: 'claude-agent-mode.yml', line: 13, column: 19 },
      },
    ]);
    expect(a.mcpConfig.map((m) => [m.source, m.at.line])).toEqual([['--mcp-config', 18]]);
  });

  const withArgs = (args: string, extra = '') =>
    job(`      - uses: anthropics/claude-code-action@v1
        with:
          github_token: \${{ secrets.GITHUB_TOKEN }}
          use_commit_signing: true
          claude_args: ${args}
${extra}`);

  it('scoped Bash only: no unrestricted shell', () => {
    const a = read(
      withArgs(`--allowedTools "Bash(git diff:*),Bash(npm test:*),Read"`),
      'claude-code-action',
    );
    expect(a.unrestrictedShell).toBe(false);
    expect(rows(a)).toContain('--allowedTools=Bash(git diff:*),Bash(npm test:*),Read ok @12');
  });

  it('Bash(*), Bash(:*) and an interpreter prefix are unrestricted', () => {
    for (const tools of ['Bash(*)', 'Bash(:*)', 'Bash(python:*)', 'Bash(bash -c:*)']) {
      const a = read(withArgs(`--allowedTools '${tools}'`), 'claude-code-action');
      expect([tools, a.unrestrictedShell]).toEqual([tools, true]);
    }
    const scoped = read(
      withArgs(`--allowedTools 'Bash(python -m pytest:*)'`),
      'claude-code-action',
    );
    expect(scoped.unrestrictedShell).toBe(false);
  });

  it('--disallowedTools Bash wins over an allowed bare Bash', () => {
    const a = read(withArgs(`--allowedTools Bash --disallowedTools "Bash"`), 'claude-code-action');
    expect(a.unrestrictedShell).toBe(false);
    expect(rows(a)).toEqual([
      'use_commit_signing=true ok @11',
      '--allowedTools=Bash RISKY @12',
      '--disallowedTools=Bash ok @12',
      'github_token=${{ secrets.GITHUB_TOKEN }} ok @10',
      'mode=tag ok @8',
    ]);
  });

  it('--dangerously-skip-permissions and --permission-mode bypassPermissions bypass checks', () => {
    for (const args of ['--dangerously-skip-permissions', '--permission-mode=bypassPermissions']) {
      const a = read(withArgs(args), 'claude-code-action');
      expect(flags(a)).toEqual({ mode: 'tag', unrestrictedShell: true, permissionsBypassed: true });
      expect(a.settings[1]).toMatchObject({ risky: true, at: { line: 12 } });
    }
    const dontAsk = read(withArgs('--permission-mode dontAsk'), 'claude-code-action');
    expect(flags(dontAsk)).toEqual({
      mode: 'tag',
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(rows(dontAsk)[1]).toBe('--permission-mode=dontAsk ok @12');
  });

  it('settings JSON: defaultMode, allow Bash(*), sandbox off, hooks — each at its line', () => {
    const a = read(
      withArgs(
        '--model x',
        `          settings: |
            {
              "permissions": {
                "defaultMode": "bypassPermissions",
                "allow": ["Bash(*)"]
              },
              "sandbox": { "enabled": false },
              "hooks": { "PostToolUse": [] }
            }
`,
      ),
      'claude-code-action',
    );
    expect(flags(a)).toEqual({ mode: 'tag', unrestrictedShell: true, permissionsBypassed: true });
    expect(rows(a).slice(1, 5)).toEqual([
      'permissions.defaultMode=bypassPermissions RISKY @16',
      'permissions.allow=Bash(*) RISKY @17',
      'sandbox.enabled=false RISKY @19',
      'hooks=PostToolUse RISKY @20',
    ]);
  });

  it('malformed settings JSON fails closed', () => {
    const a = read(
      withArgs('--model x', `          settings: '{"permissions": {'\n`),
      'claude-code-action',
    );
    const s = a.settings.find((x) => x.name === 'settings')!;
    expect(s).toMatchObject({ risky: true, value: '{"permissions": {', at: { line: 13 } });
    expect(s.reason).toMatch(/^unparsable JSON/);
  });

  it('a PAT, wildcard bots, non-write users and workflows: write on the App token', () => {
    const a = read(
      job(
        `      - uses: anthropics/claude-code-action@v1
        with:
          github_token: \${{ secrets.MY_PAT }}
          allowed_bots: '*'
          allowed_non_write_users: octocat,hubot
          additional_permissions: |
            actions: read
            workflows: write
`,
        'permissions:\n  id-token: write\n',
      ),
      'claude-code-action',
    );
    expect(a.tokenExchange).toBeUndefined();
    expect(rows(a)).toEqual([
      'use_commit_signing=(default) RISKY @8',
      'github_token=${{ secrets.MY_PAT }} RISKY @10',
      'additional_permissions=actions: read\nworkflows: write RISKY @13',
      'allowed_bots=* RISKY @11',
      'allowed_non_write_users=octocat,hubot RISKY @12',
      'mode=tag ok @8',
    ]);
    expect(a.settings[2]!.reason).toBe('asks for workflows write on the App token');
    expect(a.allowedActors).toEqual([
      { name: 'allowed_bots', value: '*', wildcard: true },
      { name: 'allowed_non_write_users', value: 'octocat,hubot', wildcard: false },
    ]);
  });

  it('token exchange needs id-token: write and no github_token', () => {
    const text = job(
      `      - uses: anthropics/claude-code-action@v1\n        with:\n          trigger_phrase: '@bot'\n`,
    );
    expect(read(text, 'claude-code-action').tokenExchange).toBeUndefined();
    const exchanged = read(text, 'claude-code-action', { idTokenWrite: true });
    expect(exchanged.tokenExchange).toMatchObject({
      issuer: 'api.anthropic.com (Claude GitHub App)',
    });
    expect(exchanged.tokenExchange!.note).toMatch(/not by permissions:/);
  });

  it('v0/@beta inputs are read for beta and v0 refs, ignored for v1', () => {
    const legacy = (ref: string) =>
      job(`      - uses: anthropics/claude-code-action@${ref}
        with:
          github_token: \${{ secrets.GITHUB_TOKEN }}
          direct_prompt: Review \${{ github.event.pull_request.title }}
          allowed_tools: "Bash,Edit"
          mcp_config: '{"mcpServers":{}}'
`);
    const beta = read(legacy('beta'), 'claude-code-action');
    expect(flags(beta)).toEqual({
      mode: 'agent',
      unrestrictedShell: true,
      permissionsBypassed: false,
    });
    expect(rows(beta)).toEqual([
      'use_commit_signing=(default) RISKY @8',
      'allowed_tools=Bash,Edit RISKY @12',
      'mcp_config={"mcpServers":{}} RISKY @13',
      'github_token=${{ secrets.GITHUB_TOKEN }} ok @10',
      'mode=agent ok @8',
    ]);
    expect(beta.promptInputs.map((p) => [p.input, p.at.line])).toEqual([['direct_prompt', 11]]);
    expect(beta.mcpConfig.map((m) => m.source)).toEqual(['mcp_config']);

    const pinned = read(
      legacy('0123456789abcdef0123456789abcdef01234567 # v0.0.63'),
      'claude-code-action',
    );
    expect(pinned.unrestrictedShell).toBe(true);

    const v1 = read(legacy('v1'), 'claude-code-action');
    expect(flags(v1)).toEqual({
      mode: 'tag',
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(rows(v1).filter((r) => r.startsWith('allowed_tools'))).toEqual([
      'allowed_tools=Bash,Edit ok @12',
    ]);
    expect(v1.promptInputs).toEqual([]);
  });

  it('plugins, show_full_output, a replaced binary and the scrub opt-out', () => {
    const a = read(
      job(`      - uses: anthropics/claude-code-action@v1
        env:
          CLAUDE_CODE_SUBPROCESS_ENV_SCRUB: '0'
        with:
          github_token: \${{ github.token }}
          use_commit_signing: 'false'
          plugins: code-review@claude-plugins
          show_full_output: true
          path_to_claude_code_executable: ./bin/claude
`),
      'claude-code-action',
    );
    expect(rows(a)).toEqual([
      'plugins=code-review@claude-plugins RISKY @14',
      'path_to_claude_code_executable=./bin/claude RISKY @16',
      'show_full_output=true RISKY @15',
      'use_commit_signing=false RISKY @13',
      'github_token=${{ github.token }} ok @12',
      'mode=tag ok @8',
      'env:CLAUDE_CODE_SUBPROCESS_ENV_SCRUB=0 RISKY @10',
    ]);
  });
});

describe('claude-code-base-action and the Claude CLI', () => {
  it('base action: permission mode from claude_args, prompt_file, no App token', () => {
    const a = read(
      job(`      - uses: anthropics/claude-code-base-action@beta
        with:
          prompt_file: /tmp/prompt.md
          claude_args: --permission-mode acceptEdits --allowedTools "Bash(git diff:*)"
`),
      'claude-code-base-action',
      { idTokenWrite: true },
    );
    expect(flags(a)).toEqual({
      mode: 'acceptEdits',
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(rows(a)).toEqual([
      '--permission-mode=acceptEdits ok @11',
      '--allowedTools=Bash(git diff:*) ok @11',
    ]);
    expect(a.tokenExchange).toBeUndefined();
    expect(a.promptInputs.map((p) => [p.input, p.value])).toEqual([
      ['prompt_file', '/tmp/prompt.md'],
    ]);
  });

  it('CLI: --dangerously-skip-permissions across continuation lines, prompt with event text', () => {
    const a = read(
      job(`      - run: npm install -g @anthropic-ai/claude-code
      - run: |
          claude -p "Fix issue: \${{ github.event.issue.title }}" \\
            --dangerously-skip-permissions \\
            --max-turns 5
`),
      'claude-code-cli',
    );
    expect(flags(a)).toEqual({
      mode: 'bypassPermissions',
      unrestrictedShell: true,
      permissionsBypassed: true,
    });
    expect(a.settings.map((s) => [s.name, s.value, s.risky, s.at.line, s.at.column])).toEqual([
      ['--dangerously-skip-permissions', 'present', true, 11, 13],
    ]);
    expect(a.promptInputs).toEqual([
      {
        input: '-p',
        value: 'Fix issue: ${{ github.event.issue.title }}',
        at: { path: 'wf.yml', line: 10, column: 21 },
      },
    ]);
  });

  it('CLI through npx: dontAsk with a scoped allow list, the prompt not read as a tool', () => {
    const a = read(
      job(
        `      - run: npx -y @anthropic-ai/claude-code --print --permission-mode dontAsk --allowedTools "Bash(git diff:*)" "Review the diff"\n`,
      ),
      'claude-code-cli',
    );
    expect(flags(a)).toEqual({
      mode: 'dontAsk',
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(rows(a)).toEqual([
      '--permission-mode=dontAsk ok @8',
      '--allowedTools=Bash(git diff:*) ok @8',
    ]);
    expect(a.promptInputs.map((p) => p.value)).toEqual(['Review the diff']);
  });

  it('an install-only step runs no agent', () => {
    expect(() =>
      read(job('      - run: npm install -g @anthropic-ai/claude-code\n'), 'claude-code-cli'),
    ).toThrow('claude-code-cli not detected');
  });
});

describe('codex', () => {
  it('codex-action: danger-full-access, unsafe, JSON codex-args with network, open actors', () => {
    const a = read(
      job(`      - uses: openai/codex-action@v1
        with:
          openai-api-key: \${{ secrets.OPENAI_API_KEY }}
          prompt: Triage \${{ github.event.issue.body }}
          sandbox: danger-full-access
          safety-strategy: unsafe
          codex-args: '["--full-auto", "-c", "sandbox_workspace_write.network_access=true"]'
          allow-users: '*'
          allow-bots: true
`),
      'codex-action',
    );
    expect(flags(a)).toEqual({
      mode: 'danger-full-access',
      unrestrictedShell: true,
      permissionsBypassed: true,
    });
    expect(rows(a)).toEqual([
      '--full-auto=present RISKY @14',
      '-c=sandbox_workspace_write.network_access=true RISKY @14',
      'sandbox=danger-full-access RISKY @12',
      'safety-strategy=unsafe RISKY @13',
      'allow-users=* RISKY @15',
      'allow-bots=true RISKY @16',
    ]);
    expect(a.allowedActors).toEqual([
      { name: 'allow-users', value: '*', wildcard: true },
      { name: 'allow-bots', value: 'true', wildcard: false },
    ]);
    expect(a.promptInputs.map((p) => p.value)).toEqual(['Triage ${{ github.event.issue.body }}']);
  });

  it('codex-action: read-only sandbox with drop-sudo is safe', () => {
    const a = read(
      job(`      - uses: openai/codex-action@v1
        with:
          openai-api-key: \${{ secrets.OPENAI_API_KEY }}
          prompt-file: .github/codex/prompts/review.md
          sandbox: read-only
          safety-strategy: drop-sudo
`),
      'codex-action',
    );
    expect(flags(a)).toEqual({
      mode: 'read-only',
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(rows(a)).toEqual(['sandbox=read-only ok @12', 'safety-strategy=drop-sudo ok @13']);
    const defaults = read(
      job(`      - uses: openai/codex-action@v1\n        with:\n          prompt: hi\n`),
      'codex-action',
    );
    expect(flags(defaults)).toEqual({
      mode: 'workspace-write',
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(defaults.settings).toEqual([]);
  });

  it('codex-action: shell-string codex-args with an MCP server and a directory outside', () => {
    const a = read(
      job(`      - uses: openai/codex-action@v1
        with:
          codex-args: --config 'mcp_servers.docs.url="https://docs.example/mcp"' --add-dir ../other
          codex-home: agents/codex
`),
      'codex-action',
    );
    expect(rows(a)).toEqual([
      '-c=mcp_servers.docs.url="https://docs.example/mcp" RISKY @10',
      '--add-dir=../other RISKY @10',
      'codex-home=agents/codex RISKY @11',
    ]);
    expect(a.mcpConfig.map((m) => m.source)).toEqual(['-c', 'codex-home']);
    const bad = read(
      job(
        `      - uses: openai/codex-action@v1\n        with:\n          codex-args: '["--yolo",'\n`,
      ),
      'codex-action',
    );
    expect(bad.settings[0]).toMatchObject({ name: 'codex-args', risky: true });
    expect(bad.settings[0]!.reason).toMatch(/^unparsable JSON/);
  });

  it('codex CLI: --yolo, --sandbox danger-full-access, --full-auto, and the read-only default', () => {
    const cli = (args: string) => read(job(`      - run: codex exec ${args}\n`), 'codex-cli');
    expect(flags(cli('--yolo "fix it"'))).toEqual({
      mode: 'danger-full-access',
      unrestrictedShell: true,
      permissionsBypassed: true,
    });
    const sandbox = cli('-s danger-full-access -a never "fix it"');
    expect(rows(sandbox)).toEqual([
      '--sandbox=danger-full-access RISKY @8',
      '--ask-for-approval=never ok @8',
    ]);
    expect(sandbox.unrestrictedShell).toBe(true);
    const auto = cli('--full-auto -c sandbox_mode=\'"workspace-write"\' "fix it"');
    expect(flags(auto)).toEqual({
      mode: 'workspace-write',
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(rows(auto)).toEqual([
      '--full-auto=present RISKY @8',
      '-c=sandbox_mode="workspace-write" ok @8',
    ]);
    const plain = cli('"summarize the diff"');
    expect(flags(plain)).toEqual({
      mode: 'read-only',
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(plain.settings).toEqual([]);
    expect(plain.promptInputs.map((p) => p.value)).toEqual(['summarize the diff']);
  });
});

describe('gemini', () => {
  it('run-gemini-cli without settings: --yolo with every built-in tool; extensions, git ref, GCP scopes', () => {
    const a = read(
      job(`      - uses: google-github-actions/run-gemini-cli@v0
        with:
          gemini_api_key: \${{ secrets.GEMINI_API_KEY }}
          prompt: \${{ github.event.comment.body }}
          extensions: '["https://github.com/example/ext"]'
          gemini_cli_version: main
          gcp_workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/gh
`),
      'run-gemini-cli',
    );
    expect(flags(a)).toEqual({ mode: 'yolo', unrestrictedShell: true, permissionsBypassed: true });
    expect(rows(a)).toEqual([
      '<always> gemini --yolo=present RISKY @8',
      'extensions=["https://github.com/example/ext"] RISKY @12',
      'gcp_workload_identity_provider=projects/1/locations/global/workloadIdentityPools/p/providers/gh RISKY @14',
      'settings=(default) RISKY @8',
      'gemini_cli_version=main RISKY @13',
      'gcp_access_token_scopes=(default) RISKY @8',
    ]);
    expect(a.promptInputs.map((p) => p.value)).toEqual(['${{ github.event.comment.body }}']);
  });

  const withSettings = (json: string) =>
    job(`      - uses: google-github-actions/run-gemini-cli@v0
        with:
          settings: |
${json
  .split('\n')
  .map((l) => `            ${l}`)
  .join('\n')}
`);

  it('run-gemini-cli with scoped tools.core: no unrestricted shell; a trusted MCP server', () => {
    const a = read(
      withSettings(`{
  "tools": { "core": ["run_shell_command(git status)", "read_file"] },
  "mcpServers": {
    "github": { "command": "docker", "trust": true }
  }
}`),
      'run-gemini-cli',
    );
    expect(flags(a)).toEqual({ mode: 'yolo', unrestrictedShell: false, permissionsBypassed: true });
    expect(rows(a)).toEqual([
      '<always> gemini --yolo=present RISKY @8',
      'tools.core=run_shell_command(git status),read_file ok @12',
      'mcpServers.github.trust=true RISKY @14',
    ]);
    expect(a.mcpConfig.map((m) => [m.source, m.at.line])).toEqual([['settings', 13]]);
  });

  it('run-gemini-cli: bare run_shell_command, an interpreter, or malformed settings are unrestricted', () => {
    for (const core of ['["run_shell_command"]', '["run_shell_command(python)"]']) {
      const a = read(withSettings(`{ "tools": { "core": ${core} } }`), 'run-gemini-cli');
      expect([core, a.unrestrictedShell]).toEqual([core, true]);
    }
    const bad = read(withSettings('{ "tools": '), 'run-gemini-cli');
    expect(bad.unrestrictedShell).toBe(true);
    expect(bad.settings[1]).toMatchObject({ name: 'settings', risky: true });
    expect(bad.settings[1]!.reason).toMatch(/^unparsable JSON/);
  });

  it('gemini CLI: --yolo vs auto_edit vs a scoped --allowed-tools', () => {
    const cli = (args: string) => read(job(`      - run: gemini ${args}\n`), 'gemini-cli');
    const yolo = cli('--yolo -p "Triage ${{ github.event.issue.title }}"');
    expect(flags(yolo)).toEqual({
      mode: 'yolo',
      unrestrictedShell: true,
      permissionsBypassed: true,
    });
    expect(rows(yolo)).toEqual(['--yolo=present RISKY @8']);
    expect(yolo.promptInputs.map((p) => [p.input, p.value])).toEqual([
      ['--prompt', 'Triage ${{ github.event.issue.title }}'],
    ]);
    const edit = cli('--approval-mode auto_edit -p "fix"');
    expect(flags(edit)).toEqual({
      mode: 'auto_edit',
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(rows(edit)).toEqual(['--approval-mode=auto_edit RISKY @8']);
    const scoped = cli('-p "fix" --allowed-tools "run_shell_command(git status)"');
    expect(flags(scoped)).toEqual({
      mode: 'default',
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(rows(scoped)).toEqual(['--allowed-tools=run_shell_command(git status) ok @8']);
  });
});

describe('copilot CLI', () => {
  const cli = (args: string) =>
    read(job(`      - run: copilot -p "fix the bug" ${args}\n`), 'copilot-cli');

  it('--allow-tool shell and write are risky; scoped shell with a deny is not', () => {
    const open = cli('--allow-tool shell --allow-tool write');
    expect(flags(open)).toEqual({
      mode: undefined,
      unrestrictedShell: true,
      permissionsBypassed: false,
    });
    expect(rows(open)).toEqual(['--allow-tool=shell RISKY @8', '--allow-tool=write RISKY @8']);
    const scoped = cli(`--allow-tool 'shell(git:*)' --deny-tool 'shell(git push)'`);
    expect(flags(scoped)).toEqual({
      mode: undefined,
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(rows(scoped)).toEqual([
      '--allow-tool=shell(git:*) ok @8',
      '--deny-tool=shell(git push) ok @8',
    ]);
  });

  it('--allow-all-tools bypasses approvals; a bare shell deny still removes the shell', () => {
    const all = cli('--allow-all-tools');
    expect(flags(all)).toEqual({
      mode: undefined,
      unrestrictedShell: true,
      permissionsBypassed: true,
    });
    const denied = cli('--allow-all-tools --deny-tool shell');
    expect(flags(denied)).toEqual({
      mode: undefined,
      unrestrictedShell: false,
      permissionsBypassed: true,
    });
  });
});

describe('gh-aw lock files', () => {
  it('engine inside AWF, strict, the manifest MCP servers and the engine flags', () => {
    const text = readFileSync(join(FIXTURES, 'gh-aw-claude.lock.yml'), 'utf8');
    const a = read(text, 'gh-aw', { job: 'agent', path: 'gh-aw-claude.lock.yml' });
    expect(flags(a)).toEqual({
      mode: 'claude',
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(rows(a)).toEqual([
      'awf=present ok @35',
      '--allowedTools=Bash(cat),Bash(grep),Edit,Read ok @35',
      '--permission-mode=acceptEdits ok @35',
      '--mcp-config=/tmp/gh-aw/mcp-servers.json RISKY @35',
      'engine=claude ok @38',
      'sandbox.agent=awf ok @34',
      'strict=true ok @1',
    ]);
    expect(a.mcpConfig.map((m) => [m.source, m.at.line])).toEqual([
      ['--mcp-config', 35],
      ['gh-aw-manifest', 2],
    ]);
    // The activation job runs no engine: gh-aw is not an agent there.
    expect(() => read(text, 'gh-aw', { job: 'activation', path: 'gh-aw-claude.lock.yml' })).toThrow(
      'gh-aw not detected',
    );
  });

  it('no AWF, strict: false and the firewall off: sandbox absent, checks bypassed', () => {
    const text = readFileSync(join(FIXTURES, 'gh-aw-unsandboxed.lock.yml'), 'utf8');
    const a = read(text, 'gh-aw', { path: 'gh-aw-unsandboxed.lock.yml' });
    expect(flags(a)).toEqual({ mode: 'codex', unrestrictedShell: true, permissionsBypassed: true });
    expect(rows(a)).toEqual([
      '--dangerously-bypass-approvals-and-sandbox=present RISKY @16',
      'engine=codex ok @18',
      'sandbox.agent=(absent) RISKY @15',
      'strict=false RISKY @1',
      'network.firewall=false RISKY @19',
    ]);
  });
});

describe('opencode', () => {
  it('action defaults: OIDC App token, public share, permissive tool defaults', () => {
    const a = read(
      job(
        `      - uses: sst/opencode/github@latest
        with:
          prompt: Review this PR
`,
        'permissions:\n  id-token: write\n  contents: write\n',
      ),
      'opencode',
    );
    expect(flags(a)).toEqual({
      mode: undefined,
      unrestrictedShell: true,
      permissionsBypassed: false,
    });
    expect(a.tokenExchange?.issuer).toBe('api.opencode.ai (opencode-agent GitHub App)');
    expect(rows(a)).toEqual([
      'share=(default) RISKY @9',
      'use_github_token=(default) RISKY @9',
      'permission=(default) RISKY @9',
    ]);
  });

  it('GITHUB_TOKEN, no sharing and bash on ask: no exchange, no unrestricted shell', () => {
    const a = read(
      job(
        `      - uses: sst/opencode/github@latest
        env:
          OPENCODE_CONFIG_CONTENT: '{"permission":{"bash":"ask","edit":"allow"}}'
        with:
          use_github_token: true
          share: false
`,
        'permissions:\n  id-token: write\n  contents: write\n',
      ),
      'opencode',
    );
    expect(flags(a)).toEqual({
      mode: undefined,
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(a.tokenExchange).toBeUndefined();
    expect(rows(a)).toEqual([
      'share=false ok @14',
      'use_github_token=true ok @13',
      'permission={"bash":"ask","edit":"allow"} ok @11',
    ]);
  });

  it('opencode run --auto approves everything not denied', () => {
    const a = read(job('      - run: opencode run --auto "fix the tests"\n'), 'opencode');
    expect(flags(a)).toEqual({ mode: 'auto', unrestrictedShell: true, permissionsBypassed: true });
    expect(rows(a)).toEqual(['--auto=present RISKY @8', 'permission=(default) RISKY @8']);
    expect(a.promptInputs.map((p) => [p.input, p.value])).toEqual([['message', 'fix the tests']]);
  });
});

describe('other CLI agents', () => {
  it('aider: --yes-always and the auto-commits default vs --no-auto-commits', () => {
    const risky = read(
      job(
        '      - run: aider --yes-always --message "${{ github.event.issue.body }}" src/app.py\n',
      ),
      'aider',
    );
    expect(flags(risky)).toEqual({
      mode: 'yes-always',
      unrestrictedShell: false,
      permissionsBypassed: true,
    });
    expect(rows(risky)).toEqual([
      '--yes-always=present RISKY @8',
      '--auto-commits=(default) RISKY @8',
    ]);
    expect(risky.promptInputs.map((p) => p.value)).toEqual(['${{ github.event.issue.body }}']);
    const safe = read(
      job('      - run: aider --no-auto-commits -m "Add docstrings" src/app.py\n'),
      'aider',
    );
    expect(flags(safe)).toEqual({
      mode: undefined,
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(rows(safe)).toEqual(['--no-auto-commits=present ok @8']);
  });

  it('cursor: agent --force after the installer vs a plain print run', () => {
    const forced = read(
      job(
        '      - run: curl https://cursor.com/install -fsS | bash\n      - run: agent -p --force "Fix lint" --output-format text\n',
      ),
      'cursor-cli',
    );
    expect(flags(forced)).toEqual({
      mode: 'force',
      unrestrictedShell: true,
      permissionsBypassed: true,
    });
    expect(rows(forced)).toEqual(['--force=present RISKY @9']);
    const plain = read(
      job('      - run: cursor-agent -p "Summarize" --output-format text\n'),
      'cursor-cli',
    );
    expect(plain).toMatchObject({
      mode: undefined,
      unrestrictedShell: false,
      permissionsBypassed: false,
      settings: [],
    });
  });

  it('goose: GOOSE_MODE defaults to auto; approve from env or inline is safe', () => {
    const dflt = read(
      job(
        '      - run: goose run -t "Fix ${{ github.event.issue.title }}" --with-builtin developer\n',
      ),
      'goose',
    );
    expect(flags(dflt)).toEqual({
      mode: 'auto',
      unrestrictedShell: true,
      permissionsBypassed: true,
    });
    expect(rows(dflt)).toEqual([
      '--with-builtin=developer RISKY @8',
      'env:GOOSE_MODE=(default) RISKY @8',
    ]);
    const env = read(
      `on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    env:\n      GOOSE_MODE: approve\n    steps:\n      - run: goose run -i instructions.md\n`,
      'goose',
    );
    expect(flags(env)).toEqual({
      mode: 'approve',
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(rows(env)).toEqual(['env:GOOSE_MODE=approve ok @6']);
    const inline = read(
      job('      - run: GOOSE_MODE=smart_approve goose run -i instructions.md\n'),
      'goose',
    );
    expect(rows(inline)).toEqual(['env:GOOSE_MODE=smart_approve ok @8']);
  });

  it('amp: tools run unapproved by default; --dangerously-allow-all; install only runs nothing', () => {
    const dflt = read(job('      - run: amp -x "Fix the build"\n'), 'amp');
    expect(flags(dflt)).toEqual({
      mode: undefined,
      unrestrictedShell: true,
      permissionsBypassed: true,
    });
    expect(rows(dflt)).toEqual(['amp.permissions=(default) RISKY @8']);
    const all = read(job('      - run: amp --dangerously-allow-all -x "Fix the build"\n'), 'amp');
    expect(rows(all)).toEqual(['--dangerously-allow-all=present RISKY @8']);
    expect(() => read(job('      - run: npm install -g @ampcode/cli\n'), 'amp')).toThrow(
      'amp not detected',
    );
  });

  it('factory droid: --auto high and --skip-permissions-unsafe vs the read-only default', () => {
    const high = read(
      job('      - run: droid exec --auto high "Fix the failing test"\n'),
      'factory-droid',
    );
    expect(flags(high)).toEqual({
      mode: 'high',
      unrestrictedShell: true,
      permissionsBypassed: false,
    });
    expect(rows(high)).toEqual(['--auto=high RISKY @8']);
    const skip = read(
      job('      - run: droid exec --skip-permissions-unsafe "x"\n'),
      'factory-droid',
    );
    expect(flags(skip)).toEqual({
      mode: 'skip-permissions-unsafe',
      unrestrictedShell: true,
      permissionsBypassed: true,
    });
    const plain = read(job('      - run: droid exec "Summarize the repo"\n'), 'factory-droid');
    expect(flags(plain)).toEqual({
      mode: 'read-only',
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(plain.settings).toEqual([]);
  });

  it('continue and amazon q: allow lists', () => {
    const cn = read(job(`      - run: cn -p --allow "Bash" "Fix it"\n`), 'continue-cli');
    expect(rows(cn)).toEqual(['--allow=Bash RISKY @8']);
    expect(cn.unrestrictedShell).toBe(true);
    const q = read(
      job('      - run: q chat --no-interactive --trust-tools=fs_read "Summarize"\n'),
      'amazon-q-developer',
    );
    expect(flags(q)).toEqual({
      mode: undefined,
      unrestrictedShell: false,
      permissionsBypassed: false,
    });
    expect(rows(q)).toEqual(['--trust-tools=fs_read ok @8']);
  });
});

describe('never throws', () => {
  it('odd inputs fail closed or read as nothing', () => {
    const wf = parseWorkflow(
      'wf.yml',
      job(`      - uses: anthropics/claude-code-action@v1
        with:
          claude_args: '"unterminated --allowedTools Bash'
          settings: '{"a":'
      - run: |
          claude -p "$(cat <<EOF
          unterminated heredoc --dangerously-skip-permissions
`),
    );
    const j = wf.jobs[0]!;
    for (const agentId of [
      'claude-code-action',
      'claude-code-cli',
      'devin',
      'no-such-agent',
      'gh-aw',
    ]) {
      for (const step of [j.steps[0], j.steps[1], undefined]) {
        expect(() =>
          agentAuthority({ agentId, step, job: j, workflow: wf, idTokenWrite: true }),
        ).not.toThrow();
      }
    }
    const action = agentAuthority({
      agentId: 'claude-code-action',
      step: j.steps[0],
      job: j,
      workflow: wf,
      idTokenWrite: false,
    });
    expect(action.settings.find((s) => s.name === 'settings')).toMatchObject({ risky: true });
    const cli = agentAuthority({
      agentId: 'claude-code-cli',
      step: j.steps[1],
      job: j,
      workflow: wf,
      idTokenWrite: false,
    });
    expect(cli.permissionsBypassed).toBe(true);
  });

  it('setting names that stand for catalog knobs are spelled as the catalog spells them', () => {
    for (const [agent, name] of [
      ['claude-code-action', '<absent github_token> + permissions.id-token: write'],
      ['claude-code-action', 'env:CLAUDE_CODE_SUBPROCESS_ENV_SCRUB'],
      ['run-gemini-cli', '<always> gemini --yolo'],
      ['run-gemini-cli', 'env:GEMINI_CLI_TRUST_WORKSPACE'],
      ['goose', 'env:GOOSE_MODE'],
      ['gh-aw', 'strict'],
      ['codex-action', 'safety-strategy'],
      ['opencode', 'use_github_token'],
    ] as const) {
      expect([agent, name, catalogKnob(agent, name) !== undefined]).toEqual([agent, name, true]);
    }
  });
});

describe('corpus', () => {
  it('reads every agent use in every corpus workflow without throwing', () => {
    if (!existsSync(CORPUS)) throw new Error(`the corpus is missing at ${CORPUS}`);
    const tally: Record<
      string,
      {
        uses: number;
        unrestrictedShell: number;
        permissionsBypassed: number;
        tokenExchange: number;
      }
    > = {};
    const spot: Record<string, AgentAuthority> = {};
    let workflows = 0;
    for (const repo of readdirSync(CORPUS).sort()) {
      const dir = join(CORPUS, repo, '.github', 'workflows');
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()) {
        const path = `${repo}/.github/workflows/${file}`;
        let workflow: Workflow;
        try {
          workflow = parseWorkflow(path, readFileSync(join(dir, file), 'utf8'));
        } catch {
          continue; // not a workflow: covered by the corpus robustness test
        }
        workflows++;
        for (const j of workflow.jobs) {
          for (const use of detectAgents(workflow, j)) {
            const a = agentAuthority({
              agentId: use.id,
              step: use.step === undefined ? undefined : j.steps[use.step],
              job: j,
              workflow,
              idTokenWrite: idTokenWrite(workflow, j),
            });
            for (const s of a.settings) {
              expect(s.reason.length).toBeGreaterThan(0);
              expect(s.at.path).toBe(path);
              expect(s.at.line).toBeGreaterThanOrEqual(1);
            }
            const t = (tally[use.id] ??= {
              uses: 0,
              unrestrictedShell: 0,
              permissionsBypassed: 0,
              tokenExchange: 0,
            });
            t.uses++;
            if (a.unrestrictedShell) t.unrestrictedShell++;
            if (a.permissionsBypassed) t.permissionsBypassed++;
            if (a.tokenExchange) t.tokenExchange++;
            spot[`${path}#${j.id}#${use.id}`] ??= a;
          }
        }
      }
    }
    const lines = Object.entries(tally)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([id, t]) =>
          `${id.padEnd(24)} ${[t.uses, t.unrestrictedShell, t.permissionsBypassed, t.tokenExchange].map((n) => String(n).padStart(5)).join(' ')}`,
      );
    console.log(
      [
        `agent authority over ${workflows} corpus workflows`,
        `${'agent'.padEnd(24)}  uses shell bypass exchange`,
        ...lines,
      ].join('\n'),
    );
    expect(workflows).toBeGreaterThan(100);
    // Two real files as regression anchors (not tuning): bare Bash in claude_args, and
    // run-gemini-cli without settings.
    expect(
      spot['modelcontextprotocol__servers/.github/workflows/claude.yml#claude#claude-code-action'],
    ).toMatchObject({
      mode: 'tag',
      unrestrictedShell: true,
      tokenExchange: { issuer: 'api.anthropic.com (Claude GitHub App)' },
    });
    expect(
      spot['google-gemini__gemini-cli/.github/workflows/docs-audit.yml#audit-docs#run-gemini-cli'],
    ).toMatchObject({
      mode: 'yolo',
      unrestrictedShell: true,
      permissionsBypassed: true,
    });
  });
});
