/**
 * Commands the classifier used to miss (issue 14 item 2): a here-document fed to a shell is
 * that shell's script, the GitHub REST API called with curl / wget / HTTPie is read like
 * `gh api`, and `find … -delete` under a broad path is destructive.
 */
import { describe, expect, it } from 'vitest';
import { classifyScript } from '../../src/engine/inventory/commands.js';

const kinds = (script: string): string[] => classifyScript(script).hits.map((h) => h.kind);
const table = (cases: readonly (readonly [string, readonly string[]])[]): void => {
  for (const [script, expected] of cases)
    expect([script, kinds(script)]).toEqual([script, expected]);
};

describe('here-documents fed to a shell', () => {
  it('parses the body as commands, located in the script', () => {
    table([
      ['bash <<EOF\ngh pr merge 1 --admin\nEOF\n', ['gh-pr-merge-admin']],
      [
        "sudo -E bash -s -- x <<'EOF' && echo ok\n  gh pr merge 1 --admin\nEOF\n",
        ['gh-pr-merge-admin'],
      ],
      ['sh <<-EOF\n\tnpm publish\n\tEOF\nrm -rf /\n', ['npm-publish', 'rm-rf-broad']],
      [
        'bash - <<EOF\ngit push --force origin main\nEOF\n',
        ['git-push-force', 'git-push-force-default'],
      ],
    ]);
    const [hit] = classifyScript('echo start\nbash <<EOF\n  gh pr merge 1 --admin\nEOF\n').hits;
    expect([hit?.line, hit?.column]).toEqual([3, 3]);
  });

  it('keeps the body as data for other commands or a shell running a script file', () => {
    table([
      ['cat <<EOF\ngh pr merge 1 --admin\nEOF\n', []],
      ['bash deploy.sh <<EOF\nnpm publish\nEOF\n', []],
      ['cat > notes.md <<EOF\nrm -rf /\nEOF\nbash -n notes.md', []],
    ]);
  });
});

describe('the GitHub API through curl, wget and HTTPie', () => {
  it('reads protection, ruleset and ref changes like gh api', () => {
    table([
      [
        'curl -X DELETE -H "Authorization: token $GH_TOKEN" https://api.github.com/repos/o/r/branches/main/protection',
        ['http-api-branch-protection'],
      ],
      [
        'curl -sS --request PUT "$GITHUB_API_URL/repos/$GITHUB_REPOSITORY/rulesets/7" --data @r.json',
        ['http-api-ruleset'],
      ],
      [
        'curl -X DELETE https://ghe.example.com/api/v3/repos/o/r/git/refs/heads/main -H "Authorization: Bearer $T"',
        ['http-api-delete-ref'],
      ],
      [
        'wget --method=DELETE https://api.github.com/repos/o/r/branches/main/protection',
        ['http-api-branch-protection'],
      ],
      [
        'http DELETE api.github.com/repos/o/r/rulesets/1 "Authorization:Bearer $T"',
        ['http-api-ruleset'],
      ],
      ['gh api -X DELETE repos/o/r/git/refs/heads/release', ['gh-api-delete-ref']],
    ]);
  });

  it('leaves reads and other hosts alone', () => {
    table([
      ['curl -sS https://api.github.com/repos/o/r/branches/main/protection', []],
      ['curl -X DELETE https://example.com/repos/o/r/branches/main/protection', []],
      ['curl -fsSL https://api.github.com/repos/o/r/releases/latest', []],
    ]);
  });
});

describe('find … -delete', () => {
  it('flags deletion under a broad path, not under the job directories', () => {
    table([
      ['find / -name "*.log" -delete', ['find-delete-broad']],
      ['find ~ -type f -exec rm -f {} +', ['find-delete-broad']],
      ['sudo find /usr -delete', ['find-delete-broad']],
      ['find . -name "*.pyc" -delete', []],
      ['find "$RUNNER_TEMP" -mindepth 1 -delete', []],
      ['find / -name core', []],
      ['cd "$pdir"\nfind . -name "sbom*.json" -exec rm {} \\;', []],
      ['find dist -type f -exec rm {} \\;', []],
    ]);
  });
});
