import rule from '../../src/rules/agent-permissions-bypassed.js';
import { testRule } from './rule-tester.js';

const SHA = '8e8c483db84b4bee98b60c0593521ed34d9990e8';
const wf = (trigger: string, steps: string) => `on: ${trigger}
permissions:
  contents: read
jobs:
  agent:
    runs-on: ubuntu-latest
    steps:
${steps}`;

testRule(rule, {
  valid: [
    {
      name: 'allow-listed tools',
      workflow: wf('push', '      - run: claude -p "x" --allowedTools "Bash(npm test:*)"\n'),
    },
    {
      name: 'run-gemini-cli built-in --yolo is not reported by default',
      workflow: wf(
        'push',
        `      - uses: google-github-actions/run-gemini-cli@${SHA}
        with:
          prompt: hi
          settings: '{"tools": {"core": ["read_file"]}}'
`,
      ),
    },
    {
      name: 'codex workspace-write sandbox',
      workflow: wf(
        'issues',
        `      - uses: openai/codex-action@${SHA}
        with:
          prompt: hi
          sandbox: workspace-write
`,
      ),
    },
    {
      name: 'engine inside gh-aw AWF',
      workflow: wf(
        'schedule',
        `      - run: |
          sudo -E awf --env-all -- /bin/bash -c 'copilot --allow-all-tools --prompt-file /tmp/prompt.txt'
`,
      ),
    },
  ],
  invalid: [
    {
      name: '--dangerously-skip-permissions',
      workflow: wf('push', '      - run: claude -p "x" --dangerously-skip-permissions\n'),
      errors: [{ at: '8:28', job: 'agent' }],
    },
    {
      name: 'bypassPermissions in settings on issue_comment',
      workflow: wf(
        'issue_comment',
        `      - uses: anthropics/claude-code-action@${SHA}
        with:
          settings: '{"permissions": {"defaultMode": "bypassPermissions"}}'
`,
      ),
      errors: ['10:21'],
    },
    {
      name: 'gemini --yolo in run',
      workflow: wf('schedule', '      - run: gemini --yolo -p "fix it"\n'),
      errors: ['8:21'],
    },
    {
      name: 'run-gemini-cli built-in with includeBuiltIn',
      workflow: wf(
        'push',
        `      - uses: google-github-actions/run-gemini-cli@${SHA}
        with:
          prompt: hi
          settings: '{"tools": {"core": ["read_file"]}}'
`,
      ),
      options: { includeBuiltIn: true },
      errors: ['8:15'],
    },
  ],
});
