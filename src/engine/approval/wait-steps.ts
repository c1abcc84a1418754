/**
 * The API steps of the `approval: wait` loop (wait.ts), each a function of the wait's fixed
 * context: post or reuse the request, tell who can approve, look for answers, judge them.
 */
import { judge, nextFact } from './judge.js';
import { loginKey, sameLogin } from './login.js';
import { reachApprovers, type Reach } from './reach.js';
import {
  outcomeBanner,
  parseMarker,
  renderClosed,
  renderRequest,
  renderTitle,
} from './render-request.js';
import type {
  ApproverFacts,
  ApproverSpec,
  Judgement,
  ObservedComment,
  ObservedReview,
  PostedRequest,
} from './types.js';
import { DEFAULT_REQUEST_AUTHOR, type WaitDeps } from './wait-types.js';
import { escapeLogText } from '../escape.js';

/** What one wait fixes at its start. */
export interface WaitContext {
  readonly deps: WaitDeps;
  readonly digest: string;
  readonly specs: readonly ApproverSpec[];
  readonly source: 'codeowners' | 'policy';
  readonly minApprovals: number;
  /** Epoch milliseconds. */
  readonly deadline: number;
  /** What is known of each would-be approver, by login key (filled as the wait goes). */
  readonly facts: Map<string, ApproverFacts>;
}

/**
 * Finds this job's open requests: reuses the one of the same digest posted with this token
 * (a restarted attempt), else posts a new one (and, on a pull request, asks the approvers for
 * a review beside it: `reviewsAsked`, never rejects); earlier ones are superseded.
 */
export async function ensureRequest(
  ctx: WaitContext,
  reach: Reach,
): Promise<{ posted: PostedRequest; reviewsAsked: Promise<void> | undefined }> {
  const { deps, digest, specs, source, minApprovals, deadline } = ctx;
  const { api, log, target } = deps;
  let reviewsAsked: Promise<void> | undefined;
  const found = await api.findRequests(target);
  const mine = found.filter((r) => {
    const m = parseMarker(r.body);
    return (
      m !== undefined &&
      m.state === 'open' &&
      r.open &&
      m.job === deps.subject.job &&
      (m.workflow === undefined || m.workflow === deps.workflow)
    );
  });
  // A request found by its marker is reused when it is this token's and of this digest
  // (a restarted attempt); everything else of this workflow job is superseded below.
  const trusted = deps.requestAuthor ?? DEFAULT_REQUEST_AUTHOR;
  const reuse = mine.find(
    (r) => parseMarker(r.body)?.digest === digest && sameLogin(r.author?.login, trusted),
  );
  let posted: PostedRequest;
  if (reuse) {
    posted = reuse;
    log.info(`reusing the approval request ${reuse.url} of the same digest`);
  } else {
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
    } as const;
    posted = await api.createRequest(target, {
      title: renderTitle(input),
      body: renderRequest(input),
      assignees: specs.flatMap((s) => (s.kind === 'user' ? [s.login] : [])),
    });
    // Not awaited here: a second write waits out the client's spacing of writes (1 s),
    // which must not delay the first look for an answer. `finish` awaits it.
    if (target.kind === 'pull-request') reviewsAsked = requestReviews(ctx, reach, target.number);
  }
  // Earlier requests of this workflow job, posted with this token: they no longer wait.
  const self = posted.author?.login;
  for (const old of mine) {
    if (old.kind === posted.kind && old.id === posted.id) continue;
    if (!sameLogin(old.author?.login, self)) continue;
    const banner = outcomeBanner('superseded', {
      link: posted.url,
      at: deps.now().toISOString(),
    });
    try {
      await api.updateRequest(
        old,
        renderClosed(old.body, banner),
        old.kind === 'issue' ? { reason: 'not_planned' } : undefined,
      );
      log.info(`superseded the earlier approval request ${old.url}`);
    } catch (error) {
      log.warning(`could not supersede ${old.url}: ${message(error)}`);
    }
  }
  return { posted, reviewsAsked };
}

/** Who can be reached and can count: team visibility asked once, then reachApprovers. */
export async function approversReach(ctx: WaitContext): Promise<Reach> {
  const { deps, specs, minApprovals } = ctx;
  const { api, log } = deps;
  const teams = new Map<string, 'visible' | 'hidden'>();
  for (const spec of specs) {
    if (spec.kind !== 'team' || !api.teamVisibility) continue;
    const name = `${spec.org}/${spec.slug}`;
    try {
      teams.set(name.toLowerCase(), await api.teamVisibility(spec.org, spec.slug));
    } catch (error) {
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
async function requestReviews(ctx: WaitContext, reach: Reach, pull: number): Promise<void> {
  const { api, log, author } = ctx.deps;
  const users = reach.reviewers.filter((u) => u.toLowerCase() !== author?.toLowerCase());
  if (!api.requestReviewers || users.length + reach.teamReviewers.length === 0) return;
  const who = [...users, ...reach.teamReviewers.map((t) => `team ${t}`)].join(', ');
  try {
    await api.requestReviewers(pull, users, reach.teamReviewers);
    log.info(`requested a review of pull request #${pull} from ${clean(who)}`);
  } catch (error) {
    log.warning(`could not request a review from ${clean(who)}: ${message(error)}`);
  }
}

/** One look at the request: the reviews (pull request) and the comments since it was posted. */
export async function observe(
  ctx: WaitContext,
  posted: PostedRequest,
): Promise<{
  reviews: ObservedReview[];
  comments: ObservedComment[];
  fingerprint: string;
}> {
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
export async function decide(
  ctx: WaitContext,
  reviews: readonly ObservedReview[],
  comments: readonly ObservedComment[],
  posted: PostedRequest,
): Promise<Judgement> {
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
  let judgement = judge(input);
  for (let round = 0; judgement.unresolved.length > 0 && round < 3; round++) {
    for (const login of judgement.unresolved) await resolve(ctx, login, specs);
    judgement = judge(input);
  }
  return judgement;
}

async function resolve(
  ctx: WaitContext,
  login: string,
  approvers: readonly ApproverSpec[],
): Promise<void> {
  const { deps, facts } = ctx;
  const { api } = deps;
  const key = loginKey(login) ?? login;
  let known: ApproverFacts = facts.get(key) ?? { permission: undefined, teams: {} };
  for (
    let need = nextFact(login, approvers, known);
    need;
    need = nextFact(login, approvers, known)
  ) {
    if (need.kind === 'team') {
      const state = await api.teamMembership(need.org, need.slug, login);
      known = {
        ...known,
        teams: { ...known.teams, [`${need.org}/${need.slug}`.toLowerCase()]: state },
      };
    } else {
      known = { ...known, permission: await api.permission(login) };
    }
    facts.set(key, known);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function clean(text: string): string {
  return escapeLogText(text);
}
