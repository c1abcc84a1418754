/**
 * A worker thread of `scan --jobs N` (scan-pool.ts): decides the repositories the main thread
 * sends, one at a time, with the same function the single-thread scan calls, and posts each
 * result back. Everything a repository can fail on is in its result (located errors); what
 * escapes is sent as an internal error, which fails the scan.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { environmentsFromFile } from '../../engine/context/environment-protection.js';
import { InputError, normalizeError } from '../../engine/errors.js';
import { readTextFile } from './fs-policy-reader.js';
import { PolicyResolver } from './repo-policy.js';
import { scanRepository } from './scan-repository.js';
import type { RepositoryScanContext } from './scan-repository.js';
import type { WorkerReply, WorkerSetup, WorkerTask } from './scan-pool.js';

/** Whether this thread was started as a scan worker (the CLI entry asks). */
export function isScanWorker(): boolean {
  return (workerData as Partial<WorkerSetup> | undefined)?.role === 'agent-gate-scan-worker';
}

export function runScanWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('scan worker started outside a worker thread');
  const setup = workerData as WorkerSetup;
  const { command } = setup;
  const ctx: RepositoryScanContext = {
    command,
    resolver: new PolicyResolver(command.options.policy),
    environments:
      command.environments === undefined
        ? undefined
        : environmentsFromFile(readTextFile(command.environments), command.environments),
    now: new Date(setup.now),
  };
  // One repository at a time, in the order they come: the pool bounds what is in flight.
  let queue = Promise.resolve();
  port.on('message', (task: WorkerTask) => {
    queue = queue.then(async () => {
      let reply: WorkerReply;
      try {
        reply = { index: task.index, result: await scanRepository(task.target, ctx) };
      } catch (thrown) {
        const error = normalizeError(thrown);
        reply = {
          index: task.index,
          thrown: { message: error.message, input: error instanceof InputError },
        };
      }
      port.postMessage(reply);
    });
  });
}
