/**
 * The explicit registry of detection rules. One rule per file, file name = rule id; the
 * catalog test (test/rules/catalog.test.ts) checks that every rule file is registered here,
 * documented under docs/rules/ and has a bad and a good fixture. Order = report order.
 */
import secretsInherit from './secrets-inherit.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule<unknown>[] = [
  // — permissions, triggers, runners, secrets, environment files
  // — injection and untrusted checkout
  // — supply chain: pinning, images, publishing
  secretsInherit,
  // — AI agents
];
