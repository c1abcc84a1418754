/**
 * Checklist item 17 (Monitoring and Incident Response): Implement anomaly detection.
 */
import { defineControl } from '../control.js';
import { ev, reusableGap, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'anomaly-detection',
    number: 17,
    category: 'Monitoring and Incident Response',
    title: 'Implement anomaly detection',
    short: 'Anomaly detection',
    basic: false,
    looksAt: 'harden-runner’s per-job network baseline; anything else runs outside CI',
    levels: {
      full: 'never',
      partial: 'harden-runner telemetry (a baseline of outbound endpoints per job; network only)',
      none: '—',
      notObservable: 'otherwise: detection runs on collected logs outside CI',
    },
    messages: {
      'harden-baseline':
        'harden-runner baselines the job’s outbound endpoints and flags anomalies: network only, not file writes or commands',
      'outside-ci':
        'anomaly detection works on collected logs outside CI (a SIEM, provider dashboards); the workflow cannot show it',
    },
  },
  score(f) {
    const skip = reusableGap(f);
    if (skip) return skip;
    if (f.harden?.telemetry)
      return verdict(0.5, 'harden-baseline', [ev('harden-runner', f.harden.at)]);
    return verdict(null, 'outside-ci');
  },
});
