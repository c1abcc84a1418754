#!/usr/bin/env node
/**
 * Figures from a `scan --format json` report (issue 11): the share of ordinary (non-agent)
 * jobs gated, over jobs of workflows triggered by push / pull_request / merge_group, the
 * blocked jobs with why, and the agent jobs gated; for an `--all-triggers` report also the
 * share gated per CI event run (what a push / pull request / merge queue run really sees). Works on reports from before per-trigger
 * scans (jobs[].triggers = every declared trigger) and after (trigger + otherTriggers).
 *
 *   node dist/cli/index.js scan /work/shared/corpus/<each repository> --format json > after.json
 *   node scripts/corpus-figures.mjs after.json [before.json …] [--blocked 40]
 *
 * (the shell glob for every repository is the corpus directory followed by a star and a slash)
 */
import { readFileSync } from 'node:fs';

const CI_EVENTS = new Set(['push', 'pull_request', 'merge_group']);

const args = process.argv.slice(2);
const blockedAt = args.indexOf('--blocked');
const maxBlocked = blockedAt >= 0 ? Number(args[blockedAt + 1]) : 40;
const files = args.filter((a, i) => !a.startsWith('--') && (blockedAt < 0 || i !== blockedAt + 1));
if (files.length === 0) {
  process.stderr.write(
    'usage: node scripts/corpus-figures.mjs <report.json> [...] [--blocked N]\n',
  );
  process.exit(2);
}

for (const file of files) {
  const read = JSON.parse(readFileSync(file, 'utf8'));
  const doc = read.schemaVersion === 2 ? flatten(read) : read;
  if (doc.schemaVersion !== 1 || !Array.isArray(doc.jobs))
    throw new Error(`${file}: not an agent-gate JSON report`);
  const jobs = doc.jobs;
  /** Every trigger the job's workflow declares. */
  const events = (j) =>
    j.trigger !== undefined
      ? [j.trigger, ...(j.otherTriggers ?? []).map((o) => o.event)]
      : (j.triggers ?? []);
  const inCi = jobs.filter((j) => events(j).some((e) => CI_EVENTS.has(e)));
  const ordinary = inCi.filter((j) => (j.agents ?? []).length === 0);
  const gated = ordinary.filter((j) => j.decision !== 'allow');
  const agentJobs = jobs.filter((j) => (j.agents ?? []).length > 0);
  const agentGated = agentJobs.filter((j) => j.decision !== 'allow');
  const blocked = jobs.filter((j) => j.decision === 'blocked');
  const pct = (a, b) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  const out = [
    `${file}`,
    `  jobs: ${jobs.length} in ${new Set(jobs.map((j) => j.workflow)).size} workflows; decision ${doc.decision}`,
    `  ordinary (non-agent) jobs in push/pull_request/merge_group workflows: ${ordinary.length}; gated ${gated.length} (${pct(gated.length, ordinary.length)}), blocked ${ordinary.filter((j) => j.decision === 'blocked').length}`,
    `  agent jobs: ${agentJobs.length}; gated ${agentGated.length} (${pct(agentGated.length, agentJobs.length)})`,
    `  blocked jobs: ${blocked.length}`,
  ];
  for (const j of blocked.slice(0, maxBlocked)) {
    // A verdict names its paths by id; the reason is in the job's BOM record.
    const path = (j.paths ?? []).find((p) => p.decision === 'blocked');
    const record = path && bomJob(doc, j)?.paths?.find((p) => p.id === path.id);
    const why =
      (path && { ...path, reason: path.reason ?? record?.reason }) ??
      (doc.findings ?? []).find(
        (f) => f.decision === 'blocked' && f.job === j.id && f.workflow === j.workflow,
      );
    const text = why
      ? 'class' in why && why.reason
        ? `${why.class}: ${why.reason}${why.rule ? ` [${why.rule}]` : ''}`
        : `${why.ruleId}: ${why.message}`
      : 'no blocking path listed';
    out.push(
      `    ${j.workflow}#${j.id}${j.trigger ? ` (on ${j.trigger})` : ''}: ${text.slice(0, 200)}`,
    );
  }
  if (blocked.length > maxBlocked) out.push(`    … ${blocked.length - maxBlocked} more`);
  // An --all-triggers report has one entry per job and trigger: the runs each CI event sees.
  const perTrigger = jobs.filter((j) => j.trigger !== undefined);
  const keys = new Set(perTrigger.map((j) => `${j.workflow}#${j.id}`));
  if (perTrigger.length > keys.size) {
    for (const event of CI_EVENTS) {
      const runs = perTrigger.filter((j) => j.trigger === event && (j.agents ?? []).length === 0);
      const g = runs.filter((j) => j.decision !== 'allow');
      out.push(
        `  ordinary jobs decided for their ${event} run: ${runs.length}; gated ${g.length} (${pct(g.length, runs.length)})`,
      );
    }
    const ci = perTrigger.filter((j) => CI_EVENTS.has(j.trigger) && (j.agents ?? []).length === 0);
    const g = ci.filter((j) => j.decision !== 'allow');
    out.push(
      `  ordinary job runs on push/pull_request/merge_group, all together: ${ci.length}; gated ${g.length} (${pct(g.length, ci.length)})`,
    );
  }
  if (doc.summary) {
    out.push(
      `  repository default assumed write for ${doc.summary.assumedDefaultPermissions} jobs; ${doc.summary.gatedOnAssumption} gated on it`,
      '  top reasons:',
      ...doc.summary.reasons.slice(0, 10).map((r) => `    ${String(r.jobs).padStart(5)} ${r.text}`),
    );
  }
  process.stdout.write(`${out.join('\n')}\n\n`);
}

/**
 * A schemaVersion 2 report (each fact once: per workflow record, jobs with their verdicts)
 * as the few schemaVersion 1 fields read here: jobs[] with workflow, id, decision, trigger,
 * agents and decided paths (class, decision, rule, reason).
 */
function flatten(doc) {
  const jobs = [];
  for (const w of doc.workflows) {
    for (const j of w.jobs) {
      if (j.decision === undefined) continue;
      const t = w.trigger;
      jobs.push({
        workflow: w.path,
        id: j.job,
        decision: j.decision,
        trigger: t ? (t.jobs[j.job] ?? t.event) : undefined,
        otherTriggers: t?.others,
        triggers: j.triggers,
        agents: j.agents.map((a) => a.id),
        paths: j.paths
          .filter((p) => p.verdict !== undefined)
          .map((p) => {
            const v = w.verdicts[p.verdict];
            return {
              id: p.id,
              class: p.class,
              decision: v.decision,
              rule: v.rule,
              reason: w.texts[p.reason],
            };
          }),
      });
    }
  }
  return { ...doc, schemaVersion: 1, jobs, findings: [], bom: { workflows: [] } };
}

/** The BOM record of a verdict's job. */
function bomJob(doc, job) {
  for (const w of doc.bom?.workflows ?? [])
    for (const r of w.jobs ?? []) if (r.workflow === job.workflow && r.job === job.id) return r;
  return undefined;
}
