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
import { input, stepAction } from './checkout-steps.js';

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

function refCertainty(entry: Entry): 'high' | 'medium' | undefined {
  const v = entry.value.trim();
  if (v === '') return undefined;
  if (PR_HEAD.test(v) || PR_CODE.test(v)) return 'high';
  if (!v.includes('${{')) return undefined;
  if (SAFE_REF.test(v)) return undefined;
  return 'medium';
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return offset;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** The untrusted checkouts of a job, in step order. */
export function untrustedCheckouts(job: Job): UntrustedCheckout[] {
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
      const certainty = ref && refCertainty(ref);
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
      found.push({
        step,
        kind: 'artifact',
        certainty: root ? 'medium' : 'low',
        what: `artifact download with ${action.name}`,
        at: [...step.at, 'uses'],
        offset: undefined,
        position: undefined,
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
    for (const hit of classifyScript(script).hits) {
      if (hit.class !== 'untrusted-checkout') continue;
      found.push({
        step,
        kind: 'command',
        certainty: 'high',
        what: `\`${hit.command}\``,
        at: [...step.at, 'run'],
        offset: offsetOf(script, hit.line, hit.column),
        position: { line: hit.line, column: hit.column },
      });
    }
    for (const c of splitCommands(script).commands) {
      const [tool, sub, verb] = c.argv.filter((a) => !a.startsWith('-'));
      if (tool !== 'gh' || sub !== 'run' || verb !== 'download') continue;
      found.push({
        step,
        kind: 'artifact',
        certainty: 'medium',
        what: '`gh run download`',
        at: [...step.at, 'run'],
        offset: offsetOf(script, c.line, c.column),
        position: { line: c.line, column: c.column },
      });
    }
  }
  return found;
}
