export const id = 42;
export const ids = [42];
export const modules = {

/***/ 75042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  recordMode: () => (/* binding */ recordMode),
  waitMode: () => (/* binding */ waitMode)
});

// UNUSED EXPORTS: bomDigest, requestPaths

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(17679);
// EXTERNAL MODULE: ./src/engine/evidence/bom.ts
var bom = __webpack_require__(39908);
// EXTERNAL MODULE: ./src/engine/inventory/codeowners.ts
var codeowners = __webpack_require__(94604);
// EXTERNAL MODULE: ./src/engine/report/report.ts
var report_report = __webpack_require__(39863);
// EXTERNAL MODULE: ./src/engine/approval/judge.ts
var approval_judge = __webpack_require__(5159);
// EXTERNAL MODULE: ./src/engine/approval/login.ts
var approval_login = __webpack_require__(9193);
;// CONCATENATED MODULE: ./src/engine/approval/environment-record.ts
/**
 * `approval: record` — judging a run's environment approval history
 * (`GET /repos/{o}/{r}/actions/runs/{run_id}/approvals`). GitHub paused the run at an
 * environment with required reviewers; this decides whether what it recorded counts under
 * the same rules as `approval: wait`: a human, not the actor, the triggering actor or the pull
 * request's author, an approver the policy lists (when it lists any), at least
 * `min-approvals` of them — for every environment the decided jobs deploy to. A rejection
 * ends it. Logins compare by their ASCII lower case; others are refused. Pure.
 */


/**
 * Judges every environment; the record is approved only when each is. A rejection of any
 * ends it; facts still to read for any keep it unresolved.
 */
function recordEnvironmentApprovals(input) {
    if (input.environments.length === 0)
        return {
            state: 'missing',
            approvedBy: [],
            deniedBy: undefined,
            ignored: [],
            unresolved: [],
            message: 'no environment to read approvals for',
        };
    const records = input.environments.map((env) => recordOne(input, env));
    const ignored = unique(records.flatMap((r) => r.ignored));
    const approvedBy = [...new Set(records.flatMap((r) => r.approvedBy))];
    const denied = records.find((r) => r.state === 'denied');
    if (denied)
        return { ...denied, ignored };
    const unresolved = [...new Set(records.flatMap((r) => r.unresolved))];
    if (unresolved.length > 0)
        return { ...records.find((r) => r.state === 'unresolved'), approvedBy, ignored, unresolved };
    const missing = records.find((r) => r.state === 'missing');
    if (missing)
        return { ...missing, ignored };
    return {
        state: 'approved',
        approvedBy,
        deniedBy: undefined,
        ignored,
        unresolved: [],
        message: records.map((r) => r.message).join('; '),
    };
}
function unique(list) {
    const seen = new Set();
    return list.filter((i) => {
        const key = `${i.login}\n${i.why}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function recordOne(input, environment) {
    // Environment names are case-insensitive on GitHub (and ASCII-only lower-casing is enough
    // for the match: a look-alike name is another environment).
    const env = asciiLower(environment);
    const starters = new Set([input.actor, input.triggeringActor, input.author]
        .map((x) => (x === undefined ? undefined : (0,approval_login/* loginKey */.H$)(x)))
        .filter((x) => x !== undefined));
    const mine = input.entries.filter((e) => (Array.isArray(e.environments)
        ? e.environments
        : []).some((x) => typeof x?.name === 'string' && asciiLower(x.name) === env));
    const ignored = [];
    const approvedBy = [];
    const unresolved = [];
    for (const entry of mine) {
        const login = entry.user?.login;
        if (typeof login !== 'string' || !login) {
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
                message: `${login} rejected the deployment to environment ${environment}`,
            };
        }
        if (entry.state !== 'approved')
            continue;
        const key = (0,approval_login/* loginKey */.H$)(login);
        if (key === undefined) {
            ignored.push({ login, why: approval_login/* NON_ASCII_LOGIN */.Q });
            continue;
        }
        if ((0,approval_judge/* isBot */.w2)({ login, type: entry.user?.type ?? 'User' })) {
            ignored.push({ login, why: 'a bot cannot approve' });
            continue;
        }
        if (starters.has(key)) {
            ignored.push({
                login,
                why: 'self-approval: the actor or triggering actor of the run, or the pull request author',
            });
            continue;
        }
        const facts = input.facts.get(key);
        if (input.approvers !== undefined) {
            const verdict = (0,approval_judge/* authorize */.Gq)(login, input.approvers, facts);
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
        if (!approvedBy.some((a) => (0,approval_login/* loginKey */.H$)(a) === key))
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
            message: `environment ${environment} approved by ${approvedBy.join(', ')}`,
        };
    const why = mine.length === 0
        ? `no approval for environment ${environment} in the run's approval history (the environment may have no required reviewers, the job may not have been bound to it, or an administrator bypassed it)`
        : `${approvedBy.length} of ${input.minApprovals} required approval(s) for environment ${environment} count`;
    return {
        state: 'missing',
        approvedBy,
        deniedBy: undefined,
        ignored,
        unresolved: [],
        message: why,
    };
}
function asciiLower(text) {
    return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

;// CONCATENATED MODULE: ./src/engine/approval/types.ts
/**
 * `approval: wait` — the data the engine works on. Pure types: the request the gate posts,
 * what GitHub shows back (reviews, comments), what is known about a would-be approver, and
 * the port the wait loop talks to the API through (implemented in src/adapters/github/approval-api.ts).
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

;// CONCATENATED MODULE: ./src/adapters/github/approval-transport.ts

const PER_PAGE = 100;
function createApprovalTransport(client, options) {
    const maxPages = options.maxPages ?? 50;
    const pages = new Map();
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
    return {
        get requests() {
            return requests;
        },
        get rateLimit() {
            return rateLimit;
        },
        send,
        list,
    };
}
/** `path?k=v&per_page=100` (undefined values left out). */
function query(path, q) {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(q))
        if (v !== undefined)
            search.set(k, v);
    search.set('per_page', String(PER_PAGE));
    return `${path}?${search.toString()}`;
}
function ok(response) {
    if (response === 'not-modified')
        throw new ApprovalApiError('unexpected 304 Not Modified', 304, undefined);
    return response;
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

// EXTERNAL MODULE: ./src/engine/approval/render-request.ts
var render_request = __webpack_require__(2338);
;// CONCATENATED MODULE: ./src/adapters/github/approval-api.ts



/** GitHub accepts at most 10 assignees on an issue. */
const MAX_ASSIGNEES = 10;
function createApprovalApi(client, options) {
    const { owner, repo } = options;
    const log = options.log ?? (() => undefined);
    const http = createApprovalTransport(client, options);
    const { send, list } = http;
    const repoPath = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
    const teams = new Map();
    const permissions = new Map();
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
            return http.requests;
        },
        get rateLimit() {
            return http.rateLimit;
        },
        async findRequests(target) {
            if (target.kind === 'pull-request') {
                const comments = (await list(query(`${repoPath}/issues/${target.number}/comments`, {})));
                return comments
                    .filter((c) => (0,render_request/* parseMarker */.gY)(c.body ?? '') !== undefined)
                    .map((c) => fromComment(c, target.number));
            }
            const issues = (await list(query(`${repoPath}/issues`, {
                state: 'open',
                labels: render_request/* REQUEST_LABEL */.dF,
                sort: 'created',
                direction: 'desc',
            })));
            return issues
                .filter((i) => i.pull_request === undefined && (0,render_request/* parseMarker */.gY)(i.body ?? '') !== undefined)
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
                labels: [render_request/* REQUEST_LABEL */.dF],
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
        async teamVisibility(org, slug) {
            try {
                ok(await send('GET', `/orgs/${encodeURIComponent(org)}/teams/${encodeURIComponent(slug)}`));
                return 'visible';
            }
            catch (error) {
                // 404 (and a non-transient 403): this token cannot read the team. Anything else is
                // an error of the service, not an answer.
                if (error instanceof ApprovalApiError &&
                    (error.status === 404 || (error.status === 403 && !error.transient)))
                    return 'hidden';
                throw error;
            }
        },
        async requestReviewers(pull, users, teamSlugs) {
            ok(await send('POST', `${repoPath}/pulls/${pull}/requested_reviewers`, {
                reviewers: [...users],
                team_reviewers: [...teamSlugs],
            }));
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

;// CONCATENATED MODULE: ./src/adapters/action/approval-wait.ts
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

;// CONCATENATED MODULE: ./src/engine/approval/poll-schedule.ts
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

// EXTERNAL MODULE: ./src/engine/approval/request-digest.ts
var request_digest = __webpack_require__(62578);
;// CONCATENATED MODULE: ./src/engine/approval/reach.ts
/** GitHub logins and team slugs: what may follow an `@` without turning into other Markdown. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
function reachApprovers(input) {
    const excluded = new Set(input.excluded.filter((l) => !!l).map((l) => l.toLowerCase()));
    const warnings = [];
    const users = [];
    const teams = [];
    for (const spec of input.specs) {
        if (spec.kind === 'user') {
            if (excluded.has(spec.login.toLowerCase())) {
                warnings.push(`approver ${spec.login} started this run or wrote the pull request, so cannot approve it`);
                continue;
            }
            users.push(spec.login);
            continue;
        }
        const name = `${spec.org}/${spec.slug}`;
        if (input.teams.get(name.toLowerCase()) === 'hidden') {
            warnings.push(`team ${name} cannot be read with this token: pass an App token (or a token that can read the organization's teams) in \`token\`; until then its members' approvals cannot count`);
            continue;
        }
        teams.push({ org: spec.org, slug: spec.slug });
    }
    const min = Math.max(1, input.minApprovals);
    const never = users.length + teams.length === 0
        ? `no listed approver can ever count: ${warnings.join('; ')}`
        : teams.length === 0 && users.length < min
            ? `min-approvals is ${min} but only ${users.length} listed approver(s) can count${warnings.length > 0 ? `: ${warnings.join('; ')}` : ''}`
            : undefined;
    return {
        mentions: [
            ...users.filter((u) => LOGIN.test(u)).map((u) => `@${u}`),
            ...teams
                .filter((t) => LOGIN.test(t.org) && SLUG.test(t.slug))
                .map((t) => `@${t.org}/${t.slug}`),
        ],
        reviewers: users.filter((u) => LOGIN.test(u)),
        teamReviewers: teams
            .filter((t) => t.org.toLowerCase() === input.owner.toLowerCase() && SLUG.test(t.slug))
            .map((t) => t.slug),
        warnings,
        never,
    };
}

;// CONCATENATED MODULE: ./src/engine/approval/wait-types.ts
const DEFAULT_REQUEST_AUTHOR = 'github-actions[bot]';

// EXTERNAL MODULE: ./src/engine/escape.ts
var engine_escape = __webpack_require__(25775);
;// CONCATENATED MODULE: ./src/engine/approval/wait-steps.ts
/**
 * The API steps of the `approval: wait` loop (wait.ts), each a function of the wait's fixed
 * context: post or reuse the request, tell who can approve, look for answers, judge them.
 */






/**
 * Finds this job's open requests: reuses the one of the same digest posted with this token
 * (a restarted attempt), else posts a new one (and, on a pull request, asks the approvers for
 * a review beside it: `reviewsAsked`, never rejects); earlier ones are superseded.
 */
async function ensureRequest(ctx, reach) {
    const { deps, digest, specs, source, minApprovals, deadline } = ctx;
    const { api, log, target } = deps;
    let reviewsAsked;
    const found = await api.findRequests(target);
    const mine = found.filter((r) => {
        const m = (0,render_request/* parseMarker */.gY)(r.body);
        return (m !== undefined &&
            m.state === 'open' &&
            r.open &&
            m.job === deps.subject.job &&
            (m.workflow === undefined || m.workflow === deps.workflow));
    });
    // A request found by its marker is reused when it is this token's and of this digest
    // (a restarted attempt); everything else of this workflow job is superseded below.
    const trusted = deps.requestAuthor ?? DEFAULT_REQUEST_AUTHOR;
    const reuse = mine.find((r) => (0,render_request/* parseMarker */.gY)(r.body)?.digest === digest && (0,approval_login/* sameLogin */.Up)(r.author?.login, trusted));
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
            mentions: reach.mentions,
        };
        posted = await api.createRequest(target, {
            title: (0,render_request/* renderTitle */.zF)(input),
            body: (0,render_request/* renderRequest */.iP)(input),
            assignees: specs.flatMap((s) => (s.kind === 'user' ? [s.login] : [])),
        });
        // Not awaited here: a second write waits out the client's spacing of writes (1 s),
        // which must not delay the first look for an answer. `finish` awaits it.
        if (target.kind === 'pull-request')
            reviewsAsked = requestReviews(ctx, reach, target.number);
    }
    // Earlier requests of this workflow job, posted with this token: they no longer wait.
    const self = posted.author?.login;
    for (const old of mine) {
        if (old.kind === posted.kind && old.id === posted.id)
            continue;
        if (!(0,approval_login/* sameLogin */.Up)(old.author?.login, self))
            continue;
        const banner = (0,render_request/* outcomeBanner */.BM)('superseded', {
            link: posted.url,
            at: deps.now().toISOString(),
        });
        try {
            await api.updateRequest(old, (0,render_request/* renderClosed */.Z_)(old.body, banner), old.kind === 'issue' ? { reason: 'not_planned' } : undefined);
            log.info(`superseded the earlier approval request ${old.url}`);
        }
        catch (error) {
            log.warning(`could not supersede ${old.url}: ${message(error)}`);
        }
    }
    return { posted, reviewsAsked };
}
/** Who can be reached and can count: team visibility asked once, then reachApprovers. */
async function approversReach(ctx) {
    const { deps, specs, minApprovals } = ctx;
    const { api, log } = deps;
    const teams = new Map();
    for (const spec of specs) {
        if (spec.kind !== 'team' || !api.teamVisibility)
            continue;
        const name = `${spec.org}/${spec.slug}`;
        try {
            teams.set(name.toLowerCase(), await api.teamVisibility(spec.org, spec.slug));
        }
        catch (error) {
            // Not an answer: membership is still checked for every approval that arrives.
            log.warning(`could not tell whether team ${name} is readable: ${message(error)}`);
        }
    }
    return reachApprovers({
        specs,
        teams,
        excluded: [deps.actor, deps.triggeringActor, deps.author],
        minApprovals,
        owner: deps.subject.repository.split('/')[0] ?? '',
    });
}
/** Asks the approvers for a review of the pull request; a refusal is logged, not fatal. */
async function requestReviews(ctx, reach, pull) {
    const { api, log, author } = ctx.deps;
    const users = reach.reviewers.filter((u) => u.toLowerCase() !== author?.toLowerCase());
    if (!api.requestReviewers || users.length + reach.teamReviewers.length === 0)
        return;
    const who = [...users, ...reach.teamReviewers.map((t) => `team ${t}`)].join(', ');
    try {
        await api.requestReviewers(pull, users, reach.teamReviewers);
        log.info(`requested a review of pull request #${pull} from ${clean(who)}`);
    }
    catch (error) {
        log.warning(`could not request a review from ${clean(who)}: ${message(error)}`);
    }
}
/** One look at the request: the reviews (pull request) and the comments since it was posted. */
async function observe(ctx, posted) {
    const { api, target } = ctx.deps;
    const reviews = target.kind === 'pull-request' ? await api.listReviews(target.number) : [];
    // Comments updated since the request: everything that can count (and edits of older ones).
    const comments = await api.listComments(posted.thread, posted.createdAt);
    const fingerprint = [
        ...reviews.map((r) => `r${r.id}:${r.state}`),
        ...comments.map((c) => `c${c.id}:${c.updatedAt}`),
    ].join(',');
    return { reviews, comments, fingerprint };
}
/** Judges what was seen, resolving the facts (permission, team membership) it needs. */
async function decide(ctx, reviews, comments, posted) {
    const { deps, digest, specs, minApprovals, facts } = ctx;
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
    let judgement = (0,approval_judge/* judge */.S4)(input);
    for (let round = 0; judgement.unresolved.length > 0 && round < 3; round++) {
        for (const login of judgement.unresolved)
            await resolve(ctx, login, specs);
        judgement = (0,approval_judge/* judge */.S4)(input);
    }
    return judgement;
}
async function resolve(ctx, login, approvers) {
    const { deps, facts } = ctx;
    const { api } = deps;
    const key = (0,approval_login/* loginKey */.H$)(login) ?? login;
    let known = facts.get(key) ?? { permission: undefined, teams: {} };
    for (let need = (0,approval_judge/* nextFact */.y$)(login, approvers, known); need; need = (0,approval_judge/* nextFact */.y$)(login, approvers, known)) {
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
function message(error) {
    return error instanceof Error ? error.message : String(error);
}
function clean(text) {
    return (0,engine_escape/* escapeLogText */.dD)(text);
}

;// CONCATENATED MODULE: ./src/engine/approval/wait.ts
/**
 * `approval: wait`: post one approval request (a PR comment on pull-request events, else an
 * issue assigned to the listed approvers), then poll until an authorized approver approves,
 * one denies, the timeout passes or the job is cancelled. Re-runs reuse the request of the
 * same digest or supersede older ones of the same workflow job; the request is edited to
 * show the outcome at the end (an issue is also closed). Any API failure that outlives the
 * client's retries and a few spaced polls ends in `error` — never in approved.
 *
 * Everything the loop touches is injected (wait-types.ts): clock, sleep, cancellation, API,
 * log; the action adapter (src/adapters/action/approval-wait.ts) gives the real ones, tests fakes.
 */







const MAX_IGNORED = 200;
async function waitForApproval(deps) {
    const { api, signal, log, target } = deps;
    const options = { ...DEFAULT_POLL, ...deps.poll };
    const maxFailures = deps.maxFailures ?? 3;
    const t0 = deps.now().getTime();
    const timeoutMinutes = deps.timeoutMinutes ?? deps.approval.timeoutMinutes;
    const deadline = t0 + timeoutMinutes * 60_000;
    const digest = (0,request_digest/* requestDigest */.ud)(deps.subject);
    const minApprovals = Math.max(1, deps.approval.minApprovals);
    const source = deps.approval.approvers === undefined ? 'codeowners' : 'policy';
    const { specs, skipped } = (0,approval_judge/* parseApprovers */.CR)(deps.approval.approvers ?? deps.codeowners ?? []);
    if (skipped.length > 0)
        log.warning(`approvers that are not a login or org/team are skipped: ${wait_clean(skipped.join(', '))}`);
    const times = [];
    const ctx = {
        deps,
        digest,
        specs,
        source,
        minApprovals,
        deadline,
        facts: new Map(),
    };
    let request;
    let polls = 0;
    let last;
    /** The review request on a pull request, in flight beside the polls (it never rejects). */
    let reviewsAsked = Promise.resolve();
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
        await reviewsAsked;
        const decidedAt = deps.now().toISOString();
        const approvals = last?.approvals ?? [];
        if (request) {
            const banner = (0,render_request/* outcomeBanner */.BM)(state, {
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
                await track(() => api.updateRequest(request, (0,render_request/* renderClosed */.Z_)(request.body, banner), request.kind === 'issue'
                    ? { reason: state === 'approved' ? 'completed' : 'not_planned' }
                    : undefined));
            }
            catch (error) {
                log.warning(`could not update the approval request ${request.url}: ${wait_message(error)}`);
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
            log.info(`approval ${state}: ${wait_clean(detail)}`);
        else
            log.warning(`approval ${state}: ${wait_clean(detail)}`);
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
    // Who can be reached and can count — said at the start, and a wait nobody can ever satisfy
    // ends here instead of at its timeout.
    const reach = await track(() => approversReach(ctx));
    for (const warning of reach.warnings)
        log.warning(wait_clean(warning));
    if (reach.never)
        return finish('error', reach.never);
    try {
        const ensured = await track(() => ensureRequest(ctx, reach));
        request = ensured.posted;
        if (ensured.reviewsAsked)
            reviewsAsked = ensured.reviewsAsked;
    }
    catch (error) {
        return finish('error', `could not post the approval request: ${wait_message(error)}`);
    }
    log.info(`approval requested: ${request.url} (digest ${(0,request_digest/* digestPrefix */.L9)(digest)}, ${minApprovals} approval(s) from ${specs.map(render_request/* approverLabel */.qB).join(', ')}, until ${new Date(deadline).toISOString()})`);
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
            const seen = await untilAborted(track(() => observe(ctx, posted)), signal);
            perPoll = Math.max(1, api.requests - before);
            last = await track(() => decide(ctx, seen.reviews, seen.comments, posted));
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
            log.warning(`poll failed (${failures}/${maxFailures}), trying again later: ${wait_clean(err.message)}`);
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
function asApiError(error) {
    if (error instanceof ApprovalApiError)
        return error;
    return new ApprovalApiError(wait_message(error), undefined, undefined, { cause: error });
}
function wait_message(error) {
    return error instanceof Error ? error.message : String(error);
}
function wait_clean(text) {
    return (0,engine_escape/* escapeLogText */.dD)(text);
}

;// CONCATENATED MODULE: ./src/engine/approval/wait-record.ts
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

;// CONCATENATED MODULE: ./src/adapters/action/approval-flow.ts
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
                job: deps.requestJob ?? runner.job,
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
    const sha = data?.head?.sha;
    if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/i.test(sha))
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
    // Approvals count only for where the jobs really deploy: the `environment` input alone
    // (say staging, while the job deploys to production) is not enough.
    const environments = [
        ...new Map([deps.settings.environment, ...deps.jobEnvironments.names]
            .filter((e) => e !== undefined && e !== '')
            .map((e) => [e.toLowerCase(), e])).values(),
    ];
    const environment = environments.join(', ');
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
    if (deps.jobEnvironments.dynamic.length > 0)
        return fail(`job ${deps.jobEnvironments.dynamic.join(', ')} deploys to an environment given by an expression: which environment's approvals count cannot be known before the run, so none do`);
    if (environments.length === 0)
        return fail('`approval: record` needs the `environment` input (or a job bound to a literal `environment:`)');
    if (!runner.runId)
        return fail('GITHUB_RUN_ID is not set: the run approval history cannot be read');
    const client = await deps.client();
    const history = await client.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals', {
        owner: runner.owner,
        repo: runner.repo,
        run_id: Number(runner.runId),
        per_page: 100,
    });
    if (!Array.isArray(history))
        return fail("the run approvals API answered without a list: the run's approval history cannot be read");
    // Entries of another shape (no user, no environments) count for nothing.
    const entries = history.filter((e) => typeof e === 'object' &&
        e !== null &&
        Array.isArray(e.environments));
    // Who may approve: the policy's list, else the workflow's CODEOWNERS at the trusted commit;
    // with neither, the environment's required reviewers — who still need write permission.
    const owners = policy.approval.approvers === undefined ? await trustedOwners(deps) : [];
    const listed = policy.approval.approvers ?? (owners.length > 0 ? owners : undefined);
    const approvers = listed === undefined ? undefined : (0,approval_judge/* parseApprovers */.CR)(listed).specs;
    const api = createApprovalApi(client, { owner: runner.owner, repo: runner.repo });
    const facts = new Map();
    const judge = () => recordEnvironmentApprovals({
        entries,
        environments,
        actor: context.actor,
        triggeringActor: context.triggeringActor,
        author: context.pullRequest?.author,
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
                : (0,approval_judge/* nextFact */.y$)(login, approvers, known);
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


/***/ })

};
