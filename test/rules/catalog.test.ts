/**
 * The catalog contract: every file in src/engine/rules/ that is a rule is registered; every rule
 * has a doc page, a bad and a good fixture (the bad one's hits exactly on its `# expect`
 * lines), an options schema that compiles, sane meta and both preset defaults.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileRuleOptions } from '../../src/engine/policy/rule-options.js';
import { renderCatalogMarkdown, withRuleDocMeta } from '../../src/engine/report/render-catalog.js';
import { RULES } from '../../src/engine/rules/index.js';
import { CONFIDENCES, SEVERITIES } from '../../src/engine/rules/types.js';
import { expectedLines, fixtureCase, runRule } from './rule-tester.js';

const ROOT = join(import.meta.dirname, '..', '..');
const NOT_RULES = new Set(['index.ts', 'types.ts', 'run-rules.ts', 'render-message.ts']);
/** `npm run docs:rules` (UPDATE_RULE_DOCS=1) rewrites the generated parts instead of failing. */
const UPDATE = process.env.UPDATE_RULE_DOCS === '1';
const files = readdirSync(join(ROOT, 'src', 'engine', 'rules')).filter(
  (f) => f.endsWith('.ts') && !NOT_RULES.has(f),
);

describe('rule catalog', () => {
  it('registers every rule file once, under its file name', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')).sort());
  });

  it('docs/rules/README.md is the current catalog (agent-gate rules --format markdown)', () => {
    const file = join(ROOT, 'docs', 'rules', 'README.md');
    if (UPDATE) writeFileSync(file, renderCatalogMarkdown(RULES));
    expect(readFileSync(file, 'utf8'), 'stale: run `npm run docs:rules`').toBe(
      renderCatalogMarkdown(RULES),
    );
  });

  for (const rule of RULES) {
    const { id } = rule.meta;
    describe(id, () => {
      it('has meta a reader can use', () => {
        expect(id).toMatch(/^[a-z][a-z0-9-]+$/);
        expect(SEVERITIES).toContain(rule.meta.severity);
        expect(CONFIDENCES).toContain(rule.meta.confidence);
        expect(rule.meta.title.length).toBeGreaterThan(10);
        expect(rule.meta.title).not.toMatch(/\n/);
        expect(rule.meta.description.length).toBeGreaterThan(40);
        expect(rule.meta.remediation.length).toBeGreaterThan(20);
        for (const d of Object.values(rule.meta.defaults))
          expect(['allow', 'approval-required', 'blocked', 'off']).toContain(d);
        for (const p of rule.meta.peers)
          expect(p).toMatch(/^(zizmor|scorecard|poutine|octoscan|legitify):\S+$/);
      });

      it('has a doc page naming it, its decisions and its remediation', () => {
        const doc = join(ROOT, 'docs', 'rules', `${id}.md`);
        expect(existsSync(doc), `docs/rules/${id}.md`).toBe(true);
        const text = readFileSync(doc, 'utf8');
        expect(text.split('\n')[0]).toBe(`# ${id}`);
        expect(text).toMatch(/## Remediation/);
        // The hand-written header states the same preset decisions as the meta.
        const header = text.split('\n').find((l) => l.startsWith('**Severity**')) ?? '';
        expect(header).toContain(`baseline: ${rule.meta.defaults.baseline}`);
        expect(header).toContain(`strict: ${rule.meta.defaults.strict}`);
      });

      it('has its doc page reference part generated from the current meta', () => {
        const doc = join(ROOT, 'docs', 'rules', `${id}.md`);
        const text = readFileSync(doc, 'utf8');
        if (UPDATE) writeFileSync(doc, withRuleDocMeta(text, rule));
        expect(readFileSync(doc, 'utf8'), 'stale: run `npm run docs:rules`').toBe(
          withRuleDocMeta(text, rule),
        );
      });

      it('declares its messages, each placeholder a plain name', () => {
        const entries = Object.entries(rule.meta.messages);
        expect(entries.length).toBeGreaterThan(0);
        for (const [messageId, template] of entries) {
          expect(messageId).toMatch(/^[a-z][A-Za-z0-9-]*$/);
          expect(template.length).toBeGreaterThan(10);
          // Every `{{` opens a placeholder the renderer fills (no stray braces).
          const opened = template.split('{{').length - 1;
          expect([...template.matchAll(/\{\{\s*[A-Za-z_]\w*\s*\}\}/g)].length).toBe(opened);
        }
      });

      it('compiles its options schema and accepts its default options', async () => {
        const validate = await compileRuleOptions(rule);
        expect(validate(rule.defaultOptions), JSON.stringify(validate.errors)).toBe(true);
      });

      it('finds something in its bad fixture, exactly on the `# expect` lines', () => {
        const bad = fixtureCase(id, 'bad');
        expect(bad, `test/fixtures/rules/${id}/bad.yml`).toBeDefined();
        if (!bad) return;
        const hits = runRule(rule, bad);
        expect(hits.length).toBeGreaterThan(0);
        expect([...new Set(hits.map((h) => h.at.line))].sort((a, b) => a - b)).toEqual(
          expectedLines(bad.workflow),
        );
      });

      it('finds nothing in its good fixture', () => {
        const good = fixtureCase(id, 'good');
        expect(good, `test/fixtures/rules/${id}/good.yml`).toBeDefined();
        if (!good) return;
        expect(runRule(rule, good).map((h) => `${h.at.line}:${h.at.column} ${h.message}`)).toEqual(
          [],
        );
      });
    });
  }
});
