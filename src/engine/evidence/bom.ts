/**
 * The BOM as the pack writes it (bom.json, and `bom` in evidence.json): every field of the
 * inventory record named explicitly, `undefined` as null. The `Doc<T>` return types make the
 * compiler insist on every field, so a new inventory field cannot silently go missing here
 * (and the schema, with no unknown keys, insists on it being described).
 */
import type { SourceLocation } from '../errors.js';
import type { Evaluation } from '../evaluate.js';
import { scoreOf } from '../evaluate.js';
import type {
  AgentUse,
  ChangeAnalysis,
  Credential,
  EffectivePermissions,
  EnvironmentProtection,
  JobInventory,
  Owner,
  ToolReach,
} from '../inventory/types.js';
import type { AgentPermissionSettings } from '../inventory/tools/types.js';
import type { BomWorkflow, Doc, Location } from './types.js';
import { checklistDoc } from '../checklist/render.js';

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
const list = <T>(value: readonly T[] | undefined): readonly T[] => value ?? [];

export function loc(at: SourceLocation | undefined): Location {
  return { path: at?.path ?? '', line: at?.line ?? 0, column: at?.column ?? 0 };
}

export function bomWorkflows(evaluations: readonly Evaluation[]): BomWorkflow[] {
  return evaluations.map((e) => ({
    path: e.workflow.path,
    name: orNull(e.workflow.name),
    jobs: e.inventory.map((j) => ({ ...jobDoc(j), checklist: checklistDoc(scoreOf(e, j.job)) })),
  }));
}

export function ownerDoc(owner: Owner | undefined): Doc<Owner> | null {
  if (owner === undefined || owner === null) return null;
  return { owners: [...list(owner.owners)], file: owner.file, line: owner.line };
}

function protectionDoc(p: EnvironmentProtection): Doc<EnvironmentProtection> {
  return {
    status: p.status,
    source: p.source,
    reviewers: [...list(p.reviewers)],
    preventSelfReview: orNull(p.preventSelfReview),
    waitTimer: orNull(p.waitTimer),
    branchPolicy: orNull(p.branchPolicy),
    customRules: [...list(p.customRules)],
    note: p.note,
  };
}

export function jobDoc(j: JobInventory): Doc<JobInventory> {
  return {
    workflow: j.workflow,
    job: j.job,
    name: orNull(j.name),
    at: loc(j.at),
    triggers: [...list(j.triggers)],
    actor: orNull(j.actor),
    unattended: j.unattended,
    unattendedReasons: [...list(j.unattendedReasons)],
    environment:
      j.environment === undefined || j.environment === null
        ? null
        : {
            name: j.environment.name,
            dynamic: j.environment.dynamic,
            at: loc(j.environment.at),
            protection: protectionDoc(j.environment.protection),
          },
    runsOn: [...list(j.runsOn)],
    permissions: permissionsDoc(j.permissions),
    credentials: list(j.credentials).map(credentialDoc),
    uses: list(j.uses).map((u) => ({
      raw: u.raw,
      kind: u.kind,
      name: u.name,
      ref: orNull(u.ref),
      pinned: u.pinned,
      step: orNull(u.step),
      at: loc(u.at),
    })),
    runs: list(j.runs).map((r) => ({
      step: r.step,
      name: orNull(r.name),
      shell: orNull(r.shell),
      script: r.script,
      at: loc(r.at),
    })),
    agents: list(j.agents).map(agentDoc),
    workflowRole: j.workflowRole ? { ...j.workflowRole } : null,
    tools: list(j.tools).map(toolDoc),
    agentConfig: list(j.agentConfig).map((c) => ({
      agent: c.agent,
      file: c.file,
      permissions: agentPermissionsDoc(c.permissions),
      settings: list(c.settings).map((s) => ({ key: s.key, value: s.value, at: loc(s.at) })),
    })),
    owner: ownerDoc(j.owner),
    change: changeDoc(j.change),
    targets: [...list(j.targets)],
    classes: [...list(j.classes)],
    paths: list(j.paths).map((p) => ({
      id: p.id,
      job: p.job,
      class: p.class,
      reason: p.reason,
      at: loc(p.at),
      credentials: [...list(p.credentials)],
      step: orNull(p.step),
      uses: orNull(p.uses),
      target: orNull(p.target),
      why: orNull(p.why),
      chain:
        p.chain === undefined || p.chain === null
          ? null
          : p.chain.map((c) => ({ kind: c.kind, name: c.name, at: loc(c.at) })),
    })),
    gaps: [...list(j.gaps)],
    skipped: orNull(j.skipped),
    skippedSteps: list(j.skippedSteps).map((x) => ({
      step: x.step,
      name: orNull(x.name),
      reason: x.reason,
    })),
    calls:
      j.calls === undefined || j.calls === null
        ? null
        : j.calls.map((c) => ({
            uses: c.uses,
            file: c.file,
            at: loc(c.at),
            jobs: c.jobs.map((x) => ({
              job: x.job,
              at: loc(x.at),
              permissions: { ...x.permissions },
            })),
          })),
    resolvedRefs:
      j.resolvedRefs === undefined || j.resolvedRefs === null
        ? null
        : j.resolvedRefs.map((r) => ({ ref: r.ref, sha: r.sha })),
  };
}

function permissionsDoc(p: EffectivePermissions): Doc<EffectivePermissions> {
  return {
    source: p.source,
    scopes: { ...p.scopes },
    assumed: p.assumed,
    downgrade: orNull(p.downgrade),
    at: loc(p.at),
  };
}

export function credentialDoc(c: Credential): Doc<Credential> {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    lifetime: c.lifetime,
    scope: c.scope,
    write: c.write,
    production: c.production,
    reaches: [...list(c.reaches)],
    note: c.note,
    usedIn: [...list(c.usedIn)],
    at: loc(c.at),
  };
}

function agentDoc(a: AgentUse): Doc<AgentUse> {
  return {
    id: a.id,
    product: a.product,
    via: a.via,
    ref: orNull(a.ref),
    step: orNull(a.step),
    at: loc(a.at),
    mode: orNull(a.mode),
    settings: list(a.settings).map((s) => ({
      name: s.name,
      value: s.value,
      risky: s.risky,
      reason: s.reason,
      at: loc(s.at),
      grantsShell: s.grantsShell,
      bypassesChecks: s.bypassesChecks,
    })),
    unrestrictedShell: a.unrestrictedShell,
    permissionsBypassed: a.permissionsBypassed,
    tokenExchange:
      a.tokenExchange === undefined || a.tokenExchange === null
        ? null
        : { issuer: a.tokenExchange.issuer, note: a.tokenExchange.note },
    allowedActors: list(a.allowedActors).map((x) => ({
      name: x.name,
      value: x.value,
      wildcard: x.wildcard,
    })),
    promptInputs: list(a.promptInputs).map((x) => ({
      input: x.input,
      value: x.value,
      at: loc(x.at),
    })),
    mcpConfig: list(a.mcpConfig).map((x) => ({ source: x.source, value: x.value, at: loc(x.at) })),
  };
}

function toolDoc(t: ToolReach): Doc<ToolReach> {
  return {
    agent: t.agent,
    name: t.name,
    file: t.file,
    transport: t.transport,
    command: orNull(t.command),
    args: [...list(t.args)],
    url: orNull(t.url),
    remote: t.remote,
    fetchesCode: t.fetchesCode,
    secrets: [...list(t.secrets)],
    trust: t.trust,
    tools: t.tools === undefined || t.tools === null ? null : t.tools === '*' ? '*' : [...t.tools],
    writeCapable: t.writeCapable,
    at: loc(t.at),
  };
}

function agentPermissionsDoc(
  p: AgentPermissionSettings | undefined,
): Doc<AgentPermissionSettings> | null {
  if (p === undefined || p === null) return null;
  return {
    allow: [...list(p.allow)],
    ask: [...list(p.ask)],
    deny: [...list(p.deny)],
    defaultMode: orNull(p.defaultMode),
    enableAllProjectMcpServers: orNull(p.enableAllProjectMcpServers),
    hooks: [...list(p.hooks)],
    sandboxEnabled: orNull(p.sandboxEnabled),
    at: loc(p.at),
  };
}

function changeDoc(c: ChangeAnalysis | undefined): Doc<ChangeAnalysis> | null {
  if (c === undefined || c === null) return null;
  return {
    author: orNull(c.author),
    authorKind: c.authorKind,
    sensitive: list(c.sensitive).map((s) => ({ file: s.file, what: s.what })),
    newDependencies: list(c.newDependencies).map((d) => ({
      file: d.file,
      ecosystem: d.ecosystem,
      name: d.name,
      version: orNull(d.version),
      line: orNull(d.line),
      note: orNull(d.note),
    })),
    unknownDependencies: list(c.unknownDependencies).map((u) => ({
      file: u.file,
      reason: u.reason,
    })),
  };
}
