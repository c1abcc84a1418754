/**
 * bot-conditions — an `if:` trusts a run because `github.actor` (or the triggering actor,
 * or the event sender) is a bot. The actor is whoever caused the latest event, not who
 * wrote the code: an outsider can make Dependabot or another bot the actor of a run on
 * their own pull request. zizmor's `bot-conditions` (dominating check = high confidence).
 */
import type { ExprNode } from '../workflow/expressions/grammar.js';
import { contextName, parseExpression, visit } from '../workflow/expressions/grammar.js';
import { expressionSites } from '../workflow/expressions/sites.js';
import { OUTSIDER_EVENTS, OUTSIDER_PRIVILEGED_EVENTS } from '../workflow/event-sets.js';
import type { Confidence, RuleHit, Severity } from './types.js';
import { NO_OPTIONS, defineRule } from './types.js';

const ACTOR_CONTEXTS = new Set([
  'github.actor',
  'github.triggering_actor',
  'github.event.sender.login',
  'github.event.pull_request.sender.login',
]);
const ACTOR_ID_CONTEXTS = new Set([
  'github.actor_id',
  'github.triggering_actor_id',
  'github.event.sender.id',
  'github.event.pull_request.sender.id',
]);
/** Well-known bot account ids (Dependabot, Renovate, …) that zizmor lists. */
const BOT_IDS = new Set(['29110', '49699333', '27856297', '29139614']);
const STRING_TESTS = new Set(['contains', 'startswith', 'endswith']);

const isBotName = (n: ExprNode | undefined): boolean =>
  n?.kind === 'literal' && typeof n.value === 'string' && /\[bot\]/i.test(n.value);
const isBotId = (n: ExprNode | undefined): boolean =>
  n?.kind === 'literal' &&
  (typeof n.value === 'number' || typeof n.value === 'string') &&
  BOT_IDS.has(String(n.value).trim());
const isActor = (n: ExprNode | undefined): boolean =>
  n !== undefined && ACTOR_CONTEXTS.has(contextName(n) ?? '');
const isActorId = (n: ExprNode | undefined): boolean =>
  n !== undefined && ACTOR_ID_CONTEXTS.has(contextName(n) ?? '');
/** A literal list of bots: `'["dependabot[bot]"]'` or `fromJSON('[…]')`. */
const isBotList = (n: ExprNode | undefined): boolean =>
  isBotName(n) || (n?.kind === 'call' && n.name === 'fromjson' && isBotName(n.args[0]));

export default defineRule({
  meta: {
    id: 'bot-conditions',
    title: 'Spoofable bot check in `if:` (`github.actor == …[bot]`)',
    description:
      '`github.actor` is the account behind the latest event of the run, not the author of the code it runs. An outsider can make a bot the actor (e.g. by getting Dependabot to update their pull request), so a condition that trusts bot actors — to auto-merge, approve or skip checks — can be satisfied by them.',
    severity: 'high',
    confidence: 'high',
    category: 'workflow',
    messages: {
      trusts:
        "{{where}} trusts `{{condition}}`: the actor of a run can be a bot on an outsider's behalf",
      trustsNested:
        "{{where}} trusts `{{condition}}` (with other conditions): the actor of a run can be a bot on an outsider's behalf",
    },
    peers: ['zizmor:bot-conditions', 'octoscan:bot-check'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      "Check who created the content instead: `github.event.pull_request.user.login == 'dependabot[bot]'` for pull requests, `github.event.comment.user.login` for comments — and prefer `dependabot/fetch-metadata` for Dependabot automation.",
    options: NO_OPTIONS,
  },
  defaultOptions: {},
  check({ workflow, job, inventory, locateIn }) {
    // Privileged events give the spoofed run write access and secrets; pull requests from
    // forks get a read-only token; other events (push, schedule) have no outsider actor.
    // Read only when a check is found: a job without one is the same under every trigger.
    const severity = (): Severity =>
      inventory.triggers.some((t) => OUTSIDER_PRIVILEGED_EVENTS.has(t))
        ? 'high'
        : inventory.triggers.some((t) => OUTSIDER_EVENTS.has(t))
          ? 'medium'
          : 'low';
    const sites = expressionSites(
      (workflow.source.data as { jobs?: Record<string, unknown> }).jobs?.[job.id],
      job.at,
    ).filter((s) => s.condition);
    const hits: RuleHit[] = [];
    for (const site of sites) {
      const tree = parseExpression(site.body);
      if (!tree) continue;
      visit(tree, (node, ancestors) => {
        const check = botCheck(node);
        if (!check || ancestors.some((a) => a.kind === 'not')) return;
        const nested = ancestors.some(
          (a) => (a.kind === 'binary' && a.op === '&&') || a.kind === 'call',
        );
        const confidence: Confidence = nested ? 'medium' : 'high';
        const where =
          site.path.length > job.at.length + 1
            ? `step ${Number(site.path[job.at.length + 1]) + 1} of job \`${job.id}\``
            : `job \`${job.id}\``;
        hits.push({
          at: locateIn(site.path, site.offset + node.start),
          messageId: nested ? 'trustsNested' : 'trusts',
          data: { where, condition: site.body.slice(node.start, node.end).trim() },
          confidence,
          severity: severity(),
        });
      });
    }
    return hits;
  },
});

/** `actor == '…[bot]'`, `actor_id == <bot id>`, `endsWith(actor, '[bot]')`, `contains(list, actor)`. */
function botCheck(node: ExprNode): boolean {
  if (node.kind === 'binary' && node.op === '==') {
    const { left, right } = node;
    return (
      (isActor(left) && isBotName(right)) ||
      (isActor(right) && isBotName(left)) ||
      (isActorId(left) && isBotId(right)) ||
      (isActorId(right) && isBotId(left))
    );
  }
  if (node.kind === 'call' && STRING_TESTS.has(node.name)) {
    const [a, b] = node.args;
    return (isActor(a) && isBotName(b)) || (node.name === 'contains' && isBotList(a) && isActor(b));
  }
  return false;
}
