export const id = 469;
export const ids = [469];
export const modules = {

/***/ 58469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  recordMode: () => (/* binding */ recordMode),
  waitMode: () => (/* binding */ waitMode)
});

// UNUSED EXPORTS: bomDigest, requestPaths

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/evidence/bom.ts
var bom = __webpack_require__(19719);
// EXTERNAL MODULE: ./src/inventory/codeowners.ts
var codeowners = __webpack_require__(38403);
// EXTERNAL MODULE: ./src/report/report.ts
var report_report = __webpack_require__(88850);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
;// CONCATENATED MODULE: ./src/approval/request-digest.ts
/**
 * The request digest: what an approval is bound to. SHA-256 over a canonical JSON (object
 * keys sorted, no whitespace) of the run, attempt, job, head SHA, BOM digest, policy digest
 * and the approval-required paths (sorted by id). A re-run, a push, a policy change or a
 * different set of paths gives a different digest, so an approval never carries over.
 */

/** Hex digits of the digest an approve / deny command must name. */
const PREFIX_LENGTH = 12;
/** JSON with object keys sorted at every level; arrays keep their order. */
function canonicalJson(value) {
    if (value === null || typeof value !== 'object') {
        if (value === undefined)
            return 'null';
        return JSON.stringify(value);
    }
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    const entries = Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
/** `sha256:<64 hex>` */
function requestDigest(subject) {
    const canonical = canonicalJson({
        repository: subject.repository,
        runId: String(subject.runId),
        runAttempt: subject.runAttempt,
        job: subject.job,
        headSha: subject.headSha.toLowerCase(),
        bomDigest: subject.bomDigest,
        policyDigest: subject.policyDigest,
        paths: [...subject.paths]
            .map((p) => ({ id: p.id, class: p.class, reason: p.reason, location: p.location }))
            .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    });
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(canonical, 'utf8').digest('hex')}`;
}
/** The first {@link PREFIX_LENGTH} hex digits: what approvers type. */
function digestPrefix(digest) {
    return digest.replace(/^sha256:/, '').slice(0, PREFIX_LENGTH);
}

;// CONCATENATED MODULE: ./src/approval/render-request.ts
/**
 * The Markdown of an approval request (PR comment or issue body) and of its closed forms.
 * Everything that comes from the workflow or the event (job ids, step names in reasons,
 * paths, logins) is untrusted: it is escaped for Markdown/HTML, workflow commands are broken
 * up, and `@` never reaches GitHub as a mention (logins are shown in code, without `@`).
 * A hidden marker lets a later run find, reuse or supersede the request.
 */


const COMMAND = '/agent-gate';
/** Label of request issues (outside pull requests), so re-runs can find them. */
const REQUEST_LABEL = 'agent-gate';
/** GitHub rejects bodies over 65,536 characters; paths beyond this are summarised. */
const MAX_PATHS = 100;
const MAX_REASON = 300;
const ANSWER_START = '<!-- agent-gate:answer -->';
const ANSWER_END = '<!-- /agent-gate:answer -->';
const MARKER = /<!-- agent-gate:request v1 ([^<>]*?) -->/;
/** Plain text, one line, no mentions: for titles and inside tables. */
function safeText(text) {
    return noMention((0,report_escape/* escapeMarkdown */.FV)(text));
}
/** Untrusted text in code: no mention, no table-cell break. */
function code(text) {
    return noMention((0,report_escape/* markdownCode */.D9)(text)).replace(/\|/g, '&#124;');
}
/** A login or team in code, without `@`: shown, never pinged. */
function loginCode(login) {
    return code(login.replace(/^@+/, ''));
}
function approverLabel(spec) {
    return spec.kind === 'user' ? spec.login : `${spec.org}/${spec.slug}`;
}
function renderMarker(marker) {
    const fields = [
        `digest=${marker.digest}`,
        `run=${encodeURIComponent(marker.runId)}/${marker.runAttempt}`,
        `job=${encodeURIComponent(marker.job)}`,
    ];
    if (marker.workflow !== undefined)
        fields.push(`workflow=${encodeURIComponent(marker.workflow)}`);
    if (marker.state === 'closed')
        fields.push('state=closed');
    return `<!-- agent-gate:request v1 ${fields.join(' ')} -->`;
}
function parseMarker(body) {
    const found = MARKER.exec(body);
    if (!found?.[1])
        return undefined;
    const fields = new Map();
    for (const part of found[1].split(/\s+/)) {
        const eq = part.indexOf('=');
        if (eq > 0)
            fields.set(part.slice(0, eq), part.slice(eq + 1));
    }
    const digest = fields.get('digest');
    const run = /^([^/]+)\/(\d+)$/.exec(fields.get('run') ?? '');
    const job = fields.get('job');
    if (!digest || !/^sha256:[0-9a-f]{64}$/.test(digest) || !run || job === undefined)
        return;
    const decode = (v) => {
        try {
            return decodeURIComponent(v);
        }
        catch {
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
function renderTitle(input) {
    const s = input.subject;
    const title = `agent-gate: approval needed for job ${s.job} in ${input.workflow} (run ${s.runId}, attempt ${s.runAttempt})`;
    // Titles are plain text (no Markdown), but still one clean line.
    return (0,report_escape/* escapeLogText */.dD)(title).slice(0, 250);
}
function renderRequest(input) {
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
    const rows = shown.map((p) => `| ${code(p.id)} | ${safeText(p.class)} | ${safeText(clip(p.reason))} | ${code(p.location)} |`);
    const more = s.paths.length > shown.length
        ? ['', `…and ${s.paths.length - shown.length} more (all of them are covered by the digest).`]
        : [];
    const who = input.approvers.length > 0
        ? input.approvers.map((a) => loginCode(approverLabel(a))).join(', ')
        : '(none)';
    const source = input.approversSource === 'codeowners' ? ' (CODEOWNERS of the workflow)' : ' (policy)';
    const excluded = [...new Set([input.actor, input.triggeringActor].filter(isLogin))];
    const review = input.target.kind === 'pull-request'
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
function renderClosed(body, banner) {
    const found = parseMarker(body);
    const marker = found ? renderMarker({ ...found, state: 'closed' }) : '';
    const start = body.indexOf(ANSWER_START);
    const end = body.indexOf(ANSWER_END);
    const withoutAnswer = start >= 0 && end > start ? body.slice(0, start) + body.slice(end + ANSWER_END.length) : body;
    const rest = withoutAnswer
        .replace(MARKER, '')
        .replace(/^### ⏸️ agent-gate: approval needed\n?/m, '')
        .trim();
    return [marker, `### agent-gate: ${banner}`, '', rest].join('\n').trimEnd();
}
/** The banner line of a decided or closed request (already-safe Markdown). */
function outcomeBanner(state, detail) {
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
function clip(text) {
    return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}
/** Breaks `@login` so GitHub does not notify anyone. */
function noMention(text) {
    return text.replace(/@/g, '@\u200b');
}
/** Only http(s) URLs, with nothing that could close the Markdown link. */
function safeUrl(url) {
    return /^https?:\/\/[^\s()<>"'`]+$/.test(url) ? url : '#';
}
function isLogin(value) {
    return typeof value === 'string' && value.length > 0;
}

;// CONCATENATED MODULE: ./src/approval/judge.ts
/**
 * Who approved, who denied, and what does not count. Pure: the request, the approval
 * settings, what the API said about candidate logins, and the observed reviews and
 * comments in; a judgement out. Every answer that looks like an approval or a denial but
 * fails a rule is listed in `ignored` with the reason.
 *
 * An approval counts only if it comes from an authorized approver (listed user, active
 * member of a listed team, or CODEOWNER when no list is given; collaborator permission at
 * least write), a human, not the actor or the triggering actor, given after the request,
 * and either a PR review APPROVED at the request's head SHA (the reviewer's latest review)
 * or an unedited comment that is exactly `/agent-gate approve <digest prefix>` for this
 * request. A deny from an authorized approver (same rules; starting the run does not
 * matter for a deny) ends the wait. Distinct logins are counted against min-approvals.
 */


const WRITE = new Set(['admin', 'maintain', 'write']);
/** Review states that change what a reviewer thinks; COMMENTED and PENDING do not. */
const DECISIVE = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);
/**
 * Parses `approval.approvers` / CODEOWNERS owners: `user`, `@user`, `org/team`, `@org/team`.
 * Emails (CODEOWNERS allows them) cannot be matched to a login and are skipped.
 */
function parseApprovers(list) {
    const specs = [];
    const skipped = [];
    const seen = new Set();
    for (const raw of list) {
        const entry = raw.trim().replace(/^@/, '');
        const team = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9_.-]+)$/.exec(entry);
        const user = /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(entry);
        const spec = team
            ? { kind: 'team', org: team[1] ?? '', slug: (team[2] ?? '').toLowerCase() }
            : user
                ? { kind: 'user', login: entry }
                : undefined;
        if (!spec) {
            skipped.push(raw);
            continue;
        }
        const key = approverLabel(spec).toLowerCase();
        if (!seen.has(key))
            specs.push(spec);
        seen.add(key);
    }
    return { specs, skipped };
}
/**
 * An answer command: the whole comment (trimmed) is `/agent-gate approve <hex>` or
 * `/agent-gate deny <hex> [reason]`, with at least 12 hex digits of the digest.
 * Undefined when the comment is not addressed to agent-gate at all.
 */
function parseCommand(body) {
    const text = body.replace(/\r\n?/g, '\n').trim();
    if (!text.startsWith(COMMAND))
        return undefined;
    const approve = /^\/agent-gate approve (?:sha256:)?([0-9a-fA-F]+)$/.exec(text);
    const deny = /^\/agent-gate deny (?:sha256:)?([0-9a-fA-F]+)(?:[ \n]+([\s\S]*))?$/.exec(text);
    const found = approve ?? deny;
    if (!found)
        return { invalid: `not an exact \`${COMMAND} approve|deny <digest prefix>\` command` };
    const digest = (found[1] ?? '').toLowerCase();
    if (digest.length < PREFIX_LENGTH || digest.length > 64)
        return { invalid: `the digest prefix must have ${PREFIX_LENGTH} to 64 hex digits` };
    if (approve)
        return { verb: 'approve', digest };
    const reason = deny?.[2]?.trim();
    return { verb: 'deny', digest, ...(reason ? { reason } : {}) };
}
function isBot(user) {
    return user.type === 'Bot' || /\[bot\]$/i.test(user.login);
}
/** What still has to be asked about a login, in order; undefined when its facts suffice. */
function nextFact(login, approvers, facts) {
    const listed = approvers.some((a) => a.kind === 'user' && a.login.toLowerCase() === login.toLowerCase());
    if (!listed) {
        const teams = approvers.filter((a) => a.kind === 'team');
        const known = facts?.teams ?? {};
        if (!teams.some((t) => known[teamKey(t)] === 'active')) {
            // Ask team by team, stopping at the first active membership.
            const next = teams.find((t) => known[teamKey(t)] === undefined);
            return next ? { kind: 'team', org: next.org, slug: next.slug } : undefined;
        }
    }
    return facts?.permission === undefined ? { kind: 'permission' } : undefined;
}
function authorize(login, approvers, facts) {
    const lower = login.toLowerCase();
    const listed = approvers.some((a) => a.kind === 'user' && a.login.toLowerCase() === lower);
    let via = 'listed approver';
    if (!listed) {
        const teams = approvers.filter((a) => a.kind === 'team');
        if (teams.length === 0)
            return { status: 'no', why: 'not an approver' };
        const known = facts?.teams ?? {};
        const active = teams.find((t) => known[teamKey(t)] === 'active');
        if (!active) {
            if (teams.some((t) => known[teamKey(t)] === undefined))
                return { status: 'unresolved' };
            const unknown = teams.filter((t) => known[teamKey(t)] === 'unknown');
            const pending = teams.filter((t) => known[teamKey(t)] === 'pending');
            const names = (ts) => ts.map(teamKey).join(', ');
            if (unknown.length > 0)
                return {
                    status: 'no',
                    why: `not an approver, and membership of ${names(unknown)} could not be read (the token needs organization Members: read)`,
                };
            return {
                status: 'no',
                why: pending.length > 0
                    ? `membership of ${names(pending)} is pending, not active`
                    : `not an approver nor an active member of ${names(teams)}`,
            };
        }
        via = `active member of ${teamKey(active)}`;
    }
    const permission = facts?.permission;
    if (permission === undefined)
        return { status: 'unresolved' };
    if (!WRITE.has(permission))
        return {
            status: 'no',
            why: permission === 'unknown'
                ? 'repository permission could not be read'
                : `repository permission is ${permission}; write or higher is needed`,
        };
    return { status: 'yes', via };
}
function judge(input) {
    const { request } = input;
    const requestedAt = Date.parse(request.createdAt);
    const starters = new Set([request.actor, request.triggeringActor, request.author]
        .filter((l) => typeof l === 'string' && l.length > 0)
        .map((l) => l.toLowerCase()));
    const digestHex = request.digest.replace(/^sha256:/, '').toLowerCase();
    const approvals = new Map();
    const denials = [];
    const ignored = [];
    const unresolved = new Set();
    const check = (user, verb, url) => {
        const login = user.login;
        if (verb === 'approve' && starters.has(login.toLowerCase())) {
            ignored.push({
                login,
                why: 'started this run (actor or triggering actor) or wrote the pull request: self-approval',
                url,
            });
            return { ok: false };
        }
        const auth = authorize(login, input.approvers, input.facts.get(login.toLowerCase()));
        if (auth.status === 'unresolved') {
            unresolved.add(login);
            return { ok: false };
        }
        if (auth.status === 'no') {
            ignored.push({ login, why: auth.why, url });
            return { ok: false };
        }
        return { ok: true, login };
    };
    const approve = (a) => {
        const key = a.login.toLowerCase();
        const had = approvals.get(key);
        if (!had || Date.parse(a.at) < Date.parse(had.at))
            approvals.set(key, a);
    };
    for (const review of latestReviews(input.reviews)) {
        const url = review.url;
        const user = review.user;
        if (!user) {
            ignored.push({ login: '(deleted user)', why: 'review by a deleted account', url });
            continue;
        }
        if (review.state !== 'APPROVED') {
            ignored.push({
                login: user.login,
                why: `latest review is ${review.state}; an earlier approval no longer stands`,
                url,
            });
            continue;
        }
        if (isBot(user)) {
            ignored.push({ login: user.login, why: 'a bot, not a human', url });
            continue;
        }
        const at = review.submittedAt;
        if (!at || !(Date.parse(at) >= requestedAt)) {
            ignored.push({ login: user.login, why: 'review given before the request', url });
            continue;
        }
        if ((review.commitId ?? '').toLowerCase() !== request.headSha.toLowerCase()) {
            ignored.push({
                login: user.login,
                why: `review approves commit ${(review.commitId ?? 'unknown').slice(0, 12)}, not the head ${request.headSha.slice(0, 12)}`,
                url,
            });
            continue;
        }
        const ok = check(user, 'approve', url);
        if (ok.ok)
            approve({ login: ok.login, how: 'review', at, url });
    }
    for (const comment of input.comments) {
        const command = parseCommand(comment.body);
        if (!command)
            continue;
        const url = comment.url;
        const user = comment.user;
        if (!user) {
            ignored.push({ login: '(deleted user)', why: 'comment by a deleted account', url });
            continue;
        }
        if (isBot(user)) {
            ignored.push({ login: user.login, why: 'a bot, not a human', url });
            continue;
        }
        if ('invalid' in command) {
            ignored.push({ login: user.login, why: command.invalid, url });
            continue;
        }
        const created = Date.parse(comment.createdAt);
        if (!(created >= requestedAt)) {
            ignored.push({ login: user.login, why: 'comment written before the request', url });
            continue;
        }
        if (Date.parse(comment.updatedAt) !== created) {
            ignored.push({ login: user.login, why: 'comment was edited', url });
            continue;
        }
        if (!digestHex.startsWith(command.digest)) {
            ignored.push({
                login: user.login,
                why: `names another request (${command.digest.slice(0, PREFIX_LENGTH)}), not ${digestHex.slice(0, PREFIX_LENGTH)}`,
                url,
            });
            continue;
        }
        const ok = check(user, command.verb, url);
        if (!ok.ok)
            continue;
        if (command.verb === 'approve')
            approve({ login: ok.login, how: 'command', at: comment.createdAt, url });
        else
            denials.push({
                login: ok.login,
                at: comment.createdAt,
                url,
                reason: command.reason,
            });
    }
    const list = [...approvals.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const denial = denials.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
    const state = denial ? 'denied' : list.length >= input.minApprovals ? 'approved' : 'pending';
    return {
        state,
        approvals: list,
        ...(denial ? { denial } : {}),
        ignored,
        unresolved: [...unresolved],
    };
}
/** Each reviewer's latest decisive review (APPROVED / CHANGES_REQUESTED / DISMISSED). */
function latestReviews(reviews) {
    const latest = new Map();
    const anonymous = [];
    const approvedOnce = new Set();
    const ordered = [...reviews].sort((a, b) => Date.parse(a.submittedAt ?? '') - Date.parse(b.submittedAt ?? '') || a.id - b.id);
    for (const review of ordered) {
        if (!DECISIVE.has(review.state))
            continue;
        if (!review.user) {
            if (review.state === 'APPROVED')
                anonymous.push(review);
            continue;
        }
        const key = review.user.login.toLowerCase();
        if (review.state === 'APPROVED')
            approvedOnce.add(key);
        latest.set(key, review);
    }
    // A reviewer who never approved is not a candidate: nothing to report.
    const candidates = [...latest.entries()]
        .filter(([key, r]) => r.state === 'APPROVED' || approvedOnce.has(key))
        .map(([, r]) => r);
    return [...anonymous, ...candidates];
}
function teamKey(team) {
    return `${team.org}/${team.slug}`.toLowerCase();
}

;// CONCATENATED MODULE: ./src/approval/environment-record.ts
/**
 * `approval: record` — judging a run's environment approval history
 * (`GET /repos/{o}/{r}/actions/runs/{run_id}/approvals`). GitHub paused the run at an
 * environment with required reviewers; this decides whether what it recorded counts under
 * the policy: a human, not the actor or triggering actor, an approver the policy lists (when
 * it lists any), at least `min-approvals` of them. A rejection ends it. Pure.
 */

function recordEnvironmentApprovals(input) {
    const env = input.environment.toLowerCase();
    const starters = new Set([input.actor, input.triggeringActor]
        .filter((x) => typeof x === 'string' && x !== '')
        .map((x) => x.toLowerCase()));
    const mine = input.entries.filter((e) => e.environments.some((x) => (x.name ?? '').toLowerCase() === env));
    const ignored = [];
    const approvedBy = [];
    const unresolved = [];
    for (const entry of mine) {
        const login = entry.user?.login;
        if (!login) {
            ignored.push({ login: '(unknown)', why: 'the entry names no user' });
            continue;
        }
        if (entry.state === 'rejected') {
            return {
                state: 'denied',
                approvedBy: [],
                deniedBy: { login, comment: entry.comment ?? '' },
                ignored,
                unresolved: [],
                message: `${login} rejected the deployment to environment ${input.environment}`,
            };
        }
        if (entry.state !== 'approved')
            continue;
        if (isBot({ login, type: entry.user?.type ?? 'User' })) {
            ignored.push({ login, why: 'a bot cannot approve' });
            continue;
        }
        if (starters.has(login.toLowerCase())) {
            ignored.push({ login, why: 'self-approval: the actor or triggering actor of the run' });
            continue;
        }
        const facts = input.facts.get(login.toLowerCase());
        if (input.approvers !== undefined) {
            const verdict = authorize(login, input.approvers, facts);
            if (verdict.status === 'unresolved') {
                unresolved.push(login);
                continue;
            }
            if (verdict.status === 'no') {
                ignored.push({ login, why: verdict.why });
                continue;
            }
        }
        else {
            // Environment reviewers need only read access; an approver needs write.
            if (facts?.permission === undefined) {
                unresolved.push(login);
                continue;
            }
            if (!['admin', 'maintain', 'write'].includes(facts.permission)) {
                ignored.push({
                    login,
                    why: `repository permission is ${facts.permission}; write or higher is needed`,
                });
                continue;
            }
        }
        if (!approvedBy.some((a) => a.toLowerCase() === login.toLowerCase()))
            approvedBy.push(login);
    }
    if (unresolved.length > 0)
        return {
            state: 'unresolved',
            approvedBy,
            deniedBy: undefined,
            ignored,
            unresolved,
            message: 'approver facts still to be read',
        };
    if (approvedBy.length >= input.minApprovals)
        return {
            state: 'approved',
            approvedBy,
            deniedBy: undefined,
            ignored,
            unresolved: [],
            message: `environment ${input.environment} approved by ${approvedBy.join(', ')}`,
        };
    const why = mine.length === 0
        ? `no approval for environment ${input.environment} in the run's approval history (the environment may have no required reviewers, the job may not have been bound to it, or an administrator bypassed it)`
        : `${approvedBy.length} of ${input.minApprovals} required approval(s) for environment ${input.environment} count`;
    return {
        state: 'missing',
        approvedBy,
        deniedBy: undefined,
        ignored,
        unresolved: [],
        message: why,
    };
}

;// CONCATENATED MODULE: ./src/approval/types.ts
/**
 * `approval: wait` — the data the engine works on. Pure types: the request the gate posts,
 * what GitHub shows back (reviews, comments), what is known about a would-be approver, and
 * the port the wait loop talks to the API through (implemented in src/github/approval-api.ts).
 */
/** An API call that failed after the client's own retries. */
class ApprovalApiError extends Error {
    status;
    retryAfterMs;
    constructor(message, 
    /** HTTP status; undefined for network errors. */
    status, 
    /** What `retry-after` (or the rate-limit reset) asked for, in ms. */
    retryAfterMs, options) {
        super(message, options);
        this.status = status;
        this.retryAfterMs = retryAfterMs;
        this.name = 'ApprovalApiError';
    }
    /** Worth another poll later: server errors, rate limits, network failures. */
    get transient() {
        return (this.status === undefined ||
            this.status >= 500 ||
            this.status === 429 ||
            (this.status === 403 && this.retryAfterMs !== undefined));
    }
}

;// CONCATENATED MODULE: ./src/github/approval-api.ts


const PER_PAGE = 100;
/** GitHub accepts at most 10 assignees on an issue. */
const MAX_ASSIGNEES = 10;
function createApprovalApi(client, options) {
    const { owner, repo } = options;
    const log = options.log ?? (() => undefined);
    const maxPages = options.maxPages ?? 50;
    const repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
    const pages = new Map();
    const teams = new Map();
    const permissions = new Map();
    let requests = 0;
    let rateLimit;
    // The client's own fetch (the runner's proxy settings), counted per HTTP attempt: the
    // retry and throttling plugins call it again for each retry.
    const defaults = client.request.endpoint.DEFAULTS;
    const baseFetch = defaults.request?.fetch ?? globalThis.fetch;
    const countingFetch = (input, init) => {
        requests++;
        return baseFetch(input, init);
    };
    const noteRateLimit = (headers) => {
        const remaining = Number(headers?.['x-ratelimit-remaining']);
        const reset = Number(headers?.['x-ratelimit-reset']);
        if (headers?.['x-ratelimit-remaining'] !== undefined && Number.isFinite(remaining))
            rateLimit = { remaining, resetAt: Number.isFinite(reset) ? reset * 1000 : 0 };
    };
    async function send(method, url, params = {}, headers = {}) {
        try {
            const response = (await client.request(`${method} ${url}`, {
                ...params,
                headers,
                request: {
                    fetch: countingFetch,
                    ...(method === 'GET' && options.signal ? { signal: options.signal } : {}),
                },
            }));
            noteRateLimit(response.headers);
            return response;
        }
        catch (error) {
            const e = error;
            noteRateLimit(e.response?.headers);
            if (e.status === 304)
                return 'not-modified';
            throw apiError(`${method} ${url.replace(/^https?:\/\/[^/]+/, '')}`, error, e);
        }
    }
    /** Every page of a list, each fetched with If-None-Match when seen before. */
    async function list(url) {
        const items = [];
        let next = url;
        for (let n = 0; next !== undefined; n++) {
            if (n >= maxPages)
                throw new ApprovalApiError(`${url}: more than ${maxPages} pages`, undefined, undefined);
            const cached = pages.get(next);
            const response = await send('GET', next, {}, cached?.etag ? { 'if-none-match': cached.etag } : {});
            let page;
            if (response === 'not-modified' && cached && cached.items.length >= 100 && !cached.next) {
                // A full last page answers 304 even when a new item started the next page (the ETag
                // covers the body, not the Link header): ask once more without the condition.
                const fresh = await send('GET', next);
                if (fresh === 'not-modified')
                    throw new ApprovalApiError(`${next}: unexpected 304`, 304, 0);
                page = {
                    etag: fresh.headers.etag,
                    items: Array.isArray(fresh.data) ? fresh.data : [],
                    next: nextLink(fresh.headers.link),
                };
                pages.set(next, page);
            }
            else if (response === 'not-modified') {
                if (!cached)
                    throw new ApprovalApiError(`${next}: 304 without a cached page`, 304, 0);
                page = cached;
            }
            else {
                page = {
                    etag: response.headers.etag,
                    items: Array.isArray(response.data) ? response.data : [],
                    next: nextLink(response.headers.link),
                };
                pages.set(next, page);
            }
            items.push(...page.items);
            next = page.next;
        }
        return items;
    }
    const query = (path, q) => {
        const search = new URLSearchParams();
        for (const [k, v] of Object.entries(q))
            if (v !== undefined)
                search.set(k, v);
        search.set('per_page', String(PER_PAGE));
        return `${path}?${search.toString()}`;
    };
    const fromIssue = (issue) => ({
        kind: 'issue',
        id: issue.number,
        thread: issue.number,
        url: issue.html_url,
        createdAt: issue.created_at,
        author: actor(issue.user),
        body: issue.body ?? '',
        open: issue.state !== 'closed',
    });
    const fromComment = (comment, thread) => ({
        kind: 'comment',
        id: comment.id,
        thread,
        url: comment.html_url,
        createdAt: comment.created_at,
        author: actor(comment.user),
        body: comment.body ?? '',
        open: true,
    });
    return {
        get requests() {
            return requests;
        },
        get rateLimit() {
            return rateLimit;
        },
        async findRequests(target) {
            if (target.kind === 'pull-request') {
                const comments = (await list(query(`${repoPath}/issues/${target.number}/comments`, {})));
                return comments
                    .filter((c) => parseMarker(c.body ?? '') !== undefined)
                    .map((c) => fromComment(c, target.number));
            }
            const issues = (await list(query(`${repoPath}/issues`, {
                state: 'open',
                labels: REQUEST_LABEL,
                sort: 'created',
                direction: 'desc',
            })));
            return issues
                .filter((i) => i.pull_request === undefined && parseMarker(i.body ?? '') !== undefined)
                .map(fromIssue);
        },
        async createRequest(target, content) {
            if (target.kind === 'pull-request') {
                const response = await send('POST', `${repoPath}/issues/${target.number}/comments`, {
                    body: content.body,
                });
                return fromComment(ok(response).data, target.number);
            }
            const assignees = content.assignees.slice(0, MAX_ASSIGNEES);
            const create = (who) => send('POST', `${repoPath}/issues`, {
                title: content.title,
                body: content.body,
                labels: [REQUEST_LABEL],
                ...(who.length > 0 ? { assignees: who } : {}),
            });
            try {
                return fromIssue(ok(await create(assignees)).data);
            }
            catch (error) {
                // 422: an approver cannot be assigned (not a collaborator); the issue matters more.
                if (!(error instanceof ApprovalApiError) || error.status !== 422 || assignees.length === 0)
                    throw error;
                log(`could not assign ${assignees.join(', ')} (${error.message}); creating it unassigned`);
                return fromIssue(ok(await create([])).data);
            }
        },
        async updateRequest(request, body, close) {
            if (request.kind === 'comment') {
                await send('PATCH', `${repoPath}/issues/comments/${request.id}`, { body });
                return;
            }
            await send('PATCH', `${repoPath}/issues/${request.id}`, {
                body,
                ...(close ? { state: 'closed', state_reason: close.reason } : {}),
            });
        },
        async comment(request, body) {
            await send('POST', `${repoPath}/issues/${request.thread}/comments`, { body });
        },
        async listReviews(pull) {
            const reviews = (await list(query(`${repoPath}/pulls/${pull}/reviews`, {})));
            return reviews.map((r) => ({
                id: r.id,
                user: actor(r.user),
                state: r.state,
                commitId: r.commit_id ?? undefined,
                submittedAt: r.submitted_at ?? undefined,
                url: r.html_url,
            }));
        },
        async listComments(thread, since) {
            const comments = (await list(query(`${repoPath}/issues/${thread}/comments`, { since })));
            return comments.map((c) => ({
                id: c.id,
                user: actor(c.user),
                body: c.body ?? '',
                createdAt: c.created_at,
                updatedAt: c.updated_at ?? c.created_at,
                url: c.html_url,
            }));
        },
        async teamMembership(org, slug, login) {
            const key = `${org}/${slug}/${login}`.toLowerCase();
            const known = teams.get(key);
            if (known)
                return known;
            let state;
            try {
                const response = ok(await send('GET', `/orgs/${encodeURIComponent(org)}/teams/${encodeURIComponent(slug)}/memberships/${encodeURIComponent(login)}`));
                const s = response.data.state;
                state = s === 'active' ? 'active' : s === 'pending' ? 'pending' : 'none';
            }
            catch (error) {
                state = factError(error, `team ${org}/${slug}`, log);
            }
            teams.set(key, state);
            return state;
        },
        async permission(login) {
            const key = login.toLowerCase();
            const known = permissions.get(key);
            if (known)
                return known;
            let permission;
            try {
                const response = ok(await send('GET', `${repoPath}/collaborators/${encodeURIComponent(login)}/permission`));
                const data = response.data;
                permission = data.role_name === 'maintain' ? 'maintain' : toPermission(data.permission);
            }
            catch (error) {
                permission =
                    factError(error, `permission of ${login}`, log) === 'none' ? 'none' : 'unknown';
            }
            permissions.set(key, permission);
            return permission;
        },
    };
}
function ok(response) {
    if (response === 'not-modified')
        throw new ApprovalApiError('unexpected 304 Not Modified', 304, undefined);
    return response;
}
/** 404: not a member / not a collaborator; 403 (not a rate limit): the token cannot see it. */
function factError(error, what, log) {
    if (error instanceof ApprovalApiError && error.status === 404)
        return 'none';
    if (error instanceof ApprovalApiError && error.status === 403 && !error.transient) {
        log(`cannot read ${what} (403: ${error.message}); it does not count`);
        return 'unknown';
    }
    throw error;
}
function toPermission(value) {
    return value === 'admin' ||
        value === 'maintain' ||
        value === 'write' ||
        value === 'triage' ||
        value === 'read' ||
        value === 'none'
        ? value
        : 'unknown';
}
function actor(user) {
    if (!user || typeof user.login !== 'string')
        return undefined;
    return { login: user.login, type: typeof user.type === 'string' ? user.type : 'User' };
}
function nextLink(link) {
    if (!link)
        return undefined;
    for (const part of link.split(',')) {
        const m = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part);
        if (m?.[2]?.split(/\s+/).includes('next'))
            return m[1];
    }
    return undefined;
}
function apiError(what, error, e) {
    const status = typeof e.status === 'number' && e.status > 0 ? e.status : undefined;
    const headers = e.response?.headers ?? {};
    const retryAfter = Number(headers['retry-after']);
    const reset = Number(headers['x-ratelimit-reset']);
    const limited = (status === 403 || status === 429) &&
        (headers['retry-after'] !== undefined ||
            headers['x-ratelimit-remaining'] === '0' ||
            /rate limit/i.test(String(e.message)));
    const retryAfterMs = !limited
        ? undefined
        : Number.isFinite(retryAfter) && headers['retry-after'] !== undefined
            ? retryAfter * 1000
            : headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset)
                ? Math.max(0, reset * 1000 - Date.now())
                : 60_000;
    // AbortError and network failures have no HTTP status (Octokit reports 500 for aborts).
    const aborted = error instanceof Error && error.name === 'AbortError';
    return new ApprovalApiError(`${what}: ${aborted ? 'aborted' : String(e.message ?? error)}`, aborted ? undefined : status, retryAfterMs, { cause: error });
}

;// CONCATENATED MODULE: ./src/approval/poll-schedule.ts
/**
 * How long to wait before the next poll. The GITHUB_TOKEN has 1,000 requests per hour per
 * repository, shared by every workflow of the repository, so a wait may spend at most
 * `budgetPerHour` (120) of them in any hour, counting every request: polls, pages, retries,
 * 304s, membership and permission checks, and posting the request.
 *
 * - Start fast (15 s: an approver who is already looking gets a quick answer), then back
 *   off by 1.5× per quiet poll up to a steady interval that spends `steadyShare` of the
 *   budget (2 requests per poll → 75 s).
 * - A sliding one-hour window over the real request times is the hard cap: the next poll
 *   waits until it fits in the budget, whatever happened before.
 * - `retry-after`, an exhausted primary rate limit and failed polls push the next poll out.
 */
const DEFAULT_POLL = {
    initialMs: 15_000,
    factor: 1.5,
    maxMs: 5 * 60_000,
    budgetPerHour: 120,
    steadyShare: 0.8,
    rateLimitReserve: 50,
    failureMs: 30_000,
};
const HOUR = 3_600_000;
/** The interval a long quiet wait settles at for this many requests per poll. */
function steadyIntervalMs(requestsPerPoll, options = DEFAULT_POLL) {
    const spend = (Math.max(1, requestsPerPoll) * HOUR) / (options.budgetPerHour * options.steadyShare);
    return Math.min(options.maxMs, Math.max(options.initialMs, Math.ceil(spend)));
}
function nextPollDelay(input, options = DEFAULT_POLL) {
    const perPoll = Math.max(1, input.requestsPerPoll);
    const steady = steadyIntervalMs(perPoll, options);
    let delay = Math.min(steady, options.initialMs * options.factor ** Math.max(0, input.quietPolls));
    if (input.failures > 0)
        delay = Math.max(delay, Math.min(options.maxMs, options.failureMs * 2 ** (input.failures - 1)));
    if (input.retryAfterMs !== undefined)
        delay = Math.max(delay, input.retryAfterMs);
    if (input.rateLimit && input.rateLimit.remaining <= options.rateLimitReserve)
        delay = Math.max(delay, input.rateLimit.resetAt - input.now + 1_000);
    return Math.ceil(Math.max(delay, budgetWait(input, perPoll, options)));
}
/**
 * The wait until `perPoll` more requests fit in the last hour: the oldest requests must
 * have left the window (now + wait − 1 h, now + wait].
 */
function budgetWait(input, perPoll, options = DEFAULT_POLL) {
    const times = [...input.requestTimes].sort((a, b) => a - b);
    const excess = times.length + perPoll - options.budgetPerHour;
    if (excess <= 0)
        return 0;
    const mustLeave = times[excess - 1];
    return mustLeave === undefined ? 0 : Math.max(0, mustLeave + HOUR - input.now + 1);
}

;// CONCATENATED MODULE: ./src/action/approval-wait.ts






const DEFAULT_REQUEST_AUTHOR = 'github-actions[bot]';
const MAX_IGNORED = 200;
async function waitForApproval(deps) {
    const { api, signal, log, target } = deps;
    const options = { ...DEFAULT_POLL, ...deps.poll };
    const maxFailures = deps.maxFailures ?? 3;
    const t0 = deps.now().getTime();
    const timeoutMinutes = deps.timeoutMinutes ?? deps.approval.timeoutMinutes;
    const deadline = t0 + timeoutMinutes * 60_000;
    const digest = requestDigest(deps.subject);
    const minApprovals = Math.max(1, deps.approval.minApprovals);
    const source = deps.approval.approvers === undefined ? 'codeowners' : 'policy';
    const { specs, skipped } = parseApprovers(deps.approval.approvers ?? deps.codeowners ?? []);
    if (skipped.length > 0)
        log.warning(`approvers that are not a login or org/team are skipped: ${clean(skipped.join(', '))}`);
    const times = [];
    const facts = new Map();
    let request;
    let polls = 0;
    let last;
    /** Runs one API step and records when its requests were made. */
    const track = async (step) => {
        const before = api.requests;
        try {
            return await step();
        }
        finally {
            const at = deps.now().getTime();
            for (let i = before; i < api.requests; i++)
                times.push(at);
        }
    };
    const finish = async (state, detail) => {
        const decidedAt = deps.now().toISOString();
        const approvals = last?.approvals ?? [];
        if (request) {
            const banner = outcomeBanner(state, {
                by: state === 'approved'
                    ? approvals.map((a) => a.login)
                    : state === 'denied' && last?.denial
                        ? [last.denial.login]
                        : [],
                ...(state === 'denied' && last?.denial?.reason ? { reason: last.denial.reason } : {}),
                ...(state === 'error' ? { reason: detail } : {}),
                at: decidedAt,
            });
            try {
                await track(() => api.updateRequest(request, renderClosed(request.body, banner), request.kind === 'issue'
                    ? { reason: state === 'approved' ? 'completed' : 'not_planned' }
                    : undefined));
            }
            catch (error) {
                log.warning(`could not update the approval request ${request.url}: ${message(error)}`);
            }
        }
        const approvedBy = state === 'approved' ? approvals.map((a) => a.login) : [];
        const outcome = {
            state,
            approvedBy,
            approvals: state === 'approved' ? approvals : [],
            denial: state === 'denied' ? last?.denial : undefined,
            url: request?.url,
            digest,
            requestedAt: request?.createdAt,
            decidedAt,
            requests: api.requests,
            polls,
            ignored: (last?.ignored ?? []).slice(0, MAX_IGNORED),
            message: detail,
        };
        if (state === 'approved')
            log.info(`approval ${state}: ${clean(detail)}`);
        else
            log.warning(`approval ${state}: ${clean(detail)}`);
        return outcome;
    };
    if (specs.length === 0)
        return finish('error', source === 'codeowners'
            ? 'no approvers: the policy lists none (approval.approvers) and no CODEOWNERS rule names a user or team for the workflow'
            : 'no approvers: approval.approvers has no login or org/team');
    if (specs.every((s) => s.kind === 'user') && specs.length < minApprovals)
        return finish('error', `min-approvals is ${minApprovals} but only ${specs.length} approver(s) are listed`);
    if (signal.aborted)
        return finish('cancelled', 'the job was cancelled before the request was posted');
    try {
        request = await track(() => ensureRequest());
    }
    catch (error) {
        return finish('error', `could not post the approval request: ${message(error)}`);
    }
    log.info(`approval requested: ${request.url} (digest ${digestPrefix(digest)}, ${minApprovals} approval(s) from ${specs.map(approverLabel).join(', ')}, until ${new Date(deadline).toISOString()})`);
    let quiet = 0;
    let failures = 0;
    let retryAfterMs;
    let perPoll = target.kind === 'pull-request' ? 2 : 1;
    let fingerprint = '';
    for (;;) {
        if (signal.aborted)
            return finish('cancelled', 'the job was cancelled');
        const posted = request;
        try {
            const before = api.requests;
            // A cancel does not wait for an in-flight poll (its retries could outlast the runner's
            // grace period before SIGTERM): the request is closed at once.
            const seen = await untilAborted(track(() => observe(posted)), signal);
            perPoll = Math.max(1, api.requests - before);
            last = await track(() => decide(seen.reviews, seen.comments, posted));
            polls++;
            failures = 0;
            retryAfterMs = undefined;
            const print = seen.fingerprint;
            quiet = print === fingerprint ? quiet + 1 : 0;
            fingerprint = print;
        }
        catch (error) {
            if (signal.aborted)
                return finish('cancelled', 'the job was cancelled');
            const err = asApiError(error);
            failures++;
            if (!err.transient || failures > maxFailures)
                return finish('error', `polling failed${failures > 1 ? ` ${failures} times in a row` : ''}: ${err.message}`);
            retryAfterMs = err.retryAfterMs;
            log.warning(`poll failed (${failures}/${maxFailures}), trying again later: ${clean(err.message)}`);
        }
        if (last?.state === 'approved')
            return finish('approved', `approved by ${last.approvals.map((a) => `${a.login} (${a.how})`).join(', ')}`);
        if (last?.state === 'denied' && last.denial)
            return finish('denied', `denied by ${last.denial.login}${last.denial.reason ? `: ${last.denial.reason}` : ''}`);
        const now = deps.now().getTime();
        if (now >= deadline)
            return finish('timed-out', `no decision after ${timeoutMinutes} minute(s): ${last?.approvals.length ?? 0} of ${minApprovals} approval(s)`);
        const recent = times.filter((t) => t > now - 3_600_000);
        times.splice(0, times.length, ...recent);
        let delay = nextPollDelay({
            now,
            requestTimes: times,
            requestsPerPoll: perPoll,
            quietPolls: quiet,
            failures,
            retryAfterMs,
            rateLimit: api.rateLimit,
        }, options);
        if (now + delay > deadline) {
            // One last look at the deadline, if the budget allows it.
            const finalFits = budgetWait({ now: deadline, requestTimes: times }, perPoll, options) === 0;
            delay = deadline - now;
            if (!finalFits) {
                await sleepQuietly(deps, delay);
                if (signal.aborted)
                    return finish('cancelled', 'the job was cancelled');
                return finish('timed-out', `no decision after ${timeoutMinutes} minute(s): ${last?.approvals.length ?? 0} of ${minApprovals} approval(s)`);
            }
        }
        await sleepQuietly(deps, delay);
    }
    async function ensureRequest() {
        const found = await api.findRequests(target);
        const mine = found.filter((r) => {
            const m = parseMarker(r.body);
            return (m !== undefined &&
                m.state === 'open' &&
                r.open &&
                m.job === deps.subject.job &&
                (m.workflow === undefined || m.workflow === deps.workflow));
        });
        // A request found by its marker is reused when it is this token's and of this digest
        // (a restarted attempt); everything else of this workflow job is superseded below.
        const trusted = (deps.requestAuthor ?? DEFAULT_REQUEST_AUTHOR).toLowerCase();
        const reuse = mine.find((r) => parseMarker(r.body)?.digest === digest && r.author?.login.toLowerCase() === trusted);
        let posted;
        if (reuse) {
            posted = reuse;
            log.info(`reusing the approval request ${reuse.url} of the same digest`);
        }
        else {
            const input = {
                subject: deps.subject,
                digest,
                workflow: deps.workflow,
                runUrl: deps.runUrl,
                target,
                approvers: specs,
                approversSource: source,
                minApprovals,
                deadline: new Date(deadline).toISOString(),
                actor: deps.actor,
                triggeringActor: deps.triggeringActor,
            };
            posted = await api.createRequest(target, {
                title: renderTitle(input),
                body: renderRequest(input),
                assignees: specs.flatMap((s) => (s.kind === 'user' ? [s.login] : [])),
            });
        }
        // Earlier requests of this workflow job, posted with this token: they no longer wait.
        const self = posted.author?.login.toLowerCase();
        for (const old of mine) {
            if (old.kind === posted.kind && old.id === posted.id)
                continue;
            if (self === undefined || old.author?.login.toLowerCase() !== self)
                continue;
            const banner = outcomeBanner('superseded', {
                link: posted.url,
                at: deps.now().toISOString(),
            });
            try {
                await api.updateRequest(old, renderClosed(old.body, banner), old.kind === 'issue' ? { reason: 'not_planned' } : undefined);
                log.info(`superseded the earlier approval request ${old.url}`);
            }
            catch (error) {
                log.warning(`could not supersede ${old.url}: ${message(error)}`);
            }
        }
        return posted;
    }
    async function observe(posted) {
        const reviews = target.kind === 'pull-request' ? await api.listReviews(target.number) : [];
        // Comments updated since the request: everything that can count (and edits of older ones).
        const comments = await api.listComments(posted.thread, posted.createdAt);
        const fingerprint = [
            ...reviews.map((r) => `r${r.id}:${r.state}`),
            ...comments.map((c) => `c${c.id}:${c.updatedAt}`),
        ].join(',');
        return { reviews, comments, fingerprint };
    }
    async function decide(reviews, comments, posted) {
        const input = {
            request: {
                digest,
                createdAt: posted.createdAt,
                headSha: deps.subject.headSha,
                actor: deps.actor,
                triggeringActor: deps.triggeringActor,
                author: deps.author,
            },
            approvers: specs,
            minApprovals,
            facts,
            reviews,
            comments,
        };
        let judgement = judge(input);
        for (let round = 0; judgement.unresolved.length > 0 && round < 3; round++) {
            for (const login of judgement.unresolved)
                await resolve(login, specs);
            judgement = judge(input);
        }
        return judgement;
    }
    async function resolve(login, approvers) {
        const key = login.toLowerCase();
        let known = facts.get(key) ?? { permission: undefined, teams: {} };
        for (let need = nextFact(login, approvers, known); need; need = nextFact(login, approvers, known)) {
            if (need.kind === 'team') {
                const state = await api.teamMembership(need.org, need.slug, login);
                known = {
                    ...known,
                    teams: { ...known.teams, [`${need.org}/${need.slug}`.toLowerCase()]: state },
                };
            }
            else {
                known = { ...known, permission: await api.permission(login) };
            }
            facts.set(key, known);
        }
    }
}
async function sleepQuietly(deps, ms) {
    if (ms <= 0 || deps.signal.aborted)
        return;
    try {
        await deps.sleep(ms, deps.signal);
    }
    catch {
        // Aborted: the loop sees signal.aborted.
    }
}
/** The promise's result, or a rejection as soon as the signal aborts (the work goes on unobserved). */
function untilAborted(work, signal) {
    if (signal.aborted) {
        work.catch(() => undefined);
        return Promise.reject(new Error('cancelled'));
    }
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(new Error('cancelled'));
        signal.addEventListener('abort', onAbort, { once: true });
        work.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
}
/** A real sleep that ends early when the signal aborts. */
function abortableSleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal.aborted)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
    });
}
/**
 * The runner signals the step's process when the job is cancelled (SIGINT, then SIGTERM):
 * the first signal aborts the returned signal, so the wait closes its request and returns
 * `cancelled`. A second signal restores the default handling and re-raises (exit).
 */
function cancelOnSignals(proc = process, signals = ['SIGINT', 'SIGTERM']) {
    const controller = new AbortController();
    const handlers = new Map();
    const dispose = () => {
        for (const [name, handler] of handlers)
            proc.off(name, handler);
        handlers.clear();
    };
    for (const name of signals) {
        const handler = () => {
            if (!controller.signal.aborted) {
                controller.abort(new Error(`received ${name}`));
                return;
            }
            dispose();
            proc.kill(proc.pid, name);
        };
        handlers.set(name, handler);
        proc.on(name, handler);
    }
    return { signal: controller.signal, dispose };
}
/** The step outputs `approved`, `approved-by`, `approval-url`. */
function approvalOutputs(outcome) {
    return {
        approved: outcome.state === 'approved' ? 'true' : 'false',
        'approved-by': outcome.approvedBy.join(','),
        'approval-url': outcome.url ?? '',
    };
}
/** The evidence pack's approval record of a wait. */
function approvalRecord(outcome) {
    return {
        mode: 'wait',
        // An error never decided anything: the approval is still required.
        status: outcome.state === 'error' ? 'required' : outcome.state,
        requestDigest: outcome.digest,
        requestUrl: outcome.url,
        approvals: outcome.approvals.map((a) => ({
            login: a.login,
            at: a.at,
            how: a.how === 'review' ? 'pull request review' : 'approve command (comment)',
            digest: outcome.digest,
        })),
        ignored: outcome.ignored.map((i) => ({ login: i.login, why: i.why })),
        note: outcome.message,
    };
}
function asApiError(error) {
    if (error instanceof ApprovalApiError)
        return error;
    return new ApprovalApiError(message(error), undefined, undefined, { cause: error });
}
function message(error) {
    return error instanceof Error ? error.message : String(error);
}
function clean(text) {
    return (0,report_escape/* escapeLogText */.dD)(text);
}

;// CONCATENATED MODULE: ./src/action/approval-flow.ts
/**
 * The approval modes that need the API, as the action runs them: `wait` (post one request,
 * poll until an authorized approver decides) and `record` (read the run's environment
 * approval history). Both end in an approval record for the evidence, the step outputs and
 * whether the gate may let the job go on. Any failure ends unapproved: fail closed.
 */









/** What approvers are asked to approve: every approval-required finding of the run. */
function requestPaths(report) {
    return (0,report_report/* allFindings */.c4)(report)
        .filter((f) => f.decision === 'approval-required')
        .map((f, i) => ({
        id: f.kind === 'path'
            ? `${f.job ?? '-'}/${f.class ?? f.ruleId}/${i + 1}`
            : `${f.ruleId}/${i + 1}`,
        class: f.class ?? f.ruleId,
        reason: f.message,
        location: (0,errors/* formatLocation */.j$)(f.location),
    }));
}
/** `sha256:` of the run's Agent Action BOM as the evidence pack writes it. */
function bomDigest(report) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify((0,bom/* bomWorkflows */.VS)(report.evaluations)))
        .digest('hex')}`;
}
async function waitMode(deps) {
    const { runner, context, policy } = deps;
    const start = Date.now();
    const scale = deps.timeScale;
    const now = () => new Date(start + (Date.now() - start) * scale);
    const sleep = (ms, signal) => abortableSleep(ms / scale, signal);
    const { signal, dispose } = cancelOnSignals();
    try {
        const api = createApprovalApi(await deps.client(), {
            owner: runner.owner,
            repo: runner.repo,
            signal,
            log: (m) => deps.log.info(m),
        });
        const pr = context.pullRequest;
        const client = await deps.client();
        // The commit approvers approve. A comment on a pull request (issue_comment) carries no
        // head SHA, and GITHUB_SHA is the default branch there: read the pull request's head.
        const headSha = pr
            ? (pr.headSha ?? (await pullHead(client, runner, pr.number)))
            : (runner.sha ?? runner.workflowSha);
        const outcome = await waitForApproval({
            api,
            subject: {
                repository: runner.repository,
                runId: runner.runId ?? '',
                runAttempt: Number(runner.runAttempt ?? '1') || 1,
                job: runner.job,
                headSha,
                bomDigest: bomDigest(deps.report),
                policyDigest: policy.digest,
                paths: requestPaths(deps.report),
            },
            workflow: runner.workflowPath,
            runUrl: runner.runId
                ? `${runner.serverUrl}/${runner.repository}/actions/runs/${runner.runId}`
                : undefined,
            target: pr ? { kind: 'pull-request', number: pr.number } : { kind: 'issue' },
            actor: context.actor,
            triggeringActor: context.triggeringActor,
            author: pr?.author,
            approval: policy.approval,
            timeoutMinutes: deps.settings.timeoutMinutes === undefined
                ? undefined
                : Math.min(deps.settings.timeoutMinutes, policy.approval.timeoutMinutes),
            codeowners: policy.approval.approvers === undefined ? await trustedOwners(deps) : undefined,
            now,
            sleep,
            signal,
            log: deps.log,
        });
        if (outcome.state === 'approved' && pr && !pr.headSha) {
            // The approval binds the head read above; a push since then is code nobody approved.
            const now2 = await pullHead(client, runner, pr.number);
            if (now2 !== headSha) {
                const message = `the pull request head moved from ${headSha.slice(0, 12)} to ${now2.slice(0, 12)} after the request: the approval does not cover the new commits`;
                return {
                    record: { ...approvalRecord(outcome), status: 'required', note: message },
                    outputs: { approved: 'false', 'approved-by': '', 'approval-url': outcome.url ?? '' },
                    approved: false,
                    message,
                };
            }
        }
        return {
            record: approvalRecord(outcome),
            outputs: approvalOutputs(outcome),
            approved: outcome.state === 'approved',
            message: outcome.message,
        };
    }
    finally {
        dispose();
    }
}
/** The head commit of a pull request, read through the API (fail closed when unreadable). */
async function pullHead(client, runner, number) {
    const { data } = await client.rest.pulls.get({
        owner: runner.owner,
        repo: runner.repo,
        pull_number: number,
    });
    const sha = data.head.sha;
    if (!/^[0-9a-f]{40}$/i.test(sha))
        throw new Error(`pull request #${number} has no readable head commit`);
    return sha;
}
/**
 * The owners of the workflow file in CODEOWNERS at the trusted commit (the base of a pull
 * request): a pull request cannot make its author an approver by editing CODEOWNERS.
 */
async function trustedOwners(deps) {
    for (const path of codeowners/* CODEOWNERS_LOCATIONS */.B$) {
        const file = await deps.files.read(path, deps.trustedRef);
        if (!file)
            continue;
        const { rules } = (0,codeowners/* parseCodeowners */.BW)(file.text, path);
        return (0,codeowners/* ownersOf */.K2)(rules, deps.runner.workflowPath)?.owners ?? [];
    }
    return [];
}
async function recordMode(deps) {
    const { runner, context, policy } = deps;
    const environment = deps.settings.environment ?? deps.jobEnvironment;
    const fail = (message, ignored = []) => ({
        record: {
            mode: 'record',
            status: 'required',
            requestDigest: undefined,
            requestUrl: undefined,
            approvals: [],
            ignored,
            note: message,
        },
        outputs: { approved: 'false', 'approved-by': '', 'approval-url': '' },
        approved: false,
        message,
    });
    if (!environment)
        return fail('`approval: record` needs the `environment` input (or a job bound to a literal `environment:`)');
    if (!runner.runId)
        return fail('GITHUB_RUN_ID is not set: the run approval history cannot be read');
    const client = await deps.client();
    const entries = (await client.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
        owner: runner.owner,
        repo: runner.repo,
        run_id: Number(runner.runId),
        per_page: 100,
    }));
    // Who may approve: the policy's list, else the workflow's CODEOWNERS at the trusted commit;
    // with neither, the environment's required reviewers — who still need write permission.
    const owners = policy.approval.approvers === undefined ? await trustedOwners(deps) : [];
    const listed = policy.approval.approvers ?? (owners.length > 0 ? owners : undefined);
    const approvers = listed === undefined ? undefined : parseApprovers(listed).specs;
    const api = createApprovalApi(client, { owner: runner.owner, repo: runner.repo });
    const facts = new Map();
    const judge = () => recordEnvironmentApprovals({
        entries,
        environment,
        actor: context.actor,
        triggeringActor: context.triggeringActor,
        approvers,
        minApprovals: policy.approval.minApprovals,
        facts,
    });
    let verdict = judge();
    // Ask only what is needed about each candidate, one fact at a time (bounded).
    for (let round = 0; verdict.state === 'unresolved' && round < 40; round++) {
        for (const login of verdict.unresolved) {
            const key = login.toLowerCase();
            const known = facts.get(key) ?? { permission: undefined, teams: {} };
            const need = approvers === undefined
                ? known.permission === undefined
                    ? { kind: 'permission' }
                    : undefined
                : nextFact(login, approvers, known);
            if (!need)
                continue;
            facts.set(key, need.kind === 'team'
                ? {
                    ...known,
                    teams: {
                        ...known.teams,
                        [`${need.org}/${need.slug}`.toLowerCase()]: await api.teamMembership(need.org, need.slug, login),
                    },
                }
                : { ...known, permission: await api.permission(login) });
        }
        verdict = judge();
    }
    const at = new Date().toISOString();
    const runUrl = `${runner.serverUrl}/${runner.repository}/actions/runs/${runner.runId}`;
    if (verdict.state === 'approved')
        return {
            record: {
                mode: 'record',
                status: 'approved',
                requestDigest: undefined,
                requestUrl: runUrl,
                approvals: verdict.approvedBy.map((login) => ({
                    login,
                    at,
                    how: `environment review (${environment}); the API gives no review time, this is when it was recorded`,
                    digest: undefined,
                })),
                ignored: verdict.ignored.map((i) => ({ login: i.login, why: i.why })),
                note: verdict.message,
            },
            outputs: {
                approved: 'true',
                'approved-by': verdict.approvedBy.join(','),
                'approval-url': runUrl,
            },
            approved: true,
            message: verdict.message,
        };
    if (verdict.state === 'denied')
        return {
            ...fail(verdict.message, verdict.ignored),
            record: { ...fail(verdict.message, verdict.ignored).record, status: 'denied' },
        };
    return fail(verdict.state === 'unresolved' ? 'approver facts could not be resolved' : verdict.message, verdict.ignored.map((i) => ({ login: i.login, why: i.why })));
}


/***/ }),

/***/ 19719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DN: () => (/* binding */ loc),
/* harmony export */   Oz: () => (/* binding */ ownerDoc),
/* harmony export */   VS: () => (/* binding */ bomWorkflows),
/* harmony export */   qB: () => (/* binding */ credentialDoc)
/* harmony export */ });
/* harmony import */ var _evaluate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62484);
/* harmony import */ var _checklist_render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61790);


const orNull = (value) => (value === undefined ? null : value);
const list = (value) => value ?? [];
function loc(at) {
    return { path: at?.path ?? '', line: at?.line ?? 0, column: at?.column ?? 0 };
}
function bomWorkflows(evaluations) {
    return evaluations.map((e) => ({
        path: e.workflow.path,
        name: orNull(e.workflow.name),
        jobs: e.inventory.map((j) => ({ ...jobDoc(j), checklist: (0,_checklist_render_js__WEBPACK_IMPORTED_MODULE_1__/* .checklistDoc */ .B)((0,_evaluate_js__WEBPACK_IMPORTED_MODULE_0__/* .scoreOf */ .u)(e, j.job)) })),
    }));
}
function ownerDoc(owner) {
    if (owner === undefined || owner === null)
        return null;
    return { owners: [...list(owner.owners)], file: owner.file, line: owner.line };
}
function jobDoc(j) {
    return {
        workflow: j.workflow,
        job: j.job,
        name: orNull(j.name),
        at: loc(j.at),
        triggers: [...list(j.triggers)],
        actor: orNull(j.actor),
        unattended: j.unattended,
        unattendedReasons: [...list(j.unattendedReasons)],
        environment: j.environment === undefined || j.environment === null
            ? null
            : { name: j.environment.name, dynamic: j.environment.dynamic, at: loc(j.environment.at) },
        runsOn: [...list(j.runsOn)],
        permissions: permissionsDoc(j.permissions),
        credentials: list(j.credentials).map(credentialDoc),
        uses: list(j.uses).map((u) => ({
            raw: u.raw,
            kind: u.kind,
            name: u.name,
            ref: orNull(u.ref),
            pinned: u.pinned,
            step: orNull(u.step),
            at: loc(u.at),
        })),
        runs: list(j.runs).map((r) => ({
            step: r.step,
            name: orNull(r.name),
            shell: orNull(r.shell),
            script: r.script,
            at: loc(r.at),
        })),
        agents: list(j.agents).map(agentDoc),
        tools: list(j.tools).map(toolDoc),
        agentConfig: list(j.agentConfig).map((c) => ({
            agent: c.agent,
            file: c.file,
            permissions: agentPermissionsDoc(c.permissions),
            settings: list(c.settings).map((s) => ({ key: s.key, value: s.value, at: loc(s.at) })),
        })),
        owner: ownerDoc(j.owner),
        change: changeDoc(j.change),
        targets: [...list(j.targets)],
        classes: [...list(j.classes)],
        paths: list(j.paths).map((p) => ({
            id: p.id,
            job: p.job,
            class: p.class,
            reason: p.reason,
            at: loc(p.at),
            credentials: [...list(p.credentials)],
            step: orNull(p.step),
            uses: orNull(p.uses),
            target: orNull(p.target),
        })),
        gaps: [...list(j.gaps)],
    };
}
function permissionsDoc(p) {
    return {
        source: p.source,
        scopes: { ...p.scopes },
        assumed: p.assumed,
        downgrade: orNull(p.downgrade),
        at: loc(p.at),
    };
}
function credentialDoc(c) {
    return {
        id: c.id,
        kind: c.kind,
        name: c.name,
        lifetime: c.lifetime,
        scope: c.scope,
        write: c.write,
        production: c.production,
        reaches: [...list(c.reaches)],
        note: c.note,
        usedIn: [...list(c.usedIn)],
        at: loc(c.at),
    };
}
function agentDoc(a) {
    return {
        id: a.id,
        product: a.product,
        via: a.via,
        ref: orNull(a.ref),
        step: orNull(a.step),
        at: loc(a.at),
        mode: orNull(a.mode),
        settings: list(a.settings).map((s) => ({
            name: s.name,
            value: s.value,
            risky: s.risky,
            reason: s.reason,
            at: loc(s.at),
        })),
        unrestrictedShell: a.unrestrictedShell,
        permissionsBypassed: a.permissionsBypassed,
        tokenExchange: a.tokenExchange === undefined || a.tokenExchange === null
            ? null
            : { issuer: a.tokenExchange.issuer, note: a.tokenExchange.note },
        allowedActors: list(a.allowedActors).map((x) => ({
            name: x.name,
            value: x.value,
            wildcard: x.wildcard,
        })),
        promptInputs: list(a.promptInputs).map((x) => ({
            input: x.input,
            value: x.value,
            at: loc(x.at),
        })),
        mcpConfig: list(a.mcpConfig).map((x) => ({ source: x.source, value: x.value, at: loc(x.at) })),
    };
}
function toolDoc(t) {
    return {
        agent: t.agent,
        name: t.name,
        file: t.file,
        transport: t.transport,
        command: orNull(t.command),
        args: [...list(t.args)],
        url: orNull(t.url),
        remote: t.remote,
        fetchesCode: t.fetchesCode,
        secrets: [...list(t.secrets)],
        trust: t.trust,
        tools: t.tools === undefined || t.tools === null ? null : t.tools === '*' ? '*' : [...t.tools],
        writeCapable: t.writeCapable,
        at: loc(t.at),
    };
}
function agentPermissionsDoc(p) {
    if (p === undefined || p === null)
        return null;
    return {
        allow: [...list(p.allow)],
        ask: [...list(p.ask)],
        deny: [...list(p.deny)],
        defaultMode: orNull(p.defaultMode),
        enableAllProjectMcpServers: orNull(p.enableAllProjectMcpServers),
        hooks: [...list(p.hooks)],
        sandboxEnabled: orNull(p.sandboxEnabled),
        at: loc(p.at),
    };
}
function changeDoc(c) {
    if (c === undefined || c === null)
        return null;
    return {
        author: orNull(c.author),
        authorKind: c.authorKind,
        sensitive: list(c.sensitive).map((s) => ({ file: s.file, what: s.what })),
        newDependencies: list(c.newDependencies).map((d) => ({
            file: d.file,
            ecosystem: d.ecosystem,
            name: d.name,
            version: orNull(d.version),
            line: orNull(d.line),
            note: orNull(d.note),
        })),
        unknownDependencies: list(c.unknownDependencies).map((u) => ({
            file: u.file,
            reason: u.reason,
        })),
    };
}


/***/ })

};
