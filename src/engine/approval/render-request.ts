/**
 * The Markdown of an approval request (PR comment or issue body) and of its closed forms.
 * Everything that comes from the workflow or the event (job ids, step names in reasons,
 * paths, logins) is untrusted: it is escaped for Markdown/HTML, workflow commands are broken
 * up, and `@` never reaches GitHub as a mention (logins are shown in code, without `@`) —
 * except the one line that notifies the approvers the trusted policy names.
 * A hidden marker lets a later run find, reuse or supersede the request.
 */
import { escapeLogText, escapeMarkdown, markdownCode } from '../escape.js';
import { digestPrefix } from './request-digest.js';
import type { ApproverSpec, RequestMarker, RequestSubject, RequestTarget } from './types.js';

export const COMMAND = '/agent-gate';
/** Label of request issues (outside pull requests), so re-runs can find them. */
export const REQUEST_LABEL = 'agent-gate';
/** GitHub rejects bodies over 65,536 characters; paths beyond this are summarised. */
const MAX_PATHS = 100;
const MAX_REASON = 300;
const ANSWER_START = '<!-- agent-gate:answer -->';
const ANSWER_END = '<!-- /agent-gate:answer -->';
const MARKER = /<!-- agent-gate:request v1 ([^<>]*?) -->/;
/** A mention the request may carry: `@login` or `@org/team`, nothing else. */
const MENTION = /^@[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$/;

export interface RenderInput {
  readonly subject: RequestSubject;
  readonly digest: string;
  readonly workflow: string;
  readonly runUrl: string | undefined;
  readonly target: RequestTarget;
  readonly approvers: readonly ApproverSpec[];
  readonly approversSource: 'policy' | 'codeowners';
  readonly minApprovals: number;
  /** RFC 3339: when the gate stops waiting. */
  readonly deadline: string;
  readonly actor: string | undefined;
  readonly triggeringActor: string | undefined;
  /**
   * `@login` / `@org/team` of the approvers to notify: the policy's (or CODEOWNERS') list at
   * the trusted commit, checked as logins by reach.ts — the only `@` this body lets through.
   */
  readonly mentions?: readonly string[];
}

/** Plain text, one line, no mentions: for titles and inside tables. */
export function safeText(text: string): string {
  return noMention(escapeMarkdown(text));
}

/** Untrusted text in code: no mention, no table-cell break. */
export function code(text: string): string {
  return noMention(markdownCode(text)).replace(/\|/g, '&#124;');
}

/** A login or team in code, without `@`: shown, never pinged. */
export function loginCode(login: string): string {
  return code(login.replace(/^@+/, ''));
}

export function approverLabel(spec: ApproverSpec): string {
  return spec.kind === 'user' ? spec.login : `${spec.org}/${spec.slug}`;
}

export function renderMarker(marker: RequestMarker): string {
  const fields = [
    `digest=${marker.digest}`,
    `run=${encodeURIComponent(marker.runId)}/${marker.runAttempt}`,
    `job=${encodeURIComponent(marker.job)}`,
  ];
  if (marker.workflow !== undefined) fields.push(`workflow=${encodeURIComponent(marker.workflow)}`);
  if (marker.state === 'closed') fields.push('state=closed');
  return `<!-- agent-gate:request v1 ${fields.join(' ')} -->`;
}

export function parseMarker(body: string): RequestMarker | undefined {
  const found = MARKER.exec(body);
  if (!found?.[1]) return undefined;
  const fields = new Map<string, string>();
  for (const part of found[1].split(/\s+/)) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const digest = fields.get('digest');
  const run = /^([^/]+)\/(\d+)$/.exec(fields.get('run') ?? '');
  const job = fields.get('job');
  if (!digest || !/^sha256:[0-9a-f]{64}$/.test(digest) || !run || job === undefined) return;
  const decode = (v: string): string | undefined => {
    try {
      return decodeURIComponent(v);
    } catch {
      return undefined;
    }
  };
  const workflow = fields.get('workflow');
  return {
    digest,
    runId: decode(run[1] ?? '') ?? '',
    runAttempt: Number(run[2]),
    job: decode(job) ?? job,
    workflow: workflow === undefined ? undefined : decode(workflow),
    state: fields.get('state') === 'closed' ? 'closed' : 'open',
  };
}

export function renderTitle(input: RenderInput): string {
  const s = input.subject;
  const title = `agent-gate: approval needed for job ${s.job} in ${input.workflow} (run ${s.runId}, attempt ${s.runAttempt})`;
  // Titles are plain text (no Markdown), but still one clean line.
  return escapeLogText(title).slice(0, 250);
}

export function renderRequest(input: RenderInput): string {
  const s = input.subject;
  const prefix = digestPrefix(input.digest);
  const marker = renderMarker({
    digest: input.digest,
    runId: s.runId,
    runAttempt: s.runAttempt,
    job: s.job,
    workflow: input.workflow,
    state: 'open',
  });
  const run = input.runUrl
    ? `[run ${safeText(s.runId)}, attempt ${s.runAttempt}](${safeUrl(input.runUrl)})`
    : `run ${safeText(s.runId)}, attempt ${s.runAttempt}`;
  const shown = s.paths.slice(0, MAX_PATHS);
  const rows = shown.map(
    (p) =>
      `| ${code(p.id)} | ${safeText(p.class)} | ${safeText(clip(p.reason))} | ${code(p.location)} |`,
  );
  const more =
    s.paths.length > shown.length
      ? ['', `…and ${s.paths.length - shown.length} more (all of them are covered by the digest).`]
      : [];
  const who =
    input.approvers.length > 0
      ? input.approvers.map((a) => loginCode(approverLabel(a))).join(', ')
      : '(none)';
  const source =
    input.approversSource === 'codeowners' ? ' (CODEOWNERS of the workflow)' : ' (policy)';
  const excluded = [...new Set([input.actor, input.triggeringActor].filter(isLogin))];
  const review =
    input.target.kind === 'pull-request'
      ? `, or submit an **Approve** review of this pull request at commit ${code(s.headSha)}`
      : '';
  return [
    marker,
    `### ⏸️ agent-gate: approval needed`,
    '',
    `Job ${code(s.job)} of ${code(input.workflow)} (${run}) is waiting for approval of ${s.paths.length} action path${s.paths.length === 1 ? '' : 's'} at commit ${code(s.headSha)}.`,
    '',
    '| Action path | Class | Reason | Where |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...more,
    '',
    `Request digest: ${code(input.digest)} (binds the run and attempt, job, head SHA, BOM and policy).`,
    '',
    ...(input.mentions && input.mentions.length > 0
      ? [`Asking ${input.mentions.filter((m) => MENTION.test(m)).join(' ')} to decide.`, '']
      : []),
    ANSWER_START,
    `**Approvers**${source}: ${who}. Approvals needed: ${input.minApprovals}. ` +
      `Approvers need write access; bots${excluded.length > 0 ? ` and ${excluded.map(loginCode).join(', ')} (who started this run)` : ''} cannot approve. ` +
      `Waiting until ${code(input.deadline)}.`,
    '',
    `To approve, comment exactly (do not edit the comment afterwards)${review}:`,
    '',
    '```',
    `${COMMAND} approve ${prefix}`,
    '```',
    '',
    'To deny:',
    '',
    '```',
    `${COMMAND} deny ${prefix} <reason>`,
    '```',
    ANSWER_END,
  ].join('\n');
}

/**
 * A request that no longer waits: the marker says closed, a banner says why, and the
 * instructions are gone (nobody should answer it any more). Works on any earlier request's
 * body, including one another run posted.
 */
export function renderClosed(body: string, banner: string): string {
  const found = parseMarker(body);
  const marker = found ? renderMarker({ ...found, state: 'closed' }) : '';
  const start = body.indexOf(ANSWER_START);
  const end = body.indexOf(ANSWER_END);
  const withoutAnswer =
    start >= 0 && end > start ? body.slice(0, start) + body.slice(end + ANSWER_END.length) : body;
  const rest = withoutAnswer
    .replace(MARKER, '')
    .replace(/^### ⏸️ agent-gate: approval needed\n?/m, '')
    .trim();
  return [marker, `### agent-gate: ${banner}`, '', rest].join('\n').trimEnd();
}

/** The banner line of a decided or closed request (already-safe Markdown). */
export function outcomeBanner(
  state: 'approved' | 'denied' | 'timed-out' | 'cancelled' | 'error' | 'superseded',
  detail: {
    readonly by?: readonly string[];
    readonly reason?: string;
    readonly at: string;
    readonly link?: string;
  },
): string {
  const by = detail.by && detail.by.length > 0 ? ` by ${detail.by.map(loginCode).join(', ')}` : '';
  const reason = detail.reason ? `: ${safeText(clip(detail.reason))}` : '';
  const at = ` (${safeText(detail.at)})`;
  switch (state) {
    case 'approved':
      return `✅ approved${by}${at}`;
    case 'denied':
      return `⛔ denied${by}${reason}${at}`;
    case 'timed-out':
      return `⌛ timed out — no approval in time${at}; the job failed`;
    case 'cancelled':
      return `✖️ closed — the job was cancelled${at}`;
    case 'error':
      return `⚠️ closed — the gate stopped waiting after an API error${reason}${at}`;
    case 'superseded':
      return `superseded${detail.link ? ` by ${safeUrl(detail.link)}` : ''}${at}; this request no longer waits`;
  }
}

function clip(text: string): string {
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}

/** Breaks `@login` so GitHub does not notify anyone. */
function noMention(text: string): string {
  return text.replace(/@/g, '@\u200b');
}

/** Only http(s) URLs, with nothing that could close the Markdown link. */
function safeUrl(url: string): string {
  return /^https?:\/\/[^\s()<>"'`]+$/.test(url) ? url : '#';
}

function isLogin(value: string | undefined): value is string {
  return typeof value === 'string' && value.length > 0;
}
