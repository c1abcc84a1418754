/**
 * Builds the typed workflow model from a parsed YAML file. Shape errors that GitHub itself
 * would reject (a document that is not a workflow, jobs or steps that are not maps) are
 * input errors with a location; everything else is kept as written for the inventory.
 */
import { InputError } from '../errors.js';
import type {
  Entry,
  Environment,
  Job,
  PermissionLevel,
  PermissionsBlock,
  Step,
  Trigger,
  Workflow,
} from './model.js';
import { locate, parseYamlSource } from './source.js';
import { checkKeys, JOB_KEYS, placeSteps, WORKFLOW_KEYS } from './step-structure.js';
import type { SourceFile, YamlPath } from './source.js';
import { parseUsesReference, type UsesReference } from './uses-reference.js';

type Data = Record<string, unknown>;

export function parseWorkflow(path: string, text: string): Workflow {
  return buildWorkflow(parseYamlSource(path, text));
}

export function buildWorkflow(source: SourceFile): Workflow {
  const fail = (message: string, at: YamlPath, key = false): never => {
    throw new InputError(message, { location: locate(source, at, { key }) });
  };
  const root = source.data;
  if (!isMap(root)) fail('not a workflow: the document is not a map', []);
  const data = root as Data;
  if (!('on' in data)) fail('not a workflow: no `on:` trigger', []);
  if (!isMap(data.jobs))
    fail('not a workflow: no `jobs:` map', isMap(data) && 'jobs' in data ? ['jobs'] : []);
  checkKeys(data, WORKFLOW_KEYS, 'workflow', [], fail);
  const jobsData = data.jobs as Data;
  if (Object.keys(jobsData).length === 0) fail('`jobs:` is empty', ['jobs']);

  const workflowWorkDir = defaultWorkingDirectory(data.defaults);
  const jobs = Object.entries(jobsData).map(([id, value]) => {
    if (!isMap(value)) fail(`job \`${id}\` is not a map`, ['jobs', id]);
    const job = buildJob(id, value as Data, fail);
    const workDir = defaultWorkingDirectory((value as Data).defaults) ?? workflowWorkDir;
    return workDir === undefined ? job : { ...job, defaultWorkingDirectory: workDir };
  });
  return {
    source,
    path: source.path,
    name: optionalString(data.name),
    triggers: buildTriggers(data.on, fail),
    permissions: buildPermissions(data.permissions, ['permissions'], fail),
    env: entries(data.env, ['env']),
    jobs,
  };
}

type Fail = (message: string, at: YamlPath, key?: boolean) => never;

function buildTriggers(on: unknown, fail: Fail): Trigger[] {
  const at: YamlPath = ['on'];
  if (typeof on === 'string') return [trigger(on, undefined, at)];
  if (Array.isArray(on)) {
    return on.map((event, i) => {
      if (typeof event !== 'string') fail('a trigger in `on:` is not an event name', ['on', i]);
      return trigger(event, undefined, ['on', i]);
    });
  }
  if (isMap(on)) {
    return Object.entries(on).map(([event, config]) => trigger(event, config, ['on', event]));
  }
  return fail('`on:` must be an event name, a list or a map', at);
}

function trigger(event: string, config: unknown, at: YamlPath): Trigger {
  const filters = isMap(config) ? config : {};
  return {
    event,
    types: stringList(filters.types),
    branches: stringList(filters.branches),
    ...(event === 'workflow_run' ? { workflows: stringList(filters.workflows) } : {}),
    at,
  };
}

const LEVELS: readonly PermissionLevel[] = ['read', 'write', 'none'];

function buildPermissions(value: unknown, at: YamlPath, fail: Fail): PermissionsBlock | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'read-all') return { kind: 'read-all', at };
  if (value === 'write-all') return { kind: 'write-all', at };
  if (!isMap(value))
    return fail('`permissions:` must be read-all, write-all or a map of scopes', at);
  const scopes: Record<string, PermissionLevel> = {};
  for (const [scope, level] of Object.entries(value)) {
    if (typeof level !== 'string' || !LEVELS.includes(level as PermissionLevel)) {
      fail(`permission \`${scope}\` must be read, write or none`, [...at, scope]);
    }
    scopes[scope] = level as PermissionLevel;
  }
  return { kind: 'scopes', scopes, at };
}

function buildJob(id: string, data: Data, fail: Fail): Job {
  const at: YamlPath = ['jobs', id];
  const stepsData = data.steps;
  if (stepsData !== undefined && !Array.isArray(stepsData))
    fail(`job \`${id}\`: \`steps:\` is not a list`, [...at, 'steps']);
  checkKeys(data, JOB_KEYS, `job \`${id}\``, at, fail);
  const steps = placeSteps(
    (stepsData as unknown[] | undefined) ?? [],
    `job \`${id}\``,
    [...at, 'steps'],
    fail,
  ).map((placed, index) => buildStep(placed.data, index, placed.at));
  return {
    id,
    name: optionalString(data.name),
    runsOn: runsOn(data['runs-on']),
    environment: environment(data.environment, [...at, 'environment']),
    container: container(data.container, [...at, 'container']),
    timeoutMinutes:
      typeof data['timeout-minutes'] === 'number'
        ? data['timeout-minutes']
        : optionalString(data['timeout-minutes']),
    if: optionalString(data.if),
    needs: stringList(data.needs),
    permissions: buildPermissions(data.permissions, [...at, 'permissions'], fail),
    env: entries(data.env, [...at, 'env']),
    uses: optionalString(data.uses),
    usesRef: usesReference(data.uses, true),
    with: entries(data.with, [...at, 'with']),
    secrets:
      data.secrets === 'inherit'
        ? 'inherit'
        : isMap(data.secrets)
          ? entries(data.secrets, [...at, 'secrets'])
          : undefined,
    steps,
    matrix: isMap(data.strategy) ? data.strategy.matrix : undefined,
    outputs: entries(data.outputs, [...at, 'outputs']),
    at,
  };
}

/** One step (workflow job or composite action) as the model keeps it. */
export function buildStep(data: Data, index: number, at: YamlPath): Step {
  return {
    index,
    id: optionalString(data.id),
    name: optionalString(data.name),
    uses: optionalString(data.uses),
    usesRef: usesReference(data.uses, false),
    run: optionalString(data.run),
    shell: optionalString(data.shell),
    if: optionalString(data.if),
    workingDirectory: optionalString(data['working-directory']),
    with: entries(data.with, [...at, 'with']),
    env: entries(data.env, [...at, 'env']),
    at,
  };
}

function usesReference(data: unknown, jobLevel: boolean): UsesReference | undefined {
  const raw = optionalString(data);
  // An empty `uses:` names nothing (every reader skips it); a blank one is kept as written.
  return raw === undefined || raw === '' ? undefined : parseUsesReference(raw, jobLevel);
}

function defaultWorkingDirectory(defaults: unknown): string | undefined {
  if (!isMap(defaults) || !isMap(defaults.run)) return undefined;
  return optionalString(defaults.run['working-directory']);
}

function runsOn(value: unknown): string[] {
  if (isMap(value)) {
    // `runs-on: { group: …, labels: … }`
    return [...stringList(value.group).map((g) => `group:${g}`), ...stringList(value.labels)];
  }
  return stringList(value);
}

function environment(value: unknown, at: YamlPath): Environment | undefined {
  if (value === undefined || value === null) return undefined;
  if (isMap(value)) {
    const name = optionalString(value.name);
    return name === undefined
      ? undefined
      : { name, url: optionalString(value.url), at: [...at, 'name'] };
  }
  const name = optionalString(value);
  return name === undefined ? undefined : { name, url: undefined, at };
}

function container(value: unknown, at: YamlPath): Job['container'] {
  if (typeof value === 'string') return { image: value, at };
  if (isMap(value) && typeof value.image === 'string')
    return { image: value.image, at: [...at, 'image'] };
  return undefined;
}

/** A map of scalars as entries; non-scalar values are kept as JSON text. */
export function entries(value: unknown, at: YamlPath): Entry[] {
  if (!isMap(value)) return [];
  return Object.entries(value).map(([key, v]) => ({ key, value: scalarText(v), at: [...at, key] }));
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function optionalString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return scalarText(value);
}

function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(scalarText);
  return [scalarText(value)];
}

function isMap(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
