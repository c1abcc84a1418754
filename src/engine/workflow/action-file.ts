/**
 * The typed model of an action metadata file (`action.yml` / `action.yaml`): its inputs with
 * their defaults and, for a composite action, its steps — built with the same step builder
 * as workflow jobs, so the inventory reads them like steps of the calling job.
 */
import { InputError } from '../errors.js';
import { buildStep, buildWorkflow } from './build-model.js';
import type { Job, Step, Workflow } from './model.js';
import { locate, parseYamlSource } from './source.js';
import { placeSteps } from './step-structure.js';
import type { SourceFile, YamlPath } from './source.js';

export interface ActionInput {
  readonly name: string;
  readonly default: string | undefined;
  readonly at: YamlPath;
}

export interface ActionFile {
  readonly source: SourceFile;
  readonly path: string;
  readonly name: string | undefined;
  readonly inputs: readonly ActionInput[];
  /** `runs.using` as written: `composite`, `node24`, `docker`, … */
  readonly using: string;
  /** Composite steps (empty for node and docker actions). */
  readonly steps: readonly Step[];
  /** Docker actions: the image (`docker://…` or a Dockerfile). */
  readonly image: string | undefined;
  readonly at: YamlPath;
}

/** True when a YAML document looks like action metadata rather than a workflow. */
export function isActionMetadata(data: unknown): boolean {
  return isMap(data) && 'runs' in data && !('jobs' in data);
}

export function parseActionFile(path: string, text: string): ActionFile {
  return buildActionFile(parseYamlSource(path, text));
}

export function buildActionFile(source: SourceFile): ActionFile {
  const fail = (message: string, at: YamlPath, key = false): never => {
    throw new InputError(message, { location: locate(source, at, { key }) });
  };
  const data = source.data;
  if (!isMap(data)) return fail('not an action: the document is not a map', []);
  const runs = data.runs;
  if (!isMap(runs)) return fail('not an action: no `runs:` map', 'runs' in data ? ['runs'] : []);
  const using = typeof runs.using === 'string' ? runs.using.trim().toLowerCase() : undefined;
  if (!using) return fail('action: `runs.using` is missing', ['runs']);
  let steps: Step[] = [];
  if (using === 'composite') {
    if (!Array.isArray(runs.steps))
      return fail('composite action: `runs.steps` is not a list', ['runs']);
    // The same closed-world step structure as a job's: unknown keys fail, `parallel:` groups
    // are expanded in run order.
    steps = placeSteps(runs.steps as unknown[], 'composite action', ['runs', 'steps'], fail).map(
      (placed, index) => buildStep(placed.data, index, placed.at),
    );
  } else if (using !== 'docker' && !/^node\d+$/.test(using)) {
    return fail(`action: unknown \`runs.using: ${using}\``, ['runs', 'using']);
  }
  const inputs = isMap(data.inputs)
    ? Object.entries(data.inputs).map(([name, spec]) => ({
        name,
        default:
          isMap(spec) && spec.default !== undefined && spec.default !== null
            ? String(spec.default as string | number | boolean)
            : undefined,
        at: ['inputs', name] as YamlPath,
      }))
    : [];
  return {
    source,
    path: source.path,
    name: typeof data.name === 'string' ? data.name : undefined,
    inputs,
    using,
    steps,
    image: using === 'docker' && typeof runs.image === 'string' ? runs.image : undefined,
    at: ['runs'],
  };
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The id of the one job an action file is evaluated as. */
export const ACTION_JOB_ID = 'action';

/**
 * An action file as a workflow with one job whose steps are the action's steps, so `scan` and
 * `evaluate` (and the detection rules) read it like any workflow. It has no trigger: whoever
 * calls the action decides that, and its inputs come from the caller. Nor has it a token of its
 * own (the caller's is used): it is evaluated for what its steps do, with no token scopes.
 */
export function actionAsWorkflow(action: ActionFile): Workflow {
  const job: Job = {
    id: ACTION_JOB_ID,
    name: action.name,
    runsOn: [],
    environment: undefined,
    container: undefined,
    timeoutMinutes: undefined,
    if: undefined,
    needs: [],
    permissions: { kind: 'scopes', scopes: {}, at: action.at },
    env: [],
    uses: undefined,
    usesRef: undefined,
    with: [],
    secrets: undefined,
    steps: action.steps,
    at: action.at,
  };
  return {
    source: action.source,
    path: action.path,
    name: action.name,
    triggers: [],
    permissions: undefined,
    env: [],
    jobs: [job],
  };
}

/** A workflow file, or an action file read as one (`actionAsWorkflow`): parsed once. */
export function parseWorkflowOrAction(path: string, text: string): Workflow {
  const source = parseYamlSource(path, text);
  return isActionMetadata(source.data)
    ? actionAsWorkflow(buildActionFile(source))
    : buildWorkflow(source);
}
