/**
 * Checklist item 14 (Code Review): Run SAST on agent output.
 */
import { defineControl } from '../control.js';
import { ev, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'sast',
    number: 14,
    category: 'Code Review',
    title: 'Run SAST on agent output',
    short: 'SAST on agent output',
    basic: false,
    looksAt: 'SAST steps anywhere in the workflow (CodeQL, Semgrep, Snyk Code, SonarQube, …)',
    levels: {
      full: 'A SAST step anywhere in the workflow (CodeQL, Semgrep, Snyk Code, SonarQube / SonarCloud, Checkmarx, gosec, Bandit, zizmor, …)',
      partial: '—',
      none: '—',
      notObservable:
        'no SAST step in this workflow (it usually runs in its own workflow or as code-scanning default setup)',
    },
    messages: {
      'runs-here': 'static analysis runs in this workflow',
      'not-in-workflow':
        'no SAST step in this workflow; SAST usually runs in its own workflow or as code scanning, which this file does not show',
    },
  },
  score(f) {
    const hits = f.workflowHits('sast');
    if (hits.length > 0)
      return verdict(
        1,
        'runs-here',
        hits.slice(0, 3).map((h) => ev(`${h.text} (job ${h.job})`, h.at)),
      );
    return verdict(null, 'not-in-workflow');
  },
});
