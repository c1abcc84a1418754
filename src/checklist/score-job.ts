/**
 * Scores one job against the 20 controls of the seed checklist (controls.ts): 1 / 0.5 / 0
 * from what the workflow and the job's inventory show, or null ("not observable from CI")
 * with the reason. Pure: the workflow model, the inventory and the YAML data only.
 * The mapping, and why each level is given, is documented in docs/checklist.md.
 */
import type { SourceLocation } from '../errors.js';
import { CONVERSATION_SCOPES } from '../inventory/permissions.js';
import type { AgentSetting } from '../inventory/agent-knobs.js';
import type { AgentUse, Credential, JobInventory } from '../inventory/types.js';
import { actionMatches } from '../inventory/uses.js';
import type { Job, Step, Workflow } from '../workflow/model.js';
import { locate, locateInScalar } from '../workflow/source.js';
import type { YamlPath } from '../workflow/source.js';
import { CONTROLS, bandOf } from './controls.js';
import type { ChecklistScore, ControlId, ControlPoints, ControlResult, Evidence } from './types.js';

type Verdict = Pick<ControlResult, 'score' | 'reason' | 'evidence'>;

const verdict = (
  score: ControlPoints | null,
  reason: string,
  evidence: Evidence[] = [],
): Verdict => {
  const seen = new Set<string>();
  const unique = evidence.filter((e) => {
    const key = `${e.text}@${e.at ? `${e.at.path}:${e.at.line}` : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { score, reason, evidence: unique };
};
/** Evidence text is one line (multi-line inputs and scripts are folded). */
const ev = (text: string, at: SourceLocation | undefined): Evidence => ({
  text: text.replace(/\s+/g, ' ').trim(),
  at,
});

/** Write scopes that only let the token talk or ask for Copilot: narrow by design. */
const NARROW_WRITE_SCOPES: readonly string[] = [...CONVERSATION_SCOPES, 'copilot-requests'];

/** GitHub's job time limit when `timeout-minutes` is not set. */
const DEFAULT_TIMEOUT_MINUTES = 360;

// ---------------------------------------------------------------------------------------------
// Tables: actions and commands that stand for a control.

const HARDEN_RUNNER = 'step-security/harden-runner';

const VAULT_ACTIONS = [
  'hashicorp/vault-action',
  '1password/load-secrets-action',
  'aws-actions/aws-secretsmanager-get-secrets',
  'azure/get-keyvault-secrets',
  'google-github-actions/get-secretmanager-secrets',
  'dopplerhq/secrets-fetch-action',
  'infisical/secrets-action',
  'bitwarden/sm-action',
  'cyberark/conjur-action',
  'akeyless-community/akeyless-github-action',
];
const VAULT_COMMAND =
  /(?:^|[\s;&|(`])(?:vault\s+(?:kv\s+get|read)|op\s+(?:read|run|inject)|aws\s+secretsmanager\s+get-secret-value|gcloud\s+secrets\s+versions\s+access|az\s+keyvault\s+secret\s+show|doppler\s+(?:run|secrets)|infisical\s+(?:run|export))\b/;

const SAST_ACTIONS = [
  'github/codeql-action/analyze',
  'github/codeql-action/init',
  'semgrep/semgrep-action',
  'returntocorp/semgrep-action',
  'sonarsource/sonarqube-scan-action',
  'sonarsource/sonarcloud-github-action',
  'checkmarx/ast-github-action',
  'securego/gosec',
  'pycqa/bandit-action',
  'zizmorcore/zizmor-action',
  'shiftleft/scan-action',
  'shiftleftsecurity/scan-action',
];
const SAST_COMMAND =
  /(?:^|[\s;&|(`])(?:semgrep\s+(?:scan|ci|--config)|bandit\s+-|gosec\s|njsscan\s|brakeman\b|flawfinder\s|zizmor\s|sonar-scanner\b|snyk\s+code\s+test|codeql\s+database\s+analyze|bearer\s+scan)/;

/** Vulnerability audits: known CVEs of (new) dependencies, not who published them. */
const AUDIT_ACTIONS = [
  'actions/dependency-review-action',
  'google/osv-scanner-action',
  'pypa/gh-action-pip-audit',
  'aquasecurity/trivy-action',
  'anchore/scan-action',
  'rustsec/audit-check',
  'actions-rs/audit-check',
];
const AUDIT_COMMAND =
  /(?:^|[\s;&|(`])(?:(?:npm|pnpm|yarn|bun)\s+audit\b|pip-audit\b|osv-scanner\b|cargo\s+(?:audit|deny)\b|govulncheck\b|bundle(?:r)?[\s-]audit\b|safety\s+(?:check|scan)\b|snyk\s+test\b|trivy\s+(?:fs|repo|filesystem)\b|grype\s|composer\s+audit\b|dependency-check\b)/;
/** Supply-chain checks that also look at typosquatting and publishers. */
const SUPPLY_CHAIN_ACTIONS = ['socketdev/action', 'socketdev/socket-action', 'phylum-dev'];
const SUPPLY_CHAIN_COMMAND = /(?:^|[\s;&|(`])(?:socket\s+(?:scan|ci)\b|npq\s|guarddog\s)/;

const AUTO_MERGE_ACTIONS = [
  'peter-evans/enable-pull-request-automerge',
  'pascalgn/automerge-action',
  'reitermarkus/automerge',
  'fastify/github-action-merge-dependabot',
];

/** Agent caps on how much one session may do (turns, spend): a ceiling, not a CPU/memory quota. */
const AGENT_CAPS =
  /--max-turns\b|\bmax_turns\b|--max-budget-usd\b|\bmaxAiCredits\b|--max-session-turns\b|--max-steps\b|\bmax[-_]iterations\b/;
const OTEL_ENV =
  /^(?:OTEL_EXPORTER_OTLP(?:_LOGS|_TRACES)?_ENDPOINT|OTEL_LOGS_EXPORTER|CLAUDE_CODE_ENABLE_TELEMETRY)$/;
const PROXY_ENV = /^(?:HTTPS_PROXY|https_proxy|ALL_PROXY|all_proxy)$/;
const LOG_ARTIFACT = /log|transcript|trace|session|execution|\.jsonl/i;

// ---------------------------------------------------------------------------------------------
// Facts read once per job.

interface ContainerFlags {
  readonly readOnly: boolean;
  readonly tmpfs: boolean;
  readonly memory: boolean;
  readonly cpus: boolean;
  readonly pids: boolean;
  readonly capDropAll: boolean;
  readonly noNewPrivileges: boolean;
  readonly seccomp: boolean;
  readonly runtime: string | undefined;
  readonly networkNone: boolean;
  readonly privileged: boolean;
  /** Host paths mounted into the container. */
  readonly mounts: readonly string[];
}

interface ContainerUse {
  readonly kind: 'docker-run' | 'job-container';
  readonly text: string;
  readonly at: SourceLocation;
  readonly flags: ContainerFlags;
}

interface Harden {
  readonly step: number;
  readonly at: SourceLocation;
  /** `block`, `audit`, or `policy-store`. */
  readonly policy: string;
  readonly policyAt: SourceLocation;
  readonly policyExplicit: boolean;
  readonly telemetry: boolean;
  readonly noSudo: SourceLocation | undefined;
}

interface Awf {
  readonly at: SourceLocation;
  readonly sslBump: SourceLocation | undefined;
  readonly firewallOff: AgentSetting | undefined;
}

type RunnerKind = 'hosted' | 'self-hosted' | 'unknown';

interface Facts {
  readonly job: Job;
  readonly inv: JobInventory;
  readonly wf: Workflow;
  readonly agents: readonly AgentUse[];
  /** Steps that run an agent; every step when the job has agents none of which is located. */
  readonly agentSteps: readonly Step[];
  readonly firstAgentStep: number | undefined;
  readonly reusable: boolean;
  readonly runner: {
    readonly kind: RunnerKind;
    readonly text: string;
    readonly at: SourceLocation;
  };
  readonly harden: Harden | undefined;
  readonly awf: Awf | undefined;
  readonly containers: readonly ContainerUse[];
  /** The agents' own OS sandboxes that are on. */
  readonly sandboxes: readonly Evidence[];
  readonly settings: readonly { readonly agent: AgentUse; readonly s: AgentSetting }[];
}

const HOSTED_LABEL =
  /^(?:ubuntu|windows|macos)-(?:latest|slim|\d+(?:\.\d+)?)(?:-(?:arm|arm64|large|xlarge|xl|intel))*$/i;

function runnerOf(job: Job, wf: Workflow): Facts['runner'] {
  const at = locate(wf.source, [...job.at, 'runs-on']);
  const text = job.runsOn.join(', ');
  const labels = job.runsOn.map((l) => l.trim());
  if (labels.some((l) => l.toLowerCase() === 'self-hosted'))
    return { kind: 'self-hosted', text, at };
  if (labels.length > 0 && labels.every((l) => HOSTED_LABEL.test(l)))
    return { kind: 'hosted', text, at };
  return { kind: 'unknown', text, at };
}

/** Plain YAML data at `path` (for keys the model does not keep: step timeouts, container options). */
function raw(wf: Workflow, path: YamlPath): unknown {
  let node: unknown = wf.source.data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Location of character `index` of a step's `run:` script. */
function scriptAt(wf: Workflow, step: Step, index: number): SourceLocation {
  const before = (step.run ?? '').slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return locateInScalar(wf.source, [...step.at, 'run'], line, column);
}

function usesAt(wf: Workflow, step: Step): SourceLocation {
  return locate(wf.source, [...step.at, 'uses']);
}

function actionName(step: Step): string | undefined {
  return step.uses?.split('@')[0];
}

function matchesAny(step: Step, actions: readonly string[]): boolean {
  const name = actionName(step);
  return name !== undefined && actions.some((a) => actionMatches(name, a));
}

function input(step: Step, key: string): Step['with'][number] | undefined {
  return step.with.find((w) => w.key.toLowerCase() === key.toLowerCase());
}

/** A command and its backslash-continued lines, from `index` on. */
function logicalLine(script: string, index: number): string {
  const lines = script.slice(index).split('\n');
  const out: string[] = [];
  for (const line of lines) {
    out.push(line.replace(/\\\s*$/, ''));
    if (!/\\\s*$/.test(line)) break;
  }
  return out.join(' ');
}

function containerFlags(text: string): ContainerFlags {
  const mounts: string[] = [];
  for (const m of text.matchAll(/(?:^|\s)(?:-v|--volume)(?:=|\s+)(["']?)([^\s"']+)\1/g)) {
    const spec = m[2] ?? '';
    // `${{ github.workspace }}:/w` and `$(pwd):/w`: the host part is before the last `:` that
    // starts the container path.
    const cut = spec.search(/:\//);
    mounts.push(cut > 0 ? spec.slice(0, cut) : (spec.split(':')[0] ?? spec));
  }
  for (const m of text.matchAll(/--mount(?:=|\s+)(["']?)([^\s"']+)\1/g)) {
    const source = /(?:^|,)(?:source|src)=([^,]+)/.exec(m[2] ?? '')?.[1];
    if (source) mounts.push(source);
  }
  return {
    readOnly: /(?:^|\s)--read-only(?:=true)?(?:\s|$)/.test(text),
    tmpfs: /(?:^|\s)--tmpfs\b/.test(text),
    memory: /(?:^|\s)(?:--memory(?:=|\s+)|-m\s+)\d/.test(text),
    cpus: /(?:^|\s)--cpus(?:=|\s+)["']?\d/.test(text),
    pids: /(?:^|\s)--pids-limit\b/.test(text),
    capDropAll: /--cap-drop(?:=|\s+)["']?all\b/i.test(text),
    noNewPrivileges: /no-new-privileges/.test(text),
    seccomp: /seccomp[=:](?!unconfined)/.test(text),
    runtime: /--runtime(?:=|\s+)["']?(runsc|kata[\w-]*|gvisor|firecracker)/i.exec(text)?.[1],
    networkNone: /--net(?:work)?(?:=|\s+)["']?none\b/.test(text),
    privileged: /(?:^|\s)--privileged\b/.test(text),
    mounts,
  };
}

const DOCKER_RUN = /(?:^|[\s;&|(`])(?:docker|podman)\s+(?:container\s+)?run\b/g;

function containersOf(job: Job, wf: Workflow, steps: readonly Step[]): ContainerUse[] {
  const out: ContainerUse[] = [];
  if (job.container) {
    const options = raw(wf, [...job.at, 'container', 'options']);
    const text = typeof options === 'string' ? options : '';
    out.push({
      kind: 'job-container',
      text: `container: ${job.container.image}${text ? ` (options: ${text})` : ''}`,
      at: locate(wf.source, job.container.at),
      flags: containerFlags(text),
    });
  }
  for (const step of steps) {
    const script = step.run;
    if (!script) continue;
    for (const m of script.matchAll(DOCKER_RUN)) {
      const line = logicalLine(script, m.index);
      out.push({
        kind: 'docker-run',
        text: line.trim().slice(0, 160),
        at: scriptAt(wf, step, m.index + (m[0].length - m[0].trimStart().length)),
        flags: containerFlags(line),
      });
    }
  }
  return out;
}

function hardenOf(job: Job, wf: Workflow): Harden | undefined {
  const step = job.steps.find((s) => matchesAny(s, [HARDEN_RUNNER]));
  if (!step) return undefined;
  const at = usesAt(wf, step);
  const policy = input(step, 'egress-policy');
  const store = [input(step, 'policy'), input(step, 'use-policy-store')].find(
    (e) => e !== undefined && e.value.trim() !== '' && e.value.trim() !== 'false',
  );
  const telemetry = input(step, 'disable-telemetry')?.value.trim() !== 'true';
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
    telemetry,
    noSudo: sudo ? locate(wf.source, sudo.at) : undefined,
  };
}

const AWF_COMMAND = /(?:^|[\s;&|(`])(?:sudo\s+(?:-\S+\s+)*)?awf\s+(?!logs\b)/;
const SSL_BUMP = /--ssl-bump\b|sslBump\\?"\s*:\s*true/;

function awfOf(f: Pick<Facts, 'wf' | 'job' | 'settings'>): Awf | undefined {
  const { wf, job, settings } = f;
  const wrapped = settings.find(
    ({ s }) => s.name === 'awf' || (s.name === 'sandbox.agent' && s.value === 'awf'),
  );
  let at = wrapped?.s.at;
  let sslBump: SourceLocation | undefined;
  for (const step of job.steps) {
    const script = step.run ?? '';
    const cmd = AWF_COMMAND.exec(script);
    if (cmd) at ??= scriptAt(wf, step, cmd.index);
    const bump = SSL_BUMP.exec(script);
    if (bump) sslBump ??= scriptAt(wf, step, bump.index);
  }
  if (!at) return undefined;
  const firewallOff = settings.find(
    ({ s }) => s.name === 'network.firewall' && s.value === 'false',
  )?.s;
  return { at, sslBump, firewallOff };
}

function sandboxesOf(agents: readonly AgentUse[]): Evidence[] {
  const out: Evidence[] = [];
  for (const agent of agents) {
    if (agent.permissionsBypassed) continue;
    if (
      agent.id.startsWith('codex') &&
      (agent.mode === 'read-only' || agent.mode === 'workspace-write')
    ) {
      const setting = agent.settings.find((s) => /sandbox/.test(s.name) || s.name === '-s');
      out.push(
        ev(
          `${agent.id} runs its commands in the ${agent.mode} OS sandbox`,
          setting?.at ?? agent.at,
        ),
      );
      continue;
    }
    const on = agent.settings.find(
      (s) =>
        !s.risky &&
        ((s.name === 'sandbox.enabled' && s.value === 'true') ||
          ((s.name === '--sandbox' || s.name === '-s') && s.value !== 'disabled')),
    );
    if (on) out.push(ev(`${agent.id}: ${on.name} ${on.value} (${on.reason})`, on.at));
  }
  return out;
}

function factsOf(job: Job, inv: JobInventory, wf: Workflow): Facts {
  const agents = inv.agents;
  const located = agents.map((a) => a.step).filter((s): s is number => s !== undefined);
  const agentSteps =
    agents.length === 0
      ? job.steps
      : located.length === 0
        ? job.steps
        : job.steps.filter((s) => located.includes(s.index));
  const settings = agents.flatMap((agent) => agent.settings.map((s) => ({ agent, s })));
  const base = { wf, job, settings };
  return {
    job,
    inv,
    wf,
    agents,
    agentSteps,
    firstAgentStep: located.length > 0 ? Math.min(...located) : undefined,
    reusable: job.uses !== undefined,
    runner: runnerOf(job, wf),
    harden: hardenOf(job, wf),
    awf: awfOf(base),
    containers: containersOf(job, wf, agentSteps),
    sandboxes: sandboxesOf(agents),
    settings,
  };
}

// ---------------------------------------------------------------------------------------------
// Shared judgements.

function reusableGap(f: Facts): Verdict | undefined {
  if (!f.reusable) return undefined;
  return verdict(
    null,
    `the job calls the reusable workflow ${f.job.uses ?? ''}; its steps are not in this file (score that workflow's jobs)`,
    [ev(`uses: ${f.job.uses ?? ''}`, locate(f.wf.source, [...f.job.at, 'uses']))],
  );
}

/** For runner-level controls: hosted runners show their defaults; other runners do not. */
function runnerDefault(
  f: Facts,
  hostedReason: string,
  otherReason: string,
  extra: Evidence[] = [],
): Verdict {
  const runner = ev(`runs-on: ${f.runner.text || '(none)'}`, f.runner.at);
  if (f.runner.kind === 'hosted') return verdict(0, hostedReason, [runner, ...extra]);
  return verdict(
    null,
    `${otherReason} (runner ${f.runner.kind === 'self-hosted' ? 'is self-hosted' : 'kind not visible'})`,
    [runner, ...extra],
  );
}

const usable = (c: ContainerUse): boolean => !c.flags.privileged;

function longLived(inv: JobInventory): { all: Credential[]; broad: Credential[] } {
  const all = inv.credentials.filter((c) => c.lifetime === 'long-lived');
  return { all, broad: all.filter((c) => c.scope === 'broad') };
}

const credEvidence = (c: Credential): Evidence =>
  ev(`${c.name} (${c.lifetime}, ${c.scope}${c.note ? `; ${c.note}` : ''})`, c.at);

function noAgent(f: Facts): Verdict | undefined {
  if (f.agents.length > 0) return undefined;
  return verdict(null, 'no AI agent was found in this job: there is no agent to scope');
}

// ---------------------------------------------------------------------------------------------
// The 20 controls.

function leastPrivilege(f: Facts): Verdict {
  const p = f.inv.permissions;
  const writes = Object.entries(p.scopes)
    .filter(([scope, level]) => level === 'write' && scope !== 'id-token')
    .map(([scope]) => scope);
  const broad = writes.filter((s) => !NARROW_WRITE_SCOPES.includes(s));
  const bypass = f.agents.filter((a) => a.permissionsBypassed);
  const unbounded = f.inv.credentials.filter((c) => c.kind === 'app-token' && c.scope === 'broad');
  const evidence: Evidence[] = [
    ev(
      `token permissions from ${p.source === 'default' ? 'the repository default' : `the ${p.source} block`}: ${writes.length > 0 ? `write ${writes.join(', ')}` : 'read-only'}${p.assumed ? ' (default unknown: write assumed)' : ''}`,
      p.at,
    ),
    ...unbounded.map((c) => ev(`${c.name} (${c.note})`, c.at)),
    ...bypass.map((a) =>
      ev(
        `${a.id} runs with permission checks off (${a.settings.find((s) => s.risky)?.reason ?? 'bypass'})`,
        a.settings.find((s) => s.risky)?.at ?? a.at,
      ),
    ),
  ];
  const writeAll =
    f.job.permissions?.kind === 'write-all' ||
    (f.job.permissions === undefined && f.wf.permissions?.kind === 'write-all');
  if (writeAll) return verdict(0, '`permissions: write-all` grants every scope', evidence);
  if (p.source === 'default') {
    if (p.assumed || writes.length > 0)
      return verdict(
        0,
        'no `permissions:` block: the job gets the repository default token, which may write everywhere',
        evidence,
      );
    return verdict(
      0.5,
      'no `permissions:` block; the repository default is read-only, but the workflow does not scope the token itself',
      evidence,
    );
  }
  if (broad.length > 0 && bypass.length > 0)
    return verdict(
      0,
      `the token can write ${broad.join(', ')} and the agent runs with permission checks off`,
      evidence,
    );
  if (broad.length === 0 && bypass.length === 0 && unbounded.length === 0)
    return verdict(
      1,
      writes.length > 0
        ? `permissions are declared and writes are limited to conversation scopes (${writes.join(', ')})`
        : 'permissions are declared and read-only',
      evidence,
    );
  const why = [
    broad.length > 0 ? `the token can write ${broad.join(', ')}` : undefined,
    unbounded.length > 0 ? 'an App token is not bounded by `permissions:`' : undefined,
    bypass.length > 0 ? 'the agent runs with permission checks off' : undefined,
  ].filter(Boolean);
  return verdict(0.5, `permissions are declared, but ${why.join('; ')}`, evidence);
}

const WIDENING_SETTINGS = new Set([
  '--add-dir',
  'permissions.additionalDirectories',
  '--allow-all-paths',
  'working-directory',
]);
const WORKSPACE_MOUNT =
  /^(?:\$\{?GITHUB_WORKSPACE\}?|\$\{\{\s*github\.workspace\s*\}\}|\$\{?PWD\}?|\$\(pwd\)|`pwd`|\.{1,2}|\/tmp|\$\{?RUNNER_TEMP\}?|\$\{\{\s*runner\.temp\s*\}\})(?:\/|$)/;

function mountInWorkspace(source: string): boolean {
  const s = source.trim();
  if (s.split('/').includes('..')) return false;
  if (/docker\.sock/.test(s)) return false;
  if (WORKSPACE_MOUNT.test(s)) return true;
  // Named volumes and relative paths stay inside the project.
  return s !== '' && !/^[/~$]/.test(s);
}

function filesystemScope(f: Facts): Verdict {
  const skip = reusableGap(f) ?? noAgent(f);
  if (skip) return skip;
  const widen = f.settings
    .filter(({ s }) => s.risky && (WIDENING_SETTINGS.has(s.name) || /writable_roots/.test(s.value)))
    .map(({ agent, s }) => ev(`${agent.id}: ${s.name} ${s.value} (${s.reason})`, s.at));
  if (f.awf)
    return verdict(
      1,
      'the agent runs inside the gh-aw firewall container (awf), which mounts the workspace and the paths it needs and hides credential files (AWF selective mounting)',
      [ev('awf wraps the agent', f.awf.at)],
    );
  const runs = f.containers.filter((c) => c.kind === 'docker-run' && usable(c));
  const scoped = runs.find((c) => c.flags.mounts.every(mountInWorkspace));
  if (scoped)
    return verdict(
      1,
      scoped.flags.mounts.length > 0
        ? `the agent's container mounts only project paths (${scoped.flags.mounts.join(', ')})`
        : "the agent's container mounts no host paths",
      [ev(scoped.text, scoped.at)],
    );
  const partial = [
    ...runs.map((c) =>
      ev(`container mounts host paths beyond the project: ${c.flags.mounts.join(', ')}`, c.at),
    ),
    ...f.containers
      .filter((c) => c.kind === 'job-container' && usable(c))
      .map((c) =>
        ev(
          `${c.text}: the job container sees the workspace and runner directories GitHub mounts (the Docker socket included)`,
          c.at,
        ),
      ),
  ];
  if (partial.length > 0)
    return verdict(
      0.5,
      'the agent runs in a container, but its mounts reach beyond the project directory',
      partial,
    );
  if (f.sandboxes.length > 0 && widen.length === 0)
    return verdict(
      0.5,
      "the agent's OS sandbox confines its writes to the workspace, but it can still read the rest of the runner",
      [...f.sandboxes],
    );
  return verdict(
    0,
    'the agent runs as the runner user and can read the whole runner filesystem (home directory included); tool-level path rules are application-level only',
    [ev(`runs-on: ${f.runner.text || '(none)'}`, f.runner.at), ...widen],
  );
}

const ALLOW_LIST_SETTINGS = new Set([
  '--allowedTools',
  '--allowed-tools',
  'allowed_tools',
  'allowedTools',
  'permissions.allow',
  '--allow-tool',
  'tools.core',
  'tools.allowed',
  '--available-tools',
  '--tools',
  'enabled_tools',
]);

function toolAllowlist(f: Facts): Verdict {
  const skip = reusableGap(f) ?? noAgent(f);
  if (skip) return skip;
  const open: Evidence[] = [];
  const defaults: Evidence[] = [];
  const lists: Evidence[] = [];
  for (const agent of f.agents) {
    const allow = agent.settings.filter((s) => ALLOW_LIST_SETTINGS.has(s.name));
    if (agent.unrestrictedShell || agent.permissionsBypassed) {
      const why =
        agent.settings.find(
          (s) => s.risky && (s.name.includes('all') || s.reason.includes('shell')),
        ) ?? agent.settings.find((s) => s.risky);
      open.push(
        ev(
          `${agent.id} ${agent.permissionsBypassed ? 'runs with permission checks off' : 'may run any shell command'}${why ? `: ${why.name} (${why.reason})` : ''}`,
          why?.at ?? agent.at,
        ),
      );
    } else if (allow.length > 0 && allow.every((s) => !s.risky)) {
      lists.push(...allow.map((s) => ev(`${agent.id}: ${s.name} (${s.reason})`, s.at)));
    } else if (allow.some((s) => s.risky)) {
      const s = allow.find((x) => x.risky)!;
      defaults.push(ev(`${agent.id}: ${s.name} (${s.reason})`, s.at));
    } else {
      defaults.push(ev(`${agent.id} uses its default tool set: no explicit allow-list`, agent.at));
    }
  }
  for (const tool of f.inv.tools) {
    if (tool.trust || tool.tools === '*')
      open.push(
        ev(
          `MCP server ${tool.name} (${tool.file}): ${tool.trust ? 'calls are not confirmed' : 'every tool allowed'}`,
          tool.at,
        ),
      );
    else if (tool.tools === undefined || tool.tools.length === 0)
      defaults.push(ev(`MCP server ${tool.name} (${tool.file}) has no tool allow-list`, tool.at));
    else
      lists.push(
        ev(`MCP server ${tool.name}: tools ${tool.tools.slice(0, 5).join(', ')}`, tool.at),
      );
  }
  if (open.length > 0)
    return verdict(0, 'an agent or tool server is not limited to an allow-list', [
      ...open,
      ...defaults,
    ]);
  if (defaults.length > 0)
    return verdict(
      0.5,
      'no unrestricted shell, but not every agent and tool server has an explicit allow-list',
      [...defaults, ...lists],
    );
  return verdict(1, 'every agent and tool server has an explicit tool allow-list', lists);
}

function isolation(f: Facts): Verdict {
  const skip = reusableGap(f);
  if (skip) return skip;
  if (f.awf)
    return verdict(
      1,
      'the agent runs inside the gh-aw firewall container (awf: capabilities dropped, seccomp, no-new-privileges, per its design)',
      [ev('awf wraps the agent', f.awf.at)],
    );
  const containers = f.containers.filter(usable);
  const hardened = containers.find(
    (c) =>
      c.flags.runtime !== undefined ||
      (c.flags.capDropAll && (c.flags.noNewPrivileges || c.flags.seccomp)),
  );
  if (hardened)
    return verdict(
      1,
      hardened.flags.runtime
        ? `the agent runs in a ${hardened.flags.runtime} sandboxed container`
        : 'the agent runs in a hardened container (capabilities dropped, no-new-privileges / seccomp)',
      [ev(hardened.text, hardened.at)],
    );
  const privileged = f.containers
    .filter((c) => c.flags.privileged)
    .map((c) => ev(`${c.text} (privileged)`, c.at));
  if (containers.length > 0)
    return verdict(
      0.5,
      'the agent runs in a container without the hardening the seed asks for (dropped capabilities, seccomp, no-new-privileges)',
      containers.map((c) => ev(c.text, c.at)),
    );
  if (f.sandboxes.length > 0)
    return verdict(0.5, "the agent's commands run in its own OS sandbox, not a container or VM", [
      ...f.sandboxes,
    ]);
  if (privileged.length > 0 && f.runner.kind !== 'hosted')
    return verdict(
      0,
      'a privileged container does not isolate the agent from the runner, which is not a fresh hosted VM',
      [ev(`runs-on: ${f.runner.text || '(none)'}`, f.runner.at), ...privileged],
    );
  if (f.runner.kind === 'hosted')
    return verdict(
      0.5,
      'GitHub-hosted runner: a fresh VM per job, discarded afterwards, but not hardened (the runner user has passwordless sudo)',
      [ev(`runs-on: ${f.runner.text}`, f.runner.at), ...privileged],
    );
  return verdict(
    null,
    `runs on a ${f.runner.kind === 'self-hosted' ? 'self-hosted' : 'custom or computed'} runner: whether it is an ephemeral VM or container is not visible from CI`,
    [ev(`runs-on: ${f.runner.text || '(none)'}`, f.runner.at), ...privileged],
  );
}

function readOnlyRoot(f: Facts): Verdict {
  const skip = reusableGap(f);
  if (skip) return skip;
  const ro = f.containers.find((c) => usable(c) && c.flags.readOnly);
  if (ro)
    return verdict(
      1,
      ro.flags.tmpfs
        ? "the agent's container has a read-only root filesystem with a tmpfs for scratch files"
        : "the agent's container has a read-only root filesystem",
      [ev(ro.text, ro.at)],
    );
  const partial: Evidence[] = [];
  if (f.awf)
    partial.push(
      ev('awf runs the agent as a non-root user that cannot modify system files', f.awf.at),
    );
  partial.push(...f.sandboxes);
  if (f.harden?.noSudo)
    partial.push(ev('harden-runner disables sudo for the rest of the job', f.harden.noSudo));
  for (const agent of f.agents.filter((a) => a.id === 'codex-action')) {
    const safety = agent.settings.find((s) => s.name === 'safety-strategy');
    if (!safety)
      partial.push(
        ev(
          'codex-action removes sudo before Codex runs (default safety-strategy drop-sudo)',
          agent.at,
        ),
      );
    else if (safety.value === 'drop-sudo' || safety.value === 'unprivileged-user')
      partial.push(ev(`codex-action safety-strategy ${safety.value}: ${safety.reason}`, safety.at));
  }
  if (partial.length > 0)
    return verdict(
      0.5,
      'system files are out of the agent’s reach, but the root filesystem itself is not read-only',
      partial,
    );
  const writable = f.containers
    .filter(usable)
    .map((c) => ev(`${c.text}: root filesystem writable`, c.at));
  if (writable.length > 0)
    return verdict(0, "the agent's container has a writable root filesystem", writable);
  return runnerDefault(
    f,
    'the root filesystem is writable and the runner user has passwordless sudo',
    'the runner’s filesystem setup is not visible from CI',
  );
}

function resourceLimits(f: Facts): Verdict {
  const skip = reusableGap(f);
  if (skip) return skip;
  const containers = f.containers.filter(usable);
  const full = containers.find((c) => c.flags.memory && c.flags.cpus);
  if (full)
    return verdict(1, "the agent's container has CPU and memory limits", [ev(full.text, full.at)]);
  const partial: Evidence[] = containers
    .filter((c) => c.flags.memory || c.flags.cpus || c.flags.pids)
    .map((c) => ev(`${c.text}: only some limits`, c.at));
  for (const step of f.agentSteps) {
    const script = step.run ?? '';
    const ulimit = /(?:^|[\s;&|(])ulimit\s+-/.exec(script);
    if (ulimit) partial.push(ev('ulimit caps the agent step', scriptAt(f.wf, step, ulimit.index)));
    const cap = AGENT_CAPS.exec(script);
    if (cap) partial.push(ev(`agent cap ${cap[0]}`, scriptAt(f.wf, step, cap.index)));
    for (const w of step.with) {
      const m = AGENT_CAPS.exec(`${w.key} ${w.value}`);
      if (m) partial.push(ev(`agent cap ${m[0]} (input ${w.key})`, locate(f.wf.source, w.at)));
    }
  }
  if (partial.length > 0)
    return verdict(
      0.5,
      'some ceiling is set (a partial container limit or a cap on agent turns / spend), but not CPU, memory and disk quotas',
      partial,
    );
  if (containers.length > 0)
    return verdict(
      0,
      "the agent's container has no CPU or memory limit",
      containers.map((c) => ev(c.text, c.at)),
    );
  return runnerDefault(
    f,
    'no quota is set for the agent: only the hosted VM’s size bounds it',
    'quotas may be set on the runner itself, which CI does not show',
  );
}

function egressAllowlist(f: Facts): Verdict {
  const skip = reusableGap(f);
  if (skip) return skip;
  const h = f.harden;
  const extra: Evidence[] = [];
  if (h && (h.policy === 'block' || h.policy === 'policy-store')) {
    const late = f.firstAgentStep !== undefined && h.step > f.firstAgentStep;
    const text =
      h.policy === 'policy-store'
        ? 'harden-runner takes its egress policy from the StepSecurity policy store'
        : `harden-runner egress-policy: block${h.policyExplicit ? '' : ' (its default)'}`;
    if (h.policy === 'block' && !late)
      return verdict(1, 'outbound traffic is blocked except for the allowed endpoints', [
        ev(text, h.policyAt),
      ]);
    return verdict(
      0.5,
      late
        ? 'harden-runner blocks egress only from a step after the agent has run'
        : 'egress is filtered by a policy kept outside the workflow (not visible)',
      [ev(text, h.policyAt)],
    );
  }
  if (h)
    extra.push(ev(`harden-runner egress-policy: ${h.policy} (logs, does not block)`, h.policyAt));
  if (f.awf && f.awf.firewallOff)
    return verdict(0, 'the gh-aw firewall is turned off: no egress allow-list for the agent', [
      ev(`network.firewall: false (${f.awf.firewallOff.reason})`, f.awf.firewallOff.at),
      ...extra,
    ]);
  if (f.awf)
    return verdict(1, "the agent's traffic goes through the awf Squid proxy's domain allow-list", [
      ev('awf wraps the agent', f.awf.at),
    ]);
  const none = f.containers.find((c) => usable(c) && c.flags.networkNone);
  if (none) return verdict(1, "the agent's container has no network", [ev(none.text, none.at)]);
  const networkOn = f.settings.find(({ s }) => s.risky && /network/i.test(`${s.name} ${s.reason}`));
  if (f.sandboxes.length > 0 && !networkOn)
    return verdict(
      0.5,
      "the agent's sandbox cuts or filters the network of the commands it runs, but the job itself is not behind an allow-list",
      [...f.sandboxes, ...extra],
    );
  return runnerDefault(
    f,
    'outbound traffic is unrestricted (GitHub-hosted runners allow all egress)',
    'egress may be filtered by the network the runner sits in',
    extra,
  );
}

function dnsLogging(f: Facts): Verdict {
  const skip = reusableGap(f);
  if (skip) return skip;
  if (f.harden?.telemetry)
    return verdict(
      1,
      'harden-runner records the DNS queries and connections of the job (per-run insights)',
      [ev('harden-runner', f.harden.at)],
    );
  const partial: Evidence[] = [];
  if (f.harden)
    partial.push(
      ev('harden-runner with disable-telemetry: true (events are not sent out)', f.harden.at),
    );
  if (f.awf)
    partial.push(
      ev('the awf Squid proxy logs the domains the agent contacts (not the DNS queries)', f.awf.at),
    );
  if (partial.length > 0)
    return verdict(
      0.5,
      'contacted domains are logged, but not every DNS query with alerting',
      partial,
    );
  return runnerDefault(
    f,
    'DNS queries are not logged (GitHub-hosted runners keep no DNS log)',
    'DNS may be logged by the network the runner sits in',
  );
}

function tlsInspection(f: Facts): Verdict {
  const skip = reusableGap(f);
  if (skip) return skip;
  if (f.awf?.sslBump)
    return verdict(1, 'awf intercepts HTTPS (--ssl-bump): request URLs are inspected and logged', [
      ev('ssl-bump', f.awf.sslBump),
    ]);
  const env = [...f.wf.env, ...f.job.env, ...f.agentSteps.flatMap((s) => s.env)].find((e) =>
    PROXY_ENV.test(e.key),
  );
  if (env)
    return verdict(
      null,
      'traffic is sent to a proxy; whether that proxy inspects TLS is not visible from CI',
      [ev(`${env.key}: ${env.value}`, locate(f.wf.source, env.at))],
    );
  if (f.awf)
    return verdict(
      0,
      'awf filters HTTPS by server name only; payloads are not inspected (no --ssl-bump)',
      [ev('awf wraps the agent', f.awf.at)],
    );
  return runnerDefault(
    f,
    'no inspecting proxy sits between the agent and the internet',
    'TLS may be inspected by the network the runner sits in',
  );
}

function shortLivedTokens(f: Facts): Verdict {
  const { all, broad } = longLived(f.inv);
  if (all.length === 0)
    return verdict(
      1,
      'every credential of the job expires with it or within the hour (job token, OIDC, App tokens)',
      f.inv.credentials.map(credEvidence),
    );
  if (broad.length === 0)
    return verdict(
      0.5,
      'the only long-lived credentials are narrow ones (an agent’s own model key)',
      all.map(credEvidence),
    );
  return verdict(0, 'long-lived secrets reach the job', broad.map(credEvidence));
}

function noPersonalCredentials(f: Facts): Verdict {
  const creds = f.inv.credentials;
  const everything = creds.filter((c) => c.kind === 'inherited-secrets' || c.id === 'secrets:*');
  const personal = creds.filter((c) => c.kind === 'pat' || /OAUTH/i.test(c.name));
  const unknown = creds.filter(
    (c) =>
      c.kind === 'static-secret' &&
      c.scope === 'broad' &&
      !everything.includes(c) &&
      !personal.includes(c),
  );
  if (everything.length > 0 || personal.length > 0)
    return verdict(
      0,
      everything.length > 0
        ? 'every secret of the repository reaches the job, personal ones included if there are any'
        : 'a personal token reaches the job (a PAT or a subscription OAuth token acts as the person who made it, unless it belongs to a machine user, which the workflow cannot show)',
      [...everything, ...personal].map(credEvidence),
    );
  if (unknown.length > 0)
    return verdict(
      0.5,
      'long-lived secrets reach the job whose owner (a person or a service account) the workflow cannot show',
      unknown.map(credEvidence),
    );
  return verdict(
    1,
    'only machine identities: the job token, OIDC, App tokens and agent model keys',
    creds.map(credEvidence),
  );
}

function stepNumbers(c: Credential): number[] {
  return c.usedIn
    .map((u) => /^step (\d+)/.exec(u)?.[1])
    .filter((n): n is string => n !== undefined)
    .map((n) => Number(n) - 1);
}

function secretsVault(f: Facts): Verdict {
  const vaultSteps = f.job.steps.filter(
    (s) => matchesAny(s, VAULT_ACTIONS) || (s.run !== undefined && VAULT_COMMAND.test(s.run)),
  );
  const vaultEvidence = vaultSteps.map((s) =>
    ev(
      `secrets from a vault: ${s.uses ?? VAULT_COMMAND.exec(s.run ?? '')?.[0]?.trim() ?? ''}`,
      s.uses ? usesAt(f.wf, s) : locate(f.wf.source, [...s.at, 'run']),
    ),
  );
  const { all } = longLived(f.inv);
  const everything = all.filter((c) => c.kind === 'inherited-secrets' || c.id === 'secrets:*');
  if (everything.length > 0)
    return verdict(0, 'every stored secret is handed to the job', everything.map(credEvidence));
  const jobWide = all.filter((c) => c.usedIn.some((u) => u.startsWith('every step')));
  if (jobWide.length > 0)
    return verdict(
      0,
      'stored secrets sit in job- or workflow-level env, where every step (the agent’s included) sees them',
      jobWide.map(credEvidence),
    );
  if (all.length === 0)
    return verdict(
      1,
      vaultSteps.length > 0
        ? 'secrets come from a vault at run time'
        : 'no stored secrets: only the job token and federated (OIDC / App) tokens',
      vaultEvidence,
    );
  const vaultIndexes = new Set(vaultSteps.map((s) => s.index));
  const outside = all.filter(
    (c) => !stepNumbers(c).every((n) => vaultIndexes.has(n)) || c.usedIn.length === 0,
  );
  if (vaultSteps.length > 0 && outside.length === 0)
    return verdict(
      1,
      'the only stored secret authenticates to a vault that injects the rest at run time',
      [...vaultEvidence, ...all.map(credEvidence)],
    );
  if (vaultSteps.length > 0)
    return verdict(0.5, 'a vault is used, but other secrets still come from GitHub secrets', [
      ...vaultEvidence,
      ...outside.map(credEvidence),
    ]);
  return verdict(
    0.5,
    'GitHub encrypted secrets are injected per step at run time, not from a vault: they sit in the env or inputs of the steps that use them',
    all.map(credEvidence),
  );
}

const PUSHES = /\b(?:pushes|force-pushes|writes a file|creates or moves|merges into)\b/;
const DEFAULT_BRANCH = /(?:^|\/)(?:main|master)$/;

function pushesToDefault(inv: JobInventory): JobInventory['paths'] {
  return inv.paths.filter(
    (p) =>
      p.class === 'write-branch' &&
      p.target !== undefined &&
      DEFAULT_BRANCH.test(p.target) &&
      PUSHES.test(p.reason),
  );
}

function diffReview(f: Facts): Verdict {
  const paths = f.inv.paths;
  const pathEv = (p: JobInventory['paths'][number]): Evidence =>
    ev(`${p.class}: ${p.reason}`, p.at);
  const autoMerge = f.job.steps
    .filter((s) => matchesAny(s, AUTO_MERGE_ACTIONS))
    .map((s) => ev(`${actionName(s) ?? ''} enables auto-merge`, usesAt(f.wf, s)));
  const skips = [
    ...paths.filter((p) => p.class === 'bypass-checks'),
    ...paths.filter(
      (p) => p.class === 'write-branch' && /\bmerges a pull request\b/.test(p.reason),
    ),
    ...pushesToDefault(f.inv),
  ];
  if (skips.length > 0 || autoMerge.length > 0)
    return verdict(
      0,
      'the job merges, pushes to the default branch or bypasses protection itself (branch protection may still stop it, which CI does not show)',
      [...skips.map(pathEv), ...autoMerge],
    );
  const writes = paths.filter((p) => p.class === 'write-branch' || p.class === 'modify-workflow');
  const writeCreds = f.inv.credentials.filter(
    (c) =>
      c.write && (c.kind === 'pat' || c.kind === 'app-token' || c.kind === 'inherited-secrets'),
  );
  if (writes.length > 0 || writeCreds.length > 0)
    return verdict(
      0.5,
      'the job can push its changes to a branch or pull request; whether a review is required before they merge is a branch-protection setting CI does not show',
      [...writes.map(pathEv), ...writeCreds.map(credEvidence)],
    );
  return verdict(
    1,
    'the job cannot write code: the agent can only suggest (comments, reviews), a person applies',
    [ev('no write-branch, modify-workflow or bypass-checks path', f.inv.at)],
  );
}

interface Hit {
  readonly text: string;
  readonly at: SourceLocation;
  readonly job: string;
}

/** Workflow-wide searches, once per workflow and table (every job of a workflow asks the same). */
const WORKFLOW_HITS = new WeakMap<Workflow, Map<string, Hit[]>>();

/** Steps anywhere in the workflow that match; hits in the scored job come first. */
function findInWorkflow(
  f: Facts,
  key: string,
  actions: readonly string[],
  command: RegExp | undefined,
  accept: (step: Step) => boolean = () => true,
): Hit[] {
  let cache = WORKFLOW_HITS.get(f.wf);
  if (!cache) {
    cache = new Map();
    WORKFLOW_HITS.set(f.wf, cache);
  }
  let hits = cache.get(key);
  if (!hits) {
    hits = [];
    for (const job of f.wf.jobs) {
      for (const step of job.steps) {
        if (matchesAny(step, actions) && accept(step)) {
          hits.push({
            text: `${actionName(step) ?? ''} (job ${job.id})`,
            at: usesAt(f.wf, step),
            job: job.id,
          });
          continue;
        }
        const m = command && step.run !== undefined ? command.exec(step.run) : null;
        if (m)
          hits.push({
            text: `${m[0].trim()} (job ${job.id})`,
            at: scriptAt(f.wf, step, m.index + (m[0].length - m[0].trimStart().length)),
            job: job.id,
          });
      }
    }
    cache.set(key, hits);
  }
  return [...hits.filter((h) => h.job === f.job.id), ...hits.filter((h) => h.job !== f.job.id)];
}

const snykCommand = (s: Step): string => input(s, 'command')?.value ?? '';

function sast(f: Facts): Verdict {
  const hits = [
    ...findInWorkflow(f, 'sast', SAST_ACTIONS, SAST_COMMAND),
    ...findInWorkflow(f, 'snyk-code', ['snyk/actions'], undefined, (s) =>
      /\bcode\b/.test(snykCommand(s)),
    ),
  ];
  if (hits.length > 0)
    return verdict(
      1,
      'static analysis runs in this workflow',
      hits.slice(0, 3).map((h) => ev(h.text, h.at)),
    );
  return verdict(
    null,
    'no SAST step in this workflow; SAST usually runs in its own workflow or as code scanning, which this file does not show',
  );
}

function dependencyAudit(f: Facts): Verdict {
  const supply = findInWorkflow(f, 'supply-chain', SUPPLY_CHAIN_ACTIONS, SUPPLY_CHAIN_COMMAND);
  if (supply.length > 0)
    return verdict(
      1,
      'a supply-chain check (typosquatting, publishers, known vulnerabilities) runs in this workflow',
      supply.slice(0, 3).map((h) => ev(h.text, h.at)),
    );
  const audits = [
    ...findInWorkflow(f, 'audit', AUDIT_ACTIONS, AUDIT_COMMAND),
    ...findInWorkflow(
      f,
      'snyk-deps',
      ['snyk/actions'],
      undefined,
      (s) => !/\bcode\b/.test(snykCommand(s)),
    ),
  ];
  if (audits.length > 0)
    return verdict(
      0.5,
      'dependencies are checked for known vulnerabilities; typosquatting and publisher checks are not shown',
      audits.slice(0, 3).map((h) => ev(h.text, h.at)),
    );
  return verdict(
    null,
    'no dependency audit in this workflow; it may run in another workflow or as Dependabot alerts, which this file does not show',
  );
}

function immutableAuditLog(f: Facts): Verdict {
  const skip = reusableGap(f);
  if (skip) return skip;
  if (f.inv.permissions.scopes.actions === 'write')
    return verdict(0, "the job's token can delete this run's logs and artifacts (actions: write)", [
      ev('actions: write', f.inv.permissions.at),
    ]);
  const shipped: Evidence[] = [];
  if (f.harden?.telemetry)
    shipped.push(ev('harden-runner sends process and network events to StepSecurity', f.harden.at));
  for (const e of [...f.wf.env, ...f.job.env, ...f.agentSteps.flatMap((s) => s.env)]) {
    if (OTEL_ENV.test(e.key))
      shipped.push(ev(`${e.key}: agent telemetry export`, locate(f.wf.source, e.at)));
  }
  const after = f.firstAgentStep ?? -1;
  for (const step of f.job.steps) {
    if (step.index <= after || !matchesAny(step, ['actions/upload-artifact'])) continue;
    const path = input(step, 'path')?.value ?? '';
    if (LOG_ARTIFACT.test(path))
      shipped.push(ev(`agent logs uploaded as an artifact: ${path.trim()}`, usesAt(f.wf, step)));
  }
  for (const { agent, s } of f.settings) {
    if (s.name === 'show_full_output' && s.value === 'true')
      shipped.push(ev(`${agent.id}: show_full_output: true (tool calls in the run log)`, s.at));
  }
  if (shipped.length > 0)
    return verdict(
      0.5,
      'agent activity leaves the runner, but write-once (tamper-proof) storage is not visible from CI; GitHub keeps run logs and artifacts, which repository admins can delete',
      shipped,
    );
  return verdict(
    0,
    'no agent log or telemetry is shipped from the job; the run log holds only what the agent prints',
  );
}

function anomalyDetection(f: Facts): Verdict {
  const skip = reusableGap(f);
  if (skip) return skip;
  if (f.harden?.telemetry)
    return verdict(
      0.5,
      'harden-runner baselines the job’s outbound endpoints and flags anomalies: network only, not file writes or commands',
      [ev('harden-runner', f.harden.at)],
    );
  return verdict(
    null,
    'anomaly detection works on collected logs outside CI (a SIEM, provider dashboards); the workflow cannot show it',
  );
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

function sessionTimeLimits(f: Facts): Verdict {
  const skip = reusableGap(f);
  if (skip) return skip;
  const limits: { value: number | 'dynamic'; where: string; at: SourceLocation }[] = [];
  const steps = f.agents.length > 0 ? f.agentSteps : [];
  for (const step of steps) {
    const v = minutes(raw(f.wf, [...step.at, 'timeout-minutes']));
    if (v !== undefined)
      limits.push({
        value: v,
        where: `step ${step.index + 1}`,
        at: locate(f.wf.source, [...step.at, 'timeout-minutes']),
      });
    const legacy = input(step, 'timeout_minutes');
    const lv = legacy ? minutes(legacy.value) : undefined;
    if (legacy && lv !== undefined)
      limits.push({
        value: lv,
        where: 'agent input timeout_minutes',
        at: locate(f.wf.source, legacy.at),
      });
  }
  const jv = minutes(f.job.timeoutMinutes);
  if (jv !== undefined)
    limits.push({
      value: jv,
      where: 'job',
      at: locate(f.wf.source, [...f.job.at, 'timeout-minutes']),
    });
  const evidence = limits.map((l) => ev(`timeout-minutes ${String(l.value)} (${l.where})`, l.at));
  const tight = limits.find(
    (l) => typeof l.value === 'number' && l.value < DEFAULT_TIMEOUT_MINUTES,
  );
  if (tight)
    return verdict(
      1,
      `the session is stopped after ${String(tight.value)} minutes (${tight.where})`,
      evidence,
    );
  if (limits.some((l) => l.value === 'dynamic'))
    return verdict(
      0.5,
      'a time limit is set from an expression: its value is not visible',
      evidence,
    );
  if (limits.length > 0)
    return verdict(
      0,
      `the limit is no tighter than GitHub's ${DEFAULT_TIMEOUT_MINUTES}-minute default`,
      evidence,
    );
  return verdict(
    0,
    `no timeout-minutes: only GitHub's ${DEFAULT_TIMEOUT_MINUTES}-minute default stops the session`,
    [ev('job', f.inv.at)],
  );
}

function killSwitch(f: Facts): Verdict {
  const { broad } = longLived(f.inv);
  if (broad.length > 0)
    return verdict(
      0,
      'cancelling the run stops the agent, but the long-lived secrets it held stay valid until someone rotates them',
      broad.map(credEvidence),
    );
  return verdict(
    0.5,
    'cancelling the run stops the agent and its job-scoped / short-lived tokens expire; whether the switch is tested is not visible',
    [ev('run cancellation (Actions UI / API)', f.inv.at)],
  );
}

function rollback(f: Facts): Verdict {
  const paths = f.inv.paths;
  const pathEv = (p: JobInventory['paths'][number]): Evidence =>
    ev(`${p.class}: ${p.reason}`, p.at);
  const hard = [
    ...paths.filter((p) => p.class === 'destructive' || p.class === 'bypass-checks'),
    ...pushesToDefault(f.inv),
  ];
  if (hard.length > 0)
    return verdict(
      0,
      'the job can push to the default branch or destroy state that git cannot restore',
      hard.map(pathEv),
    );
  const outside = paths.filter(
    (p) => p.class === 'deploy' || p.class === 'publish' || p.class === 'production',
  );
  if (outside.length > 0)
    return verdict(
      0.5,
      'deploys or releases happen outside git: their rollback depends on procedures CI does not show',
      outside.slice(0, 4).map(pathEv),
    );
  const writes = paths.filter((p) => p.class === 'write-branch');
  if (writes.length > 0)
    return verdict(
      1,
      'changes land on branches or pull requests: git reverts them',
      writes.slice(0, 3).map(pathEv),
    );
  return verdict(1, 'the job changes nothing that git cannot revert (comments at most)', [
    ev('no write-branch, deploy, publish or destructive path', f.inv.at),
  ]);
}

const SCORERS: Readonly<Record<ControlId, (f: Facts) => Verdict>> = {
  'least-privilege': leastPrivilege,
  'filesystem-scope': filesystemScope,
  'tool-allowlist': toolAllowlist,
  isolation,
  'read-only-root': readOnlyRoot,
  'resource-limits': resourceLimits,
  'egress-allowlist': egressAllowlist,
  'dns-logging': dnsLogging,
  'tls-inspection': tlsInspection,
  'short-lived-tokens': shortLivedTokens,
  'no-personal-credentials': noPersonalCredentials,
  'secrets-vault': secretsVault,
  'diff-review': diffReview,
  sast,
  'dependency-audit': dependencyAudit,
  'immutable-audit-log': immutableAuditLog,
  'anomaly-detection': anomalyDetection,
  'session-time-limits': sessionTimeLimits,
  'kill-switch': killSwitch,
  rollback,
};

/** Scores one job against the seed checklist. */
export function scoreJob(job: Job, inventory: JobInventory, workflow: Workflow): ChecklistScore {
  const f = factsOf(job, inventory, workflow);
  const controls: ControlResult[] = CONTROLS.map((c) => ({
    id: c.id,
    number: c.number,
    title: c.title,
    ...SCORERS[c.id](f),
  }));
  const observed = controls.filter((c) => c.score !== null);
  const total = observed.reduce((sum, c) => sum + (c.score ?? 0), 0);
  const unobserved = controls.length - observed.length;
  return {
    workflow: inventory.workflow,
    job: inventory.job,
    agents: [...new Set(inventory.agents.map((a) => a.id))],
    controls,
    total,
    observed: observed.length,
    max: observed.length,
    outOf: 20,
    band: bandOf(total),
    bestCaseBand: bandOf(total + unobserved),
    focus:
      total < 10
        ? CONTROLS.filter((c) => c.basic)
            .filter((c) => controls.find((r) => r.id === c.id)?.score !== 1)
            .map((c) => c.id)
        : [],
  };
}
