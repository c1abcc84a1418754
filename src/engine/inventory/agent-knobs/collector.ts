/**
 * The shared half of the agent-knob readers: the public result types, the collector every
 * per-agent reader writes into, and the helpers that find inputs, env values and their
 * file locations. Nothing here knows about a particular agent.
 */
import type { SourceLocation } from '../../errors.js';
import type { Entry, Job, Step, Workflow } from '../../workflow/model.js';
import { locate, locateInScalar } from '../../workflow/source.js';
import type { YamlPath } from '../../workflow/source.js';
import { positionOf } from '../../workflow/text-position.js';

export interface AgentSetting {
  /** Knob name as the catalog spells it, or a flag like `--permission-mode`. */
  readonly name: string;
  /** The value seen, `present` for a bare flag, `(absent)` / `(default)` for a risky absence. */
  readonly value: string;
  readonly risky: boolean;
  /** One short sentence: what this gives the agent. */
  readonly reason: string;
  readonly at: SourceLocation;
  /** This setting grants an unrestricted shell (a later deny rule may still remove it). */
  readonly grantsShell: boolean;
  /** This setting turns permission / approval / sandbox checks off. */
  readonly bypassesChecks: boolean;
}

export interface AllowedActor {
  readonly name: string;
  readonly value: string;
  readonly wildcard: boolean;
}

export interface PromptInput {
  readonly input: string;
  readonly value: string;
  readonly at: SourceLocation;
}

export interface McpConfigSource {
  readonly source: string;
  readonly value: string;
  readonly at: SourceLocation;
}

export interface TokenExchange {
  readonly issuer: string;
  readonly note: string;
}

export interface AgentAuthority {
  /** e.g. claude-code-action `tag` | `agent`; the codex sandbox; gemini `yolo`; the gh-aw engine. */
  readonly mode: string | undefined;
  readonly settings: readonly AgentSetting[];
  /** Any shell command runs without approval. */
  readonly unrestrictedShell: boolean;
  /** Permission, approval or sandbox checks are off. */
  readonly permissionsBypassed: boolean;
  /** A GitHub App token minted through OIDC inside the step (not bounded by `permissions:`). */
  readonly tokenExchange: TokenExchange | undefined;
  readonly allowedActors: AllowedActor[];
  readonly promptInputs: readonly PromptInput[];
  readonly mcpConfig: readonly McpConfigSource[];
}

export interface AgentContext {
  readonly agentId: string;
  readonly step: Step | undefined;
  readonly job: Job;
  readonly workflow: Workflow;
  readonly idTokenWrite: boolean;
}

/** What one knob value means for the agent. */
export interface Verdict {
  readonly risky: boolean;
  readonly reason: string;
  /** Grants an unrestricted shell. */
  readonly shell?: boolean;
  /** Turns permission / approval / sandbox checks off. */
  readonly bypass?: boolean;
  /** Sets the agent's mode to this value. */
  readonly mode?: string;
}

export const safe = (reason: string, extra: Partial<Verdict> = {}): Verdict => ({
  risky: false,
  reason,
  ...extra,
});
export const risky = (reason: string, extra: Partial<Verdict> = {}): Verdict => ({
  risky: true,
  reason,
  ...extra,
});

export class Collector {
  readonly settings: AgentSetting[] = [];
  readonly allowedActors: AllowedActor[] = [];
  readonly promptInputs: PromptInput[] = [];
  readonly mcpConfig: McpConfigSource[] = [];
  mode: string | undefined;
  tokenExchange: TokenExchange | undefined;
  private shell = false;
  private bypass = false;
  private shellDenied = false;

  constructor(readonly ctx: AgentContext) {}

  add(name: string, value: string, verdict: Verdict, at: SourceLocation): void {
    this.settings.push({
      name,
      value,
      risky: verdict.risky,
      reason: verdict.reason,
      at,
      grantsShell: verdict.shell === true,
      bypassesChecks: verdict.bypass === true,
    });
    if (verdict.shell) this.shell = true;
    if (verdict.bypass) this.bypass = true;
    if (verdict.mode !== undefined) this.mode = verdict.mode;
  }

  /** A deny rule removes the bare shell tool (deny beats allow and bypass modes). */
  denyShell(): void {
    this.shellDenied = true;
  }

  has(name: string): boolean {
    return this.settings.some((s) => s.name === name);
  }

  actor(name: string, value: string): void {
    const wildcard = value.split(/[\s,]+/).some((v) => v.trim() === '*');
    this.allowedActors.push({ name, value, wildcard });
  }

  result(): AgentAuthority {
    return {
      mode: this.mode,
      settings: this.settings,
      unrestrictedShell: this.shell && !this.shellDenied,
      permissionsBypassed: this.bypass,
      tokenExchange: this.tokenExchange,
      allowedActors: this.allowedActors,
      promptInputs: this.promptInputs,
      mcpConfig: this.mcpConfig,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Finding inputs and env values, and where they are.

/** The `with:` entry of the agent's step named like one of `names` (inputs are case-insensitive). */
export function input(ctx: AgentContext, ...names: string[]): Entry | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  const inputs = withEntries(ctx);
  for (const name of wanted) {
    const entry = inputs.find((e) => e.key.toLowerCase() === name);
    if (entry) return entry;
  }
  return undefined;
}

/** The `with:` of the agent's step, or of the job when it calls a reusable workflow. */
export function withEntries(ctx: AgentContext): readonly Entry[] {
  return ctx.step ? ctx.step.with : ctx.job.with;
}

/** An env value as the step sees it: step env over job env over workflow env. */
export function envEntry(ctx: AgentContext, name: string): Entry | undefined {
  const scopes = [ctx.step?.env ?? [], ctx.job.env, ctx.workflow.env];
  for (const scope of scopes) {
    const entry = scope.find((e) => e.key === name);
    if (entry) return entry;
  }
  return undefined;
}

export function entryAt(ctx: AgentContext, entry: Entry): SourceLocation {
  return locate(ctx.workflow.source, entry.at);
}

/** Where the agent is: its step's `uses:` / `run:`, or the job's key. */
export function anchorAt(ctx: AgentContext): SourceLocation {
  const { step, workflow, job } = ctx;
  if (step) return locate(workflow.source, [...step.at, step.uses ? 'uses' : 'run']);
  return locate(workflow.source, job.at, { key: true });
}

/** A locator for 1-based line/column positions inside the scalar at `path`. */
export type Locator = (line: number, column: number) => SourceLocation;

export function scalarLocator(ctx: AgentContext, path: YamlPath): Locator {
  return (line, column) => locateInScalar(ctx.workflow.source, path, line, column);
}

/** The location of the first `needle` inside the scalar `text` at `path` (else the scalar). */
export function needleAt(
  ctx: AgentContext,
  path: YamlPath,
  text: string,
  needle: string,
): SourceLocation {
  const index = needle === '' ? -1 : text.indexOf(needle);
  if (index < 0) return locate(ctx.workflow.source, path);
  const { line, column } = positionOf(text, index);
  return locateInScalar(ctx.workflow.source, path, line, column);
}

// ---------------------------------------------------------------------------------------------
// Values.

/** `${{ secrets.GITHUB_TOKEN }}` or `${{ github.token }}`: the job's own token. */
export function isJobToken(value: string): boolean {
  return /^\$\{\{\s*(?:secrets\.GITHUB_TOKEN|github\.token)\s*\}\}$/i.test(value.trim());
}

export function isTrue(value: string): boolean {
  return value.trim().toLowerCase() === 'true';
}

export function isFalse(value: string): boolean {
  return value.trim().toLowerCase() === 'false';
}

/** A JSON value, or why it is not one. Never throws. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: message.split('\n')[0] ?? message };
  }
}

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path in parsed JSON. */
export function jsonGet(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

export function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}

/** Short form of a long value for a setting (settings JSON, scripts). */
export function clip(value: string, max = 200): string {
  const flat = value.trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
