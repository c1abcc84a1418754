/**
 * summary.md: the Markdown report plus the Mermaid action-control graph. Hostile job, step and
 * environment names cannot break the graph, the table or the page, nor inject HTML; the whole
 * stays under the step-summary limit, cut with a note and never inside the graph's fence.
 */
import { describe, expect, it } from 'vitest';
import { buildPackFiles } from '../../src/engine/evidence/build-pack.js';
import {
  MAX_SUMMARY_BYTES,
  TRUNCATION_NOTE,
  mermaidText,
  renderActionGraph,
  renderMarkdown,
  truncateMarkdown,
} from '../../src/engine/report/render-markdown.js';
import type { Report } from '../../src/engine/report/report.js';
import { exampleReport, inputFor, reportOf } from './pack-helpers.js';

const HOSTILE = `name: "hostile ]] \\" <script>"
on: push
permissions:
  contents: write
jobs:
  "x]]\\"<script>|y":
    name: "<script>alert(1)</script>\\n]]\\"|#quot;%%{init: {}}%%\`end\`"
    runs-on: ubuntu-latest
    environment: "prod\\"]]<img src=x onerror=alert(1)>"
    steps:
      - name: "step <script>alert(2)</script>\\n]] \\" | \`"
        run: git push origin "HEAD:main]]\\"<b>"
      - uses: anthropics/claude-code-action@d5726de019ec4498aa667642bc3a80fca83aa102
        with:
          prompt: "</code><script>alert(3)</script>"
`;

/** The lines of the ```mermaid block (without the fences). */
function mermaidLines(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf('```mermaid');
  const end = lines.indexOf('```', start + 1);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return lines.slice(start + 1, end);
}

const LABEL = String.raw`"[^"<>\[\]{}|\\\x60#;&%]*"`;
const MERMAID_LINE = new RegExp(
  [
    '^flowchart LR$',
    '^  classDef (allow|approval|blocked) fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},color:#[0-9a-f]{6}(,stroke-width:2px)?$',
    `^  n\\d+(\\[${LABEL}\\]|\\(${LABEL}\\)|\\(\\[${LABEL}\\]\\))$`,
    `^  n\\d+ -->( \\|${LABEL}\\|)? n\\d+$`.replace(' \\|', '\\|'),
    '^  class n\\d+(,n\\d+)* (allow|approval|blocked)$',
  ].join('|'),
);

describe('mermaidText', () => {
  it('replaces every character that could end a label, form an entity, or open HTML', () => {
    expect(mermaidText('a"b]]<script>\n#quot;|`x`%%{y}\\')).toBe(
      'a″b))‹script› ＃quot；¦ˋxˋ％％(y)⧵',
    );
    expect(mermaidText('line\r\nbreak\u2028sep\u202Eltr\u0000')).toBe('line break sep ltr');
    expect(mermaidText('é ü 日本 deploy-prod_1.2')).toBe('é ü 日本 deploy-prod_1.2');
    expect(mermaidText('x'.repeat(100))).toBe(`${'x'.repeat(79)}…`);
  });
});

describe('the action-control graph', () => {
  it('draws actor → job → agents → credentials → targets, styled by decision (release.yml)', async () => {
    const graph = renderActionGraph(await exampleReport('release.yml'));
    expect(graph).toBe(
      [
        '```mermaid',
        'flowchart LR',
        '  classDef allow fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
        '  classDef approval fill:#fff8c5,stroke:#9a6700,color:#1f2328',
        '  classDef blocked fill:#ffebe9,stroke:#cf222e,color:#1f2328,stroke-width:2px',
        '  n0("actor: octocat")',
        '  n1["job publish: approval-required"]',
        '  n0 -->|"push"| n1',
        '  n2["GITHUB_TOKEN (github-token, narrow)"]',
        '  n1 --> n2',
        '  n3["NPM_TOKEN (static-secret, broad, write)"]',
        '  n1 --> n3',
        '  n4("target unknown")',
        '  n3 -->|"use-secret"| n4',
        '  n5("action publish")',
        '  n3 -->|"publish"| n5',
        '  n6("target github:this-repository")',
        '  n2 --> n6',
        '  class n1,n5 approval',
        '  class n4 allow',
        '```',
      ].join('\n'),
    );
  });

  it('draws agents between the job and its credentials, and blocked nodes as blocked (nightly-agent.yml)', async () => {
    const lines = mermaidLines(renderActionGraph(await exampleReport('nightly-agent.yml'))!);
    expect(lines).toContain('  n1["job autopilot: blocked"]');
    // The install step runs no model: one agent node, for the step that invokes claude.
    expect(lines.filter((l) => l.includes('agent claude-code-cli'))).toEqual([
      '  n2(["agent claude-code-cli (bypassPermissions, unrestricted shell, permissions bypas…"])',
    ]);
    expect(lines).toContain('  n1 --> n2');
    expect(lines.filter((l) => /^ {2}n2 --> n\d+$/.test(l)).length).toBe(3);
    expect(lines.find((l) => l.endsWith(' blocked') && l.startsWith('  class '))).toMatch(
      /^ {2}class n1(,n\d+)* blocked$/,
    );
  });

  it('keeps hostile names inside their labels: every line of the graph is well-formed', async () => {
    const report = await reportOf('.github/workflows/hostile.yml', HOSTILE);
    const lines = mermaidLines(renderActionGraph(report)!);
    expect(lines.length).toBeGreaterThan(8);
    for (const line of lines) expect(line).toMatch(MERMAID_LINE);
    expect(lines).toContain(
      '  n1["job x))″‹script›¦y · ‹script›alert(1)‹/script› ))″¦＃quot；％％(init: ())％％ˋendˋ: a…"]',
    );
    expect(lines).toContain('  n5("target environment:prod″))‹img src=x onerror=alert(1)›")');
    expect(lines).toContain('  n6("target origin/main))″‹b›")');
    const labels = lines.join('\n').match(/"[^"]*"/g) ?? [];
    expect(labels.length).toBeGreaterThan(10);
    for (const label of labels) expect(label).not.toMatch(/[<>[\]`]|#quot;|%%/);
  });
});

describe('summary.md', () => {
  it('puts no raw HTML or broken table row on the page for hostile names', async () => {
    const report = await reportOf('.github/workflows/hostile.yml', HOSTILE);
    const summary = buildPackFiles(inputFor(report)).get('summary.md')!;
    expect(summary).not.toMatch(/<script|<img|<b>|<\/code><script/i);
    const fences = summary.split('\n').filter((l) => l.startsWith('```'));
    expect(fences).toEqual(['```mermaid', '```']);
    const rows = summary.split('\n').filter((l) => l.startsWith('|'));
    // report table (header, rule, one job); checklist (header, rule, 20 controls); evidence table
    expect(rows.length).toBe(3 + 22 + 12);
    for (const row of rows.slice(0, 3)) expect(row.match(/(?<!\\)\|/g)).toHaveLength(7);
    for (const row of rows.slice(3, 25)) expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
    for (const row of rows.slice(25)) expect(row.match(/(?<!\\)\|/g)).toHaveLength(3);
    expect(rows[2]).toBe(
      '| <code>.github/workflows/hostile.yml</code> | <code>x]]&quot;&lt;script&gt;&#124;y</code> | ⏸️ approval required | <code>claude-code-action</code> | yes | write\\-branch, deploy, production |'.replace(
        '&quot;',
        '"',
      ),
    );
  });

  it('stays under the step-summary limit with a note, and the full report is still in evidence.json', async () => {
    const base = await exampleReport('nightly-agent.yml');
    const evaluation = base.evaluations[0]!;
    const finding = evaluation.decision.findings[0]!;
    const many = Array.from({ length: 6000 }, (_, i) => ({
      ...finding,
      message: `${finding.message} #${i} ${'x'.repeat(150)}`,
    }));
    const report: Report = {
      ...base,
      evaluations: [{ ...evaluation, decision: { ...evaluation.decision, findings: many } }],
    };
    const files = buildPackFiles(inputFor(report));
    const summary = files.get('summary.md')!;
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(
      Buffer.byteLength(renderMarkdown(report, { maxBytes: Number.MAX_SAFE_INTEGER })),
    ).toBeGreaterThan(MAX_SUMMARY_BYTES);
    expect(summary.endsWith(`\n\n${TRUNCATION_NOTE}\n`)).toBe(true);
    expect(
      (JSON.parse(files.get('evidence.json')!) as { findings: unknown[] }).findings,
    ).toHaveLength(6000);
  });

  it('never cuts inside the graph without closing its fence', async () => {
    const full = renderMarkdown(await exampleReport('nightly-agent.yml'));
    const start = full.indexOf('```mermaid');
    const end = full.indexOf('\n```\n', start);
    let cutsInside = 0;
    for (let max = 200; max < full.length + 10; max += 7) {
      const out = truncateMarkdown(full, max);
      expect(Buffer.byteLength(out, 'utf8')).toBeLessThanOrEqual(Math.max(max, 0));
      const fences = out.split('\n').filter((l) => l.startsWith('```')).length;
      expect(fences % 2, `maxBytes ${max}`).toBe(0);
      if (out.length < full.length && out.includes('```mermaid') && max < end) {
        cutsInside++;
        expect(out).toMatch(/\n```\n\n> Summary truncated/);
      }
    }
    expect(cutsInside).toBeGreaterThan(10);
  });
});
