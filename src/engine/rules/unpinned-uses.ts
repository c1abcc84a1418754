/**
 * unpinned-uses — an action or reusable workflow referenced by a mutable ref (a tag or a
 * branch) instead of a full commit SHA, per a zizmor-compatible policy (`hash-pin` /
 * `ref-pin` / `any` by `owner/*`, `owner/repo` … pattern; everything hash-pinned by
 * default). Scorecard's Pinned-Dependencies (workflow part) checks the same `uses:`.
 */
import { PIN_PATTERN, PIN_POLICIES, isVersionRef, policyFor } from './unpinned-uses/pin-policy.js';
import type { PinPolicy } from './unpinned-uses/pin-policy.js';
import { defineRule, type RuleHit } from './types.js';

interface Options {
  readonly policies: Readonly<Record<string, PinPolicy>>;
}

export default defineRule<Options>({
  meta: {
    id: 'unpinned-uses',
    title: 'Action or reusable workflow not pinned to a commit SHA',
    description:
      "A `uses:` reference names a tag or branch, which its owner (or whoever compromises the owner) can move to new code at any time; the next run executes that code with the job's token and secrets. Only a full 40-character commit SHA is immutable.",
    severity: 'high',
    confidence: 'high',
    category: 'workflow',
    messages: {
      noRefHash:
        '{{what}} `{{uses}}` in {{where}} has no ref at all ({{by}} requires a commit SHA)',
      noRef: '{{what}} `{{uses}}` in {{where}} has no ref at all ({{by}} requires a ref)',
      tag: '{{what}} `{{uses}}` in {{where}} is pinned to tag `{{ref}}`, not a commit SHA (required by {{by}})',
      ref: '{{what}} `{{uses}}` in {{where}} is pinned to ref `{{ref}}`, not a commit SHA (required by {{by}})',
    },
    peers: ['zizmor:unpinned-uses', 'scorecard:Pinned-Dependencies'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Pin to the full commit SHA of the release and keep the version in a comment: `uses: actions/checkout@<40-hex-sha> # v4.2.2` (Dependabot and Renovate update such pins).',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        policies: {
          type: 'object',
          description:
            'Pinning policy per `owner/repo[/path]`, `owner/repo/*`, `owner/*` or `*` pattern; the most specific pattern wins, and references no pattern matches must be hash-pinned.',
          propertyNames: { pattern: PIN_PATTERN },
          additionalProperties: { enum: [...PIN_POLICIES] },
        },
      },
    },
  },
  defaultOptions: { policies: { '*': 'hash-pin' } },
  check({ inventory, job, options }) {
    const hits: RuleHit[] = [];
    for (const u of inventory.uses) {
      // Local actions come from the same checkout; `docker://` images are unpinned-images'.
      if (u.kind === 'local' || u.kind === 'docker') continue;
      const { policy, pattern } = policyFor(u.name, options.policies ?? {});
      const by = pattern === undefined ? 'the default policy' : `the \`${pattern}\` policy`;
      const what = u.kind === 'reusable-workflow' ? 'reusable workflow' : 'action';
      const where =
        u.step === undefined ? `job \`${job.id}\`` : `step ${u.step + 1} of job \`${job.id}\``;
      if (u.ref === undefined || u.ref === '') {
        if (policy === 'any') continue;
        hits.push({
          at: u.at,
          messageId: policy === 'hash-pin' ? 'noRefHash' : 'noRef',
          data: { what, uses: u.raw, where, by },
        });
        continue;
      }
      if (policy !== 'hash-pin' || u.pinned) continue;
      const version = isVersionRef(u.ref);
      hits.push({
        at: u.at,
        messageId: version ? 'tag' : 'ref',
        data: { what, uses: u.raw, where, ref: u.ref ?? '', by },
        // A branch moves with every push; a version tag only when someone retags it.
        severity: version ? 'medium' : 'high',
      });
    }
    return hits;
  },
});
