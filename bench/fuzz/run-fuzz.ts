/**
 * The fuzz's properties, checked per case on the engine the action and the CLI share:
 *   no crash      — anything thrown is an InputError (a user-facing sentence), never another error;
 *   located       — an InputError about the workflow or the policy names file:line;
 *   fail closed   — a case that errors is gated (the adapters map errors to blocked / exit 2),
 *                   and a decision is one of allow / approval-required / blocked;
 *   monotonic     — adding a step the baseline blocks (`gh pr merge --admin`) to a job never
 *                   lowers that job's decision or the workflow's;
 *   deterministic — the same input renders the same JSON, SARIF and Markdown twice;
 *   no leak       — a literal secret of a canary line still intact in the workflow is in no
 *                   rendering of the redacted report (what the adapters print and write);
 *   bounded work  — the rendered output stays within a fixed multiple of the input (counted,
 *                   not timed; a hang is caught by the caller's watchdog / test timeout).
 * Pure (no I/O): the corpus is passed in.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import type { RunContext } from '../../src/engine/context/run-context.js';
import { InputError } from '../../src/engine/errors.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import type { Policy } from '../../src/engine/policy/types.js';
import { buildReport } from '../../src/engine/report/report.js';
import { renderJson } from '../../src/engine/report/render-json.js';
import { renderMarkdown } from '../../src/engine/report/render-markdown.js';
import { renderSarif } from '../../src/engine/report/render-sarif.js';
import { renderText } from '../../src/engine/report/render-text.js';
import { redactDeep } from '../../src/engine/evidence/redact.js';
import {
  CANARY_LINES,
  FUZZ_CANARY,
  mutateWorkflow,
  pick,
  prng,
  randomContext,
  randomPolicy,
} from './generate.js';

export interface CorpusFile {
  readonly path: string;
  readonly text: string;
}

export interface FuzzFailure {
  readonly case: number;
  readonly property: string;
  readonly detail: string;
}

export interface FuzzSummary {
  readonly seed: number;
  readonly cases: number;
  readonly outcomes: Record<string, number>;
  readonly monotonicChecks: number;
  readonly policies: { readonly valid: number; readonly invalid: number };
  readonly failures: readonly FuzzFailure[];
}

const RANK: Record<string, number> = { allow: 0, 'approval-required': 1, blocked: 2, error: 2 };
const NOW = new Date('2026-11-21T00:00:00Z');
const POLICY_PATH = '.github/agent-gate.yml';
const BLOCKED_STEP = { run: 'gh pr merge --admin --merge 1' };
/** Output bytes allowed per input byte (plus a floor): far above what real reports use. */
const OUTPUT_PER_INPUT = 400;
const OUTPUT_FLOOR = 2_000_000;

/** Policies for the run: the presets and random ones; invalid ones must fail located. */
async function policyPool(seed: number, failures: FuzzFailure[]) {
  const r = prng(seed ^ 0x5eed);
  const pool: Policy[] = [
    await loadPolicy('baseline', noFiles),
    await loadPolicy('strict', noFiles),
  ];
  let invalid = 0;
  for (let i = 0; i < 48; i++) {
    const { text, valid } = randomPolicy(r);
    const reader = {
      read: (p: string) =>
        p === POLICY_PATH
          ? Promise.resolve(text)
          : Promise.reject(new InputError(`${p}: no such file`)),
      resolve: (_f: string, ref: string) => ref,
    };
    try {
      pool.push(await loadPolicy(POLICY_PATH, reader));
      if (!valid) failures.push({ case: -1, property: 'invalid policy accepted', detail: text });
    } catch (e) {
      invalid++;
      if (!(e instanceof InputError))
        failures.push({ case: -1, property: 'policy crash', detail: `${String(e)}\n${text}` });
      else if (!e.message.includes(POLICY_PATH))
        failures.push({ case: -1, property: 'policy error not located', detail: e.message });
      else if (valid)
        failures.push({
          case: -1,
          property: 'valid policy refused',
          detail: `${e.message}\n${text}`,
        });
    }
  }
  return { pool, invalid };
}

const noFiles = {
  read: (p: string) => Promise.reject(new InputError(`${p}: no such file`)),
  resolve: (_f: string, ref: string) => ref,
};

type Outcome =
  | { kind: 'error'; message: string }
  | { kind: 'leak'; excerpt: string }
  | { kind: 'decided'; decision: string; jobs: Map<string, string>; json: string; bytes: number };

function evaluateCase(path: string, text: string, policy: Policy, context: RunContext): Outcome {
  try {
    const evaluation = evaluateWorkflow({ path, text, policy, context, now: NOW });
    const report = buildReport(policy, [evaluation], []);
    const json = renderJson(report);
    // Secret canaries: what the adapters render (after their redaction) never holds one.
    if (
      CANARY_LINES.some((line) =>
        text.split('\n').some((l) => l.trim() === line || l.trim().endsWith(`name: ${line}`)),
      )
    ) {
      const safe = redactDeep(report);
      const shown = [
        renderJson(safe),
        renderSarif(safe),
        renderMarkdown(safe),
        renderText(safe, { verbose: true }),
      ].join('\n');
      if (shown.includes(FUZZ_CANARY))
        return {
          kind: 'leak',
          excerpt: shown.slice(
            Math.max(0, shown.indexOf(FUZZ_CANARY) - 120),
            shown.indexOf(FUZZ_CANARY) + 40,
          ),
        };
    }
    const bytes =
      json.length +
      renderSarif(report).length +
      renderMarkdown(report).length +
      renderText(report, { verbose: true }).length;
    return {
      kind: 'decided',
      decision: report.decision,
      jobs: new Map(evaluation.decision.jobs.map((j) => [j.job, j.decision])),
      json,
      bytes,
    };
  } catch (e) {
    if (e instanceof InputError) return { kind: 'error', message: e.message };
    throw e;
  }
}

/** The workflow with BLOCKED_STEP appended to the first job that has steps, or undefined. */
function withBlockedStep(text: string): { text: string; job: string } | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  const jobs = doc.get('jobs');
  if (!isMap(jobs)) return undefined;
  for (const pair of jobs.items) {
    const steps = isMap(pair.value) ? pair.value.get('steps') : undefined;
    if (isSeq(steps) && typeof (pair.key as { value?: unknown })?.value === 'string') {
      steps.add(doc.createNode(BLOCKED_STEP));
      return { text: doc.toString(), job: (pair.key as { value: string }).value };
    }
  }
  return undefined;
}

export async function runFuzz(options: {
  readonly seed: number;
  readonly cases: number;
  readonly corpus: readonly CorpusFile[];
  readonly onCase?: (index: number) => void;
}): Promise<FuzzSummary> {
  const failures: FuzzFailure[] = [];
  const { pool, invalid } = await policyPool(options.seed, failures);
  const outcomes: Record<string, number> = {
    allow: 0,
    'approval-required': 0,
    blocked: 0,
    error: 0,
  };
  let monotonicChecks = 0;
  for (let i = 0; i < options.cases; i++) {
    options.onCase?.(i);
    const r = prng((options.seed * 1_000_003 + i) >>> 0);
    const file = pick(r, options.corpus);
    const text = mutateWorkflow(r, file.text);
    const policy = pick(r, pool);
    const context = randomContext(r);
    const fail = (property: string, detail: string) =>
      failures.push({ case: i, property, detail: `${file.path}: ${detail}` });
    let first: Outcome;
    try {
      first = evaluateCase(file.path, text, policy, context);
    } catch (e) {
      fail('crash', e instanceof Error ? (e.stack ?? e.message) : String(e));
      continue;
    }
    if (first.kind === 'leak') {
      fail('secret canary in the output', first.excerpt);
      continue;
    }
    if (first.kind === 'error') {
      outcomes.error!++;
      if (!first.message.startsWith(`${file.path}:`) && !first.message.includes(file.path))
        fail('error not located', first.message);
      continue;
    }
    outcomes[first.decision] = (outcomes[first.decision] ?? 0) + 1;
    if (!(first.decision in RANK)) fail('unknown decision', first.decision);
    if (first.bytes > OUTPUT_FLOOR + OUTPUT_PER_INPUT * text.length)
      fail('unbounded output', `${first.bytes} bytes from ${text.length}`);
    // Determinism: the same case again, from scratch.
    const again = evaluateCase(file.path, text, policy, context);
    if (again.kind !== 'decided' || again.json !== first.json)
      fail('nondeterministic', 'a second run rendered different JSON');
    // Monotonicity: a blocked step added to a job never lowers a decision.
    const more = withBlockedStep(text);
    if (more) {
      monotonicChecks++;
      let after: Outcome;
      try {
        after = evaluateCase(file.path, more.text, policy, context);
      } catch (e) {
        fail('crash (with the blocked step)', String(e));
        continue;
      }
      if (after.kind === 'leak') {
        fail('secret canary in the output (with the blocked step)', after.excerpt);
        continue;
      }
      const before = first.jobs.get(more.job);
      const afterJob = after.kind === 'error' ? 'error' : after.jobs.get(more.job);
      const afterAll = after.kind === 'error' ? 'error' : after.decision;
      if (RANK[afterAll]! < RANK[first.decision]!)
        fail('not monotonic (workflow)', `${first.decision} → ${afterAll}`);
      if (before !== undefined && afterJob !== undefined && RANK[afterJob]! < RANK[before]!)
        fail('not monotonic (job)', `${more.job}: ${before} → ${afterJob}`);
    }
  }
  return {
    seed: options.seed,
    cases: options.cases,
    outcomes,
    monotonicChecks,
    policies: { valid: pool.length, invalid },
    failures,
  };
}

export function summaryLine(s: FuzzSummary): string {
  const o = s.outcomes;
  return `fuzz: ${s.cases} cases, seed ${s.seed}, ${s.failures.length} failures (allow ${o.allow}, approval-required ${o['approval-required']}, blocked ${o.blocked}, located errors ${o.error}; ${s.monotonicChecks} monotonicity checks; policies ${s.policies.valid} valid, ${s.policies.invalid} refused)`;
}
