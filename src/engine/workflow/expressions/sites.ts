/**
 * Every expression of a job with the YAML path of its scalar: the fenced `${{ … }}` of each
 * string value and the whole text of an unfenced `if:` (job or step), so a rule can ask
 * questions of each expression's syntax tree (grammar.ts) and point at where it is.
 */
import type { YamlPath } from '../source.js';
import { dataAt, walkStrings } from '../plain-data.js';
import { findExpressions } from './fences.js';
import { memoByObject } from '../text-memo.js';

/** One expression body and where it is: `offset` is the body's offset in the scalar. */
export interface ExpressionSite {
  readonly path: YamlPath;
  readonly body: string;
  readonly offset: number;
  /** The scalar is an `if:` condition (job or step). */
  readonly condition: boolean;
}

const isConditionPath = (path: YamlPath, base: YamlPath): boolean => {
  const rel = path.slice(base.length);
  // `jobs.<id>.if` relative to the job, `steps.<n>.if` relative to the job.
  return (
    (rel.length === 1 && rel[0] === 'if') ||
    (rel.length === 3 && rel[0] === 'steps' && typeof rel[1] === 'number' && rel[2] === 'if')
  );
};

/**
 * Every expression in the data at `base` (a job, or the workflow minus its jobs): the
 * fenced `${{ … }}` of each string value, and the whole text of an unfenced `if:`.
 */
export function expressionSites(
  data: unknown,
  base: YamlPath,
  options: { skipKeys?: readonly string[] } = {},
): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const strings =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? Object.entries(data as Record<string, unknown>)
          .filter(([k]) => !(options.skipKeys ?? []).includes(k))
          .flatMap(([k, v]) => walkStrings(v, [...base, k]))
      : walkStrings(data, base);
  for (const { path, value } of strings) {
    const condition = isConditionPath(path, base);
    const fenced = findExpressions(value);
    if (condition && fenced.length === 0) {
      sites.push({ path, body: value, offset: 0, condition });
      continue;
    }
    for (const e of fenced) sites.push({ path, body: e.body, offset: e.offset + 3, condition });
  }
  return sites;
}

/**
 * The expressions a rule run for `jobId` owns: those of the job (`scope: job`) and those
 * of the workflow outside `jobs:` (`scope: workflow`, identical for every job).
 */
export function ownedExpressionSites(
  root: unknown,
  jobId: string,
): readonly { site: ExpressionSite; scope: 'workflow' | 'job' }[] {
  // Held by the workflow's data: the same for every rule and every trigger that asks.
  return root !== null && typeof root === 'object'
    ? ownedSitesOf(root, jobId)
    : ownedSitesUncached(root, jobId);
}

const ownedSitesOf = memoByObject((root: object, jobId: string) => ownedSitesUncached(root, jobId));

function ownedSitesUncached(
  root: unknown,
  jobId: string,
): { site: ExpressionSite; scope: 'workflow' | 'job' }[] {
  const jobPath: YamlPath = ['jobs', jobId];
  return [
    ...(root !== null && typeof root === 'object'
      ? workflowSitesOf(root, '')
      : workflowSites(root)),
    ...expressionSites(dataAt(root, jobPath), jobPath).map((site) => ({
      site,
      scope: 'job' as const,
    })),
  ];
}

/** The expressions of the workflow outside `jobs:` (the same for every job: found once). */
function workflowSites(root: unknown): { site: ExpressionSite; scope: 'workflow' }[] {
  return expressionSites(root, [], { skipKeys: ['jobs'] }).map((site) => ({
    site,
    scope: 'workflow' as const,
  }));
}

const workflowSitesOf = memoByObject((root: object) => workflowSites(root));
