import rule from '../../src/engine/rules/agent-unbounded-app-token.js';
import { testRule } from './rule-tester.js';

const SHA = '8e8c483db84b4bee98b60c0593521ed34d9990e8';
const mint = (limits: string) => `      - id: app
        uses: actions/create-github-app-token@${SHA}
        with:
          app-id: \${{ vars.APP_ID }}
          private-key: \${{ secrets.KEY }}
${limits}`;
const wf = (perms: string, steps: string) => `on: issue_comment
permissions:
${perms}
jobs:
  agent:
    runs-on: ubuntu-latest
    steps:
${steps}`;
const claude = (token: string) => `      - uses: anthropics/claude-code-action@${SHA}
        with:
${token}`;

testRule(rule, {
  valid: [
    {
      name: 'permission-* limits',
      workflow: wf(
        '  contents: read',
        mint('          permission-issues: write\n') +
          claude('          github_token: ${{ steps.app.outputs.token }}\n'),
      ),
    },
    {
      name: 'unlimited token not given to the agent',
      workflow: wf(
        '  contents: read',
        mint('') + claude('          github_token: ${{ github.token }}\n'),
      ),
    },
    {
      name: 'no id-token: no OIDC exchange',
      workflow: wf('  contents: read', claude('          prompt: hi\n')),
    },
    {
      name: 'job token with id-token',
      workflow: wf(
        '  contents: read\n  id-token: write',
        claude('          github_token: ${{ github.token }}\n'),
      ),
    },
  ],
  invalid: [
    {
      name: 'unlimited App token to the agent',
      workflow: wf(
        '  contents: read',
        mint('') + claude('          github_token: ${{ steps.app.outputs.token }}\n'),
      ),
      errors: [{ at: '9:15', job: 'agent' }],
    },
    {
      name: 'App token through job env',
      workflow: `on: issues
jobs:
  agent:
    runs-on: ubuntu-latest
    env:
      GH_TOKEN: \${{ steps.app.outputs.token }}
    steps:
${mint('')}      - run: claude -p "triage" --allowedTools Read
`,
      errors: ['9:15'],
    },
    {
      name: 'claude OIDC exchange',
      workflow: wf('  contents: read\n  id-token: write', claude('          prompt: hi\n')),
      errors: ['9:15'],
    },
    {
      name: 'opencode OIDC exchange',
      workflow: wf(
        '  id-token: write',
        `      - uses: sst/opencode/github@${SHA}
        with:
          model: anthropic/claude-sonnet-4
`,
      ),
      errors: ['8:15'],
    },
  ],
});
