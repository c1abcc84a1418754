/**
 * Checklist item 7 (Network Security): Deploy an egress allowlist proxy.
 */
import { defineControl } from '../control.js';
import type { Evidence } from '../types.js';
import { ev, reusableGap, runnerDefault, usable, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'egress-allowlist',
    number: 7,
    category: 'Network Security',
    title: 'Deploy an egress allowlist proxy',
    short: 'Egress allowlist proxy',
    basic: true,
    looksAt:
      'step-security/harden-runner `egress-policy: block` before the agent, the awf Squid allow-list, `--network none`, agent sandboxes that cut the network of the commands they run',
    levels: {
      full: "harden-runner `egress-policy: block` (also the input's default) before the agent; awf's Squid allow-list; `--network none`",
      partial:
        'harden-runner block only after the agent step, or a policy from the StepSecurity policy store (not visible); an agent sandbox that cuts the network of the commands it runs',
      none: '`egress-policy: audit` only; gh-aw `network.firewall: false`; nothing on a hosted runner',
      notObservable: 'a self-hosted or unknown runner',
    },
    messages: {
      'harden-block': 'outbound traffic is blocked except for the allowed endpoints',
      'harden-late': 'harden-runner blocks egress only from a step after the agent has run',
      'harden-policy-store':
        'egress is filtered by a policy kept outside the workflow (not visible)',
      'firewall-off': 'the gh-aw firewall is turned off: no egress allow-list for the agent',
      awf: "the agent's traffic goes through the awf Squid proxy's domain allow-list",
      'network-none': "the agent's container has no network",
      'os-sandbox':
        "the agent's sandbox cuts or filters the network of the commands it runs, but the job itself is not behind an allow-list",
      'hosted-default': 'outbound traffic is unrestricted (GitHub-hosted runners allow all egress)',
      'runner-not-visible':
        'egress may be filtered by the network the runner sits in (runner {runner})',
    },
  },
  score(f) {
    const skip = reusableGap(f);
    if (skip) return skip;
    const h = f.harden;
    const extra: Evidence[] = [];
    if (h && (h.policy === 'block' || h.policy === 'policy-store')) {
      const late = f.firstAgentStep !== undefined && h.step > f.firstAgentStep;
      const text =
        h.policy === 'policy-store'
          ? 'harden-runner takes its egress policy from the StepSecurity policy store'
          : `harden-runner egress-policy: block${h.policyExplicit ? '' : ' (its default)'}`;
      if (h.policy === 'block' && !late) return verdict(1, 'harden-block', [ev(text, h.policyAt)]);
      return verdict(0.5, late ? 'harden-late' : 'harden-policy-store', [ev(text, h.policyAt)]);
    }
    if (h)
      extra.push(ev(`harden-runner egress-policy: ${h.policy} (logs, does not block)`, h.policyAt));
    if (f.awf && f.awf.firewallOff)
      return verdict(0, 'firewall-off', [
        ev(`network.firewall: false (${f.awf.firewallOff.reason})`, f.awf.firewallOff.at),
        ...extra,
      ]);
    if (f.awf) return verdict(1, 'awf', [ev('awf wraps the agent', f.awf.at)]);
    const none = f.containers.find((c) => usable(c) && c.flags.networkNone);
    if (none) return verdict(1, 'network-none', [ev(none.text, none.at)]);
    const networkOn = f.settings.find(
      ({ s }) => s.risky && /network/i.test(`${s.name} ${s.reason}`),
    );
    if (f.sandboxes.length > 0 && !networkOn)
      return verdict(0.5, 'os-sandbox', [...f.sandboxes, ...extra]);
    return runnerDefault(f, 'hosted-default', 'runner-not-visible', extra);
  },
});
