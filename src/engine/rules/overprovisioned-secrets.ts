/**
 * overprovisioned-secrets — an expression hands over the whole `secrets` context
 * (`toJSON(secrets)`, `secrets.*`, `format('{0}', secrets)`) or indexes it with a computed
 * name (`secrets[matrix.name]`), so the step can reach every secret rather than the ones it
 * names. zizmor's `overprovisioned-secrets`, poutine's `job_all_secrets`.
 */
import { maskStrings, parseExpression, visit } from '../workflow/expressions/grammar.js';
import { ownedExpressionSites } from '../workflow/expressions/sites.js';
import { describePath } from '../workflow/step-label.js';
import type { RuleHit } from './types.js';
import { NO_OPTIONS, defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'overprovisioned-secrets',
    title: 'Expression exposes every secret (`toJSON(secrets)`, `secrets[…]`)',
    description:
      'The whole `secrets` context (or a secret chosen at run time) is passed on: every repository, organization and environment secret is loaded into the step, its environment or its logs, whatever it needs. A compromised or careless step can then use or leak all of them.',
    severity: 'medium',
    confidence: 'high',
    category: 'workflow',
    messages: {
      everySecret: '{{what}} in {{where}} exposes every secret',
    },
    peers: ['zizmor:overprovisioned-secrets', 'poutine:job_all_secrets'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Reference each secret the step needs by name (`${{ secrets.NPM_TOKEN }}`); for a secret chosen per matrix entry, map the names explicitly instead of indexing `secrets`.',
    options: NO_OPTIONS,
  },
  defaultOptions: {},
  check({ workflow, job, locateIn }) {
    const hits: RuleHit[] = [];
    for (const { site, scope } of ownedExpressionSites(workflow.source.data, job.id)) {
      for (const found of wholeSecrets(site.body)) {
        hits.push({
          at: locateIn(site.path, site.offset + found.offset),
          messageId: 'everySecret',
          data: { what: found.what, where: describePath(site.path) },
          scope,
        });
      }
    }
    return hits;
  },
});

/** Uses of the whole `secrets` context in one expression body. */
function wholeSecrets(body: string): { offset: number; what: string }[] {
  const tree = parseExpression(body);
  if (!tree) {
    // Fail closed on text the parser refuses: a `secrets` not followed by `.name` / `['x']`.
    const masked = maskStrings(body);
    return [...masked.matchAll(/(?<![\w.-])secrets\b(?!\s*(?:\.\s*[A-Za-z_]|\[\s*'))/gi)].map(
      (m) => ({ offset: m.index, what: '`secrets`' }),
    );
  }
  const out: { offset: number; what: string }[] = [];
  visit(tree, (node, ancestors) => {
    if (node.kind !== 'context' || node.segments[0] !== 'secrets') return;
    const next = node.segments[1];
    const text = body.slice(node.start, node.end);
    if (next === undefined) {
      const parent = ancestors[ancestors.length - 1];
      const call = parent?.kind === 'call' ? body.slice(parent.start, parent.end) : undefined;
      out.push({ offset: node.start, what: `\`${call ?? text}\`` });
    } else if (next === '*') out.push({ offset: node.start, what: `\`${text}\`` });
    else if (typeof next !== 'string')
      out.push({ offset: node.start, what: `\`${text}\` (a secret chosen at run time)` });
  });
  return out;
}
