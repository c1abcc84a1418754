/**
 * The typed model of a GitHub Actions workflow: what the inventory needs, each part keeping
 * the YAML path it came from so facts can be located. Built by `buildWorkflow`.
 */
import type { SourceFile, YamlPath } from './source.js';
import type { UsesReference } from './uses-reference.js';

export type PermissionLevel = 'read' | 'write' | 'none';

/** A `permissions:` block as written (workflow or job level). */
export type PermissionsBlock =
  | { readonly kind: 'read-all'; readonly at: YamlPath }
  | { readonly kind: 'write-all'; readonly at: YamlPath }
  /** A map of scopes; `{}` is a map with no scopes (everything none). */
  | {
      readonly kind: 'scopes';
      readonly scopes: Readonly<Record<string, PermissionLevel>>;
      readonly at: YamlPath;
    };

export interface Trigger {
  /** Event name, e.g. `pull_request_target`. */
  readonly event: string;
  /** `types:` filter when given. */
  readonly types: readonly string[];
  readonly branches: readonly string[];
  /** `workflows:` of a `workflow_run` trigger (the upstream workflows' names). */
  readonly workflows?: readonly string[];
  readonly at: YamlPath;
}

/** A string-valued map entry (env var, `with:` input) and where it is. */
export interface Entry {
  readonly key: string;
  readonly value: string;
  readonly at: YamlPath;
}

export interface Step {
  readonly index: number;
  readonly id: string | undefined;
  readonly name: string | undefined;
  readonly uses: string | undefined;
  /** `uses:` parsed once (kind, name, ref, pinned). */
  readonly usesRef: UsesReference | undefined;
  readonly run: string | undefined;
  readonly shell: string | undefined;
  readonly if: string | undefined;
  readonly workingDirectory: string | undefined;
  readonly with: readonly Entry[];
  readonly env: readonly Entry[];
  readonly at: YamlPath;
}

export interface Environment {
  readonly name: string;
  readonly url: string | undefined;
  readonly at: YamlPath;
}

export interface Job {
  readonly id: string;
  readonly name: string | undefined;
  readonly runsOn: readonly string[];
  readonly environment: Environment | undefined;
  readonly container: { readonly image: string; readonly at: YamlPath } | undefined;
  readonly timeoutMinutes: number | string | undefined;
  readonly if: string | undefined;
  readonly needs: readonly string[];
  readonly permissions: PermissionsBlock | undefined;
  readonly env: readonly Entry[];
  /** Job-level `uses:` (a reusable workflow call). */
  readonly uses: string | undefined;
  /** Job-level `uses:` parsed once. */
  readonly usesRef: UsesReference | undefined;
  readonly with: readonly Entry[];
  /** `secrets: inherit`, or the secrets passed to a reusable workflow. */
  readonly secrets: 'inherit' | readonly Entry[] | undefined;
  readonly steps: readonly Step[];
  /** `strategy.matrix` as written (plain data, or an expression string). */
  readonly matrix?: unknown;
  /** `outputs:` as written: what `needs.<id>.outputs.<name>` carries. */
  readonly outputs?: readonly Entry[];
  /** `defaults.run.working-directory` of the job, else of the workflow. */
  readonly defaultWorkingDirectory?: string | undefined;
  readonly at: YamlPath;
}

export interface Workflow {
  readonly source: SourceFile;
  readonly path: string;
  readonly name: string | undefined;
  readonly triggers: readonly Trigger[];
  readonly permissions: PermissionsBlock | undefined;
  readonly env: readonly Entry[];
  readonly jobs: readonly Job[];
}
