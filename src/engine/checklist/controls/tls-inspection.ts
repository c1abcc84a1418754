/**
 * Checklist item 9 (Network Security): Enable TLS inspection for outbound connections.
 */
import { defineControl } from '../control.js';
import { ev, reusableGap, runnerDefault, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'tls-inspection',
    number: 9,
    category: 'Network Security',
    title: 'Enable TLS inspection for outbound connections',
    short: 'TLS inspection',
    basic: false,
    looksAt: 'awf `--ssl-bump` (HTTPS interception), proxies set through `HTTPS_PROXY`',
    levels: {
      full: 'awf `--ssl-bump` (or `sslBump: true` in its config)',
      partial: '—',
      none: 'awf without `--ssl-bump` (filters by SNI only); nothing on a hosted runner',
      notObservable:
        '`HTTPS_PROXY` / `ALL_PROXY` set (whether the proxy inspects TLS is not visible); a self-hosted or unknown runner',
    },
    messages: {
      'ssl-bump': 'awf intercepts HTTPS (--ssl-bump): request URLs are inspected and logged',
      proxy: 'traffic is sent to a proxy; whether that proxy inspects TLS is not visible from CI',
      'awf-sni-only':
        'awf filters HTTPS by server name only; payloads are not inspected (no --ssl-bump)',
      'hosted-default': 'no inspecting proxy sits between the agent and the internet',
      'runner-not-visible':
        'TLS may be inspected by the network the runner sits in (runner {runner})',
    },
  },
  score(f) {
    const skip = reusableGap(f);
    if (skip) return skip;
    if (f.awf?.sslBump) return verdict(1, 'ssl-bump', [ev('ssl-bump', f.awf.sslBump)]);
    const env = f.safeguards.env.find((e) => e.kind === 'proxy' && f.inAgentSteps(e.step));
    if (env) return verdict(null, 'proxy', [ev(`${env.key}: ${env.value}`, env.at)]);
    if (f.awf) return verdict(0, 'awf-sni-only', [ev('awf wraps the agent', f.awf.at)]);
    return runnerDefault(f, 'hosted-default', 'runner-not-visible');
  },
});
