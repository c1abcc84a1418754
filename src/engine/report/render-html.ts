/**
 * The assessment report as one self-contained HTML file (`scan --format html`): a summary
 * (decisions, top reasons, agents by kind, credentials by kind, the whole report's
 * action-control graph), a sortable, filterable table of the jobs that need attention, and
 * per repository the Agent Action BOM, its aggregated action-control graph (dagre-laid SVG)
 * and its evidence digests. No network at view time: inline style, script and SVG under a
 * Content-Security-Policy that admits only those; every untrusted string escaped.
 *
 * Built as an accumulator so it can be fed one repository at a time: `begin()`, then
 * `repository()` per repository (each returns its finished section), then `finish()` (the
 * summary and the attention table, placed first on the page by CSS `order`). Between calls
 * it holds counts and the attention rows only, never an evaluation.
 */
import type { Evaluation } from '../evaluate.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { ControlGraph } from './control-graph.js';
import { escapeHtml as h } from '../escape.js';
import { renderGraphSvg } from './graph-svg.js';
import { HTML_CSP, HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import {
  badge,
  bomTable,
  code,
  decisionCell,
  digestTable,
  digestsOf,
  jobsOf,
  reasonKeys,
} from './html-sections.js';
import { summariseReport } from './reason-groups.js';
import { buildReport } from './report.js';
import type { FileError, Report, RepositoryScope } from './report.js';
import { ReportTally } from './report-tally.js';

/** Rows per page of the attention table (with script; without it every row shows). */
export const ATTENTION_PAGE = 50;
/** Repositories whose section starts open (a single-repository report opens it). */
const OPEN_REPOSITORIES = 1;

export interface HtmlRepository {
  readonly scope: RepositoryScope;
  readonly evaluations: readonly Evaluation[];
  /**
   * Files of this repository that could not be evaluated (rules that failed on a job are
   * taken from the evaluations, as buildReport does).
   */
  readonly errors: readonly FileError[];
}

export class HtmlReportWriter {
  private readonly tally = new ReportTally();
  private readonly attention: string[] = [];
  private sections = 0;

  /** The document up to the first repository section. */
  begin(): string {
    return [
      '<!DOCTYPE html>',
      '<html lang="en"><head><meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="referrer" content="no-referrer">',
      `<title>${TOOL_NAME} assessment</title>`,
      `<style>${HTML_STYLE}</style>`,
      '</head><body><main>',
      '<div id="repositories-head"><h2>Repositories</h2>',
      '<div class="controls" id="repo-controls" hidden><input data-role="text" type="search" placeholder="Filter repositories" aria-label="Filter repositories"><button type="button" data-role="open">Open all</button><button type="button" data-role="close">Close all</button></div></div>',
    ].join('\n');
  }

  /** One repository's section (its BOM, graph and digests); its counts join the summary. */
  repository(repo: HtmlRepository): string {
    const n = this.sections++;
    // The root as the user named it; `.` alone would be a speck on the page.
    const shown = repo.scope.root === '.' ? '. (working directory)' : repo.scope.root;
    const report = buildReport(repo.scope.policy, repo.evaluations, repo.errors, [repo.scope]);
    // The file errors and the rules that failed on a job: each one blocks.
    const errors = report.errors;
    const summary = summariseReport(report);
    const inRepo = new Map(repo.scope.workflows.map((w) => [w.path, w.repoPath]));
    const names = (path: string): string => inRepo.get(path) ?? path;
    const graph = new ControlGraph();
    const jobs = jobsOf(repo.evaluations);
    for (const { v, inv } of jobs) graph.addJob(v, inv);
    this.tally.add(summary, repo.evaluations, errors.length, graph);
    for (const { v, inv, e } of jobs) {
      if (v.decision === 'allow') continue;
      const classes = [
        ...new Set(v.paths.filter((p) => p.decision !== 'allow').map((p) => p.path.class)),
      ];
      const trigger = e.trigger ? (e.trigger.jobs[v.job] ?? e.trigger.event) : undefined;
      this.attention.push(
        [
          `<tr data-decision="${v.decision}">`,
          decisionCell(v.decision),
          `<td><a href="#repo-${n}">${h(shown)}</a></td>`,
          `<td>${code(names(v.workflow))}${inv ? `<span class="muted small">:${inv.at.line}</span>` : ''}</td>`,
          `<td>${code(v.job)}</td>`,
          `<td>${trigger !== undefined ? code(trigger) : '—'}</td>`,
          `<td>${(inv?.agents ?? []).map((a) => code(a.id)).join(' ') || '—'}</td>`,
          `<td data-v="${inv?.unattended ? 1 : 0}">${inv?.unattended ? 'yes' : 'no'}</td>`,
          `<td>${classes.map((c) => h(c)).join(', ') || '—'}</td>`,
          `<td class="small">${reasonKeys(v)}</td>`,
          '</tr>',
        ].join(''),
      );
    }
    const svg = graph.empty
      ? undefined
      : renderGraphSvg(graph.folded(), `g${n}`, `Action control of ${repo.scope.root}`);
    const counts = `${summary.jobs} jobs: ${summary.blocked} blocked, ${summary.approvalRequired} approval-required, ${summary.allowed} allowed${errors.length > 0 ? `, ${errors.length} errors (files not evaluated, rules that failed)` : ''}`;
    return [
      `<details class="repo" id="repo-${n}" data-name="${h(repo.scope.root.toLowerCase())}"${n < OPEN_REPOSITORIES ? ' open' : ''}>`,
      `<summary><h2>${h(shown)}</h2> ${badge(report.decision)} <span class="muted">${counts}</span></summary>`,
      `<p class="small">Policy ${repo.scope.policy.sources.map((s) => code(s)).join(' + ')} · ${repo.scope.workflows.length} workflow files</p>`,
      ...errors.map((e) => `<p class="error">⛔ ${h(e.message)}</p>`),
      '<h3>Action control</h3>',
      svg !== undefined
        ? `<div class="graph-wrap">${svg}</div>${LEGEND}`
        : '<p class="muted">No decided job: nothing to draw.</p>',
      '<h3>Agent Action BOM</h3>',
      jobs.length > 0 ? bomTable(repo.evaluations, names) : '<p class="muted">No decided job.</p>',
      '<h3>Evidence digests</h3>',
      digestTable(digestsOf(repo.scope, repo.evaluations, names), repo.scope.policy.sources),
      '</details>',
    ].join('\n');
  }

  /** The summary, the attention table, errors outside any repository, and the end. */
  finish(errors: readonly FileError[] = []): string {
    const t = this.tally;
    const decision =
      t.blocked > 0 || t.errors + errors.length > 0
        ? 'blocked'
        : t.approvalRequired > 0
          ? 'approval-required'
          : 'allow';
    const card = (cls: string, value: number, label: string): string =>
      `<div class="card ${cls}"><b>${value}</b>${label}</div>`;
    const reasons = t.sortedReasons();
    const maxReason = Math.max(1, ...reasons.map((r) => r.jobs));
    const agents = [...t.agents.values()].sort(
      (a, b) => b.jobs - a.jobs || a.id.localeCompare(b.id),
    );
    const credentials = [...t.credentials.values()].sort(
      (a, b) => b.jobs - a.jobs || a.kind.localeCompare(b.kind),
    );
    // One repository: its own section has the same graph.
    const graph =
      t.graph.empty || t.repositories <= 1
        ? undefined
        : renderGraphSvg(t.graph.folded(), 'g-all', 'Action control of every repository');
    return [
      '<section id="summary">',
      `<h1>${TOOL_NAME} assessment ${badge(decision)}</h1>`,
      `<p class="muted">${t.repositories} repositor${t.repositories === 1 ? 'y' : 'ies'} · ${t.jobs} jobs · ${TOOL_NAME} ${TOOL_VERSION}</p>`,
      '<div class="cards">',
      card('blocked', t.blocked, 'blocked'),
      card('approval', t.approvalRequired, 'approval-required'),
      card('allow', t.allowed, 'allowed'),
      card('', t.errors + errors.length, 'errors (files not evaluated, rules that failed)'),
      card('', t.gatedOnAssumption, 'gated on the assumed default token'),
      '</div>',
      ...[...errors].map((e) => `<p class="error">⛔ ${h(e.message)}</p>`),
      '<div class="grid"><div><h3>Top reasons (jobs gated)</h3>',
      reasons.length === 0
        ? '<p class="muted">No job is gated.</p>'
        : `<table class="sortable"><thead><tr><th>Jobs</th><th>Reason</th></tr></thead><tbody>${reasons
            .slice(0, 15)
            .map(
              (r) =>
                `<tr><td class="num" data-v="${r.jobs}"><meter min="0" max="${maxReason}" value="${r.jobs}" aria-hidden="true"></meter> ${r.jobs}</td><td>${h(r.text)}</td></tr>`,
            )
            .join(
              '',
            )}</tbody></table>${reasons.length > 15 ? `<p class="muted small">${reasons.length - 15} more reason groups.</p>` : ''}`,
      '</div><div><h3>Agents by kind</h3>',
      agents.length === 0
        ? '<p class="muted">No AI agent found.</p>'
        : `<table class="sortable"><thead><tr><th>Agent</th><th>Jobs</th><th>Gated</th><th>Repositories</th></tr></thead><tbody>${agents
            .map(
              (a) =>
                `<tr><td>${code(a.id)} <span class="muted small">${h(a.product)}</span></td><td class="num">${a.jobs}</td><td class="num">${a.gated}</td><td class="num">${a.repositories}</td></tr>`,
            )
            .join('')}</tbody></table>`,
      '<h3>Credentials by kind</h3>',
      credentials.length === 0
        ? '<p class="muted">No credential found.</p>'
        : `<table class="sortable"><thead><tr><th>Kind</th><th>Jobs</th><th>Write</th><th>Long-lived</th></tr></thead><tbody>${credentials
            .map(
              (c) =>
                `<tr><td>${code(c.kind)}</td><td class="num">${c.jobs}</td><td class="num">${c.write}</td><td class="num">${c.longLived}</td></tr>`,
            )
            .join('')}</tbody></table>`,
      '</div></div>',
      ...(graph !== undefined
        ? [
            '<h3>Action control, all repositories</h3>',
            `<div class="graph-wrap">${graph}</div>${LEGEND}`,
          ]
        : []),
      '</section>',
      '<section id="attention">',
      `<h2>Jobs that need attention (${this.attention.length})</h2>`,
      this.attention.length === 0
        ? '<p class="muted">None: every decided job is allowed.</p>'
        : [
            `<div class="controls" id="attention-table-controls" hidden><input data-role="text" type="search" placeholder="Filter rows" aria-label="Filter rows"><select data-role="decision" aria-label="Decision"><option value="">any decision</option><option value="blocked">blocked</option><option value="approval-required">approval-required</option></select><button type="button" data-role="prev">Previous</button><button type="button" data-role="next">Next</button><span data-role="info" class="muted"></span></div>`,
            `<div class="scroll"><table class="sortable" id="attention-table" data-page="${ATTENTION_PAGE}"><thead><tr><th>Decision</th><th>Repository</th><th>Workflow</th><th>Job</th><th>Trigger</th><th>Agents</th><th>Unattended</th><th>Classes</th><th>Reasons</th></tr></thead>`,
            `<tbody>${this.sortedAttention().join('\n')}</tbody></table></div>`,
          ].join('\n'),
      '</section>',
      `<footer>Generated by ${TOOL_NAME} ${TOOL_VERSION}. Self-contained: nothing on this page loads from the network. Decisions: blocked &gt; approval-required &gt; allow; files that could not be evaluated count as blocked.</footer>`,
      '</main>',
      `<script>${HTML_SCRIPT}</script>`,
      '</body></html>',
      '',
    ].join('\n');
  }

  /** Blocked rows first, then approval-required, each in the order the repositories came. */
  private sortedAttention(): string[] {
    const blocked = 'data-decision="blocked"';
    return [
      ...this.attention.filter((r) => r.startsWith(`<tr ${blocked}`)),
      ...this.attention.filter((r) => !r.startsWith(`<tr ${blocked}`)),
    ];
  }
}

const LEGEND = `<div class="legend"><span>${badge('blocked')} ${badge('approval-required')} ${badge('allow')}: the most severe decision through a node or edge</span><span>numbers on edges: jobs with that link</span><span>dashed: credentials</span></div>`;

/** The whole report at once: repositories in order, each with its own evaluations. */
export function renderHtml(report: Report): string {
  const writer = new HtmlReportWriter();
  const scopes: RepositoryScope[] =
    report.repositories.length > 0
      ? [...report.repositories]
      : [
          {
            root: '.',
            rootUri: '',
            policy: report.policy,
            workflows: report.evaluations.map((e) => ({
              path: e.workflow.path,
              repoPath: e.workflow.path,
            })),
            category: '',
          },
        ];
  const owner = new Map<string, number>();
  scopes.forEach((s, i) => {
    for (const w of s.workflows) if (!owner.has(w.path)) owner.set(w.path, i);
  });
  const byScope = scopes.map(() => ({
    evaluations: [] as Evaluation[],
    errors: [] as FileError[],
  }));
  const loose: FileError[] = [];
  const unplaced: Evaluation[] = [];
  for (const e of report.evaluations) {
    const i = owner.get(e.workflow.path);
    if (i === undefined) unplaced.push(e);
    else byScope[i]?.evaluations.push(e);
  }
  for (const err of report.errors) {
    // A rule that failed on a job is derived again from its evaluation, per repository.
    if (err.ruleId !== undefined) continue;
    const i = owner.get(err.path);
    if (i === undefined) loose.push(err);
    else byScope[i]?.errors.push(err);
  }
  // An evaluation no repository names still counts: it joins the first repository.
  byScope[0]?.evaluations.push(...unplaced);
  const parts = [writer.begin()];
  scopes.forEach((scope, i) => {
    const own = byScope[i] ?? { evaluations: [], errors: [] };
    parts.push(writer.repository({ scope, ...own }));
  });
  parts.push(writer.finish(loose));
  return parts.join('\n');
}
