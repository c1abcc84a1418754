import rule from '../../src/engine/rules/agent-any-actor.js';
import { testRule } from './rule-tester.js';

const SHA = '8e8c483db84b4bee98b60c0593521ed34d9990e8';
const wf = (
  trigger: string,
  withLines: string,
  uses = 'anthropics/claude-code-action',
) => `on: ${trigger}
permissions:
  contents: read
jobs:
  agent:
    runs-on: ubuntu-latest
    steps:
      - uses: ${uses}@${SHA}
        with:
          github_token: \${{ github.token }}
${withLines}`;

testRule(rule, {
  valid: [
    {
      name: 'named bots',
      workflow: wf('issue_comment', "          allowed_bots: 'dependabot[bot]'\n"),
    },
    { name: 'wildcard on push', workflow: wf('push', "          allowed_bots: '*'\n") },
    {
      name: 'allowed_non_write_users without github_token is ignored by the action',
      workflow: `on: issues
jobs:
  agent:
    runs-on: ubuntu-latest
    steps:
      - uses: anthropics/claude-code-action@${SHA}
        with:
          prompt: triage
          allowed_non_write_users: '*'
`,
    },
    {
      name: 'codex allow-bots only admits github-actions[bot]',
      workflow: wf(
        'issues',
        '          prompt: hi\n          allow-bots: true\n',
        'openai/codex-action',
      ),
    },
  ],
  invalid: [
    {
      name: 'allowed_bots * on issue_comment',
      workflow: wf('issue_comment', "          allowed_bots: '*'\n"),
      errors: [{ at: '11:25', job: 'agent' }],
    },
    {
      name: 'allowed_non_write_users * with github_token on issues',
      workflow: wf('issues', "          prompt: triage\n          allowed_non_write_users: '*'\n"),
      errors: ['12:36'],
    },
    {
      name: 'codex allow-users * on pull_request_target',
      workflow: wf(
        'pull_request_target',
        "          prompt: hi\n          allow-users: '*'\n",
        'openai/codex-action',
      ),
      errors: ['12:24'],
    },
    {
      name: 'wildcard on push with a custom trigger list',
      workflow: wf('push', "          allowed_bots: '*'\n"),
      options: { triggers: ['push'] },
      errors: ['11:25'],
    },
  ],
});
