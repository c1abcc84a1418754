/**
 * The repository scripts each step of a job runs, traced once per job (trace-scripts.ts) and
 * read by the agent detector and the action-path builder; and, for the adapters, the files a
 * workflow's steps would read that the snapshot has not looked up yet.
 */
import type { Job, Step, Workflow } from '../../workflow/model.js';
import { locate, locateInScalar } from '../../workflow/source.js';
import type { ClassifyOptions } from '../commands.js';
import type { RepoSnapshot } from '../repo-snapshot.js';
import { splitOnce } from '../split-once.js';
import { runtimeDirsByStep } from './runtime-dirs.js';
import { joinPath } from './script-calls.js';
import { MAX_SCRIPT_DEPTH, traceScripts, type ScriptTrace } from './trace-scripts.js';
import { hasExpression } from '../../workflow/expressions/fences.js';
import { stepLabel } from '../../workflow/step-label.js';

/** Step index → what its script runs from the repository. */
export type JobScripts = ReadonlyMap<number, ScriptTrace>;

/** `shell:` values whose scripts the shell classifier reads (the default shell is bash). */
const POSIX_SHELLS = /^(?:bash|sh)\b/;

export function traceJobScripts(
  workflow: Workflow,
  job: Job,
  repo: RepoSnapshot,
  classify: ClassifyOptions,
): JobScripts {
  const out = new Map<number, ScriptTrace>();
  const runtime = runtimeDirsByStep(job);
  for (const step of job.steps) {
    if (step.run === undefined) continue;
    if (step.shell !== undefined && !POSIX_SHELLS.test(step.shell)) continue;
    const run = step.run;
    const { commands } = splitOnce(run);
    const trace = traceScripts({
      commands,
      text: run,
      dir: workingDirectory(job, step),
      repo,
      locate: (line, column) => locateInScalar(workflow.source, [...step.at, 'run'], line, column),
      label: stepLabel(step),
      stepAt: locate(workflow.source, [...step.at, 'run']),
      classify,
      runtime: runtime.get(step.index) ?? [],
    });
    if (
      trace.hits.length > 0 ||
      trace.opaque.length > 0 ||
      trace.texts.length > 0 ||
      trace.wanted.length > 0
    )
      out.set(step.index, trace);
  }
  return out;
}

/**
 * Repository paths the workflow's steps would read that `repo` has not looked up. The
 * adapter reads them (absent ones into `absent`) and asks again, at most the depth cap + 1
 * times; whatever is still unread then is an opaque path.
 */
export function scriptFilesWanted(workflow: Workflow, repo: RepoSnapshot): string[] {
  if (!repo.complete) return [];
  const wanted = new Set<string>();
  for (const job of workflow.jobs)
    for (const trace of traceJobScripts(workflow, job, repo, {}).values())
      for (const path of trace.wanted) wanted.add(path);
  return [...wanted];
}

/** Rounds of reading an adapter does: one per level of files. */
export const SCRIPT_READ_ROUNDS = MAX_SCRIPT_DEPTH + 1;

function workingDirectory(job: Job, step: Step): string | undefined {
  const wd = step.workingDirectory ?? job.defaultWorkingDirectory;
  if (wd === undefined) return '';
  const stripped = wd.replace(/^(?:\$\{\{\s*github\.workspace\s*\}\}|\$GITHUB_WORKSPACE)\/?/, '');
  if (hasExpression(stripped)) return undefined;
  return joinPath('', stripped);
}

/** What an adapter read for `scriptFilesWanted`. */
export interface ScriptFileReads {
  readonly found: ReadonlyMap<string, string>;
  readonly absent: readonly string[];
  readonly unread: readonly { readonly path: string; readonly warning: string }[];
}

/** The snapshot with the files an adapter read for the scripts added. */
export function withScriptFiles(repo: RepoSnapshot, reads: ScriptFileReads): RepoSnapshot {
  return {
    ...repo,
    files: new Map([...repo.files, ...reads.found]),
    absent: new Set([...(repo.absent ?? []), ...reads.absent]),
    // Each unread script is an opaque path of the steps that run it (not a gap of every job).
    unread: [...(repo.unread ?? []), ...reads.unread.map((u) => u.path)],
  };
}
