/** The evidence pack's record of an `approval: wait` outcome. */
import type { ApprovalRecord } from '../evidence/types.js';
import type { ApprovalOutcome } from './wait-types.js';

/** The evidence pack's approval record of a wait. */
export function approvalRecord(outcome: ApprovalOutcome): ApprovalRecord {
  return {
    mode: 'wait',
    // An error never decided anything: the approval is still required.
    status: outcome.state === 'error' ? 'required' : outcome.state,
    requestDigest: outcome.digest,
    requestUrl: outcome.url,
    approvals: outcome.approvals.map((a) => ({
      login: a.login,
      at: a.at,
      how: a.how === 'review' ? 'pull request review' : 'approve command (comment)',
      digest: outcome.digest,
    })),
    ignored: outcome.ignored.map((i) => ({ login: i.login, why: i.why })),
    note: outcome.message,
  };
}
