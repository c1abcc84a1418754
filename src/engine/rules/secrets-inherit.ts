/**
 * secrets-inherit — a reusable-workflow call passes every secret of the caller
 * (`secrets: inherit`) instead of the ones the callee needs. Same semantics as zizmor's
 * `secrets-inherit`.
 */
import { NO_OPTIONS, defineRule } from './types.js';

export default defineRule({
  meta: {
    id: 'secrets-inherit',
    title: 'Reusable workflow called with `secrets: inherit`',
    description:
      'The called workflow receives every secret of the caller, whatever it needs. A compromised or careless callee (or a later change to it) can use or leak secrets that were never meant for it.',
    severity: 'medium',
    confidence: 'high',
    category: 'workflow',
    messages: {
      inherit: 'job `{{job}}` passes every secret to {{uses}} (`secrets: inherit`)',
    },
    peers: ['zizmor:secrets-inherit'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Pass only the secrets the called workflow needs: `secrets: { NPM_TOKEN: ${{ secrets.NPM_TOKEN }} }`.',
    options: NO_OPTIONS,
  },
  defaultOptions: {},
  check({ job, locate }) {
    if (job.uses === undefined || job.secrets !== 'inherit') return [];
    return [
      {
        at: locate(['jobs', job.id, 'secrets']),
        messageId: 'inherit',
        data: { job: job.id, uses: job.uses ?? '' },
      },
    ];
  },
});
