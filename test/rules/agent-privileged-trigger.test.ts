import rule from '../../src/engine/rules/agent-privileged-trigger.js';
import { testRule } from './rule-tester.js';

const SHA = '8e8c483db84b4bee98b60c0593521ed34d9990e8';
const job = (
  trigger: string,
  perms: string,
  steps: string,
  runsOn = 'ubuntu-latest',
) => `on: ${trigger}
jobs:
  agent:
    runs-on: ${runsOn}
    permissions:
${perms}
    steps:
${steps}`;
const checkout = (persist: boolean) =>
  `      - uses: actions/checkout@${SHA}\n${persist ? '' : '        with:\n          persist-credentials: false\n'}`;
const claude = `      - uses: anthropics/claude-code-action@${SHA}
        with:
          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}
          github_token: \${{ github.token }}
`;

testRule(rule, {
  valid: [
    {
      name: 'read-only agent on issue_comment with only its model key',
      workflow: job('issue_comment', '      contents: read', checkout(false) + claude),
    },
    {
      name: 'write token on push (attended)',
      workflow: job('push', '      contents: write', checkout(true) + claude),
    },
    {
      name: 'no agent',
      workflow: job('issue_comment', '      contents: write', checkout(true)),
    },
    {
      name: 'trigger not in the configured list',
      workflow: job('schedule', '      contents: write', claude),
      options: { triggers: ['pull_request_target'] },
    },
  ],
  invalid: [
    {
      name: 'write token on issue_comment',
      workflow: job('issue_comment', '      contents: write', checkout(false) + claude),
      errors: [{ at: '11:15', job: 'agent' }],
    },
    {
      name: 'persisted checkout credentials on pull_request_target',
      workflow: job('pull_request_target', '      contents: read', checkout(true) + claude),
      errors: ['9:15'],
    },
    {
      name: 'a secret beyond the model key on schedule',
      workflow: job(
        'schedule',
        '      contents: read',
        `      - run: claude -p "triage" --allowedTools Read
        env:
          ANTHROPIC_API_KEY: \${{ secrets.ANTHROPIC_API_KEY }}
          SLACK_WEBHOOK: \${{ secrets.SLACK_WEBHOOK }}
`,
      ),
      errors: ['8:14'],
    },
    {
      name: 'self-hosted runner on workflow_run',
      workflow: job('workflow_run', '      contents: read', claude, '[self-hosted, linux]'),
      errors: ['8:15'],
    },
  ],
});
