/**
 * The aggregated action-control graph: one node per agent / credential kind / class / target,
 * edges counting jobs, only between neighbouring columns; targets folded past the limit; the
 * dagre-laid SVG; and the HTML writer fed one repository at a time.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import type { Evaluation } from '../../src/engine/evaluate.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import type { Policy } from '../../src/engine/policy/types.js';
import { ControlGraph, GRAPH_COLUMNS, MAX_TARGETS } from '../../src/engine/report/control-graph.js';
import { renderGraphSvg } from '../../src/engine/report/graph-svg.js';
import { HtmlReportWriter, renderHtml } from '../../src/engine/report/render-html.js';
import { buildReport } from '../../src/engine/report/report.js';
import type { RepositoryScope } from '../../src/engine/report/report.js';
import { memoryReader } from '../helpers.js';

let baseline: Policy;
beforeAll(async () => {
  baseline = await loadPolicy('baseline', memoryReader({}));
});

function evaluate(path: string, text = readFileSync(path, 'utf8')): Evaluation {
  return evaluateWorkflow({
    path,
    text,
    policy: baseline,
    context: { ...EMPTY_CONTEXT, defaultPermissions: 'read' },
    now: new Date('2026-11-21T00:00:00Z'),
  });
}

function graphOf(...evaluations: Evaluation[]): ControlGraph {
  const g = new ControlGraph();
  for (const e of evaluations)
    for (const v of e.decision.jobs)
      g.addJob(
        v,
        e.inventory.find((i) => i.job === v.job),
      );
  return g;
}

const column = (g: ControlGraph, key: string): number =>
  GRAPH_COLUMNS.indexOf(g.nodes.get(key)?.column ?? 'agent');

describe('aggregated action-control graph', () => {
  it('one node per agent, credential kind, class and target; edges count jobs', () => {
    const review = evaluate('examples/claude-review.yml');
    const fix = evaluate('examples/claude-fix-issue.yml');
    const g = graphOf(review, fix, review);
    // Three jobs ran claude-code-action (the review workflow twice): one node, counted thrice.
    expect(g.nodes.get('agent\0claude-code-action')?.jobs).toBe(3);
    expect(g.nodes.get('credential\0github-token')?.jobs).toBe(3);
    expect(g.edges.get('agent\0claude-code-action\ncredential\0github-token')?.jobs).toBe(3);
    // The fix job writes a branch: approval-required, and so is the class node.
    expect(g.nodes.get('class\0write-branch')?.decision).toBe('approval-required');
    expect(g.nodes.get('class\0read')?.decision).toBe('allow');
    // Every edge joins neighbouring columns: nothing skips one.
    for (const e of g.edges.values()) expect(column(g, e.to) - column(g, e.from)).toBe(1);
  });

  it('a job with no agent starts at "no agent"; a path with no credential goes through "no credential"', () => {
    const g = graphOf(evaluate('examples/ci.yml'));
    expect(g.nodes.get('agent\0(none)')?.label).toBe('no agent');
    expect(
      [...g.nodes.values()].some((n) => n.column === 'agent' && n.key !== 'agent\0(none)'),
    ).toBe(false);
    for (const e of g.edges.values()) expect(column(g, e.to) - column(g, e.from)).toBe(1);
  });

  it('merging sums counts; past MAX_TARGETS targets the least used fold into one node', () => {
    const a = graphOf(evaluate('examples/release.yml'));
    const b = graphOf(evaluate('examples/release.yml'));
    a.merge(b);
    expect(a.nodes.get('class\0publish')?.jobs).toBe(2);
    // One target per workflow: environment e<i> (its secrets), used by i + 1 jobs.
    const wide = new ControlGraph();
    for (let i = 0; i < MAX_TARGETS + 5; i++) {
      const jobs = Array.from(
        { length: i + 1 },
        (_, j) =>
          `  j${j}:\n    runs-on: ubuntu-latest\n    environment: e${i}\n    steps:\n      - run: make\n`,
      ).join('');
      wide.merge(graphOf(evaluate(`w${i}.yml`, `on: push\npermissions: {}\njobs:\n${jobs}`)));
    }
    const targets = [...wide.nodes.values()].filter((n) => n.column === 'target');
    expect(targets).toHaveLength(MAX_TARGETS + 5);
    expect(wide.nodes.get('target\0environment:e4')?.jobs).toBe(5);
    const folded = wide.folded();
    const shown = [...folded.nodes.values()].filter((n) => n.column === 'target');
    expect(shown).toHaveLength(MAX_TARGETS + 1);
    // The five least used (e0…e4: 1 + 2 + 3 + 4 + 5 job-links) are the folded node.
    const other = folded.nodes.get('target\0(other)');
    expect(other?.label).toBe('5 other targets');
    expect(other?.jobs).toBe(15);
    expect(folded.nodes.has('target\0environment:e5')).toBe(true);
    expect(folded.nodes.has('target\0environment:e4')).toBe(false);
    expect(folded.edges.get('class\0use-secret\ntarget\0(other)')?.jobs).toBe(15);
    // A graph within the limit is drawn as it is.
    expect(a.folded()).toBe(a);
  });

  it('the SVG has a column heading per column, a node per node and the count on every edge', () => {
    const g = graphOf(evaluate('examples/nightly-agent.yml'), evaluate('examples/release.yml'));
    const svg = renderGraphSvg(g, 'gx', 'test graph') ?? '';
    expect(svg.match(/<g class="node /g)).toHaveLength(g.nodes.size);
    expect(svg.match(/<g class="edge /g)).toHaveLength(g.edges.size);
    for (const e of g.edges.values()) expect(svg).toContain(`>${e.jobs}</text>`);
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toMatch(/NaN|undefined/);
    expect(renderGraphSvg(new ControlGraph(), 'gy', 'empty')).toBeUndefined();
  });
});

describe('HTML writer as an accumulator', () => {
  it('fed one repository at a time it writes what renderHtml writes for the whole report', () => {
    const scope = (root: string, files: string[]): RepositoryScope => ({
      root,
      rootUri: `file:///${root}/`,
      policy: baseline,
      workflows: files.map((path) => ({ path, repoPath: path })),
      category: root,
    });
    const one = [evaluate('examples/release.yml'), evaluate('examples/ci.yml')];
    const two = [evaluate('examples/claude-review.yml')];
    const scopes = [
      scope('one', ['examples/release.yml', 'examples/ci.yml']),
      scope('two', ['examples/claude-review.yml']),
    ];
    const whole = renderHtml(buildReport(baseline, [...one, ...two], [], scopes));
    const writer = new HtmlReportWriter();
    const streamed = [
      writer.begin(),
      writer.repository({ scope: scopes[0]!, evaluations: one, errors: [] }),
      writer.repository({ scope: scopes[1]!, evaluations: two, errors: [] }),
      writer.finish(),
    ].join('\n');
    expect(streamed).toBe(whole);
    expect(whole).toContain('2 repositories · 3 jobs');
  });
});
