import { describe, expect, it } from 'vitest';
import {
  contextCapability,
  inputCapability,
  normalizeContext,
} from '../../../src/engine/workflow/expressions/contexts.js';
import { taintedContexts } from '../../../src/engine/workflow/expressions/dataflow.js';

const ctxs = (text: string, env?: Record<string, string>) =>
  taintedContexts(text, env ? new Map(Object.entries(env)) : undefined).map(
    (r) => `${r.context}:${r.capability}@${r.offset}`,
  );

describe('normalizeContext', () => {
  it('lower-cases and turns indexes into segments', () => {
    expect(normalizeContext("github.event.Issue['title']")).toEqual([
      'github',
      'event',
      'issue',
      'title',
    ]);
    expect(normalizeContext('github.event.commits[0].message')).toEqual([
      'github',
      'event',
      'commits',
      '*',
      'message',
    ]);
    expect(normalizeContext('steps.a.outputs.*')).toEqual(['steps', 'a', 'outputs', '*']);
    expect(normalizeContext('1 + 2')).toBeUndefined();
  });
});

describe('contextCapability', () => {
  it.each([
    ['github.event.issue.title', 'arbitrary'],
    ['github.event.issue.body', 'arbitrary'],
    ['github.event.pull_request.title', 'arbitrary'],
    ['github.event.pull_request.head.ref', 'arbitrary'],
    ['github.event.pull_request.head.label', 'arbitrary'],
    ['github.head_ref', 'arbitrary'],
    ['github.event.comment.body', 'arbitrary'],
    ['github.event.review.body', 'arbitrary'],
    ['github.event.review_comment.body', 'arbitrary'],
    ['github.event.discussion.title', 'arbitrary'],
    ['github.event.pages[0].page_name', 'arbitrary'],
    ['github.event.head_commit.message', 'arbitrary'],
    ['github.event.head_commit.author.email', 'arbitrary'],
    ['github.event.commits[1].author.name', 'arbitrary'],
    ['github.event.workflow_run.head_branch', 'arbitrary'],
    ['github.event.workflow_run.display_title', 'arbitrary'],
    ['github.event.workflow_run.head_commit.message', 'arbitrary'],
    ['github.event.issue.labels[0].name', 'arbitrary'],
    ['github.event.label.name', 'arbitrary'],
    ['github.event.release.body', 'arbitrary'],
    ['github.event.client_payload.anything.deep', 'arbitrary'],
    ['github.event.inputs.name', 'arbitrary'],
    ['inputs.name', 'arbitrary'],
    ['GITHUB.EVENT.ISSUE.TITLE', 'arbitrary'],
    ['github.event.issue', 'arbitrary'],
    ['github.event', 'arbitrary'],
    ['github', 'arbitrary'],
    ['github.event.commits', 'arbitrary'],
    ['steps.meta.outputs.tags', 'structured'],
    ['needs.build.outputs.version', 'structured'],
    ['github.ref_name', 'structured'],
    ['github.event.release.tag_name', 'structured'],
    ['github.event.pull_request.user.email', 'structured'],
    ['github.sha', 'fixed'],
    ['github.event.pull_request.head.sha', 'fixed'],
    ['github.event.pull_request.number', 'fixed'],
    ['github.event.issue.id', 'fixed'],
    ['github.event.workflow_run.id', 'fixed'],
    ['github.event.pull_request.user.login', 'fixed'],
    ['github.event.pull_request.merged', 'fixed'],
    ['github.event.pull_request.html_url', 'fixed'],
    ['github.event.pull_request.commits', 'fixed'],
    ['github.event.repository.name', 'fixed'],
    ['github.repository', 'fixed'],
    ['github.workspace', 'fixed'],
    ['github.actor', 'fixed'],
    ['github.run_id', 'fixed'],
    ['runner.temp', 'fixed'],
    ['secrets.TOKEN', 'fixed'],
    ['vars.NAME', 'fixed'],
    ['steps.x.outcome', 'fixed'],
    ['steps.x.conclusion', 'fixed'],
    ['needs.x.result', 'fixed'],
  ])('%s → %s', (context, capability) => {
    expect(contextCapability(context)).toBe(capability);
  });

  it('does not know matrix, env or unknown roots', () => {
    expect(contextCapability('matrix.os')).toBeUndefined();
    expect(contextCapability('env.FOO')).toBeUndefined();
    expect(contextCapability('github.event.some_new_field')).toBeUndefined();
  });

  it('grades inputs by type', () => {
    expect(inputCapability('string')).toBe('arbitrary');
    expect(inputCapability(undefined)).toBe('arbitrary');
    for (const t of ['boolean', 'number', 'choice', 'environment'])
      expect(inputCapability(t)).toBe('fixed');
  });
});

describe('taintedContexts', () => {
  it('locates each context in the original text', () => {
    const text = 'echo "${{ github.event.issue.title }}" ${{github.head_ref}}';
    expect(ctxs(text)).toEqual([
      'github.event.issue.title:arbitrary@10',
      'github.head_ref:arbitrary@42',
    ]);
    expect(text.slice(10, 34)).toBe('github.event.issue.title');
  });

  it('skips safe contexts', () => {
    expect(
      ctxs(
        '${{ github.sha }} ${{ github.event.pull_request.number }} ${{ steps.a.outcome }} ${{ secrets.X }} ${{ github.workspace }}',
      ),
    ).toEqual([]);
  });

  it('propagates through toJSON, format, join and fromJSON', () => {
    expect(ctxs('${{ toJSON(github.event) }}')).toEqual(['github.event:arbitrary@11']);
    expect(ctxs("${{ format('{0}-x', github.event.issue.title) }}")).toEqual([
      'github.event.issue.title:arbitrary@20',
    ]);
    expect(ctxs("${{ join(github.event.issue.labels.*.name, ', ') }}")).toEqual([
      'github.event.issue.labels.*.name:arbitrary@9',
    ]);
    expect(ctxs('${{ fromJSON(steps.a.outputs.json).name }}')).toEqual([
      'steps.a.outputs.json:structured@13',
    ]);
  });

  it('kills the flow in comparisons, negation and predicate calls', () => {
    expect(ctxs("${{ github.event.issue.title == 'x' }}")).toEqual([]);
    expect(ctxs("${{ contains(github.event.issue.body, 'x') }}")).toEqual([]);
    expect(ctxs("${{ startsWith(github.head_ref, 'x') }}")).toEqual([]);
    expect(ctxs("${{ endsWith(github.head_ref, 'x') }}")).toEqual([]);
    expect(ctxs('${{ !github.event.issue.title }}')).toEqual([]);
    expect(ctxs('${{ hashFiles(github.event.issue.title) }}')).toEqual([]);
  });

  it('follows && (right side) and || (both sides)', () => {
    expect(ctxs("${{ github.event.issue.title && 'a' || 'b' }}")).toEqual([]);
    expect(
      ctxs("${{ github.event_name == 'issues' && github.event.issue.title || 'none' }}"),
    ).toEqual(['github.event.issue.title:arbitrary@37']);
    expect(ctxs('${{ github.event.issue.title || github.head_ref }}')).toEqual([
      'github.event.issue.title:arbitrary@4',
      'github.head_ref:arbitrary@32',
    ]);
    expect(ctxs("${{ (github.event.issue.title) && 'x' }}")).toEqual([]);
  });

  it('follows env one level', () => {
    expect(ctxs('${{ env.TITLE }}', { TITLE: '${{ github.event.issue.title }}' })).toEqual([
      'github.event.issue.title:arbitrary@4',
    ]);
    const [ref] = taintedContexts(
      '${{ env.title }}',
      new Map([['TITLE', '${{ github.head_ref }}']]),
    );
    expect(ref?.via).toBe('env.TITLE');
    expect(ctxs('${{ env.A }}', { A: '${{ env.B }}', B: '${{ github.head_ref }}' })).toEqual([]);
    expect(ctxs('${{ env.A }}', { A: 'static' })).toEqual([]);
    expect(ctxs('${{ env.A }}')).toEqual([]);
  });

  it('grades typed inputs', () => {
    const inputTypes = new Map([
      ['flag', 'boolean'],
      ['name', 'string'],
    ]);
    const run = (t: string) => taintedContexts(t, undefined, { inputTypes }).map((r) => r.context);
    expect(run('${{ inputs.flag }} ${{ github.event.inputs.flag }}')).toEqual([]);
    expect(run('${{ inputs.name }}')).toEqual(['inputs.name']);
    expect(run('${{ inputs.undeclared }}')).toEqual(['inputs.undeclared']);
  });

  it('treats unknown payload fields as structured and falls back on unparsable text', () => {
    expect(ctxs('${{ github.event.some_new_field }}')).toEqual([
      'github.event.some_new_field:structured@4',
    ]);
    expect(ctxs('${{ github.event.issue.title + }}')).toEqual([
      'github.event.issue.title:arbitrary@4',
    ]);
    expect(ctxs('${{ }}')).toEqual([]);
  });

  it('handles indexes and strings with quotes', () => {
    expect(ctxs("${{ github.event['issue']['title'] }}")).toEqual([
      'github.event.issue.title:arbitrary@4',
    ]);
    expect(ctxs("${{ format('it''s {0}', github.event.commits[0].message) }}")).toEqual([
      'github.event.commits.*.message:arbitrary@24',
    ]);
  });
});
