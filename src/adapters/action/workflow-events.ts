/**
 * The events of the repository's other workflows, for a workflow with a `workflow_run`
 * trigger: whether an outsider can start it through its upstream workflows
 * (engine/inventory/upstream-events.ts) depends on what those run on. They are read at the
 * workflow's own commit through the same git-then-API reader the workflow was read with, by
 * path and by `name:` as `workflows:` names them. Anything not read leaves that name
 * unknown, and an unknown upstream stays an untrusted trigger (fail closed).
 */
import { parseWorkflow } from '../../engine/workflow/build-model.js';
import type { Workflow } from '../../engine/workflow/model.js';
import type { RepoFileReader } from './repo-files.js';

const WORKFLOWS_DIR = '.github/workflows';
/** More files than this are not read (the names past it stay unknown). */
const MAX_WORKFLOWS = 300;

export interface WorkflowEvents {
  /** Workflow path or name → the events it runs on; undefined when nothing was read. */
  readonly events: Readonly<Record<string, readonly string[]>> | undefined;
  /** What could not be read (for a warning). */
  readonly problems: readonly string[];
}

export async function readWorkflowEvents(
  files: RepoFileReader,
  ref: string,
  workflow: Workflow,
): Promise<WorkflowEvents> {
  if (!workflow.triggers.some((t) => t.event === 'workflow_run') || !files.list)
    return { events: undefined, problems: [] };
  let paths: readonly string[];
  try {
    paths = (await files.list(ref, WORKFLOWS_DIR)).filter((p) => /\.ya?ml$/i.test(p));
  } catch (thrown) {
    return { events: undefined, problems: [(thrown as Error).message] };
  }
  const events: Record<string, readonly string[]> = {};
  const problems: string[] = [];
  if (paths.length > MAX_WORKFLOWS)
    problems.push(`${paths.length} workflow files; only the first ${MAX_WORKFLOWS} were read`);
  for (const path of paths.slice(0, MAX_WORKFLOWS)) {
    try {
      const file = await files.read(path, ref);
      if (!file) continue;
      const parsed = parseWorkflow(path, file.text);
      const on = [...new Set(parsed.triggers.map((t) => t.event))];
      events[path] = on;
      // Two workflows with one name: the union of their events (either can be the upstream).
      if (parsed.name !== undefined)
        events[parsed.name] = [...new Set([...(events[parsed.name] ?? []), ...on])];
    } catch (thrown) {
      problems.push(`${path}: ${(thrown as Error).message}`);
    }
  }
  return { events, problems };
}
