/**
 * Checklist item 8 (Network Security): Log all DNS queries.
 */
import { defineControl } from '../control.js';
import type { Evidence } from '../types.js';
import { ev, reusableGap, runnerDefault, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'dns-logging',
    number: 8,
    category: 'Network Security',
    title: 'Log all DNS queries',
    short: 'DNS query logging',
    basic: false,
    looksAt: 'harden-runner (records DNS and connections per job), the awf proxy log',
    levels: {
      full: "harden-runner with telemetry (records the job's DNS queries and connections)",
      partial:
        "harden-runner with `disable-telemetry: true`; awf's proxy log (the domains contacted, not the DNS queries)",
      none: 'Nothing on a hosted runner',
      notObservable: 'a self-hosted or unknown runner (the network may log DNS)',
    },
    messages: {
      'harden-telemetry':
        'harden-runner records the DNS queries and connections of the job (per-run insights)',
      'domains-logged': 'contacted domains are logged, but not every DNS query with alerting',
      'hosted-default': 'DNS queries are not logged (GitHub-hosted runners keep no DNS log)',
      'runner-not-visible': 'DNS may be logged by the network the runner sits in (runner {runner})',
    },
  },
  score(f) {
    const skip = reusableGap(f);
    if (skip) return skip;
    if (f.harden?.telemetry)
      return verdict(1, 'harden-telemetry', [ev('harden-runner', f.harden.at)]);
    const partial: Evidence[] = [];
    if (f.harden)
      partial.push(
        ev('harden-runner with disable-telemetry: true (events are not sent out)', f.harden.at),
      );
    if (f.awf)
      partial.push(
        ev(
          'the awf Squid proxy logs the domains the agent contacts (not the DNS queries)',
          f.awf.at,
        ),
      );
    if (partial.length > 0) return verdict(0.5, 'domains-logged', partial);
    return runnerDefault(f, 'hosted-default', 'runner-not-visible');
  },
});
