/**
 * The Agent Action BOM record of one job (DESIGN.md §4): who and what can act, with which
 * authority, on which target — every fact with the location that put it there.
 */
import type { EnvironmentFacts } from '../context/environment-protection.js';
import type { SourceLocation } from '../errors.js';
import type { PermissionLevel } from '../workflow/model.js';
import type { ActionClass } from './action-classes.js';
import type { WorkflowRole } from './gh-aw-roles.js';
import type { AgentAuthority } from './agent-knobs.js';
import type { NewDependency } from './dependency-changes.js';
import type { AgentPermissionSettings, ToolServer, ToolSetting } from './tools/types.js';

export type CredentialKind =
  'github-token' | 'oidc' | 'app-token' | 'static-secret' | 'pat' | 'inherited-secrets';

export type CredentialLifetime = 'job-scoped' | 'short-lived' | 'long-lived';

export interface Credential {
  /** Stable id within the job: `github-token`, `oidc`, `secret:NPM_TOKEN`, `secrets:*`. */
  readonly id: string;
  readonly kind: CredentialKind;
  readonly name: string;
  readonly lifetime: CredentialLifetime;
  /** Narrow: it reaches one bounded target (an agent's own model key, a comment-only token). */
  readonly scope: 'narrow' | 'broad';
  /** It can change something (write scopes, tokens of unknown reach). */
  readonly write: boolean;
  /** Its name looks like production (policy `production` patterns). */
  readonly production: boolean;
  /** What it reaches: `github:<repo>`, `model-provider:anthropic`, `unknown`, … */
  readonly reaches: readonly string[];
  /** Why it is narrow or broad, in words. */
  readonly note: string;
  /** Where it flows: `step 3 (Deploy) env NODE_AUTH_TOKEN`, `job env`, `input token of step 2`. */
  readonly usedIn: readonly string[];
  readonly at: SourceLocation;
}

export interface EffectivePermissions {
  /** Where the effective block comes from. */
  readonly source: 'job' | 'workflow' | 'default';
  readonly scopes: Readonly<Record<string, PermissionLevel>>;
  /** The repository default was not known and write was assumed. */
  readonly assumed: boolean;
  /** Why the scopes are lower than declared (fork pull request, Dependabot), if they are. */
  readonly downgrade: string | undefined;
  readonly at: SourceLocation;
}

export interface UsesRef {
  readonly raw: string;
  readonly kind: 'action' | 'local' | 'docker' | 'reusable-workflow';
  /** `owner/repo[/path]` for remote refs, the path for local ones. */
  readonly name: string;
  readonly ref: string | undefined;
  /** Pinned to a full 40-hex commit SHA (or a docker digest). */
  readonly pinned: boolean;
  readonly step: number | undefined;
  readonly at: SourceLocation;
}

/** An agent in a job: where it is, and what its own settings let it do (agent-knobs.ts). */
export interface AgentUse extends AgentAuthority {
  /** Catalog id, e.g. `claude-code-action`. */
  readonly id: string;
  readonly product: string;
  readonly via: 'uses' | 'job-uses' | 'run' | 'workflow-header' | 'setup-steps';
  readonly ref: string | undefined;
  readonly step: number | undefined;
  readonly at: SourceLocation;
}

/** A tool (MCP) server an agent of the job can start, and where that was declared. */
export interface ToolReach extends ToolServer {
  /** Catalog id of the agent that loads it. */
  readonly agent: string;
}

/** Owners of the workflow file from CODEOWNERS (the last matching rule wins). */
export interface Owner {
  readonly owners: readonly string[];
  readonly file: string;
  readonly line: number;
}

/** What a pull request changes that matters to the gate. */
export interface ChangeAnalysis {
  readonly author: string | undefined;
  readonly authorKind: 'human' | 'bot' | 'agent' | 'unknown';
  readonly sensitive: readonly { readonly file: string; readonly what: string }[];
  readonly newDependencies: readonly NewDependency[];
  /** Manifests whose new dependencies could not be read (no diff): never read as "none". */
  readonly unknownDependencies: readonly { readonly file: string; readonly reason: string }[];
}

export interface RunCommand {
  readonly step: number;
  readonly name: string | undefined;
  readonly shell: string | undefined;
  readonly script: string;
  readonly at: SourceLocation;
}

/**
 * One link of the chain that leads to an action path through indirection: job → reusable
 * workflow → job → step → composite action → step → script → command, each with file:line.
 */
export interface ChainLink {
  readonly kind: 'job' | 'workflow' | 'step' | 'action' | 'script' | 'command';
  /** What the link is: a job id, a `uses:` reference, a step name, a script path. */
  readonly name: string;
  readonly at: SourceLocation;
}

/** One thing a job can do: a class occurrence with its evidence and credentials. */
export interface ActionPath {
  /** Stable within a run: `<job>/<class>/<n>`. */
  readonly id: string;
  readonly job: string;
  readonly class: ActionClass;
  /** What put the job in this class, in words. */
  readonly reason: string;
  readonly at: SourceLocation;
  /** Ids of the credentials this path can use. */
  readonly credentials: readonly string[];
  readonly step: number | undefined;
  readonly uses: string | undefined;
  readonly target: string | undefined;
  /** `opaque` paths: why the gate cannot see through (unfetched, unreadable, depth cap, …). */
  readonly why?: string;
  /** How the path is reached through indirection (absent when it is in the job itself). */
  readonly chain?: readonly ChainLink[];
}

/**
 * What GitHub enforces for the job's environment. protected: required reviewers hold an
 * approval; unprotected: read, no reviewers; unreadable: the lookup failed; unknown: not
 * looked up (the CLI without `--environments`, a name computed at run time).
 */
export interface EnvironmentProtection extends Omit<EnvironmentFacts, 'status' | 'name'> {
  readonly status: 'protected' | 'unprotected' | 'unreadable' | 'unknown';
}

export interface JobInventory {
  readonly workflow: string;
  readonly job: string;
  readonly name: string | undefined;
  readonly at: SourceLocation;
  /** Events that can start this job (the run's event, or every declared trigger). */
  readonly triggers: readonly string[];
  readonly actor: string | undefined;
  readonly unattended: boolean;
  readonly unattendedReasons: readonly string[];
  readonly environment:
    | {
        readonly name: string;
        readonly dynamic: boolean;
        readonly at: SourceLocation;
        readonly protection: EnvironmentProtection;
      }
    | undefined;
  readonly runsOn: readonly string[];
  readonly permissions: EffectivePermissions;
  readonly credentials: readonly Credential[];
  readonly uses: readonly UsesRef[];
  readonly runs: readonly RunCommand[];
  readonly agents: readonly AgentUse[];
  /** The job's part in an agentic workflow framework (gh-aw), whether or not a model runs in it. */
  readonly workflowRole: WorkflowRole | undefined;
  /** Tool servers the job's agents can start (inline inputs and repository files). */
  readonly tools: readonly ToolReach[];
  /** Agent permission settings and other config facts read from the repository. */
  readonly agentConfig: readonly {
    readonly agent: string;
    readonly file: string;
    readonly permissions: AgentPermissionSettings | undefined;
    readonly settings: readonly ToolSetting[];
  }[];
  readonly owner: Owner | undefined;
  readonly change: ChangeAnalysis | undefined;
  readonly targets: readonly string[];
  readonly classes: readonly ActionClass[];
  readonly paths: readonly ActionPath[];
  /** Things the inventory could not see into (reported, and never read as "safe"). */
  readonly gaps: readonly string[];
  /** Why the job cannot run for the decided event (its `if:` or a `needs:` that cannot run). */
  readonly skipped: string | undefined;
  /** Steps whose `if:` cannot be true for the decided event: they contribute no paths. */
  readonly skippedSteps: readonly {
    readonly step: number;
    readonly name: string | undefined;
    readonly reason: string;
  }[];
  /** Reusable-workflow calls: the edge and each called job as called (resolve/expand.ts). */
  readonly calls?: readonly CallEdge[];
  /** Tags or branches of remote actions / workflows read, resolved to commits (recorded). */
  readonly resolvedRefs?: readonly { readonly ref: string; readonly sha: string }[];
}

/** A reusable-workflow call: the edge and each called job with the token it gets. */
export interface CallEdge {
  readonly uses: string;
  /** The called workflow file as locations name it. */
  readonly file: string;
  readonly at: SourceLocation;
  readonly jobs: readonly {
    readonly job: string;
    readonly at: SourceLocation;
    readonly permissions: Readonly<Record<string, PermissionLevel>>;
  }[];
}
