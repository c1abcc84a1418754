/**
 * The action's side of `approval: wait`: the real clock's sleep, the runner's cancellation
 * signals and the step outputs. The wait loop itself is the engine's (src/engine/approval/wait.ts).
 */
import type { ApprovalOutcome } from '../../engine/approval/wait-types.js';

/** A real sleep that ends early when the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export interface SignalSource {
  readonly on: (event: NodeJS.Signals, listener: () => void) => unknown;
  readonly off: (event: NodeJS.Signals, listener: () => void) => unknown;
  readonly kill: (pid: number, signal: NodeJS.Signals) => unknown;
  readonly pid: number;
}

/**
 * The runner signals the step's process when the job is cancelled (SIGINT, then SIGTERM):
 * the first signal aborts the returned signal, so the wait closes its request and returns
 * `cancelled`. A second signal restores the default handling and re-raises (exit).
 */
export function cancelOnSignals(
  proc: SignalSource = process,
  signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'],
): { readonly signal: AbortSignal; readonly dispose: () => void } {
  const controller = new AbortController();
  const handlers = new Map<NodeJS.Signals, () => void>();
  const dispose = (): void => {
    for (const [name, handler] of handlers) proc.off(name, handler);
    handlers.clear();
  };
  for (const name of signals) {
    const handler = (): void => {
      if (!controller.signal.aborted) {
        controller.abort(new Error(`received ${name}`));
        return;
      }
      dispose();
      proc.kill(proc.pid, name);
    };
    handlers.set(name, handler);
    proc.on(name, handler);
  }
  return { signal: controller.signal, dispose };
}

/** The step outputs `approved`, `approved-by`, `approval-url`. */
export function approvalOutputs(outcome: ApprovalOutcome): {
  approved: 'true' | 'false';
  'approved-by': string;
  'approval-url': string;
} {
  return {
    approved: outcome.state === 'approved' ? 'true' : 'false',
    'approved-by': outcome.approvedBy.join(','),
    'approval-url': outcome.url ?? '',
  };
}
