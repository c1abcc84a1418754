/**
 * The chain in the Mermaid action-control graph (issue 10 item 8): from the job through each
 * link of indirection — reusable workflow, called job, step, composite action, its steps,
 * script, command — to what the path reaches, each node with its file:line; paths that share
 * links share their nodes. The BOM carries the same chain (test/cli/indirection.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';

const DIR = 'test/fixtures';

interface Graph {
  readonly labels: Map<string, string>;
  readonly edges: { from: string; to: string; label: string | undefined }[];
}

async function graph(target: string): Promise<Graph> {
  let out = '';
  await runCli(['scan', target, '-f', 'markdown'], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    now: () => new Date('2026-12-07T00:00:00Z'),
  });
  const start = out.indexOf('```mermaid');
  const body = out.slice(start, out.indexOf('```', start + 10));
  const labels = new Map<string, string>();
  const edges: Graph['edges'] = [];
  for (const line of body.split('\n')) {
    const node = /^\s+(n\d+)[[(]+"(.*)"[\])]+$/.exec(line);
    if (node) labels.set(node[1]!, node[2]!);
    const edge = /^\s+(n\d+) -->(?:\|"(.*)"\|)? (n\d+)$/.exec(line);
    if (edge) edges.push({ from: edge[1]!, to: edge[3]!, label: edge[2] });
  }
  return { labels, edges };
}

/** The labels along the edges from the node labelled `start`, following the given labels. */
function walk(g: Graph, start: RegExp, steps: readonly RegExp[]): string[] {
  let at = [...g.labels].find(([, l]) => start.test(l))?.[0];
  const seen: string[] = [];
  for (const want of steps) {
    const next = g.edges
      .filter((e) => e.from === at)
      .map((e) => e.to)
      .find((to) => want.test(g.labels.get(to) ?? ''));
    if (next === undefined) break;
    seen.push(g.labels.get(next) ?? '');
    at = next;
  }
  return seen;
}

describe('the chain in the action-control graph', () => {
  it('bad: job → step → composite action → its steps → target, each node with file:line, shared links drawn once', async () => {
    const g = await graph(`${DIR}/indirection/composite-bad`);
    expect(
      walk(g, /^job release/, [
        /^step 1 · release\.yml:9$/,
        /^action .*ship · action\.yml:10$/,
        /^step 2 \(Push\) · action\.yml:18$/,
        /^target origin\/main$/,
      ]),
    ).toHaveLength(4);
    // Both of the composite's gated steps hang from one action node.
    const action = [...g.labels].filter(([, l]) => /^action .*ship · action\.yml/.test(l));
    expect(action).toHaveLength(1);
    expect(g.edges.filter((e) => e.from === action[0]![0])).toHaveLength(2);
  });

  it('bad: job → reusable workflow → called job → step → target', async () => {
    const g = await graph(`${DIR}/indirection/reusable-bad`);
    const path = walk(g, /^job release \(.*caller\.ym/, [
      /^workflow .*release\.yml · release\.yml:\d+$/,
      /^job merge · release\.yml:\d+$/,
      /^step 1 \(Merge\) · release\.yml:11$/,
    ]);
    expect(path).toHaveLength(3);
  });

  it('bad: job → command → script → command (a justfile recipe)', async () => {
    const g = await graph(`${DIR}/scripts/bad`);
    expect(
      walk(g, /^job just /, [
        /^command just deploy · just\.yml:\d+$/,
        /^script justfile deploy · justfile:3$/,
        /^command kubectl apply .* · justfile:5$/,
      ]),
    ).toHaveLength(3);
  });

  it('good: a workflow without indirection draws no chain node', async () => {
    const g = await graph(`${DIR}/indirection/composite-good`);
    expect([...g.labels.values()].filter((l) => / · [^ ]+:\d+$/.test(l))).toEqual([]);
  });
});
