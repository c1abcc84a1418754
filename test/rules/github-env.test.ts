import { describe, expect, it } from 'vitest';
import rule from '../../src/engine/rules/github-env.js';
import { runRule, testRule } from './rule-tester.js';

/** A one-step workflow; the script starts on line 7, column 11. */
const wf = (
  run: string,
  opts: { on?: string; env?: string; shell?: string; runsOn?: string } = {},
) =>
  `on: ${opts.on ?? 'pull_request_target'}\njobs:\n  a:\n    runs-on: ${opts.runsOn ?? 'ubuntu-latest'}\n    steps:\n      - run: |\n${run
    .split('\n')
    .map((l) => `          ${l}`)
    .join(
      '\n',
    )}\n${opts.shell ? `        shell: ${opts.shell}\n` : ''}${opts.env ? `        env:\n${opts.env}` : ''}`;

const TITLE_ENV = '          TITLE: ${{ github.event.pull_request.title }}\n';

testRule(rule, {
  valid: [
    { name: 'literal echo (zz#234)', workflow: wf('echo "FOO=bar" >> $GITHUB_ENV') },
    {
      name: 'printf literals (zz#2200)',
      workflow: wf('printf \'%s=%s\\n\' FOO bar >> "$GITHUB_ENV"'),
    },
    {
      name: 'github.workspace (zz#1424)',
      workflow: wf('echo "${{ github.workspace }}/bin" >> $GITHUB_PATH'),
    },
    {
      name: 'runner.tool_cache (gh-aw#59992)',
      workflow: wf('echo "${{ runner.tool_cache }}/x" >> "${GITHUB_PATH}"'),
    },
    {
      name: 'runner variables',
      workflow: wf('echo "$HOME/.cargo/bin:$RUNNER_TEMP" >> $GITHUB_PATH'),
    },
    {
      name: 'env var with a literal value',
      workflow: wf('echo "MODE=$MODE" >> $GITHUB_ENV', { env: '          MODE: release\n' }),
    },
    {
      name: 'script variable with a literal value',
      workflow: wf('V=1.2.3\necho "v=$V" >> $GITHUB_OUTPUT'),
    },
    {
      name: 'fixed contexts (sha, number)',
      workflow: wf(
        'echo "s=${{ github.sha }}-${{ github.event.pull_request.number }}" >> $GITHUB_OUTPUT',
      ),
    },
    { name: 'safe command substitution', workflow: wf('echo "d=$(date +%s)" >> $GITHUB_OUTPUT') },
    {
      name: 'quoted heredoc of literals',
      workflow: wf("cat <<'EOF' >> $GITHUB_ENV\nA=1\nB=$NOT_EXPANDED\nEOF"),
    },
    {
      name: 'commented out',
      workflow: wf('# echo "T=${{ github.event.pull_request.title }}" >> $GITHUB_ENV\ntrue'),
    },
    { name: 'single-quoted mention', workflow: wf("echo 'echo x >> $GITHUB_ENV'") },
    {
      name: 'not a privileged trigger',
      workflow: wf('echo "T=$TITLE" >> $GITHUB_ENV', { on: 'pull_request', env: TITLE_ENV }),
    },
    {
      name: 'run-time event is not privileged',
      workflow: wf('echo "T=$TITLE" >> $GITHUB_ENV', {
        on: '[push, pull_request_target]',
        env: TITLE_ENV,
      }),
      context: { event: 'push' },
    },
    {
      name: 'GITHUB_OUTPUT not watched (zizmor parity option)',
      workflow: wf('echo "t=$TITLE" >> $GITHUB_OUTPUT', { env: TITLE_ENV }),
      options: { files: ['GITHUB_ENV', 'GITHUB_PATH'] },
    },
    { name: 'python shell is not parsed', workflow: wf('print("x")', { shell: 'python' }) },
  ],
  invalid: [
    {
      name: 'event text through env',
      workflow: wf('echo "T=$TITLE" >> $GITHUB_ENV', { env: TITLE_ENV }),
      errors: ['7:30'],
    },
    {
      name: 'expression in the value',
      workflow: wf('echo "T=${{ github.head_ref }}" >> "$GITHUB_ENV"'),
      errors: ['7:47'],
    },
    {
      name: 'GITHUB_OUTPUT (octoscan)',
      workflow: wf('echo "t=${{ github.event.pull_request.body }}" >> $GITHUB_OUTPUT'),
      errors: ['7:61'],
    },
    {
      name: 'tee -a',
      workflow: wf('echo "$TITLE" | tee -a "$GITHUB_PATH"', { env: TITLE_ENV }),
      errors: ['7:35'],
    },
    {
      name: 'unknown command output (low)',
      workflow: wf('cat pr/env.txt >> $GITHUB_ENV'),
      errors: ['7:29'],
    },
    {
      name: 'unquoted heredoc with a variable',
      workflow: wf('cat <<EOF >> $GITHUB_ENV\nT=$TITLE\nEOF', { env: TITLE_ENV }),
      errors: ['7:24'],
    },
    {
      name: 'group redirect',
      workflow: wf('{\n  echo "a=1"\n  echo "t=$TITLE"\n} >> $GITHUB_OUTPUT', { env: TITLE_ENV }),
      errors: ['10:16'],
    },
    {
      name: 'loop redirect over a pipeline',
      workflow: wf('jq -r .x f | while read -r l; do\n  echo "$l"\ndone >> $GITHUB_PATH'),
      errors: ['9:19'],
    },
    {
      name: 'script variable from the event payload',
      workflow: wf(
        'B=$(jq -r .pull_request.head.ref "$GITHUB_EVENT_PATH")\necho "b=$B" >> $GITHUB_ENV',
      ),
      errors: ['8:26'],
    },
    {
      name: 'a here-string (<<<) is not a here-document: the lines after it are read',
      workflow: wf('IFS=. read -ra P <<< "$CURRENT"\necho "v=${P[0]}" >> $GITHUB_OUTPUT'),
      errors: ['8:31'],
    },
    {
      name: 'pwsh on a Windows runner',
      workflow: wf('"T=$env:TITLE" >> $env:GITHUB_ENV', {
        runsOn: 'windows-latest',
        env: TITLE_ENV,
      }),
      errors: ['7:29'],
    },
    {
      name: 'pwsh Add-Content',
      workflow: wf('Add-Content -Path $env:GITHUB_PATH -Value "${{ github.event.comment.body }}"', {
        on: 'issue_comment',
        shell: 'pwsh',
      }),
      errors: ['7:29'],
    },
    {
      name: 'workflow_run and the ${{ github.env }} target',
      workflow: wf('echo "X=$(cat artifact/x)" >> ${{ github.env }}', { on: 'workflow_run' }),
      errors: ['7:41'],
    },
  ],
});

describe('github-env grading', () => {
  const grade = (workflow: string) =>
    runRule(rule, { name: 'x', workflow }).map((h) => `${h.severity}/${h.confidence}`);
  it('free text: high confidence; shaped: medium; unknown output: low; OUTPUT: medium severity', () => {
    expect(grade(wf('echo "T=$TITLE" >> $GITHUB_ENV', { env: TITLE_ENV }))).toEqual(['high/high']);
    expect(grade(wf('echo "R=${{ github.ref_name }}" >> $GITHUB_ENV'))).toEqual(['high/medium']);
    expect(grade(wf('some-tool >> $GITHUB_PATH'))).toEqual(['high/low']);
    expect(grade(wf('echo "t=$TITLE" >> $GITHUB_OUTPUT', { env: TITLE_ENV }))).toEqual([
      'medium/high',
    ]);
  });
});
