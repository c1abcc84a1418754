/**
 * Reading a schemaVersion 2 JSON report back into its full facts: every reference (texts,
 * files, chain links, checklist evidence, permission scopes, a path finding's path) replaced
 * by what it names, in the shape of schemaVersion 1 — per-job verdicts in `jobs`, every
 * finding in `findings` (the most severe first), the BOM records in `bom.workflows`. For
 * programs that want one flat view, and the tests' proof that nothing was lost. Pure.
 */
import { SEVERITY } from '../policy/types.js';
import type { DecisionValue, Finding } from '../policy/types.js';
import { mergeDuplicateFindings } from './merge-findings.js';

type Json = Record<string, unknown>;
type At = readonly [number, number] | readonly [number, number, number];

interface Catalog {
  readonly checklist: { readonly controls: readonly { readonly id: string }[] };
  readonly pathRemediations: unknown;
  readonly pathSeverities: Readonly<Record<string, string>>;
  readonly permissionScopes: readonly string[];
}

interface Record2 {
  readonly path: string;
  readonly name: string | null;
  readonly trigger?: {
    readonly event: string;
    readonly others: unknown[];
    readonly jobs: Record<string, string>;
  };
  readonly files: readonly string[];
  readonly texts: readonly string[];
  readonly links: readonly unknown[][];
  readonly evidence: readonly unknown[];
  readonly controls: readonly unknown[][];
  readonly credentialSets: readonly string[][];
  readonly verdicts: readonly Json[];
  readonly jobs: readonly Json[];
  readonly verdictOrder?: readonly string[];
  readonly findings: readonly Json[];
}

export function resolveReport(doc: Json): Json {
  if (doc.schemaVersion !== 2) throw new Error('not a schemaVersion 2 agent-gate report');
  const catalog = doc.catalog as Catalog;
  const jobs: Json[] = [];
  const findings: { f: Json; i: number }[] = [];
  const bom: Json[] = [];
  for (const w of doc.workflows as Record2[]) {
    const r = resolveWorkflow(w, catalog);
    jobs.push(...r.jobs);
    for (const f of r.findings) findings.push({ f, i: findings.length });
    bom.push(r.bom);
  }
  const rank = (f: Json): number => SEVERITY[f.decision as DecisionValue] ?? 0;
  return {
    schemaVersion: 1,
    tool: doc.tool,
    ...(doc.shard !== undefined ? { shard: doc.shard } : {}),
    decision: doc.decision,
    policy: doc.policy,
    repositories: doc.repositories,
    reasons: doc.reasons,
    summary: doc.summary,
    errors: doc.errors,
    jobs,
    // A detection hit read through several chains is one finding (merge-findings.ts).
    findings: mergeDuplicateFindings(
      findings
        .sort((a, b) => rank(b.f) - rank(a.f) || a.i - b.i)
        .map((x) => x.f) as unknown as Finding[],
    ),
    pathRemediations: catalog.pathRemediations,
    checklist: catalog.checklist,
    waivers: doc.waivers,
    bom: { workflows: bom },
  };
}

function resolveWorkflow(
  w: Record2,
  catalog: Catalog,
): { jobs: Json[]; findings: Json[]; bom: Json } {
  const text = (i: unknown): string => {
    const t = w.texts[i as number];
    if (t === undefined) throw new Error(`${w.path}: text ${String(i)} is not in the table`);
    return t;
  };
  const loc = (at: unknown): Json => {
    const [line, column, file] = at as At;
    const path = file === undefined ? w.path : w.files[file];
    if (path === undefined) throw new Error(`${w.path}: file ${String(file)} is not in the table`);
    return { path, line, column };
  };
  const full = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(full);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value as Json).map(([k, v]) => [k, k === 'at' ? loc(v) : full(v)]),
    );
  };
  const bomJobs: Json[] = [];
  const verdicts = new Map<string, Json>();
  for (const j of w.jobs) {
    const { decision, checks, decided, checklist, ...facts } = j as Json & {
      checklist: Json & { controls: number[] };
      decided?: string[];
    };
    const record = full(facts) as Json & {
      job: string;
      name: string | null;
      paths: Json[];
      permissions: Json & { scopes: Record<string, string> };
      credentials: (Json & { usedIn: number[] })[];
      runs: Json[];
      gaps: unknown[];
      agents: { id: string }[];
      workflowRole: unknown;
    };
    const paths = (facts.paths as Json[]).map((p, i) => ({
      raw: p,
      full: record.paths[i] as Json,
      id: (p.id as string | undefined) ?? `${record.job}/${String(p.class)}/${String(p.n)}`,
    }));
    const scopes = Object.fromEntries(
      catalog.permissionScopes.map((s) => [s, record.permissions.scopes[s] ?? 'none']),
    );
    const bomPaths = paths.map(({ raw, full: p, id }) => ({
      id,
      job: record.job,
      class: p.class,
      reason: text(raw.reason),
      at: p.at,
      credentials: pick(w.credentialSets, p.credentials, 'credential set'),
      step: p.step ?? null,
      uses: p.uses ?? null,
      target: p.target ?? null,
      why: raw.why === undefined ? null : text(raw.why),
      chain:
        raw.chain === undefined
          ? null
          : (raw.chain as number[]).map((k) => {
              const [kind, name, ...at] = pick(w.links, k, 'link');
              return { kind, name, at: loc(at) };
            }),
    }));
    const controls = checklist.controls.map((k, i) => {
      const c = pick(w.controls, k, 'control');
      const [score, message, evidence, data] = c as [unknown, string, number[]?, Json?];
      return {
        id: catalog.checklist.controls[i]?.id,
        score,
        message,
        ...(data ? { data } : {}),
        evidence: (evidence ?? []).map((k) => {
          const x = pick(w.evidence, k, 'evidence');
          if (!Array.isArray(x)) return x;
          const [text, line, file] = x as [string, number?, string?];
          return {
            text,
            ...(file !== undefined ? { file } : {}),
            ...(line !== undefined ? { line } : {}),
          };
        }),
      };
    });
    const bomRecord: Json = {
      workflow: w.path,
      ...record,
      permissions: { ...record.permissions, scopes },
      credentials: record.credentials.map((c) => ({ ...c, usedIn: c.usedIn.map(text) })),
      uses: (record.uses as Json[]).map(({ raw, ...u }) => ({
        raw: raw ?? `${String(u.name)}@${String(u.ref)}`,
        ...u,
      })),
      runs: record.runs.map((r) => ({ ...r, script: null })),
      gaps: record.gaps.map((g) => {
        if (typeof g !== 'string') return text(g);
        const p = paths.find((x) => x.id === g);
        if (!p) throw new Error(`${w.path}: gap names path ${g}, not in the BOM`);
        return `${text(p.raw.reason)} (${g})`;
      }),
      paths: bomPaths,
      checklist: { ...checklist, controls },
    };
    bomJobs.push(bomRecord);
    if (decision === undefined) continue;
    const order = decided ?? paths.map((p) => p.id);
    const byId = new Map(paths.map((p, i) => [p.id, { ...p, bom: bomPaths[i]! }]));
    const trigger = w.trigger;
    verdicts.set(record.job, {
      workflow: w.path,
      trigger: trigger ? (trigger.jobs[record.job] ?? trigger.event) : undefined,
      otherTriggers: trigger?.others,
      id: record.job,
      name: record.name ?? undefined,
      decision,
      checks,
      checklist: {
        total: checklist.total,
        outOf: 20,
        observed: checklist.observed,
        band: checklist.band,
      },
      triggers: record.triggers,
      unattended: record.unattended,
      agents: record.agents.map((a) => a.id),
      role: record.workflowRole ?? undefined,
      classes: record.classes,
      credentials: record.credentials.map((c) => c.id),
      paths: order.map((id) => {
        const p = byId.get(id);
        if (!p) throw new Error(`${w.path}: decided path ${id} is not in the BOM`);
        const v = pick(w.verdicts, p.raw.verdict, 'verdict');
        return {
          id,
          class: p.full.class,
          decision: v.decision,
          rule: v.rule,
          because: text(v.because),
          waived: v.waived ?? [],
        };
      }),
    });
  }
  const order = w.verdictOrder ?? [...verdicts.keys()];
  const jobs = order.map((id) => verdicts.get(id) as Json);
  const findings = w.findings.map((f) => resolveFinding(f, w, verdicts, bomJobs, catalog, loc));
  return {
    jobs: JSON.parse(JSON.stringify(jobs)) as Json[],
    findings,
    bom: { path: w.path, name: w.name, trigger: w.trigger, jobs: bomJobs },
  };
}

function pick<T>(table: readonly T[], k: unknown, what: string): T {
  const value = table[k as number];
  if (value === undefined) throw new Error(`${what} ${String(k)} is not in the table`);
  return value;
}

function resolveFinding(
  f: Json,
  w: Record2,
  verdicts: Map<string, Json>,
  bomJobs: readonly Json[],
  catalog: Catalog,
  loc: (at: unknown) => Json,
): Json {
  if (typeof f.path !== 'string') {
    const { at, workflow, remediation, ...rest } = f;
    const tip = remediation === undefined ? undefined : w.texts[remediation as number];
    return JSON.parse(
      JSON.stringify({
        ...rest,
        remediation: tip,
        workflow: workflow ?? w.path,
        location: loc(at),
      }),
    ) as Json;
  }
  const verdict = verdicts.get(f.job as string) as { paths: Json[] } | undefined;
  const decided = verdict?.paths.find((p) => p.id === f.path);
  const record = bomJobs.find((j) => j.job === f.job) as { paths: Json[] } | undefined;
  const fact = record?.paths.find((p) => p.id === f.path);
  if (!decided || !fact) throw new Error(`${w.path}: finding names path ${String(f.path)}`);
  const decision = decided.decision as string;
  return {
    ruleId: decided.rule ?? 'policy-default',
    kind: 'path',
    decision,
    severity: catalog.pathSeverities[decision],
    confidence: 'high',
    message: `${String(fact.class)}: ${String(fact.reason)} — ${String(decided.because)}`,
    workflow: w.path,
    job: f.job,
    class: fact.class,
    location: fact.at,
  };
}
