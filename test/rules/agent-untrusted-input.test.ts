import rule from '../../src/engine/rules/agent-untrusted-input.js';
import { testRule } from './rule-tester.js';

const SHA = '8e8c483db84b4bee98b60c0593521ed34d9990e8';
const claude = (
  trigger: string,
  withLines: string,
  env = '',
  perms = 'contents: read',
) => `on: ${trigger}
permissions:
  ${perms}
jobs:
  agent:
    runs-on: ubuntu-latest
    steps:
      - uses: anthropics/claude-code-action@${SHA}
        with:
          github_token: \${{ github.token }}
${withLines}${env}`;

testRule(rule, {
  valid: [
    {
      name: 'ids and fixed contexts only',
      workflow: claude(
        'issues',
        '          prompt: Triage #${{ github.event.issue.number }} in ${{ github.repository }}\n',
      ),
    },
    {
      name: 'workflow_dispatch inputs come from a writer',
      workflow: claude(
        'workflow_dispatch',
        '          prompt: ${{ inputs.task }} ${{ github.event.inputs.task }}\n',
      ),
    },
    {
      name: 'step outputs are not reported by default',
      workflow: claude('issues', '          prompt: ${{ steps.fetch.outputs.text }}\n'),
    },
    {
      name: 'default env copies add nothing',
      workflow: claude(
        'pull_request',
        '          prompt: review\n',
        '        env:\n          GITHUB_HEAD_REF: ${{ github.head_ref }}\n',
      ),
    },
    {
      name: 'issue text on a schedule / workflow_dispatch-only workflow is always empty',
      workflow: claude(
        '[schedule, workflow_dispatch]',
        '          prompt: "Dedup ${{ github.event.issue.title }}"\n',
        '        env:\n          BODY: ${{ github.event.issue.body }}\n          PR: ${{ github.event.pull_request.title }}\n',
      ),
    },
    {
      name: 'tag mode reading the comment itself is not explicit flow',
      workflow: claude('issue_comment', '          trigger_phrase: "@claude"\n'),
    },
    {
      name: 'job env the agent step does not name',
      workflow: `on: issues
jobs:
  agent:
    runs-on: ubuntu-latest
    env:
      TITLE: \${{ github.event.issue.title }}
    steps:
      - run: echo "$TITLE"
      - uses: anthropics/claude-code-action@${SHA}
        with:
          prompt: triage
`,
    },
  ],
  invalid: [
    {
      // A quoted scalar is located at its start.
      name: 'issue title in the prompt',
      workflow: claude('issues', '          prompt: "Title: ${{ github.event.issue.title }}"\n'),
      // At the context inside the quoted scalar.
      errors: [{ at: '11:31', job: 'agent' }],
    },
    {
      name: 'issue text on a workflow with issues beside schedule and dispatch',
      workflow: claude(
        '[schedule, workflow_dispatch, issues]',
        '          prompt: "Dedup ${{ github.event.issue.title }}"\n',
      ),
      errors: ['11:30'],
    },
    {
      name: 'issue text in a reusable workflow (the caller may run on issues)',
      workflow: claude('workflow_call', '          prompt: "${{ github.event.issue.body }}"\n'),
      errors: ['11:24'],
    },
    {
      name: 'through env.X into the prompt',
      workflow: claude(
        'issues',
        '          prompt: "Body: ${{ env.BODY }}"\n',
        '        env:\n          BODY: ${{ github.event.issue.body }}\n',
      ),
      errors: ['11:30', '13:21'],
    },
    {
      name: 'side input gets comment text; write authority',
      workflow: claude(
        'issue_comment',
        '          claude_args: --model ${{ github.event.comment.body }}\n',
        '',
        'contents: write',
      ),
      errors: ['11:36'],
    },
    {
      name: 'agent CLI prompt argument in run',
      workflow: `on: pull_request_target
jobs:
  agent:
    runs-on: ubuntu-latest
    steps:
      - run: |
          claude -p "Review PR titled \${{ github.event.pull_request.title }}" --allowedTools Read
`,
      errors: ['7:43'],
    },
    {
      name: 'job env named in the agent run step',
      workflow: `on: issues
jobs:
  agent:
    runs-on: ubuntu-latest
    env:
      TITLE: \${{ github.event.issue.title }}
    steps:
      - run: |
          gemini -p "Triage: $TITLE"
`,
      errors: ['6:18'],
    },
    {
      name: 'step outputs with the option',
      workflow: claude('issues', '          prompt: ${{ steps.fetch.outputs.text }}\n'),
      options: { stepOutputs: true },
      errors: ['11:23'],
    },
    {
      name: 'workflow_call inputs with the option',
      workflow: claude('workflow_call', '          prompt: ${{ inputs.context }}\n'),
      options: { workflowCallInputs: true },
      errors: ['11:23'],
    },
  ],
});
