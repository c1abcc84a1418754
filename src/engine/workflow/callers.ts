/**
 * Which jobs of a workflow call a given reusable workflow (`jobs.<id>.uses`). Inside a called
 * workflow the runner names the caller's file (GITHUB_WORKFLOW_REF) but the called job
 * (GITHUB_JOB): the job the gate stands for is the caller job found here, never a caller job
 * that merely has the same id.
 */
import type { Workflow } from './model.js';

/** A workflow file: `owner/name` and its path, e.g. `.github/workflows/gate.yml`. */
export interface WorkflowFile {
  readonly repository: string;
  readonly path: string;
}

/**
 * `owner/name/.github/workflows/x.yml@ref` → repository, path and ref; undefined when the text
 * is not a workflow reference of that shape.
 */
export function parseWorkflowRef(
  ref: string,
): (WorkflowFile & { readonly ref: string | undefined }) | undefined {
  const at = ref.lastIndexOf('@');
  const full = at > 0 ? ref.slice(0, at) : ref;
  const m =
    /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)\/(\.github\/workflows\/[^/]+\.ya?ml)$/.exec(
      full,
    );
  if (!m) return undefined;
  return {
    repository: `${m[1]}/${m[2]}`,
    path: m[3] ?? '',
    ref: at > 0 ? ref.slice(at + 1) : undefined,
  };
}

/** Same repository: owner and name compare without case, as GitHub does. */
export function sameRepository(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Ids of the jobs of `workflow` (a file of `callerRepository`) whose `uses:` names `target`:
 * `owner/name/<path>@ref` for any repository, `./<path>` for one in the caller's repository.
 * The ref is not compared (a tag, branch or SHA names the same file).
 */
export function jobsCalling(
  workflow: Workflow,
  target: WorkflowFile,
  callerRepository: string,
): string[] {
  return workflow.jobs
    .filter((job) => {
      const uses = job.uses?.trim();
      if (!uses) return false;
      if (uses.startsWith('./'))
        return sameRepository(callerRepository, target.repository) && uses.slice(2) === target.path;
      const called = parseWorkflowRef(uses);
      return (
        called !== undefined &&
        sameRepository(called.repository, target.repository) &&
        called.path === target.path
      );
    })
    .map((job) => job.id);
}
