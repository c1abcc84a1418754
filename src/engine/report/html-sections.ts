/**
 * Pieces of the HTML report drawn from one repository's evaluations: the Agent Action BOM
 * table (one row per decided job, in the shape DESIGN.md §4 gives a reviewer), a gated job's
 * reasons, and the evidence digests. Every untrusted string goes through `h` (escapeHtml).
 */
import { createHash } from 'node:crypto';
import type { SourceLocation } from '../errors.js';
import type { Evaluation } from '../evaluate.js';
import { bomWorkflows } from '../evidence/bom.js';
import type { JobInventory } from '../inventory/types.js';
import type { DecisionValue, JobVerdict } from '../policy/types.js';
import { SEVERITY } from '../policy/types.js';
import { escapeHtml as h } from '../escape.js';
import type { RepositoryScope } from './report.js';

const BADGE_CLASS: Readonly<Record<DecisionValue, string>> = {
  allow: 'allow',
  'approval-required': 'approval',
  blocked: 'blocked',
};

/** A decision badge; `data-v` sorts by severity. */
export function badge(d: DecisionValue): string {
  return `<span class="badge ${BADGE_CLASS[d]}">${d}</span>`;
}

export function decisionCell(d: DecisionValue, extra = ''): string {
  return `<td data-v="${SEVERITY[d]}">${badge(d)}${extra}</td>`;
}

export const code = (text: string): string => `<code>${h(text)}</code>`;

const list = (items: readonly string[], empty = '—'): string =>
  items.length === 0
    ? `<span class="muted">${empty}</span>`
    : items.length === 1
      ? (items[0] ?? '')
      : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;

/** How paths are shown: a workflow's path inside its repository (the scan's own path otherwise). */
export type PathNames = (path: string) => string;

/** Reasons shown per job; the rest are counted (every one is in `--format json`). */
export const MAX_JOB_REASONS = 8;

/** A location: `line:column` inside the job's own workflow, else with the file's path. */
function at(loc: SourceLocation, workflow: string, names: PathNames): string {
  return loc.path === workflow
    ? `${loc.line}:${loc.column}`
    : `${names(loc.path)}:${loc.line}:${loc.column}`;
}

/** Why a job is gated, one line per path or check that is not allowed (already escaped). */
export function gatedReasons(v: JobVerdict, names: PathNames): string[] {
  const out: string[] = [];
  for (const p of v.paths) {
    if (p.decision === 'allow') continue;
    out.push(
      `${badge(p.decision)} <b>${h(p.path.class)}</b>${p.rule ? ` <span class="muted">[${h(p.rule)}]</span>` : ''}: ${h(p.path.reason)} <span class="muted">(${h(at(p.path.at, v.workflow, names))})</span>`,
    );
  }
  for (const f of v.checks) {
    if (f.decision === 'allow') continue;
    out.push(
      `${badge(f.decision)} <b>${h(f.ruleId)}</b>: ${h(f.message)} <span class="muted">(${h(at(f.location, v.workflow, names))})</span>`,
    );
  }
  if (out.length <= MAX_JOB_REASONS) return out;
  return [
    ...out.slice(0, MAX_JOB_REASONS),
    `<span class="muted">${out.length - MAX_JOB_REASONS} more (every reason is in <code>--format json</code>)</span>`,
  ];
}

/** The gated job's reasons in one short line: each class or check that gates it, once. */
export function reasonKeys(v: JobVerdict): string {
  const keys = new Map<string, DecisionValue>();
  for (const p of v.paths)
    if (p.decision !== 'allow') {
      const key = `${p.path.class}${p.rule ? ` [${p.rule}]` : ''}`;
      if (SEVERITY[p.decision] > SEVERITY[keys.get(key) ?? 'allow']) keys.set(key, p.decision);
    }
  for (const f of v.checks)
    if (f.decision !== 'allow' && SEVERITY[f.decision] > SEVERITY[keys.get(f.ruleId) ?? 'allow'])
      keys.set(f.ruleId, f.decision);
  return [...keys]
    .sort(([a, x], [b, y]) => SEVERITY[y] - SEVERITY[x] || a.localeCompare(b))
    .map(([key, d]) => `<span class="${d === 'blocked' ? 'error' : ''}">${h(key)}</span>`)
    .join(', ');
}

/** The job's inventory record next to its verdict (the same lookup every renderer does). */
export function jobsOf(
  evaluations: readonly Evaluation[],
): { e: Evaluation; v: JobVerdict; inv: JobInventory | undefined }[] {
  return evaluations.flatMap((e) =>
    e.decision.jobs.map((v) => ({ e, v, inv: e.inventory.find((i) => i.job === v.job) })),
  );
}

/** The Agent Action BOM of one repository: one row per decided job. */
export function bomTable(evaluations: readonly Evaluation[], names: PathNames): string {
  const rows = jobsOf(evaluations).map(({ e, v, inv }) => bomRow(e, v, inv, names));
  return [
    '<div class="scroll"><table class="sortable bom">',
    '<thead><tr><th>Workflow · job</th><th>Owner</th><th>Trigger &amp; actor</th><th>Agents</th><th>Credentials</th><th>Permissions</th><th>Classes</th><th>Tools · targets</th><th>Decision · reasons</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table></div>`,
  ].join('');
}

function bomRow(
  e: Evaluation,
  v: JobVerdict,
  inv: JobInventory | undefined,
  names: PathNames,
): string {
  const name =
    inv?.name !== undefined && inv.name !== v.job
      ? ` <span class="muted">· ${h(inv.name)}</span>`
      : '';
  const where = inv ? ` <span class="muted small">line ${inv.at.line}</span>` : '';
  const trigger = e.trigger ? (e.trigger.jobs[v.job] ?? e.trigger.event) : undefined;
  const triggers = [
    ...(trigger !== undefined
      ? [`on ${code(trigger)}`]
      : (inv?.triggers ?? []).map((t) => code(t))),
    ...(inv?.actor !== undefined ? [`actor ${code(inv.actor)}`] : []),
    ...(inv?.unattended ? [`<b>unattended</b>: ${h(inv.unattendedReasons.join('; '))}`] : []),
  ];
  const agents = (inv?.agents ?? []).map((a) => {
    const knobs = [
      a.mode !== undefined ? `mode ${h(a.mode)}` : undefined,
      a.unrestrictedShell ? '<b>unrestricted shell</b>' : undefined,
      a.permissionsBypassed ? '<b>permissions bypassed</b>' : undefined,
      ...a.settings.filter((s) => s.risky).map((s) => `${h(s.name)}: ${h(s.reason)}`),
    ].filter((k): k is string => k !== undefined);
    return `${code(`${a.id}${a.ref ? `@${a.ref.slice(0, 12)}` : ''}`)}${knobs.length > 0 ? ` <span class="small">(${knobs.join('; ')})</span>` : ''}`;
  });
  const credentials = credentialGroups(inv);
  const perms = inv?.permissions;
  const scopes = Object.entries(perms?.scopes ?? {})
    .filter(([, lvl]) => lvl !== 'none')
    .map(([k, lvl]) => `${h(k)}: ${h(String(lvl))}`);
  const permissions = perms
    ? `<span class="small">${h(perms.source)}${perms.assumed ? ' <b>(default assumed write)</b>' : ''}${perms.downgrade ? ` — ${h(perms.downgrade)}` : ''}</span><br><span class="mono">${scopes.join(', ') || 'none'}</span>`
    : '—';
  const reach = [
    ...(inv?.tools ?? []).map(
      (t) => `tool ${code(t.name)}${t.remote ? ' <span class="small">remote</span>' : ''}`,
    ),
    ...(inv?.targets ?? []).map((t) => code(t)),
  ];
  const reasons = gatedReasons(v, names);
  const owner = inv?.owner
    ? inv.owner.owners.map((o) => code(o)).join(' ') || '—'
    : '<span class="muted">none</span>';
  return [
    `<tr data-decision="${v.decision}">`,
    `<td>${code(names(v.workflow))}<br>job ${code(v.job)}${name}${where}</td>`,
    `<td>${owner}</td>`,
    `<td class="small">${list(triggers)}</td>`,
    `<td>${list(agents, 'none')}</td>`,
    `<td>${list(credentials, 'none')}</td>`,
    `<td>${permissions}</td>`,
    `<td class="small">${(inv?.classes ?? []).map((c) => h(c)).join(', ') || '—'}</td>`,
    `<td class="small">${list(reach)}</td>`,
    decisionCell(v.decision, reasons.length > 0 ? `<div class="small">${list(reasons)}</div>` : ''),
    '</tr>',
  ].join('');
}

/** Credentials grouped by kind and reach: `static-secret (long-lived, broad, write): A, B`. */
function credentialGroups(inv: JobInventory | undefined): string[] {
  const groups = new Map<string, string[]>();
  for (const c of inv?.credentials ?? []) {
    const key = `<b>${h(c.kind)}</b> <span class="muted small">(${h(c.lifetime)}, ${h(c.scope)}${c.write ? ', write' : ''})</span>`;
    groups.set(key, [...(groups.get(key) ?? []), code(c.name)]);
  }
  return [...groups].map(([key, names]) => `${key}: ${names.join(' ')}`);
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The evidence digests of one repository: its policy's digest and, per decided workflow
 * (named by its path in the repository), the SHA-256 of its BOM record as the evidence pack's
 * bom.json writes it — a fingerprint of the authority found there (locations as scanned
 * included: a re-scan from the same place with the same digest found the same authority) —
 * plus one digest over them all (`<path>\0<hex>\n` lines, sorted).
 */
export function digestsOf(
  scope: RepositoryScope,
  evaluations: readonly Evaluation[],
  names: PathNames,
): {
  policy: string;
  bom: string;
  workflows: { path: string; event: string | undefined; sha256: string }[];
} {
  const docs = bomWorkflows(evaluations);
  const workflows = evaluations.map((e, i) => ({
    path: names(e.workflow.path),
    event: e.trigger?.event,
    sha256: sha256(`${JSON.stringify(docs[i], null, 2)}\n`),
  }));
  const lines = workflows
    .map((w) => `${w.path}${w.event ? ` (${w.event})` : ''}\0${w.sha256}\n`)
    .sort();
  return { policy: scope.policy.digest, bom: `sha256:${sha256(lines.join(''))}`, workflows };
}

export function digestTable(
  digests: ReturnType<typeof digestsOf>,
  sources: readonly string[],
): string {
  return [
    '<table class="digests">',
    '<thead><tr><th>What</th><th>SHA-256</th></tr></thead><tbody>',
    `<tr><td>policy ${sources.map((s) => code(s)).join(' + ')}</td><td class="mono">${h(digests.policy)}</td></tr>`,
    `<tr><td><b>BOM of the repository</b> (over the workflows below)</td><td class="mono">${h(digests.bom)}</td></tr>`,
    ...digests.workflows.map(
      (w) =>
        `<tr><td>BOM record ${code(w.path)}${w.event ? ` <span class="muted">on ${h(w.event)}</span>` : ''}</td><td class="mono">${w.sha256}</td></tr>`,
    ),
    '</tbody></table>',
  ].join('');
}
