/**
 * Loads a policy — a preset name or a YAML/JSON file — validates it against the schema,
 * follows `extends` (presets and relative paths, cycles refused) and merges the chain into
 * one `Policy`. File access goes through a reader port so the engine does no I/O itself.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import { PRESETS } from '../../generated/presets.js';
import { AGENTS } from '../inventory/agent-catalog.js';
import { trustedPatternError } from '../inventory/trusted-actions.js';
import type { ActionClass } from '../inventory/action-classes.js';
import { locate, parseYamlSource } from '../workflow/source.js';
import type { SourceFile } from '../workflow/source.js';
import type {
  CheckSetting,
  ChecksConfig,
  DecisionValue,
  Policy,
  PolicyRule,
  Waiver,
  When,
} from './types.js';
import type { SourceLocation } from '../errors.js';
import { matchesGlob } from '../glob.js';
import { RULES } from '../rules/index.js';
import { ruleById, unknownRuleError } from './checks.js';
import { didYouMean } from './suggest.js';
import { WORKFLOW_EVENTS } from './workflow-events.js';
import { validateRuleOptions } from './rule-options.js';
import { validatePolicyDocument } from './validate-policy.js';

/** How the loader reaches files: the CLI reads disk, the action may read the base ref. */
export interface PolicyReader {
  /** The text of the file, or throws (an InputError when it does not exist). */
  read(path: string): Promise<string>;
  /** `ref` as seen from the file `from` (for relative `extends`). */
  resolve(from: string, ref: string): string;
}

export const PRESET_NAMES: readonly string[] = Object.keys(PRESETS);

export function isPresetName(ref: string): boolean {
  return Object.hasOwn(PRESETS, ref);
}

interface RawRule {
  id: string;
  description?: string;
  when?: Record<string, unknown>;
  decision?: DecisionValue;
  reason?: string;
  enabled?: boolean;
}
type RawCheck =
  | DecisionValue
  | 'off'
  | {
      decision?: DecisionValue;
      enabled?: boolean;
      options?: Record<string, unknown>;
      reason?: string;
    };
/** `profile` is a string; every other key is a rule id with its RawCheck. */
type RawChecks = Record<string, RawCheck | undefined>;

interface RawPolicy {
  version: 1;
  extends?: string | string[];
  default?: DecisionValue;
  production?: string[];
  evidence?: { required?: boolean };
  repository?: { 'default-permissions'?: 'read' | 'write' | 'unknown' };
  actions?: { trusted?: string[] };
  rules?: RawRule[];
  checks?: RawChecks;
  approval?: { approvers?: string[]; 'min-approvals'?: number; 'timeout-minutes'?: number };
  waivers?: Omit<Waiver, 'at'>[];
}

interface Layer {
  readonly name: string;
  readonly source: SourceFile;
  readonly raw: RawPolicy;
}

const MAX_DEPTH = 8;

export async function loadPolicy(ref: string, reader: PolicyReader): Promise<Policy> {
  const layers: Layer[] = [];
  await collect(ref, undefined, reader, layers, [], undefined);
  checkNamedRules(layers);
  return merge(layers);
}

/** The files (not presets) a policy was read from, as its reader named them, base first. */
export function policyFilesRead(policy: Pick<Policy, 'sources'>): string[] {
  return policy.sources.filter((s) => !s.startsWith('preset:'));
}

/** Depth-first: bases before the file that extends them. */
async function collect(
  ref: string,
  from: string | undefined,
  reader: PolicyReader,
  layers: Layer[],
  chain: string[],
  /** The `extends` entry that named this file (undefined for the policy itself). */
  at: SourceLocation | undefined,
): Promise<void> {
  if (at !== undefined && !isPresetName(ref) && !/[\\/.]/.test(ref))
    throw new InputError(
      `extends: no preset named \`${ref}\`${didYouMean(ref, PRESET_NAMES)}; presets: ${PRESET_NAMES.join(', ')} (a file needs a path such as ./${ref}.yml)`,
      { location: at },
    );
  const name = isPresetName(ref)
    ? `preset:${ref}`
    : from === undefined
      ? ref
      : reader.resolve(from, ref);
  if (chain.includes(name))
    throw new InputError(`policy extends itself: ${[...chain, name].join(' → ')}`);
  if (chain.length >= MAX_DEPTH)
    throw new InputError(`policy extends chain deeper than ${MAX_DEPTH}: ${chain.join(' → ')}`);
  if (layers.some((l) => l.name === name)) return;
  const text = isPresetName(ref) ? (PRESETS[ref] ?? '') : await readPolicyFile(name, reader, at);
  const source = parseYamlSource(isPresetName(ref) ? `policies/${ref}.yml` : name, text);
  validatePolicyDocument(source);
  const raw = source.data as RawPolicy;
  checkSemantics(source, raw);
  await checkRuleOptions(source, raw);
  const bases =
    raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  for (const [i, base] of bases.entries())
    await collect(
      base,
      isPresetName(ref) ? undefined : name,
      reader,
      layers,
      [...chain, name],
      locate(source, Array.isArray(raw.extends) ? ['extends', i] : ['extends']),
    );
  layers.push({ name, source, raw });
}

async function readPolicyFile(
  path: string,
  reader: PolicyReader,
  at: SourceLocation | undefined,
): Promise<string> {
  try {
    return await reader.read(path);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new InputError(
      at === undefined
        ? `cannot read policy file ${path}: ${why}`
        : `extends: cannot read the policy file ${path}: ${why}`,
      { cause, location: at },
    );
  }
}

/** What the schema cannot say: known agent ids, unique rule ids, real waiver dates. */
function checkSemantics(source: SourceFile, raw: RawPolicy): void {
  (raw.waivers ?? []).forEach((w, i) => {
    const d = new Date(`${w.expires}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== w.expires) {
      throw new InputError(`waiver expires on ${w.expires}, which is not a date`, {
        location: locate(source, ['waivers', i, 'expires']),
      });
    }
  });
  (raw.actions?.trusted ?? []).forEach((pattern, i) => {
    const why = trustedPatternError(pattern);
    if (why)
      throw new InputError(`actions.trusted: ${why}`, {
        location: locate(source, ['actions', 'trusted', i]),
      });
  });
  const ids = new Set<string>();
  (raw.rules ?? []).forEach((rule, i) => {
    if (ids.has(rule.id)) {
      throw new InputError(`duplicate rule id \`${rule.id}\``, {
        location: locate(source, ['rules', i, 'id']),
      });
    }
    ids.add(rule.id);
    if (rule.when !== undefined && Object.keys(rule.when).length === 0)
      throw new InputError(
        `rule \`${rule.id}\`: an empty \`when: {}\` matches every action path; name what it matches (class, trigger, agent, …) or remove \`when\``,
        { location: locate(source, ['rules', i, 'when']) },
      );
    const triggers = list<string>(rule.when?.trigger) ?? [];
    triggers.forEach((pattern, j) => {
      if (WORKFLOW_EVENTS.some((e) => matchesGlob(e, pattern))) return;
      throw new InputError(
        `rule \`${rule.id}\`: \`${pattern}\` is not an event that triggers workflows${didYouMean(pattern, WORKFLOW_EVENTS)}`,
        {
          location: locate(
            source,
            Array.isArray(rule.when?.trigger)
              ? ['rules', i, 'when', 'trigger', j]
              : ['rules', i, 'when', 'trigger'],
          ),
        },
      );
    });
    const agent = rule.when?.agent;
    for (const id of typeof agent === 'string'
      ? [agent]
      : Array.isArray(agent)
        ? (agent as string[])
        : []) {
      if (!AGENTS.some((a) => a.entry.id === id)) {
        throw new InputError(
          `unknown agent id \`${id}\`${didYouMean(
            id,
            AGENTS.map((a) => a.entry.id),
          )}; known: ${AGENTS.map((a) => a.entry.id).join(', ')}`,
          {
            location: locate(source, ['rules', i, 'when', 'agent']),
          },
        );
      }
    }
  });
}

/** Every `checks:` key names a rule of the catalog, and its options fit the rule's schema. */
async function checkRuleOptions(source: SourceFile, raw: RawPolicy): Promise<void> {
  for (const [id, value] of Object.entries(raw.checks ?? {})) {
    if (id === 'profile') continue;
    const rule = ruleById(id);
    if (!rule) throw unknownRuleError(id, locate(source, ['checks', id], { key: true }));
    if (typeof value === 'object' && value.options !== undefined) {
      await validateRuleOptions(rule, value.options, source, ['checks', id, 'options']);
    }
  }
}

/**
 * What only the whole chain can tell: `enabled: false` must switch off a rule some base
 * defines (or define one itself), and a waiver must name a rule that exists — a policy rule,
 * a detection rule or the policy default — else it silently waives nothing.
 */
function checkNamedRules(layers: readonly Layer[]): void {
  const defined: string[] = [];
  for (const { source, raw } of layers) {
    (raw.rules ?? []).forEach((rule, i) => {
      if (rule.enabled === false && rule.when === undefined && !defined.includes(rule.id))
        throw new InputError(
          `\`enabled: false\` switches off \`${rule.id}\`, which no policy this one extends defines${didYouMean(rule.id, defined)}`,
          { location: locate(source, ['rules', i, 'id']) },
        );
      defined.push(rule.id);
    });
  }
  const known = [...new Set([...defined, ...RULES.map((r) => r.meta.id), 'policy-default'])];
  for (const { source, raw } of layers) {
    (raw.waivers ?? []).forEach((w, i) => {
      if (known.includes(w.rule)) return;
      throw new InputError(
        `waiver names rule \`${w.rule}\`, which neither the policy (with what it extends) nor the detection-rule catalog defines${didYouMean(w.rule, known)}`,
        { location: locate(source, ['waivers', i, 'rule']) },
      );
    });
  }
}

function checkSetting(value: RawCheck, at: CheckSetting['at']): CheckSetting {
  if (value === 'off')
    return { decision: undefined, enabled: false, options: undefined, reason: undefined, at };
  if (typeof value === 'string')
    return { decision: value, enabled: true, options: undefined, reason: undefined, at };
  return {
    decision: value.decision,
    enabled: value.enabled,
    options: value.options,
    reason: value.reason,
    at,
  };
}

/** A later layer's setting of a rule refines the earlier one key by key. */
function mergeCheck(base: CheckSetting | undefined, next: CheckSetting): CheckSetting {
  if (!base) return next;
  return {
    decision: next.decision ?? base.decision,
    enabled: next.enabled ?? base.enabled,
    options:
      next.options === undefined ? base.options : { ...(base.options ?? {}), ...next.options },
    reason: next.reason ?? base.reason,
    at: next.at,
  };
}

function merge(layers: readonly Layer[]): Policy {
  const rules = new Map<string, PolicyRule>();
  const waivers: Waiver[] = [];
  let decisionDefault: DecisionValue = 'allow';
  let production: readonly string[] = [];
  let evidenceRequired = false;
  let defaultPermissions: Policy['defaultPermissions'];
  const trustedActions = new Set<string>();
  let approvers: readonly string[] | undefined;
  let minApprovals = 1;
  let timeoutMinutes = 60;
  let profile: ChecksConfig['profile'] = 'baseline';
  const checks: Record<string, CheckSetting> = {};
  const hash = createHash('sha256');
  for (const { source, raw } of layers) {
    // Content only: the same policy spelt `./p.yml` or `/abs/p.yml` has the same digest.
    hash.update(`${source.text.length}\0${source.text}\0`);
    if (raw.default) decisionDefault = raw.default;
    if (raw.production) production = raw.production;
    if (raw.evidence?.required !== undefined) evidenceRequired = raw.evidence.required;
    const stated = raw.repository?.['default-permissions'];
    if (stated !== undefined)
      defaultPermissions =
        stated === 'unknown'
          ? undefined
          : { value: stated, at: locate(source, ['repository', 'default-permissions']) };
    for (const pattern of raw.actions?.trusted ?? []) trustedActions.add(pattern);
    if (raw.approval?.approvers) approvers = raw.approval.approvers;
    if (raw.approval?.['min-approvals'] !== undefined) minApprovals = raw.approval['min-approvals'];
    if (raw.approval?.['timeout-minutes'] !== undefined)
      timeoutMinutes = raw.approval['timeout-minutes'];
    (raw.rules ?? []).forEach((rule, i) => {
      if (rule.enabled === false) {
        rules.delete(rule.id);
        return;
      }
      rules.set(rule.id, {
        id: rule.id,
        description: rule.description,
        when: normalizeWhen(rule.when ?? {}),
        decision: rule.decision ?? 'blocked',
        reason: rule.reason ?? rule.id,
        at: locate(source, ['rules', i]),
      });
    });
    for (const [id, value] of Object.entries(raw.checks ?? {})) {
      if (id === 'profile') {
        profile = value as unknown as ChecksConfig['profile'];
        continue;
      }
      if (value === undefined) continue;
      checks[id] = mergeCheck(
        checks[id],
        checkSetting(value, locate(source, ['checks', id], { key: true })),
      );
    }
    (raw.waivers ?? []).forEach((w, i) =>
      waivers.push({ ...w, workflow: w.workflow, job: w.job, at: locate(source, ['waivers', i]) }),
    );
  }
  return {
    sources: layers.map((l) => l.name),
    default: decisionDefault,
    production,
    evidenceRequired,
    ...(defaultPermissions ? { defaultPermissions } : {}),
    ...(trustedActions.size > 0 ? { trustedActions: [...trustedActions] } : {}),
    rules: [...rules.values()],
    checks: { profile, rules: checks },
    approval: { approvers, minApprovals, timeoutMinutes },
    waivers,
    digest: `sha256:${hash.digest('hex')}`,
  };
}

function list<T extends string>(value: unknown): readonly T[] | undefined {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]) as T[];
}

function normalizeWhen(raw: Record<string, unknown>): When {
  const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
  return {
    class: list<ActionClass>(raw.class),
    agent: typeof raw.agent === 'boolean' ? raw.agent : list(raw.agent),
    trigger: list(raw.trigger),
    unattended: bool(raw.unattended),
    credential: list(raw.credential),
    environment: typeof raw.environment === 'boolean' ? raw.environment : list(raw.environment),
    uses: list(raw.uses),
    actor: list(raw.actor),
    branch: list(raw.branch),
  };
}
