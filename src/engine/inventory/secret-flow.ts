/**
 * Where each secret is referenced in a job and which steps can see it: workflow and job
 * `env:` reach every step; a step's `env:`, `with:` and `run:` reach that step only.
 */
import type { SourceLocation } from '../errors.js';
import { findSecretReferences } from '../workflow/expressions/secrets.js';
import type { Entry, Job, Workflow } from '../workflow/model.js';
import { locate } from '../workflow/source.js';

export interface SecretUse {
  /** Upper-cased name, `*` for all secrets. */
  readonly name: string;
  readonly form: 'named' | 'all' | 'dynamic';
  /** Step index, or `job` when every step (or a reusable workflow) receives it. */
  readonly reach: number | 'job';
  /** The input or env var it flows into, if any. */
  readonly into: {
    readonly kind: 'env' | 'input' | 'secret' | 'script' | 'condition';
    readonly key: string | undefined;
  };
  readonly at: SourceLocation;
}

export function collectSecretUses(workflow: Workflow, job: Job): SecretUse[] {
  const uses: SecretUse[] = [];
  const src = workflow.source;
  const fromEntries = (
    entries: readonly Entry[],
    reach: number | 'job',
    kind: SecretUse['into']['kind'],
  ): void => {
    for (const entry of entries) {
      for (const ref of findSecretReferences(entry.value)) {
        uses.push({
          name: ref.name,
          form: ref.form,
          reach,
          into: { kind, key: entry.key },
          at: locate(src, entry.at),
        });
      }
    }
  };
  const fromText = (
    text: string | undefined,
    path: readonly (string | number)[],
    reach: number | 'job',
    kind: SecretUse['into']['kind'],
  ): void => {
    if (!text) return;
    for (const ref of findSecretReferences(text)) {
      uses.push({
        name: ref.name,
        form: ref.form,
        reach,
        into: { kind, key: undefined },
        at: locate(src, path),
      });
    }
  };
  fromEntries(workflow.env, 'job', 'env');
  fromEntries(job.env, 'job', 'env');
  fromEntries(job.with, 'job', 'input');
  if (Array.isArray(job.secrets)) fromEntries(job.secrets as readonly Entry[], 'job', 'secret');
  fromText(job.if, [...job.at, 'if'], 'job', 'condition');
  for (const step of job.steps) {
    fromEntries(step.env, step.index, 'env');
    fromEntries(step.with, step.index, 'input');
    fromText(step.run, [...step.at, 'run'], step.index, 'script');
    fromText(step.if, [...step.at, 'if'], step.index, 'condition');
  }
  return uses;
}
