/**
 * The Agent Action BOM record of one job (DESIGN.md §4): who and what can act, with which
 * authority, on which target — every fact with the location that put it there.
 */
import type { SourceLocation } from '../errors.js';
import type { PermissionLevel } from '../workflow/model.js';
import type { ActionClass } from './action-classes.js';

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
  readonly at: SourceLocation;
}

export interface EffectivePermissions {
  /** Where the effective block comes from. */
  readonly source: 'job' | 'workflow' | 'default';
  readonly scopes: Readonly<Record<string, PermissionLevel>>;
  /** The repository default was not known and write was assumed. */
  readonly assumed: boolean;
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

export interface AgentKnob {
  readonly name: string;
  readonly value: string;
  readonly at: SourceLocation;
}

export interface AgentUse {
  /** Catalog id, e.g. `claude-code-action`. */
  readonly id: string;
  readonly product: string;
  readonly via: 'uses' | 'job-uses' | 'run' | 'workflow-header' | 'setup-steps';
  readonly ref: string | undefined;
  readonly step: number | undefined;
  /** Risky knobs seen with their values (the inventory issue deepens this). */
  readonly knobs: readonly AgentKnob[];
  readonly at: SourceLocation;
}

export interface RunCommand {
  readonly step: number;
  readonly name: string | undefined;
  readonly shell: string | undefined;
  readonly script: string;
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
    { readonly name: string; readonly dynamic: boolean; readonly at: SourceLocation } | undefined;
  readonly runsOn: readonly string[];
  readonly permissions: EffectivePermissions;
  readonly credentials: readonly Credential[];
  readonly uses: readonly UsesRef[];
  readonly runs: readonly RunCommand[];
  readonly agents: readonly AgentUse[];
  readonly targets: readonly string[];
  readonly classes: readonly ActionClass[];
  readonly paths: readonly ActionPath[];
  /** Things the inventory could not see into (reported, and never read as "safe"). */
  readonly gaps: readonly string[];
}
