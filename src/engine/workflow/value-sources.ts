/**
 * Where the values of `matrix.*` and `env.*` come from — the one place the expression
 * dataflow reads them. A matrix key's possible values are its list items and the values
 * `include:` entries give it; a matrix (or an axis) written as an expression
 * (`${{ fromJSON(needs.plan.outputs.matrix) }}`) can hold anything that expression yields,
 * so its text is the value and the caller follows its contexts. Env values are the step's,
 * else the job's, else the workflow's.
 */
import type { Job, Step, Workflow } from './model.js';

/** Possible values of `matrix.<path>` (lower-case segments); undefined when none is known. */
export type MatrixLookup = (path: readonly string[]) => readonly string[] | undefined;

/** Values kept per key: a matrix is a product, but each expression reads one key. */
const MAX_VALUES = 64;

export function matrixLookup(job: Job): MatrixLookup | undefined {
  const matrix = job.matrix;
  if (matrix === undefined) return undefined;
  return (path) => matrixValues(matrix, path);
}

function matrixValues(matrix: unknown, path: readonly string[]): readonly string[] | undefined {
  if (typeof matrix === 'string') return [matrix];
  if (!isMap(matrix) || path.length === 0) return undefined;
  const [key, ...rest] = path;
  const found: unknown[] = [];
  for (const [k, v] of Object.entries(matrix)) {
    const lower = k.toLowerCase();
    if (lower === 'include') {
      if (typeof v === 'string') found.push(v);
      else if (Array.isArray(v))
        for (const entry of v) {
          if (typeof entry === 'string') found.push(entry);
          else if (isMap(entry)) found.push(...valuesAt(entry, key));
        }
    } else if (lower !== 'exclude' && lower === key) {
      if (Array.isArray(v)) found.push(...(v as unknown[]));
      else found.push(v);
    }
  }
  if (found.length === 0) return undefined;
  const out = new Set<string>();
  for (const value of found) for (const s of descend(value, rest)) out.add(s);
  return [...out].slice(0, MAX_VALUES);
}

function valuesAt(entry: Record<string, unknown>, key: string | undefined): unknown[] {
  return Object.entries(entry)
    .filter(([k]) => k.toLowerCase() === key)
    .map(([, v]) => v);
}

/** The text of `value` at `rest`; an expression string stands for everything below it. */
function descend(value: unknown, rest: readonly string[]): string[] {
  if (rest.length === 0 || typeof value === 'string') return [text(value)];
  const [head, ...tail] = rest;
  if (Array.isArray(value))
    return head === '*' || /^\d+$/.test(head ?? '') ? value.flatMap((v) => descend(v, tail)) : [];
  if (isMap(value)) return valuesAt(value, head).flatMap((v) => descend(v, tail));
  return [];
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** What a job's output is defined as: its expression text, read where the producing job runs. */
export interface JobOutput {
  readonly text: string;
  readonly env: ReadonlyMap<string, string>;
  readonly matrix: MatrixLookup | undefined;
}

/** `needs.<job>.outputs.<name>` (lower-case) → its definition; undefined when unknown. */
export type JobOutputLookup = (job: string, name: string) => JobOutput | undefined;

export function jobOutputLookup(workflow: Workflow): JobOutputLookup {
  return (jobId, name) => {
    const job = workflow.jobs.find((j) => j.id.toLowerCase() === jobId);
    const entry = job?.outputs?.find((o) => o.key.toLowerCase() === name);
    if (!job || !entry) return undefined;
    const env = new Map<string, string>();
    for (const e of [...workflow.env, ...job.env]) env.set(e.key, e.value);
    return { text: entry.value, env, matrix: matrixLookup(job) };
  };
}

/** The env a step sees from the workflow file: workflow, then job, then step entries. */
export function stepEnv(workflow: Workflow, job: Job, step: Step): Map<string, string> {
  const env = new Map<string, string>();
  for (const e of [...workflow.env, ...job.env, ...step.env]) env.set(e.key, e.value);
  return env;
}

/** The value of `env.<name>` (case-insensitive, as GitHub reads contexts). */
export function envValue(env: ReadonlyMap<string, string>, name: string): string | undefined {
  let found: string | undefined;
  for (const [k, v] of env) if (k.toLowerCase() === name.toLowerCase()) found = v;
  return found;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
