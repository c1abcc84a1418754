/**
 * Checklist item 10 (Credential Management): Use only short-lived tokens.
 */
import { defineControl } from '../control.js';
import { credEvidence, longLived, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'short-lived-tokens',
    number: 10,
    category: 'Credential Management',
    title: 'Use only short-lived tokens',
    short: 'Short-lived tokens',
    basic: true,
    looksAt:
      'the lifetime of every credential of the job: job token, OIDC, App tokens (short) vs stored secrets, PATs, `secrets: inherit` (long-lived)',
    levels: {
      full: 'Every credential is job-scoped or short-lived (GITHUB_TOKEN, OIDC, App tokens)',
      partial: "The only long-lived credentials are narrow ones (an agent's own model key)",
      none: 'Any broad long-lived credential: stored secrets, PATs, `secrets: inherit`, `toJSON(secrets)`',
      notObservable: 'never',
    },
    messages: {
      'all-short-lived':
        'every credential of the job expires with it or within the hour (job token, OIDC, App tokens)',
      'narrow-long-lived':
        'the only long-lived credentials are narrow ones (an agent’s own model key)',
      'broad-long-lived': 'long-lived secrets reach the job',
    },
  },
  score(f) {
    const { all, broad } = longLived(f.inv);
    if (all.length === 0) return verdict(1, 'all-short-lived', f.inv.credentials.map(credEvidence));
    if (broad.length === 0) return verdict(0.5, 'narrow-long-lived', all.map(credEvidence));
    return verdict(0, 'broad-long-lived', broad.map(credEvidence));
  },
});
