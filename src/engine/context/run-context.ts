/**
 * What the engine knows about the run (or the assumed run, in the CLI): event, actors, refs,
 * changed files. Pure data; the action builds it from the runner environment and the event
 * payload, the CLI from its flags. Unknown stays undefined — the engine treats unknown
 * conservatively (every declared trigger, default token permissions assumed write).
 */
import type { EnvironmentFacts } from './environment-protection.js';

export interface PullRequestInfo {
  readonly number: number;
  readonly author: string | undefined;
  readonly authorType: string | undefined;
  readonly headSha: string | undefined;
  readonly fromFork: boolean | undefined;
  /** `pull_request.changed_files` of the payload: how many files GitHub says the change has. */
  readonly changedFileCount?: number | undefined;
}

/** A pull request file as the REST API lists it. */
export interface ChangedFile {
  readonly filename: string;
  readonly status: string;
  readonly previousFilename: string | undefined;
  /** Unified diff of the file; missing for binary or very large diffs. */
  readonly patch: string | undefined;
}

export interface RunContext {
  /** The event that triggered the run; undefined = any trigger the workflow declares. */
  readonly event: string | undefined;
  readonly actor: string | undefined;
  readonly triggeringActor: string | undefined;
  /** The event payload's `sender.login` (may differ from the actor, e.g. on a re-run). */
  readonly sender: string | undefined;
  /** Full ref, e.g. `refs/heads/main`. */
  readonly ref: string | undefined;
  readonly sha: string | undefined;
  readonly repository: string | undefined;
  readonly defaultBranch: string | undefined;
  readonly pullRequest: PullRequestInfo | undefined;
  /** Files a pull request changes; undefined when not known (not a PR, or not asked). */
  readonly changedFiles: readonly string[] | undefined;
  /** The same files with their diffs when the API gave them (for new-dependency analysis). */
  readonly changedFilePatches: readonly ChangedFile[] | undefined;
  /**
   * Why `changedFiles` is known to be incomplete (the files API lists at most 3,000): the
   * change is then treated as changing CI files. Undefined when the listing is complete.
   */
  readonly changedFilesIncomplete?: string | undefined;
  /** The repository's default `GITHUB_TOKEN` permissions when a job declares none. */
  readonly defaultPermissions: 'read' | 'write' | 'unknown';
  /** Path of the gate's own policy file in the repository, if it is one. */
  readonly policyFile: string | undefined;
  /**
   * Protection of the deployment environments the adapter looked up, by name; a name that is
   * missing (or no map at all) is unknown and decided as unprotected.
   */
  readonly environments?: Readonly<Record<string, EnvironmentFacts>>;
  /**
   * Every file of this repository the trusted policy was built from: the policy file and the
   * files it `extends` (also those of a `policy-repository` that is this repository). A pull
   * request changing one of them changes the gate (`modify-workflow`).
   */
  readonly policyFiles: readonly string[];
  /**
   * The events of every workflow of this repository, by its `name:` and by its path (what a
   * `workflow_run` trigger's `workflows:` names); undefined when the adapter did not read them.
   */
  readonly workflowEvents?: Readonly<Record<string, readonly string[]>>;
}

export const EMPTY_CONTEXT: RunContext = {
  event: undefined,
  actor: undefined,
  triggeringActor: undefined,
  sender: undefined,
  ref: undefined,
  sha: undefined,
  repository: undefined,
  defaultBranch: undefined,
  pullRequest: undefined,
  changedFiles: undefined,
  changedFilePatches: undefined,
  defaultPermissions: 'unknown',
  policyFile: undefined,
  policyFiles: [],
};

/** The branch name of a ref (`refs/heads/x` → `x`), or undefined for tags and others. */
export function branchOf(ref: string | undefined): string | undefined {
  if (ref?.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  return undefined;
}
