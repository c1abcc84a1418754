/** The Agent Action BOM beyond the workflow text: credential kinds, repo files, owners, PR changes. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoSnapshot } from '../../src/adapters/cli/fs-repo-snapshot.js';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import type { RunContext } from '../../src/engine/context/run-context.js';
import { buildInventory } from '../../src/engine/inventory/build-inventory.js';
import type { RepoSnapshot } from '../../src/engine/inventory/repo-snapshot.js';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';
import { tempDir } from '../helpers.js';

function job(text: string, context: Partial<RunContext> = {}, repo?: RepoSnapshot) {
  const [inv] = buildInventory(
    parseWorkflow('.github/workflows/wf.yml', text),
    { ...EMPTY_CONTEXT, ...context },
    { productionPatterns: ['prod'], repo, repoPath: '.github/workflows/wf.yml' },
  );
  return inv!;
}
const snapshot = (files: Record<string, string>, warnings: string[] = []): RepoSnapshot => ({
  files: new Map(Object.entries(files)),
  warnings,
  complete: true,
  root: '',
});

describe('credential kinds', () => {
  it('OIDC consumed by a cloud role is short-lived and names the role; a static key is long-lived', () => {
    const inv = job(`on: push
permissions: { id-token: write, contents: read }
jobs:
  deploy:
    runs-on: x
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: { role-to-assume: "arn:aws:iam::1:role/deploy", aws-region: eu-west-1 }
      - uses: google-github-actions/auth@v2
        with:
          credentials_json: \${{ secrets.GCP_SA_KEY }}
`);
    const oidc = inv.credentials.find((c) => c.kind === 'oidc');
    expect(oidc).toMatchObject({
      lifetime: 'short-lived',
      reaches: ['cloud:aws:arn:aws:iam::1:role/deploy eu-west-1'],
      usedIn: ['step 1'],
    });
    expect(inv.credentials.find((c) => c.name === 'GCP_SA_KEY')).toMatchObject({
      kind: 'static-secret',
      lifetime: 'long-lived',
      reaches: ['cloud:gcp:static-key'],
      usedIn: ['step 2 input credentials_json'],
    });
    expect(inv.classes).toContain('cloud-credential');
  });

  it('an agent action trading OIDC for its App token is an app-token not bounded by permissions', () => {
    const inv = job(`on: issue_comment
permissions: { id-token: write, contents: read }
jobs:
  claude:
    runs-on: x
    steps:
      - uses: anthropics/claude-code-action@v1
        with:
          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}
`);
    const app = inv.credentials.find((c) => c.kind === 'app-token');
    expect(app).toMatchObject({
      id: 'app-token:claude-code-action',
      lifetime: 'short-lived',
      write: true,
      scope: 'broad',
    });
    expect(app?.note).toMatch(/not bounded by the job's permissions/);
    const withToken = job(`on: issue_comment
permissions: { id-token: write, contents: read }
jobs:
  claude:
    runs-on: x
    steps:
      - uses: anthropics/claude-code-action@v1
        with:
          github_token: \${{ github.token }}
`);
    expect(withToken.credentials.some((c) => c.kind === 'app-token')).toBe(false);
  });

  it('create-github-app-token with permission-* inputs that only comment is narrow; without is broad', () => {
    const wf = (perm: string) => `on: push
jobs:
  j:
    runs-on: x
    steps:
      - id: app
        uses: actions/create-github-app-token@v2
        with:
          app-id: 1
          private-key: \${{ secrets.KEY }}
${perm}      - run: gh pr comment 1 -b hi
        env:
          GH_TOKEN: \${{ steps.app.outputs.token }}
`;
    expect(
      job(wf('          permission-issues: write\n')).credentials.find(
        (c) => c.kind === 'app-token',
      ),
    ).toMatchObject({ scope: 'narrow', usedIn: ['step 2'] });
    expect(job(wf('')).credentials.find((c) => c.kind === 'app-token')).toMatchObject({
      scope: 'broad',
      note: expect.stringContaining('no permission-* inputs'),
    });
  });

  it('fork pull requests and Dependabot get a read-only token', () => {
    const wf =
      'on: pull_request\npermissions: { contents: write, pull-requests: write }\njobs:\n  j:\n    runs-on: x\n    steps: [{ run: make }]\n';
    const fork = job(wf, {
      event: 'pull_request',
      pullRequest: {
        number: 1,
        author: 'x',
        authorType: 'User',
        headSha: undefined,
        fromFork: true,
      },
    });
    expect(fork.permissions).toMatchObject({
      scopes: { contents: 'read', 'pull-requests': 'read' },
      downgrade: expect.stringMatching(/fork/),
    });
    expect(fork.classes).not.toContain('write-branch');
    const target = job(wf.replace('on: pull_request', 'on: pull_request_target'), {
      event: 'pull_request_target',
      pullRequest: {
        number: 1,
        author: 'x',
        authorType: 'User',
        headSha: undefined,
        fromFork: true,
      },
    });
    expect(target.permissions.scopes.contents).toBe('write');
    // Dependabot: only the default token is read-only; a permissions block raises it again.
    const undeclared = wf.replace('permissions: { contents: write, pull-requests: write }\n', '');
    expect(job(undeclared, { event: 'push', actor: 'dependabot[bot]' }).permissions).toMatchObject({
      scopes: { contents: 'read' },
      downgrade: expect.stringMatching(/Dependabot/),
    });
    expect(job(wf, { event: 'push', actor: 'dependabot[bot]' }).permissions).toMatchObject({
      scopes: { contents: 'write' },
      downgrade: undefined,
    });
  });
});

describe('repository files', () => {
  const agentWf = `on: pull_request
permissions: { contents: write }
jobs:
  claude:
    runs-on: x
    steps:
      - uses: anthropics/claude-code-action@v1
        with:
          github_token: \${{ github.token }}
          prompt: review
`;

  it('reads the MCP servers and settings the agent loads, and the owner from CODEOWNERS', () => {
    const inv = job(
      agentWf,
      {},
      snapshot({
        '.mcp.json':
          '{\n  "mcpServers": {\n    "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${GH_PAT}" } },\n    "docs": { "type": "http", "url": "https://docs.example.com/mcp" }\n  }\n}\n',
        '.claude/settings.json':
          '{ "permissions": { "allow": ["Bash"], "defaultMode": "bypassPermissions" } }',
        '.gemini/settings.json': '{ "mcpServers": { "ignored": { "command": "x" } } }',
        '.github/CODEOWNERS': '* @acme/devs\n.github/ @acme/platform\n',
      }),
    );
    expect(inv.tools.map((t) => [t.agent, t.name, t.file, t.remote, t.writeCapable])).toEqual([
      ['claude-code-action', 'github', '.mcp.json', false, true],
      ['claude-code-action', 'docs', '.mcp.json', true, false],
    ]);
    expect(inv.tools[0]).toMatchObject({
      secrets: ['GITHUB_PERSONAL_ACCESS_TOKEN'],
      fetchesCode: true,
      at: { path: '.mcp.json', line: 3 },
    });
    expect(inv.agentConfig[0]).toMatchObject({
      agent: 'claude-code-action',
      file: '.claude/settings.json',
      permissions: { allow: ['Bash'], defaultMode: 'bypassPermissions' },
    });
    expect(inv.owner).toEqual({ owners: ['@acme/platform'], file: '.github/CODEOWNERS', line: 2 });
    const tool = inv.paths.filter((p) => p.class === 'call-tool');
    expect(tool.map((p) => [p.target, p.credentials])).toEqual([
      ['tool:github', ['github-token']],
      ['tool:https://docs.example.com/mcp', []],
    ]);
  });

  it('malformed config is a recorded gap, never a crash or a silent skip', () => {
    const inv = job(
      agentWf,
      {},
      snapshot({ '.mcp.json': '{ "mcpServers": { "a": ', '.github/CODEOWNERS': '!neg @x\n' }, [
        'x.json: cannot read (EACCES)',
      ]),
    );
    expect(inv.gaps).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\.mcp\.json:\d+:\d+: /),
        expect.stringMatching(/CODEOWNERS:1/),
        'x.json: cannot read (EACCES)',
      ]),
    );
  });

  it('an agent config file it cannot parse or read counts as a write-capable tool source (fail closed)', () => {
    const malformed = job(agentWf, {}, snapshot({ '.mcp.json': '{ "mcpServers": { "a": ' }));
    expect(malformed.tools.map((t) => [t.name, t.file, t.writeCapable, t.remote])).toEqual([
      ['(servers in .mcp.json, unreadable)', '.mcp.json', true, true],
    ]);
    const callTool = malformed.paths.filter((p) => p.class === 'call-tool');
    expect(callTool.map((p) => [p.at, p.credentials])).toEqual([
      [{ path: '.mcp.json', line: 1, column: 1 }, ['github-token']],
    ]);
    const unread = job(
      agentWf,
      {},
      { ...snapshot({}, ['.mcp.json: over the limit']), unread: ['.mcp.json'] },
    );
    expect(unread.tools.map((t) => [t.name, t.writeCapable])).toEqual([
      ['(servers in .mcp.json, not read)', true],
    ]);
    // A file that parses with no servers is not a tool source.
    expect(job(agentWf, {}, snapshot({ '.mcp.json': '{ "mcpServers": {} }' })).tools).toEqual([]);
  });

  it('without a snapshot an agent job records the gap', () => {
    expect(job(agentWf).gaps).toContain(
      'repository files (CODEOWNERS, agent and MCP configuration) were not read',
    );
  });

  it('the disk reader records what it cannot read: a directory in place of a file, an oversized file', () => {
    const repo = tempDir();
    mkdirSync(join(repo, '.mcp.json'));
    mkdirSync(join(repo, '.claude'));
    writeFileSync(join(repo, '.claude', 'settings.json'), `{"x": "${'a'.repeat(1024 * 1024)}"}`);
    const snap = readRepoSnapshot(repo);
    expect(snap.files.size).toBe(0);
    expect(snap.warnings).toEqual([
      '.mcp.json: not a regular file, not read',
      '.claude/settings.json: 1048585 bytes, over the 1048576-byte limit, not read',
    ]);
  });

  it('the disk reader does not follow symlinks out of the repository', () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.json'), '{"mcpServers":{}}');
    const repo = tempDir();
    mkdirSync(join(repo, '.claude'));
    symlinkSync(join(outside, 'secret.json'), join(repo, '.mcp.json'));
    symlinkSync(outside, join(repo, '.claude', 'x'));
    symlinkSync(join(outside, 'secret.json'), join(repo, '.claude', 'settings.json'));
    writeFileSync(join(repo, 'CODEOWNERS'), '* @me\n');
    const snap = readRepoSnapshot(repo);
    expect([...snap.files.keys()]).toEqual(['CODEOWNERS']);
    expect(snap.warnings).toEqual([
      '.mcp.json: symlink to a file outside the repository, not followed',
      '.claude/settings.json: symlink to a file outside the repository, not followed',
    ]);
  });
});

describe('pull request changes', () => {
  const wf =
    'on: pull_request\npermissions: {}\njobs:\n  j:\n    runs-on: x\n    steps: [{ run: make }]\n';
  it('names an agent author, sensitive files and new dependencies', () => {
    const inv = job(wf, {
      pullRequest: {
        number: 3,
        author: 'Copilot',
        authorType: 'Bot',
        headSha: 'h',
        fromFork: false,
      },
      changedFiles: ['package.json', '.github/workflows/ci.yml', 'requirements.txt'],
      changedFilePatches: [
        {
          filename: 'package.json',
          status: 'modified',
          previousFilename: undefined,
          patch:
            '@@ -1,4 +1,5 @@\n {\n   "dependencies": {\n+    "left-pad": "^1.3.0",\n     "yaml": "^2.0.0"\n   }\n',
        },
        {
          filename: '.github/workflows/ci.yml',
          status: 'modified',
          previousFilename: undefined,
          patch: '@@ -1 +1 @@\n-on: push\n+on: [push]\n',
        },
        {
          filename: 'requirements.txt',
          status: 'modified',
          previousFilename: undefined,
          patch: undefined,
        },
      ],
    });
    expect(inv.change).toMatchObject({
      author: 'Copilot',
      authorKind: 'agent',
      sensitive: [{ file: '.github/workflows/ci.yml', what: 'a workflow file' }],
      newDependencies: [
        { file: 'package.json', ecosystem: 'npm', name: 'left-pad', version: '^1.3.0', line: 3 },
      ],
      unknownDependencies: [{ file: 'requirements.txt', reason: expect.any(String) }],
    });
  });

  it('a human author and no changed files', () => {
    expect(
      job(wf, {
        pullRequest: {
          number: 3,
          author: 'octocat',
          authorType: 'User',
          headSha: 'h',
          fromFork: false,
        },
        changedFiles: [],
      }).change,
    ).toMatchObject({ authorKind: 'human', sensitive: [], newDependencies: [] });
    expect(job(wf).change).toBeUndefined();
  });
});
