/**
 * One detection finding per (rule, location). A composite action or a called workflow is read
 * both as a file of its own and through every job that reaches it, and each reading reports
 * the same hit at the same place; the report keeps the most severe one and lists every chain
 * that reaches it in `data.via` (`data.chains` counts them). Path findings stay one per job:
 * each job's path is that job's own decision (approved, waived or blocked for that job).
 * Job verdicts are decided before this and are not changed by it.
 */
import { formatLocation } from '../errors.js';
import type { Finding } from '../policy/types.js';

/** `findings` in their order (most severe first), later duplicates folded into the first. */
export function mergeDuplicateFindings(findings: readonly Finding[]): Finding[] {
  const first = new Map<string, number>();
  const chains = new Map<number, string[]>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.kind !== 'check') {
      out.push(f);
      continue;
    }
    const key = `${f.ruleId}\0${formatLocation(f.location)}`;
    const at = first.get(key);
    const via =
      typeof f.data?.via === 'string'
        ? f.data.via
        : `job ${f.job ?? '(workflow)'} of ${f.workflow}`;
    if (at === undefined) {
      first.set(key, out.length);
      chains.set(out.length, [via]);
      out.push(f);
      continue;
    }
    const list = chains.get(at) ?? [];
    if (!list.includes(via)) list.push(via);
  }
  return out.map((f, i) => {
    const list = chains.get(i);
    if (!list || list.length < 2) return f;
    const merged = { ...f, data: { ...f.data, via: list.join(' | '), chains: list.length } };
    SOURCE.set(merged, f);
    return merged;
  });
}

const SOURCE = new WeakMap<Finding, Finding>();

/** The evaluation's own finding a merged one was made from (itself when not merged). */
export function sourceFinding(f: Finding): Finding {
  return SOURCE.get(f) ?? f;
}
