/**
 * What GitHub enforces for a decided job's environment and whether it held the job's
 * approval, in one line (the summary and the text report say the same thing).
 */
import { describeProtection } from '../context/environment-protection.js';
import type { JobInventory } from '../inventory/types.js';
import type { JobVerdict } from '../policy/types.js';
import type { Report } from './report.js';

export interface EnvironmentLine {
  readonly job: string;
  readonly environment: string;
  readonly text: string;
}

/** Plain text; callers escape it for their medium. */
export function environmentLines(report: Report): EnvironmentLine[] {
  return report.evaluations.flatMap((e) =>
    e.decision.jobs.flatMap((v) => {
      const line = environmentLine(
        v,
        e.inventory.find((i) => i.job === v.job),
      );
      return line ? [line] : [];
    }),
  );
}

export function environmentLine(
  verdict: JobVerdict,
  inv: JobInventory | undefined,
): EnvironmentLine | undefined {
  const env = inv?.environment;
  if (!env) return undefined;
  const p = env.protection;
  const held = verdict.paths.filter(
    (x) => x.decision === 'allow' && x.reason.startsWith('approval held by environment'),
  );
  const rules = [...new Set(held.map((x) => x.rule).filter(Boolean))];
  const facts =
    p.status === 'unknown'
      ? `protection unknown (${p.note})`
      : p.status === 'unreadable'
        ? `protection could not be read (${p.note}); decided as unprotected`
        : describeProtection({ ...p, name: env.name, status: 'read' });
  const effect =
    held.length > 0
      ? ` — approval held by the environment for ${held.length} path${held.length === 1 ? '' : 's'} (rule ${rules.join(', ')})`
      : '';
  return { job: verdict.job, environment: env.name, text: `${facts}${effect}` };
}
