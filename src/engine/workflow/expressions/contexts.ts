/**
 * The context capability table: which GitHub expression contexts an outsider can control.
 * Pure and data-driven: the table below is the only knowledge; dataflow.ts follows the
 * contexts that reach an expression's value and classifies each here.
 *
 * Capabilities:
 * - `arbitrary`: free text an outsider can set (titles, bodies, branch names, commit messages);
 * - `structured`: shaped text that may still carry shell syntax, or whose content is unknown
 *   (refs without spaces, e-mail addresses, URLs a user typed, step outputs);
 * - `fixed`: values nobody outside can shape (SHAs, ids, numbers, logins, repository names
 *   set by GitHub, runner paths, secrets).
 */
export type Capability = 'arbitrary' | 'structured' | 'fixed';

/**
 * The capability table: context patterns → capability, checked in order (first match wins).
 * Patterns are lower-case dotted paths; `*` matches one segment, `**` any number (≥ 0).
 */
export const CONTEXT_CAPABILITIES: readonly (readonly [pattern: string, capability: Capability])[] =
  [
    // — secrets, variables and run state: never outsider-controlled
    ['secrets.**', 'fixed'],
    ['vars.**', 'fixed'],
    ['runner.**', 'fixed'],
    ['job.**', 'fixed'],
    ['strategy.**', 'fixed'],
    ['steps.*.outcome', 'fixed'],
    ['steps.*.conclusion', 'fixed'],
    ['needs.*.result', 'fixed'],
    // Step and job outputs: content unknown here, often derived from event text.
    ['steps.*.outputs.**', 'structured'],
    ['needs.*.outputs.**', 'structured'],
    ['jobs.*.outputs.**', 'structured'],
    ['jobs.*.result', 'fixed'],
    // Inputs: typed by the caller (see `inputCapability`); untyped = free text.
    ['inputs.**', 'arbitrary'],
    ['github.event.inputs.**', 'arbitrary'],
    // repository_dispatch payloads are whatever the sender posts.
    ['github.event.client_payload.**', 'arbitrary'],

    // — the `github` context outside the event payload
    ['github.head_ref', 'arbitrary'],
    // Branch and tag names: no spaces, but `$(…)`, `;`, `|` and `${IFS}` are legal.
    ['github.ref', 'structured'],
    ['github.ref_name', 'structured'],
    ['github.base_ref', 'structured'],
    ['github.actor', 'fixed'],
    ['github.triggering_actor', 'fixed'],
    ['github.actor_id', 'fixed'],
    ['github.repository', 'fixed'],
    ['github.repository_id', 'fixed'],
    ['github.repository_owner', 'fixed'],
    ['github.repository_owner_id', 'fixed'],
    ['github.repositoryurl', 'fixed'],
    ['github.workspace', 'fixed'],
    ['github.sha', 'fixed'],
    ['github.token', 'fixed'],
    ['github.job', 'fixed'],
    ['github.run_id', 'fixed'],
    ['github.run_number', 'fixed'],
    ['github.run_attempt', 'fixed'],
    ['github.retention_days', 'fixed'],
    ['github.event_name', 'fixed'],
    ['github.event_path', 'fixed'],
    ['github.env', 'fixed'],
    ['github.path', 'fixed'],
    ['github.output', 'fixed'],
    ['github.state', 'fixed'],
    ['github.step_summary', 'fixed'],
    ['github.action', 'fixed'],
    ['github.action_path', 'fixed'],
    ['github.action_ref', 'fixed'],
    ['github.action_repository', 'fixed'],
    ['github.action_status', 'fixed'],
    ['github.ref_type', 'fixed'],
    ['github.ref_protected', 'fixed'],
    ['github.server_url', 'fixed'],
    ['github.api_url', 'fixed'],
    ['github.graphql_url', 'fixed'],
    ['github.workflow', 'fixed'],
    ['github.workflow_ref', 'fixed'],
    ['github.workflow_sha', 'fixed'],
    ['github.job_workflow_sha', 'fixed'],
    ['github.secret_source', 'fixed'],
    ['github.event.action', 'fixed'],
    ['github.event.number', 'fixed'],
    ['github.event.after', 'fixed'],
    ['github.event.before', 'fixed'],
    ['github.event.forced', 'fixed'],
    ['github.event.created', 'fixed'],
    ['github.event.deleted', 'fixed'],
    ['github.event.ref_type', 'fixed'],
    ['github.event.master_branch', 'structured'],
    // This repository, its owner and the app installation: set by the maintainers.
    ['github.event.repository.**', 'fixed'],
    ['github.event.organization.**', 'fixed'],
    ['github.event.enterprise.**', 'fixed'],
    ['github.event.installation.**', 'fixed'],
    // An issue's `pull_request` object holds only URLs and `merged_at`.
    ['github.event.issue.pull_request.**', 'fixed'],

    // — event payload: free text an outsider writes
    ['github.event.issue.title', 'arbitrary'],
    ['github.event.issue.body', 'arbitrary'],
    ['github.event.pull_request.title', 'arbitrary'],
    ['github.event.pull_request.body', 'arbitrary'],
    ['github.event.pull_request.head.ref', 'arbitrary'],
    ['github.event.pull_request.head.label', 'arbitrary'],
    ['github.event.pull_request.head.repo.default_branch', 'arbitrary'],
    ['github.event.pull_request.head.repo.description', 'arbitrary'],
    ['github.event.pull_request.head.repo.homepage', 'structured'],
    ['github.event.pull_request.head.repo.name', 'structured'],
    ['github.event.pull_request.head.repo.full_name', 'structured'],
    ['github.event.pull_request.base.ref', 'structured'],
    ['github.event.pull_request.base.label', 'structured'],
    ['github.event.pull_request.base.repo.**', 'fixed'],
    ['github.event.comment.body', 'arbitrary'],
    ['github.event.review.body', 'arbitrary'],
    ['github.event.review_comment.body', 'arbitrary'],
    ['github.event.discussion.title', 'arbitrary'],
    ['github.event.discussion.body', 'arbitrary'],
    ['github.event.discussion.category.name', 'fixed'],
    ['github.event.pages.*.page_name', 'arbitrary'],
    ['github.event.pages.*.title', 'arbitrary'],
    ['github.event.pages.*.summary', 'arbitrary'],
    ['github.event.head_commit.message', 'arbitrary'],
    ['github.event.head_commit.author.name', 'arbitrary'],
    // Git does not validate the e-mail of a commit: any text without `<>` or newline.
    ['github.event.head_commit.author.email', 'arbitrary'],
    ['github.event.head_commit.committer.name', 'arbitrary'],
    ['github.event.head_commit.committer.email', 'arbitrary'],
    ['github.event.commits.*.message', 'arbitrary'],
    ['github.event.commits.*.author.name', 'arbitrary'],
    ['github.event.commits.*.author.email', 'arbitrary'],
    ['github.event.commits.*.committer.name', 'arbitrary'],
    ['github.event.commits.*.committer.email', 'arbitrary'],
    ['github.event.commits.*.added.*', 'arbitrary'],
    ['github.event.commits.*.modified.*', 'arbitrary'],
    ['github.event.commits.*.removed.*', 'arbitrary'],
    ['github.event.workflow_run.head_branch', 'arbitrary'],
    ['github.event.workflow_run.display_title', 'arbitrary'],
    // The run's name comes from the workflow file of the head commit (a fork's, for PRs).
    ['github.event.workflow_run.name', 'arbitrary'],
    ['github.event.workflow_run.head_commit.message', 'arbitrary'],
    ['github.event.workflow_run.head_commit.author.name', 'arbitrary'],
    ['github.event.workflow_run.head_commit.author.email', 'arbitrary'],
    ['github.event.workflow_run.head_commit.committer.name', 'arbitrary'],
    ['github.event.workflow_run.head_commit.committer.email', 'arbitrary'],
    ['github.event.workflow_run.head_repository.description', 'arbitrary'],
    ['github.event.workflow_run.head_repository.name', 'structured'],
    ['github.event.workflow_run.head_repository.full_name', 'structured'],
    ['github.event.workflow_run.head_repository.owner.email', 'structured'],
    ['github.event.workflow_run.pull_requests.*.head.ref', 'arbitrary'],
    ['github.event.workflow_run.pull_requests.*.base.ref', 'structured'],
    ['github.event.workflow_run.path', 'structured'],
    ['github.event.workflow_job.head_branch', 'arbitrary'],
    ['github.event.workflow_job.workflow_name', 'arbitrary'],
    ['github.event.check_suite.head_branch', 'arbitrary'],
    ['github.event.check_suite.head_commit.message', 'arbitrary'],
    ['github.event.check_suite.head_commit.author.*', 'arbitrary'],
    ['github.event.check_suite.head_commit.committer.*', 'arbitrary'],
    ['github.event.check_suite.pull_requests.*.head.ref', 'arbitrary'],
    ['github.event.check_run.check_suite.head_branch', 'arbitrary'],
    ['github.event.check_run.pull_requests.*.head.ref', 'arbitrary'],
    ['github.event.check_run.output.**', 'arbitrary'],
    ['github.event.merge_group.head_commit.message', 'arbitrary'],
    ['github.event.merge_group.head_commit.author.*', 'arbitrary'],
    ['github.event.merge_group.head_commit.committer.*', 'arbitrary'],
    ['github.event.merge_group.head_ref', 'structured'],
    ['github.event.merge_group.base_ref', 'structured'],
    ['github.event.release.name', 'arbitrary'],
    ['github.event.release.body', 'arbitrary'],
    ['github.event.release.tag_name', 'structured'],
    ['github.event.release.target_commitish', 'structured'],
    ['github.event.milestone.title', 'arbitrary'],
    ['github.event.milestone.description', 'arbitrary'],
    ['github.event.project_card.note', 'arbitrary'],
    ['github.event.deployment.payload.**', 'arbitrary'],
    ['github.event.deployment.description', 'arbitrary'],
    ['github.event.deployment.ref', 'structured'],
    ['github.event.deployment.environment', 'structured'],
    ['github.event.deployment_status.description', 'arbitrary'],
    ['github.event.deployment_status.environment', 'structured'],
    ['github.event.forkee.description', 'arbitrary'],
    ['github.event.forkee.homepage', 'structured'],
    ['github.event.blocked_user.name', 'arbitrary'],
    ['github.event.blocked_user.email', 'structured'],
    ['github.event.ref', 'structured'],
    ['github.event.base_ref', 'structured'],
    ['github.event.compare', 'fixed'],

    // — labels (any triager can create one with any name)
    ['github.event.label.name', 'arbitrary'],
    ['github.event.label.description', 'arbitrary'],
    ['github.event.**.labels.*.name', 'arbitrary'],
    ['github.event.**.labels.*.description', 'arbitrary'],

    // — user and repository objects anywhere in the payload
    ['github.event.**.login', 'fixed'],
    ['github.event.**.user.name', 'arbitrary'],
    ['github.event.**.user.email', 'structured'],
    ['github.event.**.owner.name', 'arbitrary'],
    ['github.event.**.owner.email', 'structured'],
    ['github.event.**.repository.name', 'fixed'],
    ['github.event.**.repository.full_name', 'fixed'],
    ['github.event.**.repository.default_branch', 'fixed'],
    ['github.event.**.repository.description', 'arbitrary'],
    ['github.event.**.repository.homepage', 'structured'],
    ['github.event.**.repo.name', 'structured'],
    ['github.event.**.repo.full_name', 'structured'],
    ['github.event.**.repo.description', 'arbitrary'],

    // — leaf names that are fixed wherever they appear
    ['github.event.**.sha', 'fixed'],
    ['github.event.**.*_sha', 'fixed'],
    ['github.event.**.id', 'fixed'],
    ['github.event.**.*_id', 'fixed'],
    ['github.event.**.node_id', 'fixed'],
    ['github.event.**.number', 'fixed'],
    ['github.event.**.url', 'fixed'],
    ['github.event.**.*_url', 'fixed'],
    ['github.event.**.*_at', 'fixed'],
    ['github.event.**.state', 'fixed'],
    ['github.event.**.state_reason', 'fixed'],
    ['github.event.**.status', 'fixed'],
    ['github.event.**.conclusion', 'fixed'],
    ['github.event.**.event', 'fixed'],
    ['github.event.**.type', 'fixed'],
    ['github.event.**.author_association', 'fixed'],
    ['github.event.**.merged', 'fixed'],
    ['github.event.**.mergeable', 'fixed'],
    ['github.event.**.mergeable_state', 'fixed'],
    ['github.event.**.rebaseable', 'fixed'],
    ['github.event.**.draft', 'fixed'],
    ['github.event.**.prerelease', 'fixed'],
    ['github.event.**.locked', 'fixed'],
    ['github.event.**.fork', 'fixed'],
    ['github.event.**.private', 'fixed'],
    ['github.event.**.visibility', 'fixed'],
    ['github.event.**.site_admin', 'fixed'],
    ['github.event.**.color', 'fixed'],
    ['github.event.**.default', 'fixed'],
    ['github.event.**.comments', 'fixed'],
    ['github.event.pull_request.commits', 'fixed'],
    ['github.event.pull_request.review_comments', 'fixed'],
    ['github.event.**.additions', 'fixed'],
    ['github.event.**.deletions', 'fixed'],
    ['github.event.**.changed_files', 'fixed'],
    ['github.event.**.run_number', 'fixed'],
    ['github.event.**.run_attempt', 'fixed'],
    ['github.event.**.position', 'fixed'],
    ['github.event.**.line', 'fixed'],
    ['github.event.**.original_line', 'fixed'],
    ['github.event.**.start_line', 'fixed'],
    ['github.event.**.side', 'fixed'],
    ['github.event.**.timestamp', 'fixed'],
    ['github.event.**.tree_id', 'fixed'],
    ['github.event.**.distinct', 'fixed'],
    ['github.event.**.size', 'fixed'],
    ['github.event.**.count', 'fixed'],
    ['github.event.**.total_count', 'fixed'],

    // — leaf names that are free text wherever they appear
    ['github.event.**.title', 'arbitrary'],
    ['github.event.**.body', 'arbitrary'],
    ['github.event.**.message', 'arbitrary'],
    ['github.event.**.description', 'arbitrary'],
    ['github.event.**.head_branch', 'arbitrary'],
    ['github.event.**.head_ref', 'arbitrary'],
    ['github.event.**.label', 'arbitrary'],
    ['github.event.**.name', 'arbitrary'],
    ['github.event.**.note', 'arbitrary'],
    ['github.event.**.summary', 'arbitrary'],
    ['github.event.**.text', 'arbitrary'],
    ['github.event.**.diff_hunk', 'arbitrary'],
    ['github.event.**.path', 'arbitrary'],
    ['github.event.**.email', 'structured'],
    ['github.event.**.ref', 'structured'],
    ['github.event.**.homepage', 'structured'],
    ['github.event.**.blog', 'structured'],
  ];

interface CompiledPattern {
  readonly segments: readonly string[];
  readonly capability: Capability;
}

const COMPILED: readonly CompiledPattern[] = CONTEXT_CAPABILITIES.map(([p, capability]) => ({
  segments: p.split('.'),
  capability,
}));

/** One pattern segment against one context segment (`*` in the context = any index). */
function segmentMatches(pattern: string, segment: string): boolean {
  if (pattern === '*' || segment === '*') return true;
  if (pattern.startsWith('*_')) return segment.endsWith(pattern.slice(1));
  return pattern === segment;
}

/** Whole-path match; with `prefix`, `ctx` may be an object the pattern reaches into. */
function matches(pattern: readonly string[], ctx: readonly string[], prefix: boolean): boolean {
  const go = (pi: number, ci: number): boolean => {
    if (ci === ctx.length) {
      if (pi === pattern.length) return true;
      if (!prefix) return pattern.slice(pi).every((s) => s === '**');
      return true;
    }
    if (pi === pattern.length) return false;
    const p = pattern[pi] as string;
    if (p === '**') return go(pi + 1, ci) || go(pi, ci + 1);
    return segmentMatches(p, ctx[ci] as string) && go(pi + 1, ci + 1);
  };
  return go(0, 0);
}

const RANK: Record<Capability, number> = { fixed: 0, structured: 1, arbitrary: 2 };

/**
 * Splits a context path into lower-case segments: `a['b'].c[0]` → `a`, `b`, `c`, `*`.
 * Returns undefined when it is not a context path.
 */
export function normalizeContext(context: string): string[] | undefined {
  const segments: string[] = [];
  const re =
    /\s*(?:\.\s*([A-Za-z_*][A-Za-z0-9_-]*|\*)|\[\s*(?:'((?:[^']|'')*)'|"([^"]*)"|([^\]]*))\s*\])/y;
  const head = /^\s*([A-Za-z_][A-Za-z0-9_-]*)/.exec(context);
  if (!head) return undefined;
  segments.push((head[1] as string).toLowerCase());
  re.lastIndex = head[0].length;
  while (re.lastIndex < context.length) {
    const start = re.lastIndex;
    const m = re.exec(context);
    if (!m || m.index !== start) {
      if (/^\s*$/.test(context.slice(start))) break;
      return undefined;
    }
    const literal = m[1] ?? (m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3]);
    segments.push(literal !== undefined ? literal.toLowerCase() : '*');
  }
  return segments;
}

/**
 * Capability of a context path such as `github.event.issue.title`, `github.head_ref`,
 * `inputs.x`. An object path (`github.event.issue`, `github.event`) has the worst capability
 * of what it contains, since `toJSON` of it carries those fields. Undefined = not known
 * (`matrix.*`, `env.*`, unknown payload fields).
 */
export function contextCapability(context: string): Capability | undefined {
  const segs = normalizeContext(context);
  if (!segs) return undefined;
  return capabilityOf(segs);
}

export function capabilityOf(segs: readonly string[]): Capability | undefined {
  for (const p of COMPILED) if (matches(p.segments, segs, false)) return p.capability;
  // An object: the worst field any specific (non-`**`) pattern reaches inside it.
  if (segs[0] !== 'github') return undefined;
  let worst: Capability | undefined;
  for (const p of COMPILED) {
    if (p.segments.includes('**') || p.segments.length <= segs.length) continue;
    if (!matches(p.segments, segs, true)) continue;
    if (worst === undefined || RANK[p.capability] > RANK[worst]) worst = p.capability;
  }
  return worst;
}

/** Capability of a declared input by its type (`workflow_dispatch` / `workflow_call`). */
export function inputCapability(type: string | undefined): Capability {
  switch ((type ?? 'string').toLowerCase()) {
    case 'boolean':
    case 'number':
    case 'choice':
    case 'environment':
      return 'fixed';
    default:
      return 'arbitrary';
  }
}
