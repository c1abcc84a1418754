/**
 * Runs the enabled detection rules over every decided job. Pure: the workflow model, the
 * inventory and the run context in, hits out (deduplicated: a workflow-level hit is
 * reported once however many jobs raised it). The policy turns hits into decisions.
 */
import { formatLocation, normalizeError } from '../errors.js';
import type { RunContext } from '../context/run-context.js';
import { factsOfRecord, nestedFrames, stepFacts } from '../inventory/build-inventory.js';
import {
  onceUnlessTriggerRead,
  watchedContext,
  watchedRecord,
} from '../inventory/trigger-reads.js';
import type { ShapeOutcome } from '../inventory/trigger-reads.js';
import type { Frame } from '../inventory/resolve/expand.js';
import type { ChainLink, JobInventory } from '../inventory/types.js';
import type { Job, Workflow } from '../workflow/model.js';
import { locate, locateOffsetInScalar } from '../workflow/source.js';
import { RULES } from './index.js';
import { renderMessage } from './render-message.js';
import type { Confidence, MessageData, Rule, RuleContext, RuleHit, Severity } from './types.js';
import { wholeExpression } from '../workflow/expressions/fences.js';

/** A rule hit with the rule's meta applied. */
export interface DetectionHit {
  readonly ruleId: string;
  readonly workflow: string;
  /** The job whose check raised it; undefined for workflow-level hits. */
  readonly job: string | undefined;
  /** Every job the hit applies to (workflow-level hits apply to each decided job). */
  readonly jobs: readonly string[];
  readonly severity: Severity;
  readonly confidence: Confidence;
  /** The rule's message id and data, and the text rendered from them. */
  readonly messageId: string;
  readonly data: MessageData;
  readonly message: string;
  readonly remediation: string;
  readonly at: RuleHit['at'];
  /** Reported for the record only; decides nothing (see RuleHit.advisory). */
  readonly advisory?: string | undefined;
}

/** Which rules run and with what options (resolved from the policy by the caller). */
export interface EnabledRule {
  readonly rule: Rule<unknown>;
  readonly options: unknown;
}

/**
 * A rule that threw on a job (a bug in the rule, or input it did not expect): located at the
 * job, with the error's text on one line. The job is blocked for it (fail closed) and the
 * run reports it as an error; the other rules and jobs still run.
 */
export interface RuleFailure {
  readonly ruleId: string;
  readonly workflow: string;
  readonly job: string;
  readonly at: RuleHit['at'];
  /** The error's message, control characters and line breaks flattened, at most 500 chars. */
  readonly error: string;
}

export interface RuleRun {
  readonly hits: DetectionHit[];
  readonly failures: RuleFailure[];
}

/**
 * Rule results kept across the triggers of one workflow: by the job facts (or the frame) they
 * were computed on, then by rule. One memo serves one workflow, policy and run context.
 */
export type RuleMemo = WeakMap<object, Map<Rule<unknown>, ShapeOutcome<Checked>>>;

export function runRules(
  workflow: Workflow,
  inventory: readonly JobInventory[],
  runContext: RunContext,
  enabled: readonly EnabledRule[],
  memo?: RuleMemo,
): RuleRun {
  const hits = new Map<string, DetectionHit>();
  const failures: RuleFailure[] = [];
  // The rules see the trigger through watched copies: what did not read it is reused.
  const context = watchedContext(runContext);
  for (const record of inventory) {
    const inv = watchedRecord(record);
    const shared = shapeMemo(memo, factsOfRecord(record));
    const declared = workflow.jobs.find((j) => j.id === inv.job);
    // A job switched off with a literal `if: false` never runs: nothing in it can happen; nor
    // does a job, or a step, whose `if:` cannot hold for the event being decided.
    if (!declared || isSwitchedOff(declared.if) || record.skipped !== undefined) continue;
    const job = runnableJob(declared, record);
    const own = new Set<string>();
    const add = (rule: Rule<unknown>, hit: Rendered, message: string, data: MessageData): void => {
      const workflowLevel = hit.scope === 'workflow';
      const key = `${rule.meta.id}\0${formatLocation(hit.at)}\0${message}\0${workflowLevel ? '' : inv.job}`;
      const seen = hits.get(key);
      if (seen) {
        if (!seen.jobs.includes(inv.job)) hits.set(key, { ...seen, jobs: [...seen.jobs, inv.job] });
        return;
      }
      hits.set(key, {
        ruleId: rule.meta.id,
        workflow: inv.workflow,
        job: workflowLevel ? undefined : inv.job,
        jobs: [inv.job],
        severity: hit.severity ?? rule.meta.severity,
        confidence: hit.confidence ?? rule.meta.confidence,
        messageId: hit.messageId,
        data,
        message,
        remediation: hit.remediation ?? rule.meta.remediation,
        at: hit.at,
        ...(hit.advisory === undefined ? {} : { advisory: hit.advisory }),
      });
    };
    const fail = (rule: Rule<unknown>, thrown: unknown): void => {
      failures.push({
        ruleId: rule.meta.id,
        workflow: inv.workflow,
        job: inv.job,
        at: inv.at,
        error: oneLine(normalizeError(thrown).message),
      });
    };
    const locators = locatorsOf(workflow);
    for (const { rule, options } of enabled) {
      const ctx: RuleContext<unknown> = {
        workflow,
        job,
        inventory: inv,
        context,
        options,
        ...locators,
      };
      const found = checkOne(rule, ctx, fail, shared);
      for (const hit of found) {
        add(rule, hit, hit.message, hit.data ?? {});
        own.add(`${rule.meta.id}\0${formatLocation(hit.at)}`);
      }
    }
    // The same rules on the steps of composite actions and called jobs, located there, with
    // the chain. What the job's own run already reported (agents reached through a call are
    // the job's agents, located in the called file) is not reported again.
    for (const frame of nestedFrames(record))
      for (const { rule, hit, via } of frameHits(frame, record, context, enabled, fail, memo))
        if (!own.has(`${rule.meta.id}\0${formatLocation(hit.at)}`))
          add(rule, hit, `${hit.message} (reached through ${via})`, { ...hit.data, via });
  }
  const sorted = [...hits.values()].sort(
    (a, b) =>
      a.at.line - b.at.line || a.at.column - b.at.column || a.ruleId.localeCompare(b.ruleId),
  );
  return { hits: sorted, failures };
}

type Rendered = RuleHit & { readonly message: string };

/** What one rule gave on one job: its rendered hits, or what it threw. */
interface Checked {
  readonly hits: readonly Rendered[];
  readonly thrown?: { readonly value: unknown };
}

/** The rule results of one job facts object (or frame) in the memo, created on first use. */
function shapeMemo(
  memo: RuleMemo | undefined,
  key: object | undefined,
): Map<Rule<unknown>, ShapeOutcome<Checked>> | undefined {
  if (!memo || !key) return undefined;
  let shared = memo.get(key);
  if (!shared) memo.set(key, (shared = new Map<Rule<unknown>, ShapeOutcome<Checked>>()));
  return shared;
}

/**
 * One rule's hits on one job, rendered; a rule that throws is recorded and yields none. From
 * `shared` when an earlier trigger of the same run shape got them without reading the trigger.
 */
function checkOne(
  rule: Rule<unknown>,
  ctx: RuleContext<unknown>,
  fail: (rule: Rule<unknown>, thrown: unknown) => void,
  shared: Map<Rule<unknown>, ShapeOutcome<Checked>> | undefined,
): readonly Rendered[] {
  const checked = onceUnlessTriggerRead(shared, rule, (): Checked => {
    try {
      // Render inside the guard: an unknown message id or missing data is a rule bug too.
      return {
        hits: rule
          .check(ctx)
          .map((hit) => ({ ...hit, message: renderMessage(rule.meta, hit.messageId, hit.data) })),
      };
    } catch (thrown) {
      return { hits: [], thrown: { value: thrown } };
    }
  });
  if (checked.thrown) fail(rule, checked.thrown.value);
  return checked.hits;
}

/**
 * The rules run on the steps of a composite action or a called job, as the evaluated job runs
 * them (its inventory: triggers, credentials; the frame's own steps; a called job's
 * intersected permissions). Only hits located in the nested file are kept: the caller's facts
 * are the caller's own run's to report, workflow-level hits belong to the file read on its
 * own, a composite action has no job-level facts (its frame's job location is the action's
 * `runs:`), and a hit on the caller's triggers has no place in the nested file (it lands on
 * the document).
 */
function frameHits(
  frame: Frame,
  inv: JobInventory,
  context: RunContext,
  enabled: readonly EnabledRule[],
  fail: (rule: Rule<unknown>, thrown: unknown) => void,
  memo: RuleMemo | undefined,
): { rule: Rule<unknown>; hit: Rendered; via: string }[] {
  const { workflow, job } = frame;
  const inventory = watchedRecord({
    ...inv,
    ...stepFacts(workflow, job),
    ...(frame.kind === 'called-job' ? { permissions: frame.permissions } : {}),
  });
  const shared = shapeMemo(memo, frame);
  const elsewhere = [
    formatLocation(locate(workflow.source, [])),
    ...(frame.kind === 'composite'
      ? [
          formatLocation(locate(workflow.source, job.at)),
          formatLocation(locate(workflow.source, job.at, { key: true })),
        ]
      : []),
  ];
  const via = chainText(frame.chain);
  const out: { rule: Rule<unknown>; hit: Rendered; via: string }[] = [];
  const locators = locatorsOf(workflow);
  for (const { rule, options } of enabled) {
    const ctx: RuleContext<unknown> = { workflow, job, inventory, context, options, ...locators };
    for (const hit of checkOne(rule, ctx, fail, shared)) {
      if (hit.scope === 'workflow' || hit.at.path !== workflow.source.path) continue;
      if (elsewhere.includes(formatLocation(hit.at))) continue;
      out.push({ rule, hit, via });
    }
  }
  return out;
}

/** The rule context's locators for one file (made once per job, not once per rule). */
function locatorsOf(workflow: Workflow): Pick<RuleContext<unknown>, 'locate' | 'locateIn'> {
  return {
    locate: (path, opts) => locate(workflow.source, path, opts),
    locateIn: (path, offset) => locateOffsetInScalar(workflow.source, path, offset),
  };
}

/** `job release (ci.yml:6) → step 2 (ci.yml:9) → action ./x (action.yml:1)`. */
function chainText(chain: readonly ChainLink[]): string {
  return chain
    .map(
      (l) =>
        `${l.name.startsWith(`${l.kind} `) ? '' : `${l.kind} `}${l.name} (${l.at.path.split('/').pop() ?? ''}:${l.at.line})`,
    )
    .join(' → ');
}

/** An error text on one line, without control characters, bounded. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length > 500 ? `${flat.slice(0, 499)}…` : flat || 'no message';
}

/** All rules, for the catalog test and `--list-rules`-style listings. */
export function allRules(): readonly Rule<unknown>[] {
  return RULES;
}

/** `if: false`, `if: ${{ false }}`, `if: false && …` — a condition that is false as written. */
export function isSwitchedOff(condition: string | undefined): boolean {
  if (condition === undefined) return false;
  const bare = (wholeExpression(condition) ?? condition).trim();
  // `false && x || y` is `(false && x) || y`: only a conjunction without `||` is dead.
  return (
    /^false$/.test(bare) ||
    /^\(\s*false\s*\)$/.test(bare) ||
    (/^false\s*&&/.test(bare) && !bare.includes('||'))
  );
}

/** The job as it can run for the decided event: without the steps the inventory skipped. */
function runnableJob(job: Job, inv: JobInventory): Job {
  if (inv.skippedSteps.length === 0) return job;
  const skipped = new Set(inv.skippedSteps.map((s) => s.step));
  return { ...job, steps: job.steps.filter((s) => !skipped.has(s.index)) };
}
