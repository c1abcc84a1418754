/**
 * `approval: wait` — what the wait loop (wait.ts) is given and what it returns. Everything it
 * touches is injected (clock, sleep, cancellation signal, API port, log), so the loop is
 * judged with a fake clock against a loopback server; the action adapter supplies the real
 * ones (src/adapters/action/approval-wait.ts).
 */
import type { ApprovalSettings } from '../policy/types.js';
import type { PollOptions } from './poll-schedule.js';
import type {
  Approval,
  ApprovalApi,
  Denial,
  Ignored,
  RequestSubject,
  RequestTarget,
} from './types.js';

export interface WaitLog {
  readonly info: (message: string) => void;
  readonly warning: (message: string) => void;
}

export interface WaitDeps {
  readonly api: ApprovalApi;
  readonly subject: RequestSubject;
  /** Workflow file of the job, e.g. `.github/workflows/agent.yml`. */
  readonly workflow: string;
  readonly runUrl?: string | undefined;
  readonly target: RequestTarget;
  readonly actor: string | undefined;
  /** The pull request's (or issue's) author: cannot approve either. */
  readonly author?: string | undefined;
  readonly triggeringActor: string | undefined;
  /** The policy's `approval:` section. */
  readonly approval: ApprovalSettings;
  /** Overrides `approval.timeoutMinutes` (an action input). */
  readonly timeoutMinutes?: number | undefined;
  /** CODEOWNERS owners of the workflow file: the approvers when the policy lists none. */
  readonly codeowners?: readonly string[] | undefined;
  readonly now: () => Date;
  /** Resolves after `ms`, or early (resolve or reject) when `signal` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Aborted when the job is cancelled. */
  readonly signal: AbortSignal;
  readonly log: WaitLog;
  readonly poll?: Partial<PollOptions>;
  /** Who posts requests with this token; only its requests are reused. */
  readonly requestAuthor?: string;
  /** Consecutive failed polls (after the client's retries) before giving up. */
  readonly maxFailures?: number;
}

export type WaitState = 'approved' | 'denied' | 'timed-out' | 'cancelled' | 'error';

export interface ApprovalOutcome {
  readonly state: WaitState;
  readonly approvedBy: readonly string[];
  readonly approvals: readonly Approval[];
  readonly denial: Denial | undefined;
  readonly url: string | undefined;
  /** `sha256:<hex>` */
  readonly digest: string;
  readonly requestedAt: string | undefined;
  readonly decidedAt: string;
  /** HTTP requests made by the wait (retries and 304s included). */
  readonly requests: number;
  readonly polls: number;
  readonly ignored: readonly Ignored[];
  /** One line for the log and the summary. */
  readonly message: string;
}

export const DEFAULT_REQUEST_AUTHOR = 'github-actions[bot]';
