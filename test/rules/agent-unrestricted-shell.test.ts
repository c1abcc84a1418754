import rule from '../../src/engine/rules/agent-unrestricted-shell.js';
import { testRule } from './rule-tester.js';

const SHA = '8e8c483db84b4bee98b60c0593521ed34d9990e8';
const wf = (perms: string, steps: string) => `on: workflow_dispatch
permissions:
  ${perms}
jobs:
  agent:
    runs-on: ubuntu-latest
    steps:
${steps}`;
const claude = (args: string) => `      - uses: anthropics/claude-code-action@${SHA}
        with:
          github_token: \${{ github.token }}
          prompt: build
          claude_args: ${args}
`;

testRule(rule, {
  valid: [
    {
      name: 'scoped Bash',
      workflow: wf('contents: write', claude('--allowedTools "Bash(npm test:*)"')),
    },
    {
      name: 'Bash allowed then denied',
      workflow: wf('contents: write', claude('--allowedTools Bash --disallowedTools Bash')),
    },
    {
      name: 'tag mode defaults',
      workflow: `on: issue_comment
jobs:
  agent:
    runs-on: ubuntu-latest
    steps:
      - uses: anthropics/claude-code-action@${SHA}
        with:
          github_token: \${{ github.token }}
`,
    },
    {
      name: 'gemini with a tools.core allow-list',
      workflow: wf(
        'contents: read',
        `      - uses: google-github-actions/run-gemini-cli@${SHA}
        with:
          prompt: hi
          settings: '{"tools": {"core": ["run_shell_command(git log)"]}}'
`,
      ),
    },
  ],
  invalid: [
    {
      name: 'bare Bash with a write token',
      workflow: wf('contents: write', claude('--allowedTools Bash')),
      errors: [{ at: '12:24', job: 'agent' }],
    },
    {
      name: 'bare Bash read-only',
      workflow: wf('contents: read', claude('--allowedTools Bash')),
      errors: ['12:24'],
    },
    {
      name: 'run-gemini-cli without tools.core',
      workflow: wf(
        'contents: read',
        `      - uses: google-github-actions/run-gemini-cli@${SHA}
        with:
          prompt: hi
`,
      ),
      errors: ['8:15'],
    },
    {
      name: 'copilot --allow-all-tools outside AWF',
      workflow: wf('contents: read', '      - run: copilot -p "fix" --allow-all-tools\n'),
      errors: ['8:31'],
    },
  ],
});
