/**
 * Checklist item 20 (Monitoring and Incident Response): Document rollback procedures.
 */
import { pushesToDefault } from '../../inventory/git-paths.js';
import { defineControl } from '../control.js';
import { ev, pathEvidence, verdict } from '../verdict.js';

export default defineControl({
  meta: {
    id: 'rollback',
    number: 20,
    category: 'Monitoring and Incident Response',
    title: 'Document rollback procedures',
    short: 'Rollback',
    basic: false,
    looksAt:
      'whether changes stay on branches / pull requests (git reverts them) or reach the default branch, deploys, releases and destructive commands',
    levels: {
      full: 'Changes land only on branches or pull requests (git reverts them), or the job changes nothing',
      partial:
        'Deploys, publishes or production environments (their rollback procedures are not visible)',
      none: 'Pushes to the default branch, destructive commands, bypass-checks',
      notObservable: 'never',
    },
    messages: {
      'beyond-git':
        'the job can push to the default branch or destroy state that git cannot restore',
      'outside-git':
        'deploys or releases happen outside git: their rollback depends on procedures CI does not show',
      'branches-only': 'changes land on branches or pull requests: git reverts them',
      'changes-nothing': 'the job changes nothing that git cannot revert (comments at most)',
    },
  },
  score(f) {
    const paths = f.inv.paths;
    const hard = [
      ...paths.filter((p) => p.class === 'destructive' || p.class === 'bypass-checks'),
      ...pushesToDefault(paths),
    ];
    if (hard.length > 0) return verdict(0, 'beyond-git', hard.map(pathEvidence));
    const outside = paths.filter(
      (p) => p.class === 'deploy' || p.class === 'publish' || p.class === 'production',
    );
    if (outside.length > 0)
      return verdict(0.5, 'outside-git', outside.slice(0, 4).map(pathEvidence));
    const writes = paths.filter((p) => p.class === 'write-branch');
    if (writes.length > 0) return verdict(1, 'branches-only', writes.slice(0, 3).map(pathEvidence));
    return verdict(1, 'changes-nothing', [
      ev('no write-branch, deploy, publish or destructive path', f.inv.at),
    ]);
  },
});
