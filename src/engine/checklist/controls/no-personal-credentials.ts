/**
 * Checklist item 11 (Credential Management): Never expose personal credentials to the agent.
 */
import { defineControl } from '../control.js';
import { credEvidence, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'no-personal-credentials',
    number: 11,
    category: 'Credential Management',
    title: 'Never expose personal credentials to the agent',
    short: 'No personal credentials',
    basic: false,
    looksAt:
      'personal access tokens used as GitHub tokens, subscription OAuth tokens, all-secrets exposure, and stored secrets whose owner the workflow cannot show',
    levels: {
      full: 'Only machine identities: job token, OIDC, App tokens, agent model keys',
      partial:
        'Long-lived secrets whose owner (a person or a service account) the workflow cannot show',
      none: 'A PAT used as a GitHub token, a subscription OAuth token (`*OAUTH*`, e.g. `CLAUDE_CODE_OAUTH_TOKEN`), or all secrets',
      notObservable: 'never',
    },
    messages: {
      'all-secrets':
        'every secret of the repository reaches the job, personal ones included if there are any',
      'personal-token':
        'a personal token reaches the job (a PAT or a subscription OAuth token acts as the person who made it, unless it belongs to a machine user, which the workflow cannot show)',
      'owner-unknown':
        'long-lived secrets reach the job whose owner (a person or a service account) the workflow cannot show',
      'machine-identities':
        'only machine identities: the job token, OIDC, App tokens and agent model keys',
    },
  },
  score(f) {
    const creds = f.inv.credentials;
    const everything = creds.filter((c) => c.kind === 'inherited-secrets' || c.id === 'secrets:*');
    const personal = creds.filter((c) => c.kind === 'pat' || /OAUTH/i.test(c.name));
    const unknown = creds.filter(
      (c) =>
        c.kind === 'static-secret' &&
        c.scope === 'broad' &&
        !everything.includes(c) &&
        !personal.includes(c),
    );
    if (everything.length > 0 || personal.length > 0)
      return verdict(
        0,
        everything.length > 0 ? 'all-secrets' : 'personal-token',
        [...everything, ...personal].map(credEvidence),
      );
    if (unknown.length > 0) return verdict(0.5, 'owner-unknown', unknown.map(credEvidence));
    return verdict(1, 'machine-identities', creds.map(credEvidence));
  },
});
