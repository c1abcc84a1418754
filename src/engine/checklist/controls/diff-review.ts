/**
 * Checklist item 13 (Code Review): Review every diff before applying.
 */
import { defineControl } from '../control.js';
import { credEvidence, ev, pathEvidence, verdict } from '../verdict.js';
import { mergesPullRequest, pushesToDefault } from '../../inventory/git-paths.js';

export default defineControl({
  meta: {
    id: 'diff-review',
    number: 13,
    category: 'Code Review',
    title: 'Review every diff before applying',
    short: 'Review every diff',
    basic: true,
    looksAt:
      'whether the job can write code at all, and whether it merges, auto-merges, pushes to the default branch or bypasses protection instead of leaving a pull request for review',
    levels: {
      full: 'The job cannot write code (no write-branch, modify-workflow or bypass path, no write-capable PAT or App token)',
      partial:
        'It can push to a branch or open a pull request. Required review is a branch-protection setting that CI does not show',
      none: 'It merges (`gh pr merge`, auto-merge actions), pushes to `main` / `master`, or bypasses checks (`--admin`, `--no-verify`, protection changes)',
      notObservable: 'never',
    },
    messages: {
      'merges-or-bypasses':
        'the job merges, pushes to the default branch or bypasses protection itself (branch protection may still stop it, which CI does not show)',
      'pushes-for-review':
        'the job can push its changes to a branch or pull request; whether a review is required before they merge is a branch-protection setting CI does not show',
      'cannot-write':
        'the job cannot write code: the agent can only suggest (comments, reviews), a person applies',
    },
  },
  score(f) {
    const paths = f.inv.paths;
    const autoMerge = f.safeguards.hits
      .filter((h) => h.kind === 'auto-merge')
      .map((h) => ev(`${h.text} enables auto-merge`, h.at));
    const skips = [
      ...paths.filter((p) => p.class === 'bypass-checks'),
      ...paths.filter(mergesPullRequest),
      ...pushesToDefault(paths),
    ];
    if (skips.length > 0 || autoMerge.length > 0)
      return verdict(0, 'merges-or-bypasses', [...skips.map(pathEvidence), ...autoMerge]);
    const writes = paths.filter((p) => p.class === 'write-branch' || p.class === 'modify-workflow');
    const writeCreds = f.inv.credentials.filter(
      (c) =>
        c.write && (c.kind === 'pat' || c.kind === 'app-token' || c.kind === 'inherited-secrets'),
    );
    if (writes.length > 0 || writeCreds.length > 0)
      return verdict(0.5, 'pushes-for-review', [
        ...writes.map(pathEvidence),
        ...writeCreds.map(credEvidence),
      ]);
    return verdict(1, 'cannot-write', [
      ev('no write-branch, modify-workflow or bypass-checks path', f.inv.at),
    ]);
  },
});
