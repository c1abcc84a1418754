/**
 * The check runs of the commit, for the evidence's validation record: which checks ran and
 * how they concluded. Unreadable (no `checks: read`, API error) is said, not guessed.
 */
import type { EvidenceInput } from '../../engine/evidence/types.js';
import type { GitHubClient } from '../github/client.js';

export async function readCheckRuns(
  client: () => Promise<GitHubClient>,
  owner: string,
  repo: string,
  sha: string | undefined,
): Promise<EvidenceInput['validation']> {
  if (!sha) return { checkRuns: undefined, note: 'GITHUB_SHA is not set: check runs not read' };
  try {
    const api = await client();
    const runs = await api.paginate(api.rest.checks.listForRef, {
      owner,
      repo,
      ref: sha,
      per_page: 100,
    });
    if (!Array.isArray(runs) || runs.some((r) => typeof r?.name !== 'string'))
      return {
        checkRuns: undefined,
        note: 'the check runs API answered entries without a name; check runs not recorded',
      };
    return {
      checkRuns: runs.map((r) => ({ name: r.name, conclusion: r.conclusion ?? null })),
      note: `check runs of ${sha} at the end of the job (their conclusions may still change)`,
    };
  } catch (error) {
    return {
      checkRuns: undefined,
      note: `check runs could not be read (${(error as Error).message}); it needs \`checks: read\``,
    };
  }
}
