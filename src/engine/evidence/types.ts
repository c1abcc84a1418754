/**
 * The evidence pack (DESIGN.md §7): what it is built from (`EvidenceInput`, given by the
 * action's main and post steps) and the documents it holds. `evidence.json` follows
 * policies/evidence.schema.json (`EvidenceDocument` here is its TypeScript twin); `bom.json`
 * and `manifest.json` follow that schema's `$defs/bomDocument` and `$defs/manifest`.
 */
import type { ChecklistDoc } from '../checklist/render.js';
import type { DecisionValue } from '../policy/types.js';
import type { ActionClass } from '../inventory/action-classes.js';
import type {
  CredentialKind,
  CredentialLifetime,
  JobInventory,
  Owner,
} from '../inventory/types.js';
import type { Report } from '../report/report.js';

export const EVIDENCE_SCHEMA_ID = 'https://agent-gate.dev/schemas/evidence-v1.json';

/** The pack's files, in the order they are written; the manifest comes last, over the others. */
export const PACK_FILES = {
  evidence: 'evidence.json',
  bom: 'bom.json',
  sarif: 'findings.sarif',
  summary: 'summary.md',
  manifest: 'manifest.json',
} as const;

export interface RunMetadata {
  readonly repository: string;
  readonly workflowPath: string;
  readonly workflowSha: string;
  readonly job: string;
  readonly runId: string | undefined;
  readonly runAttempt: string | undefined;
  readonly runUrl: string | undefined;
  readonly event: string;
  readonly ref: string | undefined;
  readonly sha: string | undefined;
  readonly actor: string | undefined;
  readonly triggeringActor: string | undefined;
  readonly prAuthor: string | undefined;
  /** Where the decided facts came from, beyond the runner's variables (absent in older packs). */
  readonly scope?: RunScope | undefined;
}

/**
 * What the gate read and decided, where it is not simply "this repository's workflow at
 * GITHUB_WORKFLOW_SHA, job GITHUB_JOB": a workflow from another repository, the caller jobs
 * decided for a reusable workflow, the commit the policy came from, and the change analysed.
 */
export interface RunScope {
  /** `owner/name` holding the workflow file, when it is not the run's repository. */
  readonly workflowRepository: string | undefined;
  /** The reusable workflow this step ran in (`owner/name/path`), when it ran in one. */
  readonly calledWorkflow: string | undefined;
  /** The jobs decided (`jobs: current`), when that is not all of them. */
  readonly decidedJobs: readonly string[] | undefined;
  /** The commit (or `owner/name@ref` of a central repository) the policy was read at. */
  readonly policyRef: string;
  /** The change analysed as a pull request's: its source, base, head and file count. */
  readonly changes:
    | {
        readonly source: 'pull-request' | 'merge-group';
        readonly base: string | undefined;
        readonly head: string | undefined;
        readonly files: number;
      }
    | undefined;
}

export interface ApprovalRecord {
  readonly mode: 'fail' | 'wait' | 'environment' | 'record';
  readonly status:
    | 'not-required'
    | 'required'
    | 'handed-to-environment'
    | 'approved'
    | 'denied'
    | 'timed-out'
    | 'cancelled';
  /** `sha256:<hex>` of what approvers were asked to approve. */
  readonly requestDigest: string | undefined;
  readonly requestUrl: string | undefined;
  readonly approvals: readonly {
    readonly login: string;
    /** RFC 3339 time. */
    readonly at: string;
    /** How it was given (e.g. `issue comment`, `environment review`). */
    readonly how: string;
    /** `sha256:<hex>` of what this approver approved. */
    readonly digest: string | undefined;
  }[];
  /** Would-be approvals that did not count, with the reason. */
  readonly ignored?: readonly { readonly login: string; readonly why: string }[];
  /** How the wait or the record ended, in one line. */
  readonly note?: string | undefined;
}

export interface Outcome {
  readonly status: 'success' | 'failure' | 'cancelled' | 'unknown';
  /** Where the status was read from. */
  readonly source: string;
  /** Required (by the schema) when the status is unknown: why it could not be learnt. */
  readonly note: string | undefined;
}

export interface EvidenceInput {
  readonly report: Report;
  readonly run: RunMetadata;
  readonly approval: ApprovalRecord;
  readonly validation: {
    /** The commit's check runs when they could be read; undefined otherwise (then a note). */
    readonly checkRuns:
      readonly { readonly name: string; readonly conclusion: string | null }[] | undefined;
    readonly note: string | undefined;
  };
  /** RFC 3339 times. */
  readonly timestamps: {
    readonly started: string;
    readonly decided: string;
    readonly finished: string | undefined;
  };
  readonly outcome: Outcome;
  readonly evidence: {
    readonly mode: 'artifact' | 'file' | 'none';
    readonly artifactName: string | undefined;
  };
  readonly attestation:
    | {
        readonly id: string | undefined;
        readonly bundleDigest: string | undefined;
        /**
         * The pack digest the attestation signs: that of the pack built without this record
         * (`attestation: null` in evidence.json). verifyPack recomputes and checks it.
         */
        readonly subjectDigest?: string | undefined;
      }
    | undefined;
}

/**
 * The JSON form of an engine type: every key present, `undefined` written as `null`. A value
 * missing after a JSON round trip (the post step reads the input back from a file) is null too.
 */
export type Doc<T> = T extends string | number | boolean | null
  ? T
  : T extends readonly (infer U)[]
    ? readonly Doc<U>[]
    : T extends object
      ? {
          readonly [K in keyof T]-?:
            Doc<Exclude<T[K], undefined>> | (undefined extends T[K] ? null : never);
        }
      : never;

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
  readonly uri: string;
}

export interface Location {
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

export interface BomWorkflow {
  readonly path: string;
  readonly name: string | null;
  /** Each job's inventory record with its 20-control checklist score. */
  readonly jobs: readonly (Doc<JobInventory> & { readonly checklist: ChecklistDoc })[];
}

export interface BomDocument {
  readonly schemaVersion: 1;
  readonly tool: ToolInfo;
  readonly workflows: readonly BomWorkflow[];
}

export interface Manifest {
  readonly schemaVersion: 1;
  readonly tool: ToolInfo;
  readonly policyDigest: string;
  /** Every other file of the pack: SHA-256 (hex) and size in bytes. */
  readonly files: Readonly<Record<string, { readonly sha256: string; readonly bytes: number }>>;
  /** `sha256:<hex>` over the sorted `<name>\0<sha256>\n` lines (see packDigest). */
  readonly digest: string;
}

export interface EvidenceFinding {
  readonly ruleId: string;
  /** `path`: a policy rule decided an action path; `check`: a detection rule's finding. */
  readonly kind: 'path' | 'check';
  readonly decision: DecisionValue;
  readonly severity: 'info' | 'low' | 'medium' | 'high' | 'critical';
  readonly confidence: 'low' | 'medium' | 'high';
  readonly message: string;
  readonly remediation: string;
  readonly workflow: string;
  readonly job: string | null;
  readonly class: ActionClass | null;
  readonly location: Location;
  /** The SARIF result's `partialFingerprints['agentGate/v1']`. */
  readonly fingerprint: string;
}

export interface EvidenceCredential {
  readonly workflow: string;
  readonly job: string;
  readonly id: string;
  readonly kind: CredentialKind;
  readonly name: string;
  readonly lifetime: CredentialLifetime;
  readonly scope: 'narrow' | 'broad';
  readonly write: boolean;
  readonly production: boolean;
  readonly reaches: readonly string[];
  readonly usedIn: readonly string[];
  readonly note: string;
  readonly location: Location;
}

export interface EvidenceTarget {
  readonly workflow: string;
  readonly job: string;
  readonly target: string;
  readonly classes: readonly ActionClass[];
  readonly credentials: readonly string[];
  readonly decision: DecisionValue | null;
}

export interface WaiverDoc {
  readonly rule: string;
  readonly workflow: string | null;
  readonly job: string | null;
  readonly owner: string;
  readonly expires: string;
  readonly reason: string;
  readonly location: Location;
}

export interface EvidenceDocument {
  readonly $schema: typeof EVIDENCE_SCHEMA_ID;
  readonly schemaVersion: 1;
  readonly tool: ToolInfo;
  readonly run: {
    readonly [K in Exclude<keyof RunMetadata, 'scope'>]-?:
      Exclude<RunMetadata[K], undefined> | (undefined extends RunMetadata[K] ? null : never);
  } & { readonly scope: Doc<RunScope> | null };
  readonly owner: Doc<Owner> | null;
  readonly decision: {
    readonly value: DecisionValue;
    readonly reasons: readonly string[];
    readonly errors: readonly { readonly path: string; readonly message: string }[];
    readonly jobs: readonly {
      readonly workflow: string;
      readonly job: string;
      readonly decision: DecisionValue;
      readonly paths: readonly {
        readonly id: string;
        readonly class: ActionClass;
        readonly decision: DecisionValue;
        readonly rule: string | null;
        readonly reason: string;
        readonly because: string;
        readonly credentials: readonly string[];
        readonly target: string | null;
        readonly location: Location;
        readonly waived: readonly string[];
      }[];
    }[];
    readonly waivers: {
      readonly applied: readonly (WaiverDoc & { readonly path: string })[];
      readonly expired: readonly (WaiverDoc & { readonly message: string })[];
    };
  };
  readonly approval: Doc<ApprovalRecord>;
  readonly outcome: Doc<Outcome>;
  readonly timestamps: Doc<EvidenceInput['timestamps']>;
  readonly credentials: readonly EvidenceCredential[];
  readonly targets: readonly EvidenceTarget[];
  readonly policy: {
    readonly sources: readonly string[];
    readonly digest: string;
    readonly default: DecisionValue;
    readonly evidenceRequired: boolean;
    readonly approval: {
      readonly approvers: readonly string[] | null;
      readonly minApprovals: number;
      readonly timeoutMinutes: number;
    };
  };
  readonly validation: {
    readonly rules: readonly {
      readonly id: string;
      readonly decision: DecisionValue;
      readonly reason: string;
      readonly location: Location;
      readonly decidedPaths: number;
      readonly waivedPaths: number;
    }[];
    readonly checkRuns:
      readonly { readonly name: string; readonly conclusion: string | null }[] | null;
    readonly note: string | null;
  };
  readonly findings: readonly EvidenceFinding[];
  readonly evidence: Doc<EvidenceInput['evidence']>;
  readonly attestation: {
    readonly id: string | null;
    readonly bundleDigest: string | null;
    readonly subjectDigest: string | null;
  } | null;
  readonly bom: readonly BomWorkflow[];
}

/**
 * Written beside the manifest when the pack is signed (not covered by it: the attestation
 * signs manifest.json itself, so `gh attestation verify manifest.json` finds it).
 */
export const ATTESTATION_FILE = 'attestation.json';
export const ATTESTATION_BUNDLE_FILE = 'attestation.sigstore.json';
export const ATTESTATION_FILES: readonly string[] = [ATTESTATION_FILE, ATTESTATION_BUNDLE_FILE];
