/**
 * An approver's `/agent-gate approve …` (or `deny …`) comment is itself an `issue_comment`
 * event: it starts every workflow listening to comments again — the gated one included.
 * That run must not post a new request (it would supersede the one the waiting run polls)
 * nor hold a runner waiting: it is recognised here and ends at once. Its decision still
 * stands — a command comment approves nothing in the run it starts, so approval-required
 * fails that run immediately instead of letting the job go on unapproved.
 */
import type { ApprovalRecord } from '../../engine/evidence/types.js';
import { parseCommand } from '../../engine/approval/judge.js';

/** `approve` / `deny` when this run was started by a gate command comment, else undefined. */
export function gateCommandOf(event: string, payload: unknown): 'approve' | 'deny' | undefined {
  if (event !== 'issue_comment') return undefined;
  const body = (payload as { comment?: { body?: unknown } } | null)?.comment?.body;
  if (typeof body !== 'string') return undefined;
  const command = parseCommand(body);
  return command && 'verb' in command ? command.verb : undefined;
}

export function commandRunMessage(verb: 'approve' | 'deny'): string {
  return `this run was started by an \`/agent-gate ${verb}\` comment, the gate's own command: it posts no request and does not wait (the run that asked keeps its request and reads the answer there); the comment approves nothing in this run`;
}

export function commandRunRecord(message: string): ApprovalRecord {
  return {
    mode: 'wait',
    status: 'required',
    requestDigest: undefined,
    requestUrl: undefined,
    approvals: [],
    note: message,
  };
}
