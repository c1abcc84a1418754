import rule from '../../src/engine/rules/template-injection.js';
import { runRule, testRule } from './rule-tester.js';
import { describe, expect, it } from 'vitest';

const wf = (on: string, steps: string, extra = '') => `on: ${on}
jobs:
  a:
    runs-on: ubuntu-latest
${extra}    steps:
${steps}`;

testRule(rule, {
  valid: [
    {
      name: 'fixed contexts (SHAs, numbers, ids, logins, workspace, runner)',
      workflow: wf(
        'pull_request_target',
        '      - run: echo ${{ github.event.pull_request.head.sha }} ${{ github.event.pull_request.number }} ${{ github.event.pull_request.user.login }} ${{ github.workspace }} ${{ runner.os }} ${{ github.run_id }}\n',
      ),
    },
    {
      name: 'steps outcome / conclusion and needs result',
      workflow: wf(
        'issues',
        '      - run: test "${{ steps.x.outcome }}${{ steps.x.conclusion }}${{ needs.b.result }}" = ok\n',
      ),
    },
    {
      name: 'literal-armed ternary',
      workflow: wf(
        'issues',
        "      - run: echo ${{ github.event.issue.title && '--titled' || '' }}\n",
      ),
    },
    {
      name: 'comparison and predicate calls',
      workflow: wf(
        'issue_comment',
        "      - run: echo ${{ github.event.comment.body == '/ok' }} ${{ contains(github.event.comment.body, '/ok') }} ${{ !github.event.comment.body }}\n",
      ),
    },
    {
      name: 'passed through env',
      workflow: wf(
        'issues',
        '      - env:\n          T: ${{ github.event.issue.title }}\n        run: echo "$T"\n',
      ),
    },
    {
      name: 'secrets and vars',
      workflow: wf('issues', '      - run: echo ${{ secrets.TOKEN }} ${{ vars.NAME }}\n'),
    },
    {
      name: 'typed inputs',
      workflow: `on:
  workflow_dispatch:
    inputs:
      n: { type: number }
      b: { type: boolean }
      c: { type: choice, options: [a, b] }
      e: { type: environment }
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ inputs.n }} \${{ inputs.b }} \${{ inputs.c }} \${{ github.event.inputs.e }}
`,
    },
    {
      name: 'workflow_call-only workflow (PR numbers and SHAs read): inputs come from the calling workflow (low)',
      workflow: `on:
  workflow_call:
    inputs:
      architecture: { type: string }
      image: { type: string, default: ubuntu }
  workflow_dispatch:
    inputs:
      image: { type: string }
concurrency: \${{ github.workflow }}-\${{ github.event.pull_request.number || github.sha }}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: build --arch \${{ inputs.architecture }} --image \${{ inputs.image }} --x \${{ inputs.undeclared }}
      - uses: actions/github-script@v7
        with:
          script: console.log('\${{ inputs.architecture }}')
`,
    },
    {
      name: 'non-sink action input',
      workflow: wf(
        'issues',
        '      - uses: actions/setup-node@v4\n        with:\n          node-version: ${{ github.event.issue.title }}\n',
      ),
    },
    {
      name: 'writer-controlled ref and step outputs are low (below the default minimum)',
      workflow: wf(
        'push',
        '      - run: echo ${{ github.ref_name }} ${{ steps.v.outputs.version }}\n',
      ),
    },
    {
      name: 'a context no trigger fills is low',
      workflow: wf('push', '      - run: echo ${{ github.event.issue.title }}\n'),
    },
  ],
  invalid: [
    {
      name: 'issue title in run',
      workflow: wf('issues', '      - run: echo "${{ github.event.issue.title }}"\n'),
      errors: ['6:24'],
    },
    {
      name: 'multi-line run block, two contexts, index normalised',
      workflow: wf(
        'push',
        '      - run: |\n          git log -1\n          echo ${{ github.event.head_commit.message }} ${{ github.event.commits[0].author.name }}\n',
      ),
      errors: ['8:20', '8:60'],
    },
    {
      name: 'head_ref on pull_request_target',
      workflow: wf(
        'pull_request_target',
        '      - run: git push origin HEAD:${{ github.head_ref }}\n',
      ),
      errors: ['6:39'],
    },
    {
      name: 'through job env',
      workflow: wf(
        'issue_comment',
        '      - run: echo ${{ env.C }}\n',
        '    env:\n      C: ${{ github.event.comment.body }}\n',
      ),
      errors: ['8:23'],
    },
    {
      name: 'right side of && and both sides of ||',
      workflow: wf(
        'pull_request_target',
        "      - run: echo ${{ github.event_name == 'x' && github.event.pull_request.title || github.event.pull_request.body }}\n",
      ),
      errors: ['6:51', '6:86'],
    },
    {
      name: 'format and toJSON propagate',
      workflow: wf(
        'workflow_run',
        "      - run: echo ${{ format('{0}', github.event.workflow_run.head_branch) }} '${{ toJSON(github.event) }}'\n",
      ),
      errors: ['6:37', '6:91'],
    },
    {
      name: 'github-script script input',
      workflow: wf(
        'discussion',
        '      - uses: actions/github-script@v7\n        with:\n          script: console.log("${{ github.event.discussion.body }}")\n',
      ),
      errors: ['8:36'],
    },
    {
      name: 'other action sink',
      workflow: wf(
        'pull_request_target',
        '      - uses: azure/cli@v2\n        with:\n          inlineScript: az group show -n ${{ github.event.pull_request.head.label }}\n',
      ),
      errors: ['8:46'],
    },
    {
      name: 'client_payload (the untyped dispatch input is low)',
      workflow: `on:
  workflow_dispatch:
    inputs:
      v: { description: version }
  repository_dispatch:
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ inputs.v }} \${{ github.event.client_payload.cmd }}
`,
      errors: ['10:39'],
    },
    {
      name: 'workflow_call input of a workflow that also runs on issues (callers may pass event text)',
      workflow: `on:
  workflow_call:
    inputs:
      title: { type: string }
  issues:
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ inputs.title }}
`,
      errors: ['10:23'],
    },
    {
      name: 'workflow_call input of a workflow whose expressions read PR or issue text',
      workflow: `on:
  workflow_call:
    inputs:
      context: { type: string }
env:
  TITLE: \${{ github.event.pull_request.title || github.event.issue.title }}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ inputs.context }}"
`,
      errors: ['11:24'],
    },
    {
      name: 'workflow_call input through env, issue_comment trigger beside it',
      workflow: `on:
  workflow_call:
    inputs:
      body: { type: string }
  issue_comment:
env:
  B: \${{ inputs.body }}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ env.B }}
`,
      errors: ['12:23'],
    },
    {
      name: 'workflow_call: every event context may be filled by the caller',
      workflow: wf('workflow_call', '      - run: echo ${{ github.event.issue.title }}\n'),
      errors: ['6:23'],
    },
    {
      name: 'minSeverity low adds refs, outputs and unfilled contexts',
      workflow: wf(
        'push',
        '      - run: echo ${{ github.ref_name }} ${{ steps.v.outputs.version }} ${{ github.event.issue.title }}\n',
      ),
      options: { minSeverity: 'low' },
      errors: ['6:23', '6:46', '6:77'],
    },
  ],
});

describe('template-injection grading', () => {
  const grade = (on: string, expr: string) =>
    runRule(rule, {
      name: 'g',
      workflow: wf(on, `      - run: echo \${{ ${expr} }}\n`),
      options: { minSeverity: 'low' },
    }).map((h) => `${h.severity}/${h.confidence}`);
  it('grades by capability and trigger', () => {
    expect(grade('issues', 'github.event.issue.body')).toEqual(['high/high']);
    expect(grade('pull_request_target', 'github.event.pull_request.user.email')).toEqual([
      'medium/medium',
    ]);
    expect(grade('workflow_dispatch', 'inputs.x')).toEqual(['low/medium']);
    expect(grade('workflow_call', 'inputs.x')).toEqual(['low/medium']);
    expect(grade('[workflow_call, pull_request_target]', 'inputs.x')).toEqual(['medium/medium']);
    expect(grade('issues', 'github.event.repository.owner.name')).toEqual([]);
    expect(grade('issues', 'github.event.issue.pull_request.url')).toEqual([]);
    expect(grade('push', 'github.ref_name')).toEqual(['low/medium']);
    expect(grade('push', 'steps.a.outputs.b')).toEqual(['low/low']);
    expect(grade('push', 'github.event.comment.body')).toEqual(['low/low']);
  });
  it('names the env var it followed', () => {
    const [hit] = runRule(rule, {
      name: 'env',
      workflow: wf(
        'issues',
        '      - env:\n          B: ${{ github.event.issue.body }}\n        run: echo ${{ env.B }}\n',
      ),
    });
    expect(hit?.message).toContain('env.B');
  });
});
