/**
 * Where a job brings pull-request code (or a pull request's build output) into the
 * workspace: `actions/checkout` of the head ref or the fork repository, `gh pr checkout` /
 * `git checkout|fetch` of a PR head in `run:`, and artifact downloads from other runs.
 */
import { classifyScript } from '../../inventory/commands.js';
import { PR_HEAD } from '../../inventory/command-table.js';
import { splitCommands } from '../../inventory/shell.js';
import type { Entry, Job, Step } from '../../workflow/model.js';
import type { YamlPath } from '../../workflow/source.js';
import { input, stepAction } from '../shared/checkout-steps.js';
import { hasExpression } from '../../workflow/expressions/fences.js';
import { offsetOf } from '../../workflow/text-position.js';
import { PR_CODE_EVENTS } from '../../workflow/event-sets.js';

export interface UntrustedCheckout {
  readonly step: Step;
  readonly kind: 'checkout-action' | 'command' | 'artifact';
  /**
   * Known to be the PR head (`high`), an expression of unknown origin or an artifact unpacked
   * into the workspace root (`medium`), or an artifact unpacked into its own directory (`low`).
   */
  readonly certainty: 'high' | 'medium' | 'low';
  /** What was checked out, e.g. `ref ${{ github.event.pull_request.head.sha }}`. */
  readonly what: string;
  /** Where to point: the `ref:` / `repository:` value, the `uses:`, or the `run:` block. */
  readonly at: YamlPath;
  /** Offset inside the scalar at `at` (commands in `run:`), else undefined. */
  readonly offset: number | undefined;
  /** Position of the command in the script (later commands of the same script count). */
  readonly position: { readonly line: number; readonly column: number } | undefined;
  /**
   * Where the code lands in the working tree when that is later than `step` / `position`
   * (a `git fetch` of the PR head checked out by a later command).
   */
  readonly lands?: {
    readonly step: Step;
    readonly position: { readonly line: number; readonly column: number } | undefined;
  };
  /** An artifact unpacked into this sub-directory of the workspace (normalised, no `./`). */
  readonly dir?: string;
}

/** What the job's workflow is, to recognise its own runs and trusted step outputs. */
export interface CheckoutScope {
  /** Events that start the workflow. */
  readonly triggers: readonly string[];
  /** The workflow's `name:` and file path. */
  readonly name?: string | undefined;
  readonly path?: string | undefined;
}

/** Untrusted heads beyond the shared PR_HEAD pattern: merge commits and fork repositories. */
const PR_CODE =
  /github\.event\.pull_request\.(?:merge_commit_sha|head\.label)\b|github\.event\.workflow_run\.pull_requests\b|refs\/pull\//i;
const FORK_REPO =
  /github\.event\.(?:pull_request\.head\.repo\.(?:full_name|name|clone_url|git_url|ssh_url)|workflow_run\.head_repository\.(?:full_name|name))\b/i;
/** Expressions that name the base, this repository's commit or its default branch. */
const SAFE_REF =
  /^\$\{\{\s*(?:github\.(?:sha|ref|ref_name|base_ref|workflow_sha|event\.repository\.default_branch|event\.pull_request\.base\.(?:sha|ref)|event\.workflow_run\.head_repository\.default_branch|event\.release\.tag_name|event\.after|event\.before)|env\.GITHUB_(?:SHA|REF|BASE_REF))\s*\}\}$/i;

const ARTIFACT_ACTIONS = new Set([
  'dawidd6/action-download-artifact',
  'aochmann/actions-download-artifact',
  'bettermarks/action-artifact-download',
  'blablacar/action-download-last-artifact',
]);

function refCertainty(entry: Entry, job: Job): 'high' | 'medium' | undefined {
  const v = entry.value.trim();
  if (v === '') return undefined;
  if (PR_HEAD.test(v) || PR_CODE.test(v)) return 'high';
  if (!hasExpression(v)) return undefined;
  if (SAFE_REF.test(v)) return undefined;
  if (baseOutput(v, job)) return undefined;
  return 'medium';
}

const STEP_OUTPUT = /^\$\{\{\s*steps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)\s*\}\}$/;
/** A value that names the base commit or branch, this run's commit, and no head. */
const BASE_VALUE =
  /\bbase\.(?:sha|ref)\b|\bcontext\.sha\b|\bgithub\.(?:sha|base_ref)\b|\bGITHUB_(?:SHA|BASE_REF)\b/;
const HEAD_VALUE = /head|merge|pull\/|inputs?\b|comment|body|title/i;

/**
 * `${{ steps.X.outputs.Y }}` where step X (earlier in the job) sets Y only from the base
 * commit or branch: `core.setOutput('Y', ….base.sha)` in actions/github-script, or
 * `echo "Y=${{ github.event.pull_request.base.sha }}" >> "$GITHUB_OUTPUT"`. Every assignment of
 * Y must be such a value; anything else keeps the ref untrusted.
 */
function baseOutput(value: string, job: Job): boolean {
  const m = STEP_OUTPUT.exec(value);
  if (!m) return false;
  const [, id, name] = m as unknown as [string, string, string];
  const step = job.steps.find((s) => s.id === id);
  if (!step) return false;
  const values: string[] = [];
  const esc = name.replace(/[-]/g, '\\-');
  if (stepAction(step)?.name === 'actions/github-script') {
    const script = input(step, 'script')?.value ?? '';
    const re = new RegExp(`\\bsetOutput\\(\\s*['"\`]${esc}['"\`]\\s*,\\s*([^\\n]*)`, 'g');
    for (const a of script.matchAll(re)) values.push(a[1] ?? '');
  } else if (step.run !== undefined) {
    const re = new RegExp(
      `(?:^|[\\s"'])${esc}=([^\\n]*?)["']?\\s*>>\\s*"?\\$\\{?GITHUB_OUTPUT`,
      'g',
    );
    for (const a of step.run.matchAll(re)) values.push(a[1] ?? '');
  }
  return (
    values.length > 0 &&
    values.every((v) => BASE_VALUE.test(v) && !HEAD_VALUE.test(v.replace(BASE_VALUE, '')))
  );
}

/** `./site/`, `${{ github.workspace }}/site` → `site`; undefined for the root or unknown. */
function subdirectory(path: string): string | undefined {
  const p = path
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/^(?:\$\{\{\s*github\.workspace\s*\}\}|\$\{?GITHUB_WORKSPACE\}?)\/?/, '')
    .replace(/^(?:\.\/)+/, '')
    .replace(/\/+$/, '');
  if (p === '' || p === '.' || hasExpression(p) || p.includes('$') || p.includes('\n'))
    return undefined;
  if (p.startsWith('/') || p.startsWith('~') || p.startsWith('..')) return undefined;
  return p;
}

/** Git subcommands that put a fetched ref into the working tree or the current branch. */
const MATERIALISE = new Set([
  'checkout',
  'switch',
  'reset',
  'restore',
  'worktree',
  'merge',
  'rebase',
  'cherry-pick',
  'pull',
  'am',
  'read-tree',
  'checkout-index',
]);

/** argv after `git` and its global options (`-C dir`, `-c k=v`, `--git-dir=…`). */
function gitArgs(argv: readonly string[]): string[] {
  const rest = argv.slice(1);
  while (rest.length > 0 && (rest[0] as string).startsWith('-')) {
    const flag = rest.shift() as string;
    if (flag === '-C' || flag === '-c') rest.shift();
  }
  return rest;
}

const stripRef = (r: string): string =>
  r.replace(/^\+/, '').replace(/^refs\/(?:heads\/|remotes\/)?/, '');

/** The local refs `git fetch <remote> <src>:<dst>…` writes (FETCH_HEAD always). */
function fetchedRefs(args: readonly string[]): string[] {
  const refs = ['FETCH_HEAD'];
  for (const a of args.slice(1)) {
    if (a.startsWith('-')) continue;
    const colon = a.indexOf(':');
    if (colon >= 0 && colon < a.length - 1) refs.push(stripRef(a.slice(colon + 1)));
  }
  return refs;
}

/** A word naming one of `refs`, or one we cannot read (a variable): fail closed. */
function namesRef(word: string, refs: readonly string[]): boolean {
  if (word.includes('$')) return true;
  const w = stripRef(word.replace(/[~^].*$/, ''));
  return refs.some((r) => w === r || r.endsWith(`/${w}`) || w.endsWith(`/${r}`));
}

/**
 * After `git fetch … pull/N/head:pr` at `position` of `step`: the first later git command
 * (same script or a later step) that checks out, resets to, merges or rebases onto a fetched
 * ref. Undefined = the PR head only sits in `.git` and never reaches the working tree.
 */
function materialised(
  job: Job,
  step: Step,
  position: { readonly line: number; readonly column: number },
  refs: readonly string[],
): { step: Step; position: { line: number; column: number } } | undefined {
  for (const s of job.steps) {
    if (s.index < step.index) continue;
    const action = stepAction(s);
    if (s.index > step.index && action?.name === 'actions/checkout') {
      const ref = input(s, 'ref')?.value.trim();
      if (ref && namesRef(ref, refs)) return { step: s, position: { line: 0, column: 0 } };
    }
    if (s.run === undefined) continue;
    for (const c of splitCommands(s.run).commands) {
      if (
        s.index === step.index &&
        (c.line < position.line || (c.line === position.line && c.column <= position.column))
      )
        continue;
      if (c.argv[0]?.replace(/^.*\//, '') !== 'git') continue;
      const [sub, ...rest] = gitArgs(c.argv);
      if (sub === undefined || !MATERIALISE.has(sub)) continue;
      if (rest.some((a) => !a.startsWith('-') && namesRef(a, refs)))
        return { step: s, position: { line: c.line, column: c.column } };
    }
  }
  return undefined;
}

/** `gh run download` flags that take a value. */
const GH_DOWNLOAD_VALUE_FLAGS = new Set([
  '-n',
  '--name',
  '-D',
  '--dir',
  '-p',
  '--pattern',
  '-R',
  '--repo',
]);

function flagValue(args: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    for (const n of names) {
      if (a === n) return args[i + 1];
      if (n.startsWith('--') && a.startsWith(`${n}=`)) return a.slice(n.length + 1);
    }
  }
  return undefined;
}

/**
 * A `gh run download` of this workflow's own runs: the run id is this run
 * (`${{ github.run_id }}`) or a variable the script sets only from `gh run list --workflow
 * <this workflow>`, and no trigger of the workflow runs a pull request's workflow file (so
 * every listed run executed the repository's own code). Another `--repo` is never trusted.
 */
function ownRunDownload(args: readonly string[], script: string, scope: CheckoutScope): boolean {
  if (flagValue(args, ['-R', '--repo']) !== undefined) return false;
  let runId: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (GH_DOWNLOAD_VALUE_FLAGS.has(a)) {
      i++;
      continue;
    }
    if (!a.startsWith('-')) {
      runId = a;
      break;
    }
  }
  if (runId === undefined) return false;
  if (/^(?:\$\{\{\s*github\.run_id\s*\}\}|\$\{?GITHUB_RUN_ID\}?)$/.test(runId)) return true;
  if (scope.triggers.some((t) => PR_CODE_EVENTS.includes(t))) return false;
  const v = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(runId)?.[1];
  if (v === undefined) return false;
  const assigns = [...script.matchAll(new RegExp(`(?:^|[\\s;&|(])${v}=([^\\n]*)`, 'g'))].map(
    (m) => m[1] ?? '',
  );
  const self = [
    '\\$\\{\\{\\s*github\\.workflow\\s*\\}\\}',
    '\\$\\{?GITHUB_WORKFLOW\\}?',
    ...[scope.name, scope.path?.replace(/^.*\//, '')]
      .filter((x): x is string => !!x)
      .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  ].join('|');
  const listsSelf = new RegExp(
    `^["']?\\$\\(\\s*gh\\s+run\\s+list\\b(?![^)]*(?:\\s-R|--repo))[^)]*(?:--workflow[=\\s]|-w\\s)\\s*["']?(?:${self})["']?(?:\\s|\\))`,
  );
  return assigns.length > 0 && assigns.every((a) => listsSelf.test(a));
}

/** The untrusted checkouts of a job, in step order. */
export function untrustedCheckouts(
  job: Job,
  scope: CheckoutScope = { triggers: [] },
): UntrustedCheckout[] {
  const found: UntrustedCheckout[] = [];
  for (const step of job.steps) {
    const action = stepAction(step);
    if (action?.name === 'actions/checkout') {
      const repo = input(step, 'repository');
      const ref = input(step, 'ref');
      if (repo && FORK_REPO.test(repo.value)) {
        found.push({
          step,
          kind: 'checkout-action',
          certainty: 'high',
          what: `repository ${repo.value.trim()}`,
          at: repo.at,
          offset: undefined,
          position: undefined,
        });
        continue;
      }
      const certainty = ref && refCertainty(ref, job);
      if (ref && certainty)
        found.push({
          step,
          kind: 'checkout-action',
          certainty,
          what: `ref ${ref.value.trim()}`,
          at: ref.at,
          offset: undefined,
          position: undefined,
        });
      continue;
    }
    if (
      action &&
      (ARTIFACT_ACTIONS.has(action.name) ||
        (action.name === 'actions/download-artifact' && input(step, 'run-id')))
    ) {
      const path = input(step, 'path')?.value.trim() ?? '';
      const root = path === '' || /^(?:\.\/?|\$\{\{\s*github\.workspace\s*\}\}\/?)$/.test(path);
      const dir = root ? undefined : subdirectory(path);
      found.push({
        step,
        kind: 'artifact',
        certainty: root ? 'medium' : 'low',
        what: `artifact download with ${action.name}${dir ? ` into \`${dir}\`` : ''}`,
        at: [...step.at, 'uses'],
        offset: undefined,
        position: undefined,
        ...(dir ? { dir } : {}),
      });
      continue;
    }
    if (
      action?.name === 'actions/github-script' &&
      /\bdownloadArtifact\b/.test(input(step, 'script')?.value ?? '')
    ) {
      found.push({
        step,
        kind: 'artifact',
        certainty: 'medium',
        what: 'artifact download in actions/github-script',
        at: [...step.at, 'uses'],
        offset: undefined,
        position: undefined,
      });
      continue;
    }
    if (step.run === undefined) continue;
    const script = step.run;
    const commands = splitCommands(script).commands;
    for (const hit of classifyScript(script).hits) {
      if (hit.class !== 'untrusted-checkout') continue;
      const position = { line: hit.line, column: hit.column };
      let lands: UntrustedCheckout['lands'];
      if (hit.kind === 'git-fetch-pr-head') {
        const command = commands.find((c) => c.line === hit.line && c.column === hit.column);
        const args = command ? gitArgs(command.argv) : [];
        if (args[0] === 'fetch') {
          // A fetch only writes `.git`: the code counts once a later command checks it out.
          lands = materialised(job, step, position, fetchedRefs(args));
          if (!lands) continue;
        }
      }
      found.push({
        step,
        kind: 'command',
        certainty: 'high',
        what: `\`${hit.command}\``,
        at: [...step.at, 'run'],
        offset: offsetOf(script, hit.line, hit.column),
        position,
        ...(lands ? { lands } : {}),
      });
    }
    for (const c of commands) {
      const [tool, sub, verb] = c.argv.filter((a) => !a.startsWith('-'));
      if (tool !== 'gh' || sub !== 'run' || verb !== 'download') continue;
      const args = c.argv.slice(c.argv.indexOf('download') + 1);
      if (ownRunDownload(args, script, scope)) continue;
      const target = flagValue(args, ['-D', '--dir']);
      const dir = target === undefined ? undefined : subdirectory(target);
      found.push({
        step,
        kind: 'artifact',
        certainty: target === undefined || dir === undefined ? 'medium' : 'low',
        what: `\`gh run download\`${dir ? ` into \`${dir}\`` : ''}`,
        at: [...step.at, 'run'],
        offset: offsetOf(script, c.line, c.column),
        position: { line: c.line, column: c.column },
        ...(dir ? { dir } : {}),
      });
    }
  }
  return found;
}
