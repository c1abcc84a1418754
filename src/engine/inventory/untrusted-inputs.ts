/**
 * Whether a job brings pull-request code (or another run's artifacts) in: the steps that
 * check out a pull request's head or merge ref, a fork, or download artifacts of another run.
 * A fact of the job, read by the trigger-aware rules.
 */
import { classifyScript } from './commands.js';
import { PR_HEAD } from './command-table.js';
import { actionMatches } from './uses.js';
import { findExpressions } from '../workflow/expressions/fences.js';
import type { Job, Step } from '../workflow/model.js';
import { remoteActionName } from '../workflow/uses-reference.js';

/** Contexts a checkout ref may use without fetching pull-request code. */
const BASE_REF =
  /^\s*(?:github\.(?:sha|ref|ref_name|base_ref|workflow_sha|event\.repository\.default_branch|event\.pull_request\.base\.(?:sha|ref)))\s*$/i;

const ARTIFACT_ACTIONS = [
  'dawidd6/action-download-artifact',
  'aochmann/actions-download-artifact',
  'bettermarks/action-artifact-download',
  'blablacar/action-download-last-artifact',
];

/** One way a step brings untrusted code or data in. */
export interface UntrustedInput {
  readonly step: number;
  readonly what: string;
  /** True: it is the pull request's head (or merge) for sure; false: a ref we cannot read. */
  readonly certain: boolean;
}

const withValue = (step: Step, key: string): string | undefined =>
  step.with.find((w) => w.key === key)?.value;

/**
 * Steps that check out pull-request code (`actions/checkout` of a PR head or merge ref or of
 * the fork repository, `gh pr checkout`, `git fetch origin pull/N/head`, …) or download
 * artifacts of another run (`workflow_run`'s classic poisoning vector).
 */
export function untrustedInputs(job: Job): UntrustedInput[] {
  const out: UntrustedInput[] = [];
  for (const step of job.steps) {
    const uses = remoteActionName(step.usesRef) ?? '';
    if (uses && actionMatches(uses, 'actions/checkout')) {
      const ref = withValue(step, 'ref') ?? '';
      const repo = withValue(step, 'repository') ?? '';
      if (PR_HEAD.test(ref) || /\bhead\.repo\b|\bhead_repository\b/.test(repo)) {
        out.push({
          step: step.index,
          what: `checks out the pull request (${ref || repo})`,
          certain: true,
        });
      } else {
        const dynamic = findExpressions(ref).filter((e) => !BASE_REF.test(e.body));
        if (dynamic.length > 0)
          out.push({ step: step.index, what: `checks out ref \`${ref}\``, certain: false });
      }
    }
    if (uses && actionMatches(uses, 'actions/download-artifact')) {
      if (withValue(step, 'run-id') !== undefined || withValue(step, 'github-token') !== undefined)
        out.push({ step: step.index, what: 'downloads artifacts of another run', certain: true });
    }
    if (uses && ARTIFACT_ACTIONS.some((a) => actionMatches(uses, a)))
      out.push({ step: step.index, what: `downloads artifacts (${uses})`, certain: true });
    if (uses && actionMatches(uses, 'actions/github-script')) {
      if (/\bdownloadArtifact\b/.test(withValue(step, 'script') ?? ''))
        out.push({ step: step.index, what: 'downloads artifacts (github-script)', certain: true });
    }
    if (step.run !== undefined) {
      for (const hit of classifyScript(step.run).hits) {
        if (hit.class === 'untrusted-checkout')
          out.push({ step: step.index, what: `runs \`${hit.command}\``, certain: true });
      }
      if (/\bgh\s+run\s+download\b/.test(step.run))
        out.push({
          step: step.index,
          what: 'downloads artifacts (`gh run download`)',
          certain: true,
        });
    }
  }
  return out;
}
