/**
 * The safeguards a workflow shows, per job: the runner kind, harden-runner and its settings,
 * containers the steps start (with their isolation and limit flags), and steps that stand for
 * a control (safeguard-table.ts): vault reads, SAST, dependency and supply-chain audits,
 * auto-merge, the gh-aw firewall, `ulimit`, agent session caps, log uploads; telemetry and
 * proxy env; time limits. The checklist reads these facts; nothing here scores them.
 * Scripts are read as argv from the shell splitter, so comments and quoted text do not count.
 * Computed once per workflow (every job of a workflow asks for the others' SAST and audits).
 */
import type { SourceLocation } from '../errors.js';
import type { Entry, Job, Step, Workflow } from '../workflow/model.js';
import { locate, locateInScalar } from '../workflow/source.js';
import { parseCommand } from './commands/argv.js';
import { compilePath, matchPath } from './commands/matchers.js';
import { MAX_UNWRAP, unwrap } from './commands/wrappers.js';
import type { ParsedCommand } from './command-table.js';
import { containerFlags, type ContainerFlags } from './container-flags.js';
import {
  AGENT_CAPS,
  HARDEN_RUNNER,
  HOSTED_LABEL,
  LOG_ARTIFACT,
  PROXY_ENV,
  SAFEGUARD_ACTIONS,
  SAFEGUARD_COMMANDS,
  SNYK_ACTION,
  SNYK_CODE,
  SSL_BUMP_CONFIG,
  TELEMETRY_ENV,
  UPLOAD_ARTIFACT,
  type SafeguardKind,
} from './safeguard-table.js';
import { splitCommands, type SimpleCommand } from './shell.js';
import { actionMatches } from './uses.js';

export type { ContainerFlags } from './container-flags.js';
export type { SafeguardKind } from './safeguard-table.js';

/** A step that stands for a control; `text` names what matched (action, command words, input). */
export interface SafeguardHit {
  readonly kind: SafeguardKind;
  readonly step: number;
  readonly text: string;
  readonly at: SourceLocation;
}

export interface ContainerUse {
  readonly kind: 'docker-run' | 'job-container';
  /** The step that starts it (`docker run`); undefined for the job's `container:`. */
  readonly step: number | undefined;
  readonly text: string;
  readonly at: SourceLocation;
  readonly flags: ContainerFlags;
}

export interface HardenRunner {
  readonly step: number;
  readonly at: SourceLocation;
  /** `block`, `audit`, or `policy-store`. */
  readonly policy: string;
  readonly policyAt: SourceLocation;
  readonly policyExplicit: boolean;
  readonly telemetry: boolean;
  readonly noSudo: SourceLocation | undefined;
}

export interface RunnerKind {
  readonly kind: 'hosted' | 'self-hosted' | 'unknown';
  readonly text: string;
  readonly at: SourceLocation;
}

/** Env that exports telemetry or sets a proxy; `step` undefined for workflow and job env. */
export interface SafeguardEnv {
  readonly kind: 'telemetry' | 'proxy';
  readonly key: string;
  readonly value: string;
  readonly step: number | undefined;
  readonly at: SourceLocation;
}

/** A time limit: a step's `timeout-minutes` (or an agent's legacy input), or the job's. */
export interface TimeLimit {
  readonly step: number | undefined;
  readonly where: string;
  readonly value: number | 'dynamic';
  readonly at: SourceLocation;
}

export interface JobSafeguards {
  readonly job: string;
  readonly runner: RunnerKind;
  readonly harden: HardenRunner | undefined;
  /** In step order; a step can have several. */
  readonly hits: readonly SafeguardHit[];
  readonly containers: readonly ContainerUse[];
  readonly env: readonly SafeguardEnv[];
  /** Step limits in step order, then the job's. */
  readonly timeouts: readonly TimeLimit[];
}

const CACHE = new WeakMap<Workflow, ReadonlyMap<string, JobSafeguards>>();

/** Every job's safeguards, read once per workflow. */
export function workflowSafeguards(workflow: Workflow): ReadonlyMap<string, JobSafeguards> {
  let all = CACHE.get(workflow);
  if (!all) {
    all = new Map(workflow.jobs.map((job) => [job.id, readJob(workflow, job)]));
    CACHE.set(workflow, all);
  }
  return all;
}

export function jobSafeguards(workflow: Workflow, job: string): JobSafeguards {
  const found = workflowSafeguards(workflow).get(job);
  if (!found) throw new Error(`internal error: no job ${job} in ${workflow.path}`);
  return found;
}

function readJob(wf: Workflow, job: Job): JobSafeguards {
  const hits: SafeguardHit[] = [];
  const containers: ContainerUse[] = [];
  if (job.container) {
    const options = raw(wf, [...job.at, 'container', 'options']);
    const text = typeof options === 'string' ? options : '';
    containers.push({
      kind: 'job-container',
      step: undefined,
      text: `container: ${job.container.image}${text ? ` (options: ${text})` : ''}`,
      at: locate(wf.source, job.container.at),
      flags: containerFlags(
        text ? (splitCommands(`options ${text}`).commands[0]?.argv.slice(1) ?? []) : [],
      ),
    });
  }
  for (const step of job.steps) {
    hits.push(...actionHits(wf, step), ...inputHits(wf, step));
    if (step.run === undefined) continue;
    for (const command of splitCommands(step.run).commands) {
      const at = locateInScalar(wf.source, [...step.at, 'run'], command.line, command.column);
      for (const form of commandForms(command)) {
        const found = commandHits(form, step.index, at);
        const container = dockerRun(form, command, step.index, at);
        if (container) containers.push(container);
        hits.push(...found);
        if (found.length > 0 || container) break;
      }
    }
  }
  return {
    job: job.id,
    runner: runnerOf(wf, job),
    harden: hardenOf(wf, job),
    hits,
    containers,
    env: envOf(wf, job),
    timeouts: timeoutsOf(wf, job),
  };
}

/** A command as typed, then the command inside each wrapper (`npx x`, `python -m x`). */
function commandForms(command: SimpleCommand): ParsedCommand[] {
  const forms: ParsedCommand[] = [];
  let start = 0;
  for (let level = 0; level <= MAX_UNWRAP; level++) {
    const argv = command.argv.slice(start);
    forms.push(parseCommand(argv, command.raw.slice(start)));
    const inner = unwrap(argv);
    if (inner === undefined) break;
    start += inner;
  }
  return forms;
}

const COMMANDS = SAFEGUARD_COMMANDS.map((row) => ({ ...row, paths: compilePath(row.path) }));

function commandHits(c: ParsedCommand, step: number, at: SourceLocation): SafeguardHit[] {
  const out: SafeguardHit[] = [];
  for (const row of COMMANDS) {
    if (!row.tools.split(' ').includes(c.name)) continue;
    const rest = matchPath(row.paths, c.positionals);
    if (rest === undefined || (row.when && !row.when(c))) continue;
    const words = c.positionals.slice(0, c.positionals.length - rest.length);
    out.push({ kind: row.kind, step, text: [c.name, ...words].join(' '), at });
    if (row.kind === 'awf' && c.has('--ssl-bump'))
      out.push({ kind: 'ssl-bump', step, text: '--ssl-bump', at });
  }
  if (c.args.some((a) => SSL_BUMP_CONFIG.test(a)))
    out.push({ kind: 'ssl-bump', step, text: 'sslBump: true', at });
  const cap = c.args.map((a) => AGENT_CAPS.exec(a)?.[0]).find((m) => m !== undefined);
  if (cap) out.push({ kind: 'agent-cap', step, text: cap, at });
  return out;
}

function dockerRun(
  c: ParsedCommand,
  command: SimpleCommand,
  step: number,
  at: SourceLocation,
): ContainerUse | undefined {
  if (c.name !== 'docker' && c.name !== 'podman') return undefined;
  const run = c.args.indexOf('run');
  if (run < 0 || matchPath(DOCKER_RUN, c.positionals) === undefined) return undefined;
  const text = command.text
    .replace(/\\\r?\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    kind: 'docker-run',
    step,
    text: text.slice(0, 160),
    at,
    flags: containerFlags(c.args.slice(run + 1)),
  };
}

const DOCKER_RUN = compilePath('run, container run');

function actionName(step: Step): string | undefined {
  return step.uses?.split('@')[0];
}

function input(step: Step, key: string): Entry | undefined {
  return step.with.find((w) => w.key.toLowerCase() === key.toLowerCase());
}

function actionHits(wf: Workflow, step: Step): SafeguardHit[] {
  const name = actionName(step);
  if (name === undefined) return [];
  const at = (): SourceLocation => locate(wf.source, [...step.at, 'uses']);
  const out: SafeguardHit[] = [];
  for (const { kind, actions } of SAFEGUARD_ACTIONS) {
    if (actions.some((a) => actionMatches(name, a)))
      out.push({ kind, step: step.index, text: name, at: at() });
  }
  if (actionMatches(name, SNYK_ACTION)) {
    const code = SNYK_CODE.test(input(step, 'command')?.value ?? '');
    out.push({ kind: code ? 'sast' : 'dependency-audit', step: step.index, text: name, at: at() });
  }
  if (actionMatches(name, UPLOAD_ARTIFACT)) {
    const path = input(step, 'path')?.value ?? '';
    if (LOG_ARTIFACT.test(path))
      out.push({ kind: 'log-upload', step: step.index, text: path.trim(), at: at() });
  }
  return out;
}

/** Agent caps given as inputs (`max_turns: 5`, `claude_args: --max-turns 5`). */
function inputHits(wf: Workflow, step: Step): SafeguardHit[] {
  return step.with.flatMap((w) => {
    const m = AGENT_CAPS.exec(`${w.key} ${w.value}`);
    return m
      ? [
          {
            kind: 'agent-cap' as const,
            step: step.index,
            text: `${m[0]} (input ${w.key})`,
            at: locate(wf.source, w.at),
          },
        ]
      : [];
  });
}

function runnerOf(wf: Workflow, job: Job): RunnerKind {
  const at = locate(wf.source, [...job.at, 'runs-on']);
  const text = job.runsOn.join(', ');
  const labels = job.runsOn.map((l) => l.trim());
  if (labels.some((l) => l.toLowerCase() === 'self-hosted'))
    return { kind: 'self-hosted', text, at };
  if (labels.length > 0 && labels.every((l) => HOSTED_LABEL.test(l)))
    return { kind: 'hosted', text, at };
  return { kind: 'unknown', text, at };
}

function hardenOf(wf: Workflow, job: Job): HardenRunner | undefined {
  const step = job.steps.find((s) => {
    const name = actionName(s);
    return name !== undefined && actionMatches(name, HARDEN_RUNNER);
  });
  if (!step) return undefined;
  const at = locate(wf.source, [...step.at, 'uses']);
  const policy = input(step, 'egress-policy');
  const store = [input(step, 'policy'), input(step, 'use-policy-store')].find(
    (e) => e !== undefined && e.value.trim() !== '' && e.value.trim() !== 'false',
  );
  const sudo = ['disable-sudo', 'disable-sudo-and-containers']
    .map((k) => input(step, k))
    .find((e) => e?.value.trim() === 'true');
  return {
    step: step.index,
    at,
    // harden-runner's `egress-policy` defaults to block (its action.yml).
    policy: store ? 'policy-store' : (policy?.value.trim() ?? 'block'),
    policyAt: store ? locate(wf.source, store.at) : policy ? locate(wf.source, policy.at) : at,
    policyExplicit: policy !== undefined || store !== undefined,
    telemetry: input(step, 'disable-telemetry')?.value.trim() !== 'true',
    noSudo: sudo ? locate(wf.source, sudo.at) : undefined,
  };
}

function envOf(wf: Workflow, job: Job): SafeguardEnv[] {
  const entries = [
    ...wf.env.map((e) => ({ e, step: undefined })),
    ...job.env.map((e) => ({ e, step: undefined })),
    ...job.steps.flatMap((s) => s.env.map((e) => ({ e, step: s.index }))),
  ];
  const out: SafeguardEnv[] = [];
  for (const { e, step } of entries) {
    const kind = TELEMETRY_ENV.test(e.key)
      ? 'telemetry'
      : PROXY_ENV.test(e.key)
        ? 'proxy'
        : undefined;
    if (kind) out.push({ kind, key: e.key, value: e.value, step, at: locate(wf.source, e.at) });
  }
  return out;
}

function minutes(value: unknown): number | 'dynamic' | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (value.includes('${{')) return 'dynamic';
    const n = Number(value.trim());
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function timeoutsOf(wf: Workflow, job: Job): TimeLimit[] {
  const out: TimeLimit[] = [];
  for (const step of job.steps) {
    const v = minutes(raw(wf, [...step.at, 'timeout-minutes']));
    if (v !== undefined)
      out.push({
        step: step.index,
        where: `step ${step.index + 1}`,
        value: v,
        at: locate(wf.source, [...step.at, 'timeout-minutes']),
      });
    const legacy = input(step, 'timeout_minutes');
    const lv = legacy ? minutes(legacy.value) : undefined;
    if (legacy && lv !== undefined)
      out.push({
        step: step.index,
        where: 'agent input timeout_minutes',
        value: lv,
        at: locate(wf.source, legacy.at),
      });
  }
  const jv = minutes(job.timeoutMinutes);
  if (jv !== undefined)
    out.push({
      step: undefined,
      where: 'job',
      value: jv,
      at: locate(wf.source, [...job.at, 'timeout-minutes']),
    });
  return out;
}

/** Plain YAML data at `path` (keys the model does not keep: step timeouts, container options). */
function raw(wf: Workflow, path: readonly (string | number)[]): unknown {
  let node: unknown = wf.source.data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
