/**
 * Which checks read the trigger. A workflow is decided once per trigger it declares, and the
 * triggers of one run shape share their job facts (job-facts.ts); what differs between them
 * is only the view: the record's `triggers`, `unattended`, `unattendedReasons`, `skipped`
 * and `skippedSteps` (their reasons may name the event), and the run context's `event`. A detection rule or a checklist control handed watched copies of the
 * record and the context is run once; if it read none of those fields, its result holds for
 * every trigger of the shape (the same pure code on the same inputs takes the same course up
 * to a read it never made), and it is reused; if it read one, it runs again per trigger.
 * Derived at run time, not declared: a rule that starts reading the trigger is re-run.
 */
import type { RunContext } from '../context/run-context.js';
import type { TriggerField } from './job-facts.js';
import type { JobInventory } from './types.js';

const RECORD_FIELDS: readonly TriggerField[] = [
  'triggers',
  'unattended',
  'unattendedReasons',
  'skipped',
  'skippedSteps',
];

/** How many trigger-dependent reads happened so far (compare before and after a check). */
let reads = 0;

export function triggerReads(): number {
  return reads;
}

/** A copy of the record whose trigger fields count their reads (same keys, same order). */
export function watchedRecord(inventory: JobInventory): JobInventory {
  const copy: Record<string, unknown> = { ...inventory };
  for (const field of RECORD_FIELDS) watch(copy, field, inventory[field]);
  return copy as unknown as JobInventory;
}

/** A copy of the run context whose `event` counts its reads. */
export function watchedContext(context: RunContext): RunContext {
  const copy: Record<string, unknown> = { ...context };
  watch(copy, 'event', context.event);
  return copy as unknown as RunContext;
}

function watch(target: Record<string, unknown>, field: string, value: unknown): void {
  Object.defineProperty(target, field, {
    enumerable: true,
    configurable: true,
    get: () => {
      reads += 1;
      return value;
    },
  });
}

/** A check's result for one run shape, and whether it read the trigger while producing it. */
export interface ShapeOutcome<T> {
  readonly value: T;
  readonly readsTrigger: boolean;
}

/**
 * The value `run` gives, taken from `memo` when an earlier trigger of the same shape computed
 * it without reading the trigger; otherwise computed (and remembered for the next trigger).
 */
export function onceUnlessTriggerRead<K, T>(
  memo: Map<K, ShapeOutcome<T>> | undefined,
  key: K,
  run: () => T,
): T {
  const seen = memo?.get(key);
  if (seen && !seen.readsTrigger) return seen.value;
  const before = reads;
  const value = run();
  if (!seen) memo?.set(key, { value, readsTrigger: reads !== before });
  return value;
}
