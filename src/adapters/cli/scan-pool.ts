/**
 * `scan --jobs N`: repositories decided in a bounded pool of worker threads, their results
 * handed back in the scan's order to the same loop the single-thread scan feeds (so every
 * report format is the same bytes). A worker runs the CLI bundle itself (src/entries/cli.ts
 * starts scan-worker.ts when it is not the main thread). Results arrive out of order and wait
 * for their turn; at most `ahead` repositories are dispatched past the one the loop waits for,
 * so memory stays bounded. A repository's failures are its located errors (scan-repository.ts);
 * a worker that dies (out of memory, a crash) fails the scan with a message naming the
 * repository it was deciding — never a hang, never a silently missing repository.
 */
import { Worker } from 'node:worker_threads';
import { InputError } from '../../engine/errors.js';
import type { Command } from './args.js';
import type { RepositoryResult, ScanTarget } from './scan-repository.js';

type ScanArgs = Extract<Command, { name: 'scan' }>;

/** What a worker is started with (workerData). */
export interface WorkerSetup {
  readonly role: 'agent-gate-scan-worker';
  readonly command: ScanArgs;
  /** The scan's instant (ISO): every worker judges at the same time as the main thread. */
  readonly now: string;
}

/** Main → worker: decide this repository. */
export interface WorkerTask {
  readonly index: number;
  readonly target: ScanTarget;
}

/** Worker → main: a repository's result, or what escaped scanRepository (an internal error). */
export type WorkerReply =
  | { readonly index: number; readonly result: RepositoryResult }
  | {
      readonly index: number;
      readonly thrown: { readonly message: string; readonly input: boolean };
    };

export interface PoolOptions {
  /** The script the workers run: the CLI bundle's entry (import.meta.url of src/entries/cli.ts). */
  readonly script: string | URL;
  readonly workers: number;
  readonly command: ScanArgs;
  readonly now: Date;
  /** Tests: a heap limit (MB) for each worker, to make one run out of memory. */
  readonly maxHeapMb?: number;
}

/** Results of `targets`, in their order, each after the one before it. */
export async function* scanInPool(
  targets: readonly ScanTarget[],
  options: PoolOptions,
): AsyncGenerator<RepositoryResult> {
  const setup: WorkerSetup = {
    role: 'agent-gate-scan-worker',
    command: options.command,
    now: options.now.toISOString(),
  };
  const ahead = options.workers * 2;
  const done = new Map<number, RepositoryResult>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  let next = 0;
  let consumed = 0;
  const idle: Worker[] = [];
  const busy = new Map<Worker, number>();

  const dispatch = (): void => {
    while (failure === undefined && next < targets.length && next < consumed + ahead) {
      const worker = idle.pop();
      if (!worker) return;
      const task: WorkerTask = { index: next, target: targets[next]! };
      busy.set(worker, next);
      next += 1;
      worker.postMessage(task);
    }
  };
  const fail = (error: Error): void => {
    failure ??= error;
    notify();
  };
  const workers = Array.from({ length: options.workers }, (_, n) => {
    const worker = new Worker(options.script, {
      workerData: setup,
      stdout: true,
      ...(options.maxHeapMb === undefined
        ? {}
        : { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } }),
    });
    // Nothing a worker prints may land in the report on stdout: its stdout is dropped.
    worker.stdout.resume();
    const deciding = (): string => {
      const index = busy.get(worker);
      return index === undefined ? 'between repositories' : `deciding ${targets[index]?.root}`;
    };
    worker.on('message', (reply: WorkerReply) => {
      busy.delete(worker);
      if ('thrown' in reply) {
        const message = `${targets[reply.index]?.root}: ${reply.thrown.message}`;
        fail(reply.thrown.input ? new InputError(message) : new Error(message));
        return;
      }
      done.set(reply.index, reply.result);
      idle.push(worker);
      dispatch();
      notify();
    });
    worker.on('error', (error: Error) =>
      fail(new Error(`scan worker ${n + 1} failed ${deciding()}: ${error.message}`)),
    );
    worker.on('exit', (code) => {
      if (busy.has(worker) || (code !== 0 && failure === undefined))
        fail(new Error(`scan worker ${n + 1} stopped (exit code ${code}) ${deciding()}`));
    });
    idle.push(worker);
    return worker;
  });
  try {
    dispatch();
    while (consumed < targets.length) {
      if (failure) throw failure;
      const result = done.get(consumed);
      if (result === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      done.delete(consumed);
      consumed += 1;
      dispatch();
      yield result;
    }
  } finally {
    // Each worker is stopped whatever happened (done, failed, or the consumer gave up).
    failure ??= new Error('scan ended');
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * `--jobs` when not given: one thread. Measured on the shared 2-core machine (BENCHMARKS.md,
 * "scan --jobs"), two workers cost 15–22% more CPU (each worker compiles the bundle, results
 * are cloned) and gained wall time only when the other core was idle; so the pool is opt-in.
 */
export function defaultJobs(): number {
  return 1;
}

/**
 * AGENT_GATE_WORKER_HEAP_MB: a heap limit for each scan worker (tests make one run out of
 * memory with it); unset, Node's default. Anything but a positive integer is refused.
 */
export function workerHeapMb(
  env: Readonly<Record<string, string | undefined>> | undefined,
): number | undefined {
  const value = env?.AGENT_GATE_WORKER_HEAP_MB;
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9]\d{0,5}$/.test(value))
    throw new InputError(`AGENT_GATE_WORKER_HEAP_MB must be a whole number of MB, got ${value}`);
  return Number(value);
}
