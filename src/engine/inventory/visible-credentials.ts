/**
 * Which credentials each step of a job can actually reach — the per-step fact that opaque
 * paths, shell paths and agent tools take their credentials from (issue 11):
 *
 * - its own `with:` / `env:` / `run:` and the job- and workflow-level `env:` (secret flow);
 * - the GITHUB_TOKEN when it is a `uses:` step (an action can default an input to
 *   `github.token`), when it names the token, or once a checkout persisted it in `.git/config`;
 * - the OIDC token and inherited secrets, which every step can request;
 * - whatever an earlier step left behind for the steps after it: credentials exported through
 *   `$GITHUB_ENV` / `$GITHUB_OUTPUT` / `$GITHUB_PATH` or written to a file or a login
 *   (`docker login`, `git config`, `> ~/.npmrc`), the token a checkout persists, what a login
 *   action (cloud, registry, ssh, gpg) sets up, and whatever an action the gate does not know
 *   was given (its code may export it).
 *
 * NOT a secret that only another step's `env:` / `with:` holds and that step keeps to itself.
 */
import { referencesGithubToken } from '../workflow/expressions/secrets.js';
import type { Job, Step } from '../workflow/model.js';
import { LOGIN_ACTION_NAMES } from './cloud-auth.js';
import { KNOWN_ACTIONS } from './known-actions.js';
import type { JobScripts } from './scripts/job-scripts.js';
import type { SecretUse } from './secret-flow.js';
import type { Credential } from './types.js';
import { actionMatches } from './uses.js';

/** Credential ids each step (by index) can reach. */
export type VisibleCredentials = ReadonlyMap<number, readonly string[]>;

export interface VisibleInput {
  readonly job: Job;
  readonly credentials: readonly Credential[];
  readonly secretUses: readonly SecretUse[];
  /** Whether a remote action's code is known to keep its inputs to itself (catalog / trusted). */
  readonly knownAction?: (name: string, ref?: string) => boolean;
  /** What each run step's repository scripts run (their text, and what could not be read). */
  readonly scripts?: JobScripts;
  /** Local composite actions as expanded: their steps, by the job step they hang from. */
  readonly frames?: readonly { readonly rootStep: number | undefined; readonly job: Job }[];
  /** Job steps under which something could not be read (an opaque site). */
  readonly opaqueSteps?: ReadonlySet<number>;
}

/**
 * Actions that set up a credential for the steps after them (a file, the environment, an
 * agent socket): whatever they are given stays reachable by every later step.
 */
const SETS_UP_CREDENTIALS: readonly string[] = [
  ...LOGIN_ACTION_NAMES,
  ...KNOWN_ACTIONS.filter((a) => a.setsUp).map((a) => a.action),
  'actions/checkout',
  'webfactory/ssh-agent',
  'shimataro/ssh-key-action',
  'crazy-max/ghaction-import-gpg',
  'aws-actions/amazon-ecr-login',
  'azure/docker-login',
  'google-github-actions/setup-gcloud',
  'hashicorp/vault-action',
  'pulumi/actions',
];

/** A run step that hands its credentials to later steps: exports, files, logins. */
const EXPORTS = /GITHUB_(?:ENV|OUTPUT|PATH)\b/;
const PERSISTS =
  /\b(?:docker|podman|helm|oras|crane|skopeo|buildah)\s+(?:registry\s+)?login\b|\bgh\s+auth\s+(?:login|setup-git)\b|\b(?:npm|yarn|pnpm)\s+(?:login|adduser|config\s+set)\b|\bgit\s+(?:config|credential|remote\s+set-url)\b|\baws\s+configure\b|\bgcloud\s+auth\b|\baz\s+login\b|\bssh-add\b|--import\b|\btee\b|>>?\s*(?!\s*(?:\/dev\/null|&))\S/;

export function visibleCredentials(input: VisibleInput): VisibleCredentials {
  const out = new Map<number, readonly string[]>();
  const present = new Set(input.credentials.map((c) => c.id));
  /** What earlier steps left behind for every later one. */
  const carried = new Set<string>();
  for (const step of input.job.steps) {
    const own = ownCredentials(input, step);
    const visible = new Set([...own, ...carried]);
    out.set(
      step.index,
      [...visible].filter((id) => present.has(id)),
    );
    for (const id of leftBehind(input, step, own)) carried.add(id);
  }
  return out;
}

/** The credentials a step is given or names itself. */
function ownCredentials(input: VisibleInput, step: Step): Set<string> {
  const ids = new Set<string>();
  const text = stepText(step);
  if (step.uses || referencesGithubToken(text)) ids.add('github-token');
  for (const use of input.secretUses) {
    if (use.reach === 'job' || use.reach === step.index)
      ids.add(use.name === '*' ? 'secrets:*' : `secret:${use.name}`);
  }
  for (const c of input.credentials) {
    if (c.kind === 'oidc' || c.kind === 'inherited-secrets') ids.add(c.id);
    if (c.kind !== 'app-token') continue;
    // A minted token (`app-token:<step id>`) reaches the steps that name its output; an
    // agent's exchanged token (`app-token:<agent>`) any step that takes a step's token output.
    const minted = input.job.steps.find((s) => c.id === `app-token:${s.id ?? s.index}`);
    const reached = minted
      ? minted.id !== undefined && text.includes(`steps.${minted.id}.outputs.`)
      : /steps\.[\w-]+\.outputs\.token/.test(text);
    if (reached) ids.add(c.id);
  }
  return ids;
}

/** The credentials a step leaves reachable for the steps after it. */
function leftBehind(input: VisibleInput, step: Step, own: ReadonlySet<string>): string[] {
  const given = [...own].filter((id) => id !== 'oidc');
  if (given.length === 0) return [];
  if (step.run !== undefined) {
    // What the script (and the repository scripts it runs) was given is handed on when it
    // exports or persists it, or when part of it could not be read.
    const trace = input.scripts?.get(step.index);
    const texts = [step.run, ...(trace?.texts.map((t) => t.text) ?? [])];
    const unread =
      (trace?.opaque.length ?? 0) > 0 ||
      (trace?.hits.some((h) => h.hit.class === 'opaque') ?? false);
    return unread || texts.some(handsOn) ? given : [];
  }
  const [name = '', ref] = (step.uses ?? '').split('@');
  if (!name || name.startsWith('docker://')) return [];
  if (actionMatches(name, 'actions/checkout')) {
    if (step.with.some((w) => w.key === 'persist-credentials' && w.value === 'false')) return [];
    const token = step.with.find((w) => w.key === 'token');
    if (!token) return ['github-token'];
    return given.filter((id) => tokenCarries(token.value, id, input));
  }
  if (SETS_UP_CREDENTIALS.some((a) => actionMatches(name, a))) return given;
  if (name.startsWith('./')) {
    // A local composite the gate expanded hands on what its steps export or set up; one it
    // could not read (or a local node / docker action) may do anything with it.
    const frames = (input.frames ?? []).filter((f) => f.rootStep === step.index);
    if (input.opaqueSteps?.has(step.index) || frames.length === 0) return given;
    const inner = frames.flatMap((f) => f.job.steps);
    return inner.some(
      (s) =>
        (s.run !== undefined && handsOn(s.run)) ||
        (s.uses !== undefined && SETS_UP_CREDENTIALS.some((a) => actionMatches(s.uses ?? '', a))),
    )
      ? given
      : [];
  }
  // A remote action whose code is known (catalog, `actions/*`, the policy's trusted list)
  // keeps its inputs; any other action's code could export them.
  if (input.knownAction?.(name, ref)) return [];
  return given;
}

function handsOn(script: string): boolean {
  return EXPORTS.test(script) || PERSISTS.test(script);
}

/** Whether a checkout's `token:` value is the credential `id`. */
function tokenCarries(value: string, id: string, input: VisibleInput): boolean {
  if (id === 'github-token') return referencesGithubToken(value);
  if (id.startsWith('secret:')) return new RegExp(`\\b${escape(id.slice(7))}\\b`, 'i').test(value);
  if (id.startsWith('app-token:')) {
    const step = input.job.steps.find((s) => id === `app-token:${s.id ?? s.index}`);
    return step?.id !== undefined ? value.includes(`steps.${step.id}.outputs.`) : true;
  }
  return true;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function stepText(step: Step): string {
  return [step.run ?? '', ...step.with.map((w) => w.value), ...step.env.map((e) => e.value)].join(
    '\n',
  );
}
