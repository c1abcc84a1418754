/**
 * Checklist item 15 (Code Review): Audit all dependency additions.
 */
import { defineControl } from '../control.js';
import { ev, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'dependency-audit',
    number: 15,
    category: 'Code Review',
    title: 'Audit all dependency additions',
    short: 'Audit dependency additions',
    basic: false,
    looksAt:
      'dependency review / audit steps anywhere in the workflow (dependency-review-action, `npm audit`, `pip-audit`, osv-scanner, Socket, …)',
    levels: {
      full: 'A supply-chain check that also covers typosquatting and publishers (Socket, Phylum, guarddog, npq)',
      partial:
        'A vulnerability audit only (dependency-review-action, `npm audit`, pip-audit, osv-scanner, cargo audit / deny, govulncheck, Trivy, Grype, Snyk test, …)',
      none: '—',
      notObservable: 'no audit in this workflow',
    },
    messages: {
      'supply-chain':
        'a supply-chain check (typosquatting, publishers, known vulnerabilities) runs in this workflow',
      'vulnerabilities-only':
        'dependencies are checked for known vulnerabilities; typosquatting and publisher checks are not shown',
      'not-in-workflow':
        'no dependency audit in this workflow; it may run in another workflow or as Dependabot alerts, which this file does not show',
    },
  },
  score(f) {
    const shown = (kind: 'supply-chain' | 'dependency-audit') =>
      f
        .workflowHits(kind)
        .slice(0, 3)
        .map((h) => ev(`${h.text} (job ${h.job})`, h.at));
    const supply = shown('supply-chain');
    if (supply.length > 0) return verdict(1, 'supply-chain', supply);
    const audits = shown('dependency-audit');
    if (audits.length > 0) return verdict(0.5, 'vulnerabilities-only', audits);
    return verdict(null, 'not-in-workflow');
  },
});
