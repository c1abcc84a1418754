/**
 * Reading the CLI's JSON report in tests. The report (schemaVersion 2) writes each fact once;
 * `readReport` resolves its references into the full facts (resolve-report.ts: `jobs`,
 * `findings`, `bom.workflows` as schemaVersion 1 had them). A job's verdict still names its
 * agents, credentials and decided paths by id; `withBomFacts` joins them back: agents and
 * credentials become their BOM records, each decided path gets its BOM path's `reason` and
 * `location`.
 */
import { resolveReport } from '../../src/engine/report/resolve-report.js';

/** The report's text (stdout or report.json) with every reference resolved. */
export function readReport(text: string): unknown {
  return resolveReport(JSON.parse(text) as Record<string, unknown>);
}
interface BomFact {
  readonly id: string;
  readonly at: unknown;
}
interface BomJob {
  workflow: string;
  job: string;
  agents: BomFact[];
  credentials: BomFact[];
  paths: (BomFact & { readonly reason: string })[];
}
interface Report {
  jobs: {
    workflow: string;
    id: string;
    agents: unknown[];
    credentials: unknown[];
    paths: { id: string }[];
  }[];
  bom: { workflows: { path: string; jobs: BomJob[] }[] };
}

function pick<T extends BomFact>(facts: readonly T[], id: string, what: string): T {
  const found = facts.find((f) => f.id === id);
  if (!found) throw new Error(`${what} ${id} is not in the BOM`);
  return found;
}

/** The report with each job's ids replaced by (or joined with) their BOM facts. */
export function withBomFacts<T>(input: T): T {
  const raw = input as unknown as Record<string, unknown>;
  const doc = (raw.schemaVersion === 2 ? resolveReport(raw) : input) as T;
  const report = doc as unknown as Partial<Report>;
  if (!report.bom || !report.jobs) return doc;
  const bom = new Map<string, BomJob>();
  for (const w of report.bom.workflows) {
    for (const j of w.jobs) bom.set(`${j.workflow}#${j.job}`, j);
  }
  for (const job of report.jobs) {
    const record = bom.get(`${job.workflow}#${job.id}`);
    if (!record) throw new Error(`job ${job.id} of ${job.workflow} is not in the BOM`);
    job.agents = (job.agents as string[]).map((id) => {
      const agent = pick(record.agents, id, 'agent');
      return { ...agent, location: agent.at };
    });
    job.credentials = (job.credentials as string[]).map((id) =>
      pick(record.credentials, id, 'credential'),
    );
    job.paths = job.paths.map((p) => {
      const fact = pick(record.paths, p.id, 'path');
      return { ...p, reason: fact.reason, location: fact.at };
    });
  }
  return doc;
}
