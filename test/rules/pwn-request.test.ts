import { describe, expect, it } from 'vitest';
import rule from '../../src/engine/rules/pwn-request.js';
import { runRule, testRule } from './rule-tester.js';

const CO = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';
const wf = (on: string, steps: string, job = '') => `on: ${on}
jobs:
  a:
    runs-on: ubuntu-latest
${job}    steps:
${steps}`;
const checkout = (ref: string) => `      - uses: ${CO}\n        with:\n          ref: ${ref}\n`;

testRule(rule, {
  valid: [
    {
      name: 'pull_request (unprivileged) checking out the head',
      workflow: wf(
        'pull_request',
        checkout('${{ github.event.pull_request.head.sha }}') + '      - run: npm ci\n',
      ),
    },
    {
      name: 'pull_request_target checking out the base',
      workflow: wf('pull_request_target', `      - uses: ${CO}\n      - run: npm ci\n`),
    },
    {
      name: 'base sha / github.sha refs',
      workflow: wf(
        'pull_request_target',
        checkout('${{ github.event.pull_request.base.sha }}') +
          checkout('${{ github.sha }}') +
          '      - run: make\n',
      ),
    },
    {
      name: 'untrusted checkout, nothing runs it',
      workflow: wf(
        'pull_request_target',
        checkout('${{ github.event.pull_request.head.sha }}') +
          '      - run: cat README.md | wc -l\n',
      ),
    },
    {
      name: 'execution before the checkout does not count',
      workflow: wf(
        'pull_request_target',
        '      - run: npm ci\n' + checkout('${{ github.head_ref }}'),
      ),
    },
    {
      name: 'workflow_call with an unknown caller (default)',
      workflow: wf('workflow_call', checkout('${{ github.head_ref }}') + '      - run: yarn\n'),
    },
    {
      name: 'a literal branch',
      workflow: wf('workflow_run', checkout('gh-pages') + '      - run: make\n'),
    },
    {
      name: 'pip install of a named package does not read the checkout',
      workflow: wf(
        'pull_request_target',
        checkout('${{ github.head_ref }}') + '      - run: pip install ruff\n',
      ),
    },
    {
      name: 'git fetch of the PR head into a local ref nothing checks out; base scripts run',
      workflow: wf(
        'pull_request_target',
        `      - uses: ${CO}\n      - run: |\n          git fetch origin pull/\${{ github.event.pull_request.number }}/head:pr-head\n          node scripts/changed.js\n          git diff --name-only HEAD pr-head\n      - run: npm ci\n`,
      ),
    },
    {
      name: 'artifact of the PR run unpacked into a sub-directory, only deployed / uploaded',
      workflow: wf(
        'workflow_run',
        `      - uses: ${CO}\n      - run: uv sync --locked\n      - uses: actions/download-artifact@v4\n        with:\n          path: ./site/\n          run-id: \${{ github.event.workflow_run.id }}\n          github-token: \${{ secrets.GITHUB_TOKEN }}\n      - run: uv run ./scripts/deploy_status.py\n      - run: uv run smokeshow upload site\n      - uses: cloudflare/wrangler-action@v3\n        with:\n          command: pages deploy ./site\n`,
      ),
    },
    {
      name: 'ref from a github-script output set from the base sha',
      workflow: wf(
        'issue_comment',
        `      - id: config\n        uses: actions/github-script@v7\n        with:\n          script: |\n            const response = await github.rest.pulls.get({ owner, repo, pull_number })\n            core.setOutput('base', response.data.base.sha)\n            core.setOutput('head', response.data.head.sha)\n` +
          checkout('${{ steps.config.outputs.base }}') +
          '      - run: go run ./cmd/gen\n',
      ),
    },
    {
      name: 'ref from a run output set from the base ref',
      workflow: wf(
        'pull_request_target',
        '      - id: b\n        run: echo "ref=${{ github.event.pull_request.base.ref }}" >> "$GITHUB_OUTPUT"\n' +
          checkout('${{ steps.b.outputs.ref }}') +
          '      - run: make\n',
      ),
    },
    {
      name: "gh run download of this workflow's own previous run (no PR-code trigger)",
      workflow: `name: brain
on:
  schedule: [{ cron: '0 * * * *' }]
  issue_comment:
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CO}
      - run: |
          LAST=$(gh run list --workflow "\${{ github.workflow }}" --status success --limit 1 --json databaseId --jq '.[0].databaseId')
          gh run download "$LAST" -n data -D .tmp
          gh run download \${{ github.run_id }} -n other
          cp .tmp/notes.md notes.md
      - run: npx tsx tools/metrics.ts
`,
    },
    {
      name: 'echo of a build command is not a build',
      workflow: wf(
        'pull_request_target',
        checkout('${{ github.head_ref }}') + '      - run: echo "npm ci"\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'head sha then npm ci',
      workflow: wf(
        'pull_request_target',
        checkout('${{ github.event.pull_request.head.sha }}') + '      - run: npm ci\n',
      ),
      errors: ['8:16'],
    },
    {
      name: 'refs/pull merge ref on issue_comment then a script',
      workflow: wf(
        'issue_comment',
        checkout('refs/pull/${{ github.event.issue.number }}/merge') + '      - run: ./build.sh\n',
      ),
      errors: ['8:16'],
    },
    {
      name: 'workflow_run head_sha then local action',
      workflow: wf(
        'workflow_run',
        checkout('${{ github.event.workflow_run.head_sha }}') +
          '      - uses: ./.github/actions/build\n',
      ),
      errors: ['8:16'],
    },
    {
      name: 'unknown expression ref (medium confidence)',
      workflow: wf(
        'issue_comment',
        checkout('${{ steps.pr.outputs.sha }}') + '      - run: python -m pytest\n',
      ),
      errors: ['8:16'],
    },
    {
      name: 'gh pr checkout then build in the same script',
      workflow: wf(
        'issue_comment',
        '      - run: |\n          gh pr checkout ${{ github.event.issue.number }}\n          cargo test\n',
      ),
      errors: ['7:11'],
    },
    {
      name: 'git fetch of the PR head, then gradle',
      workflow: wf(
        'pull_request_target',
        '      - run: git fetch origin pull/${{ github.event.number }}/head:pr && git checkout pr\n      - run: ./gradlew build\n',
      ),
      errors: ['6:14'],
    },
    {
      name: 'git fetch of the PR head, a later step checks out FETCH_HEAD, then a build',
      workflow: wf(
        'pull_request_target',
        '      - run: git fetch origin pull/${{ github.event.number }}/head\n      - run: node x.js\n      - run: git checkout FETCH_HEAD\n      - run: npm test\n',
      ),
      errors: ['6:14'],
    },
    {
      name: 'git fetch of the PR head, checked out through a variable (fail closed)',
      workflow: wf(
        'pull_request_target',
        '      - run: |\n          git fetch origin pull/${{ github.event.number }}/head:pr\n          git switch "$BRANCH"\n          make\n',
      ),
      errors: ['7:11'],
    },
    {
      name: 'ref from a step output that also carries the head stays untrusted',
      workflow: wf(
        'issue_comment',
        `      - id: config\n        uses: actions/github-script@v7\n        with:\n          script: |\n            core.setOutput('ref', pr.base.sha)\n            if (x) core.setOutput('ref', pr.head.sha)\n` +
          checkout('${{ steps.config.outputs.ref }}') +
          '      - run: go run ./cmd/gen\n',
      ),
      errors: ['14:16'],
    },
    {
      name: "gh run download of a workflow's runs when pull_request runs it too",
      workflow: `on: [pull_request, workflow_run]
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          LAST=$(gh run list --workflow "\${{ github.workflow }}" --limit 1 --json databaseId --jq '.[0].databaseId')
          gh run download "$LAST"
          npm ci
`,
      errors: ['8:11'],
    },
    {
      name: 'gh run download of the triggering run',
      workflow: wf(
        'workflow_run',
        '      - run: gh run download ${{ github.event.workflow_run.id }} -D out\n      - run: bash out/apply.sh\n',
      ),
      errors: ['6:14'],
    },
    {
      name: 'fork repository checkout then build action',
      workflow: wf(
        'pull_request_target',
        `      - uses: ${CO}\n        with:\n          repository: \${{ github.event.pull_request.head.repo.full_name }}\n      - uses: docker/build-push-action@v6\n`,
      ),
      errors: ['8:23'],
    },
    {
      name: 'dawidd6 artifact download then a script',
      workflow: wf(
        'workflow_run',
        '      - uses: dawidd6/action-download-artifact@v6\n      - run: bash ./apply.sh\n',
      ),
      errors: ['6:15'],
    },
    {
      name: 'workflow_call (trigger unknown) with reusableWorkflows',
      workflow: wf('workflow_call', checkout('${{ github.head_ref }}') + '      - run: yarn\n'),
      options: { reusableWorkflows: true },
      errors: ['8:16'],
    },
    {
      name: 'workflow_call run by a pull_request_target caller (run context)',
      workflow: wf('workflow_call', checkout('${{ github.head_ref }}') + '      - run: yarn\n'),
      context: { event: 'pull_request_target' },
      errors: ['8:16'],
    },
    {
      name: 'checkoutOnly reports an unexecuted checkout',
      workflow: wf('pull_request_target', checkout('${{ github.head_ref }}')),
      options: { checkoutOnly: true },
      errors: ['8:16'],
    },
  ],
});

describe('pwn-request grading', () => {
  const grade = (job: string, steps: string, on = 'pull_request_target') =>
    runRule(rule, { name: 'g', workflow: wf(on, steps, job) }).map(
      (h) => `${h.severity}/${h.confidence}`,
    );
  const head = checkout('${{ github.event.pull_request.head.sha }}') + '      - run: npm test\n';
  it('is critical with write permissions or secrets, high otherwise', () => {
    expect(grade('    permissions:\n      contents: write\n', head)).toEqual(['critical/high']);
    expect(grade('    permissions: {}\n', head)).toEqual(['high/high']);
    expect(
      grade('    permissions: {}\n    env:\n      T: ${{ secrets.NPM_TOKEN }}\n', head),
    ).toEqual(['critical/high']);
  });
  it('lowers confidence for environments, label gates and same-repo gates', () => {
    expect(grade('    permissions: {}\n    environment: external\n', head)).toEqual([
      'high/medium',
    ]);
    expect(
      grade(
        "    permissions: {}\n    if: contains(github.event.pull_request.labels.*.name, 'safe')\n",
        head,
      ),
    ).toEqual(['high/medium']);
    expect(
      grade(
        '    permissions: {}\n    if: github.event.pull_request.head.repo.full_name == github.repository\n',
        head,
      ),
    ).toEqual(['high/low']);
  });
});

describe('pwn-request artifacts', () => {
  it('is low confidence when the artifact is unpacked into its own directory', () => {
    const steps = (path: string) =>
      `      - uses: actions/download-artifact@v4\n        with:\n          run-id: \${{ github.event.workflow_run.id }}\n${path}      - run: make\n`;
    const grade = (path: string) =>
      runRule(rule, {
        name: 'a',
        workflow: wf('workflow_run', steps(path), '    permissions: {}\n'),
      }).map((h) => h.confidence);
    expect(grade('')).toEqual(['medium']);
    expect(
      grade('          path: ./report\n').length, // `make` at the root does not run ./report
    ).toBe(0);
  });
  it('counts what runs from the artifact directory or walks the whole tree', () => {
    const steps = (run: string, wd = '') =>
      `      - uses: actions/download-artifact@v4\n        with:\n          run-id: \${{ github.event.workflow_run.id }}\n          path: ./report/\n      - run: ${run}\n${wd}`;
    const grade = (run: string, wd = '') =>
      runRule(rule, {
        name: 'a',
        workflow: wf('workflow_run', steps(run, wd), '    permissions: {}\n'),
      }).map((h) => h.confidence);
    expect(grade('bash report/run.sh')).toEqual(['low']);
    expect(grade('make -C report')).toEqual(['low']);
    expect(grade('cd report && npm ci')).toEqual(['low']);
    expect(grade('pytest')).toEqual(['low']);
    expect(grade('npm ci', '        working-directory: report\n')).toEqual(['low']);
    expect(grade('uv run upload-tool report')).toEqual([]);
    expect(grade('npx wrangler pages deploy ./report/')).toEqual([]);
  });
});
