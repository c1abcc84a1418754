import rule from '../../src/engine/rules/agent-risky-mcp.js';
import { describe, expect, it } from 'vitest';
import { runRule, testRule } from './rule-tester.js';

const SHA = '8e8c483db84b4bee98b60c0593521ed34d9990e8';
const MCP = '{"mcpServers": {"gh": {"command": "npx", "args": ["-y", "some-mcp"]}}}';
const wf = (trigger: string, args: string, checkout = '') => `on: ${trigger}
permissions:
  contents: read
jobs:
  agent:
    runs-on: ubuntu-latest
    steps:
${checkout}      - uses: anthropics/claude-code-base-action@${SHA}
        with:
          prompt: review
          claude_args: |
            ${args}
`;
const checkoutHead = `      - uses: actions/checkout@${SHA}
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          persist-credentials: false
`;

testRule(rule, {
  valid: [
    {
      name: 'pinned local server',
      workflow: wf(
        'push',
        `--mcp-config '{"mcpServers": {"fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21"]}}}'`,
      ),
    },
    {
      name: 'image pinned by digest',
      workflow: wf(
        'push',
        `--mcp-config '{"mcpServers": {"gh": {"command": "docker", "args": ["run", "-i", "--rm", "ghcr.io/github/github-mcp-server@sha256:${'a'.repeat(64)}"]}}}'`,
      ),
    },
    {
      name: 'repo .mcp.json on push',
      workflow: wf('push', '--model opus'),
      files: { '.mcp.json': MCP.replace('some-mcp', 'some-mcp@1.0.0') },
    },
    {
      name: 'claude-code-action restores .mcp.json from the base branch',
      workflow: `on: pull_request_target
jobs:
  agent:
    runs-on: ubuntu-latest
    steps:
${checkoutHead}      - uses: anthropics/claude-code-action@${SHA}
        with:
          github_token: \${{ github.token }}
`,
      files: { '.mcp.json': MCP.replace('some-mcp', 'some-mcp@1.0.0') },
    },
    {
      name: 'reason switched off',
      workflow: wf(
        'push',
        `--mcp-config '{"mcpServers": {"d": {"type": "http", "url": "https://x.example/mcp"}}}'`,
      ),
      options: { reasons: ['secrets'] },
    },
  ],
  invalid: [
    {
      name: 'remote server',
      workflow: wf(
        'push',
        `--mcp-config '{"mcpServers": {"d": {"type": "http", "url": "https://x.example/mcp"}}}'`,
      ),
      errors: [{ at: '12:13', job: 'agent' }],
    },
    {
      name: 'unpinned uvx with a secret',
      workflow: wf(
        'push',
        `--mcp-config '{"mcpServers": {"s": {"command": "uvx", "args": ["mcp-server-sentry"], "env": {"SENTRY_TOKEN": "\${{ secrets.SENTRY_TOKEN }}"}}}}'`,
      ),
      errors: ['12:13', '12:13'],
    },
    {
      name: 'repo .mcp.json loaded by two agent jobs: one finding per server for the workflow',
      workflow: `on: schedule
permissions:
  contents: read
jobs:
  agent:
    runs-on: ubuntu-latest
    steps:
      - run: copilot -p "fix the tests" --allow-tool 'shell(npm test)'
  detection:
    runs-on: ubuntu-latest
    steps:
      - run: copilot -p "check the output" --allow-tool 'shell(cat)'
`,
      files: { '.mcp.json': MCP },
      errors: ['1:17'],
    },
    {
      name: 'repo .mcp.json changed by the pull request',
      workflow: wf('pull_request', '--model opus'),
      context: { event: 'pull_request', changedFiles: ['.mcp.json'] },
      files: { '.mcp.json': MCP },
      errors: ['1:17', '1:17'],
    },
    {
      name: 'repo .mcp.json from the checked-out head on pull_request_target',
      workflow: wf('pull_request_target', '--model opus', checkoutHead),
      files: { '.mcp.json': MCP.replace('some-mcp', 'some-mcp@1.0.0') },
      errors: ['1:17'],
    },
  ],
});

describe('agent-risky-mcp repository config files', () => {
  it('lists every job that loads the server on the one finding', () => {
    const hits = runRule(rule, {
      name: 'two jobs',
      workflow: `on: schedule
jobs:
  one:
    runs-on: ubuntu-latest
    steps:
      - run: copilot -p "a" --allow-tool 'shell(cat)'
  two:
    runs-on: ubuntu-latest
    steps:
      - run: copilot -p "b" --allow-tool 'shell(cat)'
`,
      files: { '.mcp.json': MCP },
    });
    expect(hits.map((h) => h.jobs)).toEqual([['one', 'two']]);
  });
});
