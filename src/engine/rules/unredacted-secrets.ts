/**
 * unredacted-secrets — `fromJSON(secrets.X)`: a secret holding JSON is parsed and its
 * fields used on their own. GitHub masks the secret's whole value in logs, not the pieces
 * a step derives from it, so a field can be printed in clear. zizmor's `unredacted-secrets`.
 */
import { parseExpression, visit } from '../workflow/expressions/grammar.js';
import { ownedExpressionSites } from '../workflow/expressions/sites.js';
import { describePath } from '../workflow/step-label.js';
import type { RuleHit } from './types.js';
import { NO_OPTIONS, defineRule } from './types.js';

const FALLBACK = /\bfromJSON\s*\(\s*secrets\s*(?:\.\s*[A-Za-z_]|\[)/gi;

export default defineRule({
  meta: {
    id: 'unredacted-secrets',
    title: 'Secret parsed with `fromJSON` escapes log redaction',
    description:
      'GitHub redacts the exact value of each secret from logs. `fromJSON(secrets.X)` splits a JSON secret into fields that are not registered as secrets, so printing one (an error message, a debug log, an action echoing its inputs) shows it in clear.',
    severity: 'medium',
    confidence: 'high',
    category: 'workflow',
    messages: {
      fromJson: '`{{expression}}` in {{where}} derives values the log redaction does not know',
    },
    peers: ['zizmor:unredacted-secrets'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Store each field as its own secret and reference it by name; if a structured secret is unavoidable, register each derived value with `::add-mask::` before any use.',
    options: NO_OPTIONS,
  },
  defaultOptions: {},
  check({ workflow, job, locateIn }) {
    const hits: RuleHit[] = [];
    for (const { site, scope } of ownedExpressionSites(workflow.source.data, job.id)) {
      for (const found of parsedSecrets(site.body)) {
        hits.push({
          at: locateIn(site.path, site.offset + found.offset),
          messageId: 'fromJson',
          data: { expression: found.text, where: describePath(site.path) },
          scope,
        });
      }
    }
    return hits;
  },
});

function parsedSecrets(body: string): { offset: number; text: string }[] {
  const tree = parseExpression(body);
  if (!tree)
    return [...body.matchAll(FALLBACK)].map((m) => ({
      offset: m.index,
      text: 'fromJSON(secrets…)',
    }));
  const out: { offset: number; text: string }[] = [];
  visit(tree, (node) => {
    if (node.kind !== 'call' || node.name !== 'fromjson') return;
    const [arg] = node.args;
    if (arg?.kind === 'context' && arg.segments[0] === 'secrets' && arg.segments.length > 1)
      out.push({ offset: node.start, text: body.slice(node.start, node.end) });
  });
  return out;
}
