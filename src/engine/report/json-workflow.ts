/**
 * One evaluated workflow as the JSON report (schemaVersion 2) writes it: each fact once.
 * The record holds the workflow's BOM job records; each job carries its verdict (decision,
 * checks, and per action path its decision, rule and why) and its checklist score; the
 * workflow's findings follow, a path finding by reference to the path it was made from.
 * Repeated text is written once per workflow and named by index, locations are
 * `[line, column]` in the workflow's own file or `[line, column, file]` into `files`.
 * resolve-report.ts reads it back into the full facts (and is the schema's worked example).
 */
import { checklistRefDoc } from '../checklist/report-doc.js';
import type { ChecklistRefDoc } from '../checklist/report-doc.js';
import type { SourceLocation } from '../errors.js';
import { jobDoc } from '../evidence/bom.js';
import { scoreOf } from '../evaluate.js';
import type { Evaluation } from '../evaluate.js';
import type { Finding, JobVerdict, PathVerdict } from '../policy/types.js';
import { pathSeverity } from '../policy/path-remediation.js';

/** `[line, column]`, or `[line, column, file]` with `file` an index into the record's `files`. */
export type At = readonly [number, number] | readonly [number, number, number];

type Json = Record<string, unknown>;

/** Values written once, named by their index in first-use order. */
class Table<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly key: (value: T) => string) {}
  of(value: T): number {
    const k = this.key(value);
    let i = this.index.get(k);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(k, i);
    }
    return i;
  }
}

interface Tables {
  readonly files: Table<string>;
  readonly texts: Table<string>;
  readonly links: Table<unknown[]>;
  readonly evidence: Table<unknown>;
  readonly controls: Table<unknown[]>;
  readonly credentialSets: Table<readonly string[]>;
  readonly verdicts: Table<Json>;
}

export function workflowRecord(e: Evaluation): Json {
  const path = e.workflow.path;
  const t: Tables = {
    files: new Table((s) => s),
    texts: new Table((s) => s),
    links: new Table((l) => JSON.stringify(l)),
    evidence: new Table((x) => JSON.stringify(x)),
    controls: new Table((x) => JSON.stringify(x)),
    credentialSets: new Table((x) => x.join('\n')),
    verdicts: new Table((x) => JSON.stringify(x)),
  };
  const at = (loc: { path: string; line: number; column: number }): At =>
    loc.path === path ? [loc.line, loc.column] : [loc.line, loc.column, t.files.of(loc.path)];
  const verdicts = new Map(e.decision.jobs.map((v) => [v.job, v]));
  const inventoried = e.inventory.map((j) => j.job).filter((j) => verdicts.has(j));
  if (inventoried.length !== e.decision.jobs.length)
    throw new Error(`internal error: ${path}: a decided job has no BOM record`);
  const jobs = e.inventory.map((j) => {
    const doc = compactAt(jobDoc(j), at) as Json & ReturnType<typeof jobDoc>;
    const verdict = verdicts.get(j.job);
    return jobRecord(doc, verdict, checklistRefDoc(scoreOf(e, j.job)), t);
  });
  const findings = findingRecords(e, at, t);
  return {
    path,
    name: e.workflow.name ?? null,
    ...(e.trigger ? { trigger: e.trigger } : {}),
    files: t.files.values,
    texts: t.texts.values,
    links: t.links.values,
    evidence: t.evidence.values,
    controls: t.controls.values,
    credentialSets: t.credentialSets.values,
    verdicts: t.verdicts.values,
    jobs,
    // The verdicts' order when it is not the BOM's (the resolved `jobs` list follows it).
    ...(inventoried.some((j, i) => j !== e.decision.jobs[i]?.job)
      ? { verdictOrder: e.decision.jobs.map((v) => v.job) }
      : {}),
    findings,
  };
}

/** Every `at` of a BOM record as a location tuple (they are all named `at`). */
function compactAt(value: unknown, at: (loc: Json & SourceLocation) => At): unknown {
  if (Array.isArray(value)) return value.map((v) => compactAt(v, at));
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json))
    out[k] = k === 'at' ? at(v as Json & SourceLocation) : compactAt(v, at);
  return out;
}

function jobRecord(
  doc: Json & ReturnType<typeof jobDoc>,
  verdict: JobVerdict | undefined,
  score: ChecklistRefDoc,
  t: Tables,
): Json {
  const { workflow: _workflow, permissions, credentials, uses, runs, gaps, paths, ...rest } = doc;
  void _workflow;
  const gapOf = new Map(paths.map((p) => [`${p.reason} (${p.id})`, p.id]));
  const decided = new Map((verdict?.paths ?? []).map((p) => [p.path.id, p]));
  const ids = paths.map((p) => p.id);
  const known = new Set(ids);
  if ([...decided.keys()].some((id) => !known.has(id)))
    throw new Error(`internal error: job ${doc.job}: a decided path has no BOM record`);
  return {
    ...rest,
    permissions: {
      ...permissions,
      // Only the scopes the token has; every other scope of `permissionScopes` is `none`.
      scopes: Object.fromEntries(
        Object.entries(permissions.scopes).filter(([, v]) => v !== 'none'),
      ),
    },
    credentials: credentials.map((c) => ({ ...c, usedIn: c.usedIn.map((u) => t.texts.of(u)) })),
    // `raw` only when it is not `name@ref`.
    uses: uses.map(({ raw, ...u }) =>
      u.ref !== null && raw === `${u.name}@${u.ref}` ? u : { raw, ...u },
    ),
    // The script itself is the workflow's text at `at` (the evidence pack's bom.json copies it).
    runs: runs.map(({ script: _script, ...r }) => r),
    // A gap that is an opaque path's reason and id is that path (its id); others are texts.
    gaps: gaps.map((g) => gapOf.get(g) ?? t.texts.of(g)),
    paths: paths.map((p) => pathRecord(p, decided.get(p.id), t)),
    checklist: {
      ...score,
      controls: score.controls.map((c) =>
        t.controls.of([
          c.score,
          c.message,
          ...(c.evidence.length > 0 || c.data
            ? [c.evidence.map((x) => t.evidence.of('text' in x ? evidenceText(x) : x))]
            : []),
          ...(c.data ? [c.data] : []),
        ]),
      ),
    },
    ...(verdict
      ? {
          decision: verdict.decision,
          checks: verdict.checks.length,
          // The verdict's paths when they are not the BOM's, in the BOM's order.
          ...(sameList([...decided.keys()], ids) ? {} : { decided: [...decided.keys()] }),
        }
      : {}),
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

type PathDoc = ReturnType<typeof jobDoc>['paths'][number];

/** Text evidence as `[text]`, `[text, line]` or `[text, line, file]`. */
function evidenceText(x: { text: string; line?: number; file?: string }): unknown[] {
  return [
    x.text,
    ...(x.line !== undefined ? [x.line] : []),
    ...(x.file !== undefined ? [x.file] : []),
  ];
}

function pathRecord(p: PathDoc, v: PathVerdict | undefined, t: Tables): Json {
  // The id without what the record already says (`<job>/<class>/<n>`), when it is that.
  const n = p.id.startsWith(`${p.job}/${p.class}/`)
    ? p.id.slice(p.job.length + p.class.length + 2)
    : '';
  return {
    ...(/^[1-9]\d{0,8}$/.test(n) ? { n: Number(n) } : { id: p.id }),
    class: p.class,
    reason: t.texts.of(p.reason),
    at: p.at,
    credentials: t.credentialSets.of(p.credentials),
    ...(p.step !== null ? { step: p.step } : {}),
    ...(p.uses !== null ? { uses: p.uses } : {}),
    ...(p.target !== null ? { target: p.target } : {}),
    ...(p.why !== null ? { why: t.texts.of(p.why) } : {}),
    ...(p.chain !== null
      ? { chain: p.chain.map((l) => t.links.of([l.kind, l.name, ...(l.at as unknown as At)])) }
      : {}),
    ...(v
      ? {
          verdict: t.verdicts.of({
            decision: v.decision,
            rule: v.rule ?? null,
            because: t.texts.of(v.reason),
            ...(v.waivedRules.length > 0 ? { waived: v.waivedRules } : {}),
          }),
        }
      : {}),
  };
}

/**
 * The workflow's findings in the evaluation's order. A path finding is the decided path
 * (`{ job, path }`) when that is exactly what it says — its message, severity and location
 * follow from the path — otherwise, and for every check finding, the finding itself.
 */
function findingRecords(e: Evaluation, at: (loc: SourceLocation) => At, t: Tables): Json[] {
  const byJob = new Map<string, JobVerdict>(e.decision.jobs.map((v) => [v.job, v]));
  return e.decision.findings.map((f) => {
    const ref = f.kind === 'path' ? pathRef(f, byJob.get(f.job ?? '')) : undefined;
    if (ref) return { job: f.job, path: ref };
    return {
      ruleId: f.ruleId,
      kind: f.kind,
      decision: f.decision,
      severity: f.severity,
      confidence: f.confidence,
      message: f.message,
      messageId: f.messageId,
      data: f.data,
      // A path finding's tip depends only on its class and decision (`pathRemediations`).
      remediation: f.kind === 'path' ? undefined : t.texts.of(f.remediation),
      ...(f.workflow !== e.workflow.path ? { workflow: f.workflow } : {}),
      job: f.job,
      class: f.class,
      at: at(f.location),
    };
  });
}

function pathRef(f: Finding, verdict: JobVerdict | undefined): string | undefined {
  if (verdict === undefined || f.workflow !== verdict.workflow) return undefined;
  if (f.confidence !== 'high' || f.messageId !== undefined || f.data !== undefined)
    return undefined;
  const p = verdict.paths.find(
    (x) =>
      x.path.class === f.class &&
      x.decision === f.decision &&
      (x.rule ?? 'policy-default') === f.ruleId &&
      f.severity === pathSeverity(x.decision) &&
      f.message === `${x.path.class}: ${x.path.reason} — ${x.reason}` &&
      sameLocation(x.path.at, f.location),
  );
  return p?.path.id;
}

function sameLocation(a: SourceLocation | undefined, b: SourceLocation): boolean {
  return a !== undefined && a.path === b.path && a.line === b.line && a.column === b.column;
}
