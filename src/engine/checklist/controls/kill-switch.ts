/**
 * Checklist item 19 (Monitoring and Incident Response): Maintain a kill switch.
 */
import { defineControl } from '../control.js';
import { credEvidence, ev, longLived, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'kill-switch',
    number: 19,
    category: 'Monitoring and Incident Response',
    title: 'Maintain a kill switch',
    short: 'Kill switch',
    basic: false,
    looksAt:
      'run cancellation (always there) against credentials it cannot revoke: long-lived secrets outlive a cancelled run',
    levels: {
      full: 'never: whether the switch is tested is not visible',
      partial:
        'Run cancellation stops the agent, and every credential is job-scoped or short-lived',
      none: 'Broad long-lived credentials that a cancelled run cannot revoke',
      notObservable: 'never',
    },
    messages: {
      'secrets-outlive-run':
        'cancelling the run stops the agent, but the long-lived secrets it held stay valid until someone rotates them',
      'cancel-expires-tokens':
        'cancelling the run stops the agent and its job-scoped / short-lived tokens expire; whether the switch is tested is not visible',
    },
  },
  score(f) {
    const { broad } = longLived(f.inv);
    if (broad.length > 0) return verdict(0, 'secrets-outlive-run', broad.map(credEvidence));
    return verdict(0.5, 'cancel-expires-tokens', [
      ev('run cancellation (Actions UI / API)', f.inv.at),
    ]);
  },
});
