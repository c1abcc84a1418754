/**
 * Building blocks of the controls' verdicts: evidence (free text, or a reference to a
 * credential or action path of the BOM), and the judgements several controls share — a
 * reusable-workflow job, a job with no agent, a runner-level default.
 */
import type { SourceLocation } from '../errors.js';
import type { ActionPath, Credential, JobInventory } from '../inventory/types.js';
import type { ContainerUse } from '../inventory/safeguards.js';
import { locate } from '../workflow/source.js';
import type { JobFacts } from './facts.js';
import type { ControlPoints, Evidence, Verdict } from './types.js';

/** Messages any control can give (a control's own messages are in its meta). */
export const SHARED_MESSAGES: Readonly<Record<string, string>> = {
  'reusable-workflow':
    "the job calls the reusable workflow {uses}; its steps are not in this file (score that workflow's jobs)",
  'no-agent': 'no AI agent was found in this job: there is no agent to scope',
};

/** A verdict; evidence repeated at the same place is listed once. */
export function verdict(
  score: ControlPoints | null,
  message: string,
  evidence: readonly Evidence[] = [],
  data?: Readonly<Record<string, string>>,
): Verdict {
  const seen = new Set<string>();
  const unique = evidence.filter((e) => {
    const key = `${e.text}@${e.at ? `${e.at.path}:${e.at.line}` : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return data ? { score, message, data, evidence: unique } : { score, message, evidence: unique };
}

/** Evidence text is one line (multi-line inputs and scripts are folded). */
export const ev = (text: string, at: SourceLocation | undefined): Evidence => ({
  text: text.replace(/\s+/g, ' ').trim(),
  at,
});

export const credEvidence = (c: Credential): Evidence => ({
  ...ev(`${c.name} (${c.lifetime}, ${c.scope}${c.note ? `; ${c.note}` : ''})`, c.at),
  ref: { kind: 'credential', id: c.id },
});

export const pathEvidence = (p: ActionPath): Evidence => ({
  ...ev(`${p.class}: ${p.reason}`, p.at),
  ref: { kind: 'path', id: p.id },
});

export const runnerEvidence = (f: JobFacts): Evidence =>
  ev(`runs-on: ${f.runner.text || '(none)'}`, f.runner.at);

export function reusableGap(f: JobFacts): Verdict | undefined {
  if (!f.reusable) return undefined;
  const uses = f.job.uses ?? '';
  return verdict(
    null,
    'reusable-workflow',
    [ev(`uses: ${uses}`, locate(f.wf.source, [...f.job.at, 'uses']))],
    { uses },
  );
}

export function noAgent(f: JobFacts): Verdict | undefined {
  if (f.agents.length > 0) return undefined;
  return verdict(null, 'no-agent');
}

/**
 * For runner-level controls: hosted runners show their defaults; other runners do not.
 * The `other` message gets `{runner}`: why the runner's own setup is not visible.
 */
export function runnerDefault(
  f: JobFacts,
  hosted: string,
  other: string,
  extra: readonly Evidence[] = [],
): Verdict {
  const evidence = [runnerEvidence(f), ...extra];
  if (f.runner.kind === 'hosted') return verdict(0, hosted, evidence);
  return verdict(null, other, evidence, {
    runner: f.runner.kind === 'self-hosted' ? 'is self-hosted' : 'kind not visible',
  });
}

/** A container that isolates anything (a privileged one does not). */
export const usable = (c: ContainerUse): boolean => !c.flags.privileged;

export function longLived(inv: JobInventory): { all: Credential[]; broad: Credential[] } {
  const all = inv.credentials.filter((c) => c.lifetime === 'long-lived');
  return { all, broad: all.filter((c) => c.scope === 'broad') };
}
