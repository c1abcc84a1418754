/**
 * Issue 13.5: the README's rule paragraph is prose (the generated catalog is
 * docs/rules/README.md, checked by catalog.test.ts); this keeps the number it states and its
 * link to the catalog in step with the registry.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/engine/rules/index.js';

describe('README rule paragraph', () => {
  it('states the number of registered rules and links the generated catalog', () => {
    const readme = readFileSync('README.md', 'utf8');
    const stated =
      /(\d+) \*\*detection rules\*\* \(\[docs\/rules\/\]\(docs\/rules\/README\.md\)/.exec(readme);
    expect(
      stated,
      'README: "<N> **detection rules** ([docs/rules/](docs/rules/README.md)"',
    ).not.toBeNull();
    expect(Number(stated![1])).toBe(RULES.length);
  });
});
