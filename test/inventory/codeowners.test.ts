/**
 * CODEOWNERS parsing and matching: GitHub's documented example (last match wins, owner-less
 * overrides, `docs/*` vs `/docs/`), pattern edge cases, rejected lines, and every CODEOWNERS
 * file of the real-world corpus with the owners of `.github/workflows/ci.yml` worked out by
 * hand from the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CODEOWNERS_LOCATIONS,
  ownersOf,
  parseCodeowners,
  type CodeownersRule,
} from '../../src/engine/inventory/codeowners.js';

const rulesOf = (text: string): CodeownersRule[] => {
  const { rules, warnings } = parseCodeowners(text, 'CODEOWNERS');
  expect(warnings).toEqual([]);
  return rules;
};
const owners = (rules: readonly CodeownersRule[], file: string): string[] | undefined =>
  ownersOf(rules, file)?.owners;

/** The example file of GitHub's "About code owners" page, in its order. */
const GITHUB_EXAMPLE = `# These owners will be the default owners for everything in
# the repo. Unless a later match takes precedence,
# @global-owner1 and @global-owner2 will be requested for review.
*       @global-owner1 @global-owner2

*.js    @js-owner #This is an inline comment.
*.go docs@example.com
*.txt @octo-org/octocats
/build/logs/ @doctocat
docs/*  docs@example.com
apps/ @octocat
/docs/ @doctocat
/scripts/ @doctocat @octocat
**/logs @octocat
/apps/ @octocat
/apps/github
`;

describe('ownersOf: the GitHub docs example', () => {
  const rules = rulesOf(GITHUB_EXAMPLE);

  it('parses owners, inline comments and the owner-less line', () => {
    expect(rules.map((r) => [r.line, r.pattern, r.owners.length])).toEqual([
      [4, '*', 2],
      [6, '*.js', 1],
      [7, '*.go', 1],
      [8, '*.txt', 1],
      [9, '/build/logs/', 1],
      [10, 'docs/*', 1],
      [11, 'apps/', 1],
      [12, '/docs/', 1],
      [13, '/scripts/', 2],
      [14, '**/logs', 1],
      [15, '/apps/', 1],
      [16, '/apps/github', 0],
    ]);
    expect(rules[1]!.owners).toEqual(['@js-owner']);
  });

  it('lets the last matching rule win', () => {
    expect(ownersOf(rules, 'README.md')).toEqual({
      owners: ['@global-owner1', '@global-owner2'],
      line: 4,
    });
    expect(owners(rules, 'src/deep/index.js')).toEqual(['@js-owner']);
    expect(owners(rules, 'cmd/main.go')).toEqual(['docs@example.com']);
    expect(owners(rules, 'notes.txt')).toEqual(['@octo-org/octocats']);
    // `/build/logs/` beats `*.txt`, and `**/logs` (later still) beats both.
    expect(ownersOf(rules, 'build/logs/today.txt')).toEqual({ owners: ['@octocat'], line: 14 });
    expect(owners(rules, 'scripts/release.sh')).toEqual(['@doctocat', '@octocat']);
    // `/docs/` comes after `docs/*` and covers both depths.
    expect(ownersOf(rules, 'docs/getting-started.md')?.line).toBe(12);
    expect(ownersOf(rules, 'docs/build-app/troubleshooting.md')?.line).toBe(12);
  });

  it('matches `apps/` at any depth and `**/logs` anywhere', () => {
    expect(ownersOf(rules, 'web/apps/main.js')).toEqual({ owners: ['@octocat'], line: 11 });
    expect(ownersOf(rules, 'deeply/nested/logs/x.go')?.line).toBe(14);
    expect(ownersOf(rules, 'logs')?.line).toBe(14);
  });

  it('an owner-less rule unsets ownership of what it matches', () => {
    expect(ownersOf(rules, 'apps/github/readme.md')).toEqual({ owners: [], line: 16 });
    expect(ownersOf(rules, 'apps/github')).toEqual({ owners: [], line: 16 });
    expect(ownersOf(rules, 'apps/other/readme.md')).toEqual({ owners: ['@octocat'], line: 15 });
    expect(ownersOf(rules, 'apps/githubx/readme.md')?.line).toBe(15);
  });

  it('a later owner line overrides the owner-less one', () => {
    const more = rulesOf(`${GITHUB_EXAMPLE}/apps/ @octocat\n/apps/github @doctocat\n`);
    expect(owners(more, 'apps/github/readme.md')).toEqual(['@doctocat']);
  });
});

describe('ownersOf: patterns', () => {
  const match = (pattern: string, file: string): boolean =>
    ownersOf(rulesOf(`${pattern} @o`), file) !== undefined;

  it('`docs/*` matches direct children only; it is anchored at the root', () => {
    expect(match('docs/*', 'docs/a.md')).toBe(true);
    expect(match('docs/*', 'docs/sub/a.md')).toBe(false);
    expect(match('docs/*', 'src/docs/a.md')).toBe(false);
    expect(match('/*', 'a.md')).toBe(true);
    expect(match('/*', 'src/a.md')).toBe(false);
  });

  it('`*` does not cross `/`, but a pattern without a slash matches at any depth', () => {
    expect(match('*.md', 'a/b/c.md')).toBe(true);
    expect(match('/*.md', 'a/b/c.md')).toBe(false);
    expect(match('src/*.ts', 'src/a/b.ts')).toBe(false);
    expect(match('Makefile', 'tools/Makefile')).toBe(true);
    expect(match('/Makefile', 'tools/Makefile')).toBe(false);
    expect(match('a?c', 'x/abc')).toBe(true);
    expect(match('a?c', 'x/a/c')).toBe(false);
  });

  it('`**` leading, trailing and in the middle', () => {
    expect(match('**', 'a/b')).toBe(true);
    expect(match('**/*', 'a/b/c')).toBe(true);
    expect(match('**/logs', 'logs/x')).toBe(true);
    expect(match('docs/**', 'docs/a/b.md')).toBe(true);
    expect(match('docs/**', 'docs')).toBe(false);
    expect(match('a/**/b', 'a/b')).toBe(true);
    expect(match('a/**/b', 'a/x/y/b/file')).toBe(true);
    expect(match('a/**/b', 'x/a/b')).toBe(false);
    expect(match('**/', 'a/b')).toBe(true);
    expect(match('**/', 'a')).toBe(false); // a root file is in no directory
    expect(match('docs/**/', 'docs/a.md')).toBe(false);
    expect(match('docs/**/', 'docs/x/a.md')).toBe(true);
  });

  it('does not backtrack exponentially on hostile patterns', () => {
    // Timed in bench/hostile-inputs.bench.ts; exponential backtracking would not finish here.
    const rules = rulesOf(`${'a*'.repeat(40)}b @o\n${'**/a/'.repeat(30)}b @o`);
    expect(ownersOf(rules, 'a'.repeat(5000))).toBeUndefined();
    expect(ownersOf(rules, `${'a/'.repeat(400)}c`)).toBeUndefined();
  });

  it('without a trailing slash a pattern also matches everything under that directory', () => {
    expect(match('/web/ui', 'web/ui/module/x.ts')).toBe(true);
    expect(match('/web/ui', 'web/uix')).toBe(false);
    expect(match('/crates/ty*', 'crates/ty_ide/src/lib.rs')).toBe(true);
    expect(match('.github', '.github/workflows/ci.yml')).toBe(true);
    // A trailing slash means a directory: not a file of that name.
    expect(match('/build/logs/', 'build/logs')).toBe(false);
    expect(match('/build/logs/', 'build/logs/a/b')).toBe(true);
  });

  it('escapes, regex metacharacters and case', () => {
    expect(match('docs/\\#notes.md', 'docs/#notes.md')).toBe(true);
    expect(match('my\\ file.txt', 'my file.txt')).toBe(true);
    expect(match('a\\*b', 'a*b')).toBe(true);
    expect(match('a\\*b', 'axb')).toBe(false);
    expect(match('(x)+.js', '(x)+.js')).toBe(true);
    expect(match('(x)+.js', 'xx.js')).toBe(false);
    expect(match('README.md', 'readme.md')).toBe(false); // paths are case-sensitive
  });

  it('normalises the file path and never matches with `/` alone', () => {
    const rules = rulesOf('/src/ @o');
    expect(owners(rules, './src/a.ts')).toEqual(['@o']);
    expect(owners(rules, '/src/a.ts')).toEqual(['@o']);
    expect(ownersOf(rulesOf('/ @o'), 'a')).toBeUndefined();
    expect(ownersOf([], 'a')).toBeUndefined();
  });
});

describe('parseCodeowners: syntax', () => {
  it('handles CRLF, tabs, a BOM and trailing comments', () => {
    const { rules } = parseCodeowners('\uFEFF*\t@a  @org/team-x # c\r\n\r\n  # x\r\n', 'C');
    expect(rules).toEqual([{ pattern: '*', owners: ['@a', '@org/team-x'], line: 1 }]);
  });

  it('skips lines GitHub rejects, with a warning naming path:line', () => {
    const { rules, warnings } = parseCodeowners(
      [
        '* @ok',
        '!docs/ @a',
        'src/[ab].ts @a',
        '\\#notes @a',
        'lib/ octocat',
        'lib/ @a,@b',
        'a/***/b @a',
        '/ok/ me@example.com @org/team_name',
      ].join('\n'),
      '.github/CODEOWNERS',
    );
    expect(rules.map((r) => r.line)).toEqual([1, 8]);
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toMatch(/^\.github\/CODEOWNERS:2:1: negation/);
    expect(warnings[1]).toMatch(/^\.github\/CODEOWNERS:3:1: character ranges/);
    expect(warnings[2]).toMatch(/:4:1: escaping a leading "#"/);
    expect(warnings[3]).toMatch(/:5:6: invalid owner "octocat"/);
    expect(warnings[4]).toMatch(/:6:6: invalid owner "@a,@b"/);
    expect(warnings[5]).toMatch(/:7:1: three consecutive/);
  });

  it('ignores a file over 3 MB, as GitHub does', () => {
    const big = `* @a\n${'#'.repeat(3 * 1024 * 1024)}`;
    expect(parseCodeowners(big, 'CODEOWNERS')).toEqual({
      rules: [],
      warnings: ['CODEOWNERS: larger than 3 MB; GitHub ignores the whole file'],
    });
  });

  it('an escaped `[` is a literal, not a range', () => {
    expect(parseCodeowners('a\\[1].txt @o', 'C').warnings).toEqual([]);
  });

  it('lists the locations GitHub searches, in order', () => {
    expect(CODEOWNERS_LOCATIONS).toEqual(['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']);
  });

  it('never throws on odd input', () => {
    const alphabet = ['*', '/', '\\', '#', ' ', '\t', '@', 'a', '!', '[', ']', '?', '.', '\n'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]);
      const { rules } = parseCodeowners(text.join(''), 'C');
      for (const file of ['a', 'a/b', '*', '\\', '', 'a/b/c.md']) ownersOf(rules, file);
    }
    expect(parseCodeowners(undefined as unknown as string, 'C')).toEqual({
      rules: [],
      warnings: [],
    });
  });
});

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const G = '@google-github-actions';

/**
 * Every CODEOWNERS file of the corpus: the owners of `.github/workflows/ci.yml` (undefined:
 * no rule matches) and the rule's line, read off each file by hand.
 */
const CORPUS_CASES: readonly (readonly [string, string[] | undefined, number?])[] = [
  ['All-Hands-AI__OpenHands/.github/CODEOWNERS', undefined], // only /frontend/, /docs/, …
  ['Homebrew__brew/CODEOWNERS', undefined], // only docs/Support-Tiers.md
  [
    'RooCodeInc__Roo-Code/.github/CODEOWNERS',
    ['@mrubens', '@cte', '@jr', '@hannesrudolph', '@daniel-lxs'],
    2,
  ],
  ['UpCloudLtd__terraform-provider-upcloud/.github/CODEOWNERS', ['@UpCloudLtd/devex'], 1],
  ['actions__checkout/CODEOWNERS', ['@actions/actions-runtime'], 1],
  ['actions__runner/CODEOWNERS', ['@actions/actions-runtime'], 1], // no final newline
  ['actions__toolkit/CODEOWNERS', ['@actions/actions-runtime'], 1], // others: /packages/…
  [
    'argoproj__argo-cd/CODEOWNERS',
    ['@argoproj/argocd-approvers', '@argoproj/argocd-approvers-ci'],
    11, // `/.github/**` after `**`
  ],
  ['astral-sh__ruff/.github/CODEOWNERS', undefined], // only /crates/, /python/, /scripts/
  ['aws__aws-cli/.github/CODEOWNERS', ['@aws/sync-team-aws-cli-team'], 1],
  ['cli__cli/.github/CODEOWNERS', ['@cli/code-reviewers'], 1],
  [
    'cline__cline/.github/CODEOWNERS',
    ['@saoudrizwan', '@arafatkatze', '@maxpaulus43', '@dominiccooney'],
    1, // `/.github/`
  ],
  ['continuedev__continue/.github/CODEOWNERS', ['@continuedev/continue-code-reviewers'], 1],
  ['dependabot__dependabot-core/CODEOWNERS', ['@dependabot/maintainers'], 1],
  ['electron__electron/.github/CODEOWNERS', undefined], // no `*`, nothing under .github
  ['github__codeql-action/CODEOWNERS', ['@github/codeql-action-reviewers'], 1], // `**/*`
  ['github__gh-aw-firewall/.github/CODEOWNERS', ['@Mossaka'], 11], // /.github/workflows/
  ['github__github-mcp-server/.github/CODEOWNERS', ['@github/github-mcp-server'], 1],
  // `- @dsyme …` is a rule for files named `-` (a Markdown list by mistake): no `*` rule.
  ['githubnext__agentics/CODEOWNERS', undefined],
  [
    'google-gemini__gemini-cli/.github/CODEOWNERS',
    ['@google-gemini/gemini-cli-askmode-approvers'],
    11, // /.github/workflows/ overrides `*`
  ],
  [
    'google-github-actions__run-gemini-cli/.github/CODEOWNERS',
    [`${G}/maintainers`, `${G}/run-gemini-cli-maintainers`],
    1, // `.github/CODEOWNERS` (line 3) matches only that file
  ],
  ['goreleaser__goreleaser/.github/CODEOWNERS', ['@goreleaser/everyone'], 1],
  ['kaito-project__aikit/.github/CODEOWNERS', ['@sozercan'], 1],
  ['microsoft__vscode-copilot-chat/.github/CODEOWNERS', undefined], // only pr-check-cache.yml
  ['npm__cli/.github/CODEOWNERS', ['@npm/cli-team'], 3],
  ['ossf__scorecard/.github/CODEOWNERS', ['@ossf/scorecard-maintainers'], 7],
  ['pnpm__pnpm/.github/CODEOWNERS', ['@zkochan'], 1],
  [
    'project-copacetic__copacetic/CODEOWNERS',
    ['@jeremyrickard', '@sozercan', '@ashnamehrotra', '@robert-cronin', '@omercnet'],
    2,
  ],
  ['prometheus__prometheus/CODEOWNERS', ['@prometheus/default-maintainers'], 7],
  ['sigstore__cosign/CODEOWNERS', ['@sigstore/dep-maintainers'], 3], // /.github/ overrides `*`
  ['sigstore__sigstore-python/CODEOWNERS', undefined], // see the warning test below
  ['slsa-framework__slsa-github-generator/CODEOWNERS', ['@slsa-framework/tool-maintainers'], 1],
  ['tauri-apps__tauri/.github/CODEOWNERS', ['@tauri-apps/wg-devops'], 8], // `.github`, any depth
];

/** The one corpus warning: a lone owner on line 1, which GitHub reads as a path pattern. */
const JUSTIFIED_WARNINGS: Readonly<Record<string, readonly RegExp[]>> = {
  'sigstore__sigstore-python/CODEOWNERS': [
    /:1:1: "@sigstore\/codeowners-sigstore-python" looks like an owner without a pattern$/,
  ],
};

describe('the corpus CODEOWNERS files', () => {
  for (const [file, expected, line] of CORPUS_CASES) {
    it(file, () => {
      const { rules, warnings } = parseCodeowners(readFileSync(join(CORPUS, file), 'utf8'), file);
      const justified = JUSTIFIED_WARNINGS[file] ?? [];
      expect(warnings).toHaveLength(justified.length);
      justified.forEach((re, i) => expect(warnings[i]).toMatch(re));
      const result = ownersOf(rules, '.github/workflows/ci.yml');
      expect(result).toEqual(expected === undefined ? undefined : { owners: expected, line });
    });
  }

  it('covers every CODEOWNERS file of the corpus', async () => {
    const { readdirSync, existsSync } = await import('node:fs');
    const found = readdirSync(CORPUS).flatMap((repo) =>
      CODEOWNERS_LOCATIONS.map((l) => `${repo}/${l}`).filter((p) => existsSync(join(CORPUS, p))),
    );
    expect(found.sort()).toEqual(CORPUS_CASES.map(([f]) => f).sort());
  });

  it('a few more paths of the corpus files', () => {
    const read = (f: string): CodeownersRule[] =>
      parseCodeowners(readFileSync(join(CORPUS, f), 'utf8'), f).rules;
    const copilot = read('microsoft__vscode-copilot-chat/.github/CODEOWNERS');
    expect(owners(copilot, '.github/workflows/pr-check-cache.yml')).toEqual([
      '@lszomoru',
      '@joaomoreno',
    ]);
    const ruff = read('astral-sh__ruff/.github/CODEOWNERS');
    expect(owners(ruff, 'crates/ty_ide/src/lib.rs')).toEqual(['@astral-sh/ty_ide_notified']);
    expect(owners(ruff, 'crates/ty_ide/Cargo.toml')).toEqual([]); // owner-less override
    const argo = read('argoproj__argo-cd/CODEOWNERS');
    expect(ownersOf(argo, 'hack/gen-docs/main.go')?.line).toBe(34);
    expect(ownersOf(argo, 'hack/other.sh')?.line).toBe(33);
    const agentics = read('githubnext__agentics/CODEOWNERS');
    expect(owners(agentics, 'docs/-')).toHaveLength(4);
  });
});
