/**
 * `scan --format html`: one self-contained page, parsed here as a browser parses it (parse5,
 * the WHATWG algorithm) — its structure, its Content-Security-Policy, and that hostile text
 * from a workflow renders as text, never as markup. No browser needed (the screenshot script
 * scripts/html-screenshot.mjs checks the same pages in Chromium).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { HTML_SCRIPT, HTML_STYLE } from '../../src/engine/report/html-assets.js';
import { RULES } from '../../src/engine/rules/index.js';
import { NO_OPTIONS, defineRule } from '../../src/engine/rules/types.js';
import type { Rule } from '../../src/engine/rules/types.js';
import { tempDir } from '../helpers.js';
import { readReport } from './json-report.js';

interface Node {
  nodeName: string;
  tagName?: string;
  namespaceURI?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return cliWith(undefined, ...argv);
}

async function cliWith(
  rules: readonly Rule<unknown>[] | undefined,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
    ...(rules ? { rules } : {}),
  });
  return { code, out, err };
}

/** A detection rule that throws on the job `publish` (a test double). */
const THROWS_ON_PUBLISH = defineRule<unknown>({
  meta: {
    id: 'throws-on-publish',
    title: 'A rule that fails on purpose',
    description: 'Test double: throws on the job publish.',
    severity: 'low',
    confidence: 'high',
    category: 'workflow',
    messages: { seen: 'saw job `{{job}}`' },
    peers: [],
    defaults: { baseline: 'allow', strict: 'allow' },
    remediation: 'Nothing to fix: a test double.',
    options: NO_OPTIONS,
  },
  defaultOptions: {},
  check({ job }) {
    if (job.id === 'publish') throw new Error('boom <script>alert(1)</script>');
    return [];
  },
});

function elements(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node): void => {
    if (n.tagName !== undefined) out.push(n);
    for (const c of n.childNodes ?? []) walk(c);
    if (n.content) walk(n.content);
  };
  walk(root);
  return out;
}

const attr = (n: Node, name: string): string | undefined =>
  n.attrs?.find((a) => a.name === name)?.value;

function text(n: Node): string {
  if (n.nodeName === '#text') return n.value ?? '';
  return (n.childNodes ?? []).map(text).join('');
}

const byClass = (all: Node[], cls: string): Node[] =>
  all.filter((n) => (attr(n, 'class') ?? '').split(/\s+/).includes(cls));

const HTML_TAGS = new Set(
  'html head meta title style body main section div h1 h2 h3 p span b code ul li table thead tbody tr th td details summary input select option button a meter footer script br'.split(
    ' ',
  ),
);
const SVG_TAGS = new Set('svg title defs marker path g rect text'.split(' '));

/**
 * What in a parsed page could act: an element the report never writes, an event-handler
 * attribute, a script other than the report's own, a link or source that leaves the page.
 */
function activeContent(html: string): string[] {
  const found: string[] = [];
  for (const n of elements(parse(html))) {
    const svg = n.namespaceURI === 'http://www.w3.org/2000/svg';
    const tag = n.tagName ?? '';
    if (!(svg ? SVG_TAGS : HTML_TAGS).has(tag)) found.push(`element <${tag}>`);
    for (const a of n.attrs ?? []) {
      if (/^on/i.test(a.name)) found.push(`handler ${a.name} on <${tag}>`);
      if ((a.name === 'href' && !a.value.startsWith('#')) || a.name === 'src')
        found.push(`${a.name}=${a.value} on <${tag}>`);
    }
    if (tag === 'script' && text(n) !== HTML_SCRIPT)
      found.push('a script that is not the report’s');
    if (tag === 'style' && text(n) !== HTML_STYLE) found.push('a style that is not the report’s');
  }
  return found;
}

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');

describe('scan --format html', () => {
  it('one self-contained page: summary, attention table, per repository BOM, graph and digests', async () => {
    const json = await cli('scan', 'examples', '--format', 'json');
    const doc = readReport(json.out) as {
      jobs: { decision: string }[];
      summary: { blocked: number; approvalRequired: number; allowed: number };
    };
    const r = await cli('scan', 'examples', '--format', 'html');
    expect(r.code).toBe(json.code);
    expect(r.out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(activeContent(r.out)).toEqual([]);
    const all = elements(parse(r.out));

    // The policy admits exactly the page's own style and script, by hash; nothing loads.
    const csp = all.find((n) => attr(n, 'http-equiv') === 'Content-Security-Policy');
    const policy = attr(csp ?? { nodeName: '' }, 'content') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`script-src 'sha256-${sha256(HTML_SCRIPT)}'`);
    expect(policy).toContain(`style-src 'sha256-${sha256(HTML_STYLE)}'`);
    expect(all.filter((n) => n.tagName === 'script')).toHaveLength(1);

    // Summary cards carry the same counts as the JSON report.
    const cards = byClass(all, 'card').map((c) => text(c));
    expect(cards).toContain(`${doc.summary.blocked}blocked`);
    expect(cards).toContain(`${doc.summary.approvalRequired}approval-required`);
    expect(cards).toContain(`${doc.summary.allowed}allowed`);

    // Every gated job is a row of the attention table, blocked first.
    const table = all.find((n) => attr(n, 'id') === 'attention-table');
    const rows = elements(table ?? { nodeName: '' }).filter(
      (n) => n.tagName === 'tr' && attr(n, 'data-decision') !== undefined,
    );
    const gated = doc.jobs.filter((j) => j.decision !== 'allow');
    expect(rows).toHaveLength(gated.length);
    expect(attr(rows[0] ?? { nodeName: '' }, 'data-decision')).toBe('blocked');
    expect(byClass([table ?? { nodeName: '' }], 'sortable')).toHaveLength(1);

    // One repository section: its BOM has a row per job, its graph nodes in four columns.
    const repos = byClass(all, 'repo');
    expect(repos).toHaveLength(1);
    const bom = byClass(elements(repos[0] ?? { nodeName: '' }), 'bom')[0];
    const bomRows = elements(bom ?? { nodeName: '' }).filter((n) => n.tagName === 'tr');
    expect(bomRows).toHaveLength(doc.jobs.length + 1);
    const svg = elements(repos[0] ?? { nodeName: '' }).filter((n) => n.tagName === 'svg');
    expect(svg).toHaveLength(1);
    const svgParts = elements(svg[0] ?? { nodeName: '' });
    const columns = svgParts.filter((n) => attr(n, 'class') === 'col').map(text);
    expect(columns).toEqual(['Agents', 'Credentials', 'Action classes', 'Targets']);
    expect(byClass(svgParts, 'node').length).toBeGreaterThan(5);
    expect(text(svg[0] ?? { nodeName: '' })).toContain('claude-code-action');
    // Evidence digests: the policy's and one BOM record per workflow file.
    const digests = byClass(all, 'digests')[0];
    expect(text(digests ?? { nodeName: '' })).toMatch(/sha256:[0-9a-f]{64}/);
    expect(text(digests ?? { nodeName: '' })).toContain('examples/release.yml');
  });

  it('hostile workflow text renders inert, as text', async () => {
    // The directory and file names are hostile too.
    const dir = join(tempDir(), '<img src=x onerror=alert(0)>');
    const wf = join(dir, '.github', 'workflows');
    mkdirSync(wf, { recursive: true });
    cpSync('test/fixtures/html/hostile/.github/workflows/hostile.yml', join(wf, '"><script>x.yml'));
    const r = await cli('scan', dir, '--format', 'html');
    expect([1, 3]).toContain(r.code);
    expect(activeContent(r.out)).toEqual([]);
    const page = text(parse(r.out));
    // The hostile strings are there, as the reader should see them.
    expect(page).toContain('x</title><svg onload=alert(1)>');
    expect(page).toContain('<img src=x onerror=alert(0)>');
    expect(page).toContain('"><script>x.yml');
    expect(page).toContain('<iframe src=javascript:alert(4)>-prod');
    expect(r.out).not.toMatch(/<script>alert|<img src|<iframe|onload=alert\(1\)>/);
  });

  it('the inertness check finds markup that was not escaped (bad case)', () => {
    const raw = `<!DOCTYPE html><html><head><style>${HTML_STYLE}</style></head><body><td>x</title><svg onload=alert(1)></td><img src=x onerror=alert(3)><script>alert(5)</script></body></html>`;
    const found = activeContent(raw);
    expect(found).toContain('handler onload on <svg>');
    expect(found).toContain('element <img>');
    expect(found).toContain('handler onerror on <img>');
    expect(found).toContain('a script that is not the report’s');
  });

  it('evaluate --format html: one workflow, the same page (allow: nothing needs attention)', async () => {
    const r = await cli('evaluate', 'examples/ci.yml', '--format', 'html');
    expect(r.code).toBe(0);
    expect(activeContent(r.out)).toEqual([]);
    const all = elements(parse(r.out));
    expect(byClass(all, 'card').map((c) => text(c))).toContain('0blocked');
    expect(all.find((n) => attr(n, 'id') === 'attention-table')).toBeUndefined();
    expect(r.out).toContain('None: every decided job is allowed.');
  });

  it('a rule that fails on a job is an error of its repository, shown and counted once', async () => {
    const r = await cliWith([...RULES, THROWS_ON_PUBLISH], 'scan', 'examples', '--format', 'html');
    expect(r.code).toBe(2);
    expect(activeContent(r.out)).toEqual([]);
    const all = elements(parse(r.out));
    const errors = byClass(all, 'error').map(text);
    expect(errors.filter((e) => e.includes('rule throws-on-publish failed on job'))).toHaveLength(
      1,
    );
    expect(errors.join('\n')).toContain('boom <script>alert(1)</script>');
    expect(byClass(all, 'card').map(text)).toContain(
      '1errors (files not evaluated, rules that failed)',
    );
  });

  it('--out names the HTML file (its directory created); a directory there is an error', async () => {
    const dir = tempDir();
    const file = join(dir, 'nested', 'report.html');
    const r = await cli('scan', 'examples', '--format', 'html', '--out', file);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('<h1>agent-gate assessment');
    const bad = await cli('scan', 'examples', '--format', 'html', '--out', dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('with --format html, --out names the HTML file');
  });

  it('several repositories: one section each (closed but the first), one summary over all', async () => {
    const root = tempDir();
    for (const name of ['alpha', 'beta']) {
      mkdirSync(join(root, name, '.github', 'workflows'), { recursive: true });
      cpSync('examples/release.yml', join(root, name, '.github', 'workflows', 'release.yml'));
    }
    cpSync('examples/claude-review.yml', join(root, 'beta', '.github', 'workflows', 'review.yml'));
    const r = await cli('scan', join(root, 'alpha'), join(root, 'beta'), '--format', 'html');
    const all = elements(parse(r.out));
    const repos = byClass(all, 'repo');
    expect(repos.map((d) => attr(d, 'open') !== undefined)).toEqual([true, false]);
    const summary = all.find((n) => attr(n, 'id') === 'summary') ?? { nodeName: '' };
    expect(text(byClass(elements(summary), 'muted')[0] ?? { nodeName: '' })).toMatch(
      /^2 repositories · \d+ jobs/,
    );
    // The whole report's graph sums the repositories': one graph per repository plus one.
    expect(all.filter((n) => n.tagName === 'svg')).toHaveLength(3);
  });
});
