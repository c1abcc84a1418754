/**
 * Runs the shipped bundle (dist/index.js) the way the Actions runner runs a JavaScript
 * action: a fresh process with a clean environment, INPUT_ variables, GITHUB_ and RUNNER_
 * variables, fresh file-command files, and the API pointed at a loopback server.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { parseAnnotations, parseFileCommands } from './runner-commands.js';
import type { Annotation } from './runner-commands.js';
import { ROOT, tempDir } from './workspace.js';

export { apiServers, startApiServer } from './api-server.js';
export type { ApiServer, ApiRoutes, Fault, LoggedRequest, PullFile } from './api-server.js';
export type { Annotation } from './runner-commands.js';
export {
  commitFiles,
  example,
  lineOf,
  makeWorkspace,
  plainWorkspace,
  removeTempDirs,
  ROOT,
  writeFiles,
} from './workspace.js';

// Overridable so the suite can be pointed at another build (e.g. a deliberately broken copy).
const BUNDLE = process.env.AGENT_GATE_E2E_BUNDLE ?? join(ROOT, 'dist/index.js');
const POST_BUNDLE = join(ROOT, 'dist/post/index.js');
/** What `${{ github.token }}` evaluates to in these runs, unless a test gives `token`. */
export const DEFAULT_TOKEN = 'ghs_e2eDefaultToken000';

export interface RunOptions {
  /** Workflow file name under .github/workflows (GITHUB_WORKFLOW_REF). */
  readonly workflow: string;
  readonly sha: string;
  readonly job: string;
  readonly event: string;
  readonly eventPayload?: unknown;
  /** GITHUB_WORKSPACE; a fresh empty directory when not given. */
  readonly workspace?: string;
  /** Inputs by their action.yml name; action.yml defaults fill the rest, as the runner does. */
  readonly inputs?: Readonly<Record<string, string>>;
  /** Extra or replaced variables; `undefined` removes one the harness would set. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** GITHUB_API_URL (the loopback server). */
  readonly api: string;
  readonly timeoutMs?: number;
  /** Which entry the runner starts: the main step (default) or the post step. */
  readonly entry?: 'main' | 'post';
  /** Reuse a RUNNER_TEMP (the post step runs in the same job as the main step). */
  readonly runnerTemp?: string;
  /** Saved state of the main step, passed as STATE_<name> (the runner's post-step contract). */
  readonly state?: Readonly<Record<string, string>>;
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly annotations: readonly Annotation[];
  readonly runnerTemp: string;
  /** Every file under RUNNER_TEMP after the run (the file commands included), with its text. */
  readonly tempFiles: ReadonlyMap<string, string>;
  /** What the step saved with saveState (GITHUB_STATE). */
  readonly state: Readonly<Record<string, string>>;
}

/**
 * action.yml input defaults, read from the manifest so a bad default is caught here too; the
 * expressions are expanded as the runner would for a job outside a matrix whose file is the
 * workflow GITHUB_WORKFLOW_REF names (`job.workflow_ref`).
 */
function inputDefaults(workflowRef: string): Record<string, string> {
  const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(
    Object.entries(manifest.inputs).map(([name, spec]) => [
      name,
      (spec.default ?? '')
        .replace('${{ github.token }}', DEFAULT_TOKEN)
        .replace('${{ toJSON(matrix) }}', 'null')
        .replace('${{ job.workflow_ref }}', workflowRef),
    ]),
  );
}

/** Runner rule (Handler.cs): INPUT_ + name with spaces as `_`, upper-cased; hyphens stay. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  const runnerTemp = options.runnerTemp ?? tempDir('agent-gate-e2e-temp-');
  const home = tempDir('agent-gate-e2e-home-');
  // The runner creates the file-command files (empty) before the step starts.
  const fileCommands = {
    GITHUB_OUTPUT: 'set_output',
    GITHUB_STATE: 'save_state',
    GITHUB_ENV: 'set_env',
    GITHUB_PATH: 'add_path',
    GITHUB_STEP_SUMMARY: 'step_summary',
  };
  const commandFiles = Object.fromEntries(
    Object.entries(fileCommands).map(([name, prefix]) => [
      name,
      join(runnerTemp, '_runner_file_commands', `${prefix}_e2e`),
    ]),
  );
  mkdirSync(join(runnerTemp, '_runner_file_commands'), { recursive: true });
  for (const path of Object.values(commandFiles)) writeFileSync(path, '');
  const eventPath = join(runnerTemp, '_github_workflow', 'event.json');
  mkdirSync(dirname(eventPath), { recursive: true });
  writeFileSync(eventPath, JSON.stringify(options.eventPayload ?? {}));

  const workflowRef =
    options.env?.GITHUB_WORKFLOW_REF ??
    `acme/app/.github/workflows/${options.workflow}@refs/heads/main`;
  const inputs = { ...inputDefaults(workflowRef), ...options.inputs };
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    // A fresh HOME: no user git config or npm config reaches the action.
    HOME: home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [inputEnvName(name), value]),
    ),
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_WORKFLOW_REF: workflowRef,
    GITHUB_WORKFLOW_SHA: options.sha,
    GITHUB_SHA: options.sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_JOB: options.job,
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_API_URL: options.api,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: options.workspace ?? tempDir('agent-gate-e2e-ws-'),
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    ...commandFiles,
    ...Object.fromEntries(Object.entries(options.state ?? {}).map(([k, v]) => [`STATE_${k}`, v])),
    ...options.env,
  };
  const bundle = options.entry === 'post' ? POST_BUNDLE : BUNDLE;
  const { code, stdout, stderr } = await spawnBundle(bundle, env, options.timeoutMs ?? 20_000);
  return {
    code,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(commandFiles.GITHUB_OUTPUT!, 'utf8')),
    summary: readFileSync(commandFiles.GITHUB_STEP_SUMMARY!, 'utf8'),
    annotations: parseAnnotations(stdout),
    runnerTemp,
    tempFiles: readTree(runnerTemp),
    state: parseFileCommands(readFileSync(commandFiles.GITHUB_STATE!, 'utf8')),
  };
}

function spawnBundle(
  bundle: string,
  env: Record<string, string | undefined>,
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Async spawn: the loopback server lives in this process and must keep answering.
  const child = spawn(process.execPath, [bundle], {
    env: withoutUndefined(env),
    cwd: env.GITHUB_WORKSPACE,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${bundle} did not finish within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

function withoutUndefined(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

function readTree(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) readTree(path, out);
    else out.set(path, readFileSync(path, 'utf8'));
  }
  return out;
}
