import { describe, it, expect } from 'vitest';
import { splitCommands } from '../../src/engine/inventory/shell.js';

const argvs = (script: string): string[][] => splitCommands(script).commands.map((c) => c.argv);
const at = (script: string): [string, number, number][] =>
  splitCommands(script).commands.map((c) => [c.argv.join(' '), c.line, c.column]);

describe('splitCommands: separators and positions', () => {
  it('splits on newlines, ;, &&, ||, |, & with 1-based positions of the first word', () => {
    const script = 'npm ci\n  npm test && npm run build || echo failed; ls | wc -l & wait';
    expect(at(script)).toEqual([
      ['npm ci', 1, 1],
      ['npm test', 2, 3],
      ['npm run build', 2, 15],
      ['echo failed', 2, 32],
      ['ls', 2, 45],
      ['wc -l', 2, 50],
      ['wait', 2, 58],
    ]);
  });

  it('joins line continuations into one command', () => {
    const script = 'docker build \\\n  --push \\\n  -t img .\necho done';
    expect(at(script)).toEqual([
      ['docker build --push -t img .', 1, 1],
      ['echo done', 4, 1],
    ]);
    expect(splitCommands(script).commands[0]?.text).toBe(
      'docker build \\\n  --push \\\n  -t img .',
    );
  });

  it('handles CRLF line endings', () => {
    expect(at('npm ci\r\nnpm publish\r\n')).toEqual([
      ['npm ci', 1, 1],
      ['npm publish', 2, 1],
    ]);
  });

  it('drops comments, but not # inside a word', () => {
    expect(argvs('# npm publish\necho a#b # npm publish\n  # indented')).toEqual([['echo', 'a#b']]);
  });
});

describe('splitCommands: quoting', () => {
  it('removes quotes and keeps raw words', () => {
    const [cmd] = splitCommands(`echo "a b" 'c d' e\\ f $'g\\nh' "$X"`).commands;
    expect(cmd?.argv).toEqual(['echo', 'a b', 'c d', 'e f', 'g\nh', '$X']);
    expect(cmd?.raw).toEqual(['echo', '"a b"', "'c d'", 'e\\ f', "$'g\\nh'", '"$X"']);
  });

  it('keeps quoted text as data, not commands', () => {
    expect(argvs(`echo "npm publish; rm -rf /" 'git push --force'`)).toEqual([
      ['echo', 'npm publish; rm -rf /', 'git push --force'],
    ]);
  });

  it('keeps GitHub expressions intact, spaces and quotes included', () => {
    expect(
      argvs(
        `git checkout \${{ github.event.pull_request.head.sha }} && echo '\${{ github.event_name == 'push' }}' done`,
      ),
    ).toEqual([
      ['git', 'checkout', '${{ github.event.pull_request.head.sha }}'],
      ['echo', "${{ github.event_name == 'push' }}", 'done'],
    ]);
    expect(argvs(`echo "title: \${{ github.event.issue.title }}"`)).toEqual([
      ['echo', 'title: ${{ github.event.issue.title }}'],
    ]);
  });

  it('keeps parameter expansions and arithmetic as part of words', () => {
    expect(argvs('echo ${A:-x y} $((1 + 2)) ${#B}')).toEqual([
      ['echo', '${A:-x y}', '$((1 + 2))', '${#B}'],
    ]);
  });
});

describe('splitCommands: substitutions, groups and control flow', () => {
  it('emits commands inside $( ), backticks and process substitution', () => {
    const script = 'v=$(npm publish)\necho `git push` "$(gh pr merge 1)"\ndiff <(ls a) <(ls b)';
    expect(at(script)).toEqual([
      ['npm publish', 1, 5],
      ['echo `git push` $(gh pr merge 1)', 2, 1],
      ['git push', 2, 7],
      ['gh pr merge 1', 2, 20],
      ['diff <(ls a) <(ls b)', 3, 1],
      ['ls a', 3, 8],
      ['ls b', 3, 16],
    ]);
  });

  it('handles nested substitutions', () => {
    expect(argvs('echo $(dirname $(which npm))')).toEqual([
      ['echo', '$(dirname $(which npm))'],
      ['dirname', '$(which npm)'],
      ['which', 'npm'],
    ]);
  });

  it('handles subshells, groups and function definitions', () => {
    expect(
      argvs(
        '(cd pkg && npm publish)\n{ make; make install; }\ndeploy() { kubectl apply -f k8s; }\nfunction f { ls; }',
      ),
    ).toEqual([
      ['cd', 'pkg'],
      ['npm', 'publish'],
      ['make'],
      ['make', 'install'],
      ['kubectl', 'apply', '-f', 'k8s'],
      ['ls'],
    ]);
  });

  it('treats (( )) as arithmetic but ((a) || b) as subshells', () => {
    expect(argvs('(( i++ ))\n((cd a && make) || true)')).toEqual([['cd', 'a'], ['make'], ['true']]);
  });

  it('skips keywords of if/for/while/until/case and [[ ]], keeping the commands inside', () => {
    const script = [
      'if [[ "$X" == "y" && -f a ]]; then npm publish; elif ! git diff --quiet; then echo x; else echo y; fi',
      'for f in a b c; do rm "$f"; done',
      'for ((i = 0; i < 3; i++)); do echo $i; done',
      'while read -r l; do echo "$l"; done < list.txt',
      'until false; do break; done',
      'case "$1" in',
      '  release|rel) npm publish ;;',
      '  (other) echo other ;&',
      '  *) echo default',
      'esac',
    ].join('\n');
    expect(argvs(script)).toEqual([
      ['npm', 'publish'],
      ['git', 'diff', '--quiet'],
      ['echo', 'x'],
      ['echo', 'y'],
      ['rm', '$f'],
      ['echo', '$i'],
      ['read', '-r', 'l'],
      ['echo', '$l'],
      ['false'],
      ['break'],
      ['npm', 'publish'],
      ['echo', 'other'],
      ['echo', 'default'],
    ]);
  });

  it('handles case inside a command substitution', () => {
    expect(argvs('x=$(case $a in b) echo b;; esac); npm ci')).toEqual([
      ['echo', 'b'],
      ['npm', 'ci'],
    ]);
  });
});

describe('splitCommands: redirections and heredocs', () => {
  it('drops redirections and their targets from argv', () => {
    expect(
      argvs('npm publish > out.log 2>&1\ncat < in >> out\nmake &> log\nexec 3>&1\ntr a b <<< "$x"'),
    ).toEqual([['npm', 'publish'], ['cat'], ['make'], ['tr', 'a', 'b']]);
  });

  it('skips heredoc bodies in all their forms', () => {
    const script = [
      'cat <<EOF > a.txt',
      'npm publish',
      'EOF',
      'cat <<-EOF',
      '\tgit push --force',
      '\tEOF',
      "cat << 'END' && echo after",
      'rm -rf /',
      'END',
      'cat <<"X"; cat <<Y',
      'one $(npm publish)',
      'X',
      'two',
      'Y',
      'echo last',
    ].join('\n');
    expect(at(script)).toEqual([
      ['cat', 1, 1],
      ['cat', 4, 1],
      ['cat', 7, 1],
      ['echo after', 7, 17],
      ['cat', 10, 1],
      ['cat', 10, 12],
      ['echo last', 15, 1],
    ]);
  });

  it('skips a heredoc opened inside a command substitution', () => {
    expect(argvs('body=$(cat <<EOF\nnpm publish\nEOF\n)\necho "$body"')).toEqual([
      ['cat'],
      ['echo', '$body'],
    ]);
  });
});

describe('splitCommands: prefixes and inline scripts', () => {
  it('strips sudo, env, assignments, time, nohup, exec, command, nice, timeout', () => {
    const script = [
      'sudo -E -u deploy npm publish',
      'FOO=1 BAR="a b" npm publish',
      'env -i PATH=/bin HOME=/tmp npm publish',
      'time -p nohup nice -n 10 npm publish',
      'exec command timeout -s KILL 5m npm publish',
      '/usr/bin/sudo --user=root /usr/bin/env npm publish',
    ].join('\n');
    expect(at(script)).toEqual([
      ['npm publish', 1, 19],
      ['npm publish', 2, 17],
      ['npm publish', 3, 28],
      ['npm publish', 4, 26],
      ['npm publish', 5, 33],
      ['npm publish', 6, 40],
    ]);
    expect(splitCommands('sudo -E npm publish').commands[0]?.text).toBe('sudo -E npm publish');
  });

  it('keeps `command -v` as a lookup and drops assignment-only commands', () => {
    expect(argvs('command -v npm\nFOO=bar\nsudo')).toEqual([['command', '-v', 'npm']]);
  });

  it('finds the command after xargs flags', () => {
    expect(argvs('ls | xargs -0 -n 1 -I{} rm -rf {}\nfind . | xargs -P 4 git add')).toEqual([
      ['ls'],
      ['rm', '-rf', '{}'],
      ['find', '.'],
      ['git', 'add'],
    ]);
  });

  it('splits bash -c / sh -c / eval / pwsh -Command strings, pointing at the outer command', () => {
    const script = [
      "bash -c 'npm ci && npm publish'",
      '  sudo sh -ec "git push --force origin main"',
      "eval 'kubectl apply -f x'",
      'pwsh -NoProfile -Command "npm publish"',
      "bash -o pipefail -c 'cat x | twine upload -'",
    ].join('\n');
    expect(at(script)).toEqual([
      ['npm ci', 1, 1],
      ['npm publish', 1, 1],
      ['git push --force origin main', 2, 8],
      ['kubectl apply -f x', 3, 1],
      ['npm publish', 4, 1],
      ['cat x', 5, 1],
      ['twine upload -', 5, 1],
    ]);
  });

  it('runs a script file named after bash as is', () => {
    expect(argvs('bash ./release.sh --prod')).toEqual([['bash', './release.sh', '--prod']]);
  });

  it('emits find -exec commands', () => {
    expect(argvs('find . -name "*.tmp" -exec rm -rf {} \\; -print')).toEqual([
      ['find', '.', '-name', '*.tmp', '-exec', 'rm', '-rf', '{}', ';', '-print'],
      ['rm', '-rf', '{}'],
    ]);
  });
});

describe('splitCommands: robustness', () => {
  it('does not throw on unterminated constructs', () => {
    for (const s of [
      '"abc',
      "'abc",
      '$(abc',
      '`abc',
      '${abc',
      '${{ abc',
      'cat <<EOF\nno end',
      'case x in',
      '((',
      'a=(b',
      '\\',
    ]) {
      expect(() => splitCommands(s)).not.toThrow();
    }
    expect(argvs('echo "unterminated')).toEqual([['echo', 'unterminated']]);
  });

  it('truncates scripts over 1 MiB and returns what it read', () => {
    const big = 'npm ci\n'.repeat(200_000);
    const result = splitCommands(big);
    expect(result.truncated).toBe(true);
    expect(result.commands.length).toBeGreaterThan(10_000);
    expect(result.commands.length).toBeLessThan(200_000);
  });

  it('stops at absurd nesting with truncated: true', () => {
    const deep = '$('.repeat(5000) + 'npm publish' + ')'.repeat(5000);
    const result = splitCommands(`echo ${deep}`);
    expect(result.truncated).toBe(true);
    const nested = "bash -c '".repeat(1) + 'eval '.repeat(200) + 'npm publish' + "'";
    expect(() => splitCommands(nested)).not.toThrow();
  });

  it('reports truncated: false on ordinary scripts', () => {
    expect(splitCommands('npm ci\nnpm test\n').truncated).toBe(false);
  });

  it('never throws on seeded random shell soup and stays fast', () => {
    const alphabet = [
      'a',
      'npm',
      ' publish',
      ' ',
      '\n',
      '\\',
      '\\\n',
      '"',
      "'",
      '`',
      '$',
      '$(',
      '${',
      '${{',
      '}}',
      '(',
      ')',
      '{',
      '}',
      '[[',
      ']]',
      ';',
      ';;',
      '&',
      '&&',
      '|',
      '||',
      '<',
      '<<',
      '<<-',
      'EOF',
      '>',
      '2>&1',
      '#',
      '=',
      'case',
      'in',
      'esac',
      'if',
      'then',
      'fi',
      'for',
      'do',
      'done',
      'sudo',
      'env',
      'xargs',
      'bash -c ',
      'eval ',
      '-',
      '--',
      '*',
      '/',
    ];
    let seed = 0x2545f491;
    const random = (n: number): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    // How long this takes is measured in bench/hostile-inputs.bench.ts, not asserted here.
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const len = 1 + random(60);
      for (let k = 0; k < len; k++) s += alphabet[random(alphabet.length)];
      const result = splitCommands(s);
      for (const c of result.commands) {
        expect(c.argv.length).toBe(c.raw.length);
        expect(c.argv.length).toBeGreaterThan(0);
        expect(c.line).toBeGreaterThanOrEqual(1);
        expect(c.column).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('splitCommands: output writes', () => {
  const writes = (script: string) =>
    splitCommands(script).outputs.map((o) => [
      o.via,
      o.target,
      o.line,
      o.column,
      o.writers.map((w) => w.argv.join(' ')),
    ]);

  it('records a redirected command with the earlier stages of its pipeline', () => {
    expect(writes('a x | b >> "$F"\necho ok > /dev/null 2>&1')).toEqual([
      ['redirect', '"$F"', 1, 12, ['b', 'a x']],
      ['redirect', '/dev/null', 2, 11, ['echo ok']],
    ]);
  });

  it('records tee with what is piped into it, not tee itself', () => {
    expect(writes('jq .x f | sudo tee -a "$GITHUB_PATH"')).toEqual([
      ['tee', '"$GITHUB_PATH"', 1, 23, ['jq .x f']],
    ]);
  });

  it('gives a compound redirection every command of the compound and its input pipeline', () => {
    expect(writes('{\n  echo a\n  echo "$B"\n} >> $O')).toEqual([
      ['redirect', '$O', 4, 6, ['echo a', 'echo $B']],
    ]);
    expect(writes('cat l | while read -r x; do\n  echo "$x"\ndone > out')).toEqual([
      ['redirect', 'out', 3, 8, ['read -r x', 'echo $x', 'cat l']],
    ]);
    expect(writes('( cd a; make ) > log; if t; then y; fi >> f')).toEqual([
      ['redirect', 'log', 1, 18, ['cd a', 'make']],
      ['redirect', 'f', 1, 43, ['t', 'y']],
    ]);
  });

  it('does not count input redirections, descriptor copies, quoted or commented text', () => {
    expect(writes("cat < in 2>&1 >&2\necho 'x >> $GITHUB_ENV' # y >> $GITHUB_ENV")).toEqual([]);
  });

  it('keeps here-document bodies on the command they feed, with their quoting', () => {
    const [cat] = splitCommands("cat <<'EOF' >> $F\nA=$B\nEOF").commands;
    expect(cat?.heredocs).toEqual([{ body: 'A=$B\n', quoted: true }]);
    const [plain] = splitCommands('cat <<EOF\nA=$B\nEOF').commands;
    expect(plain?.heredocs).toEqual([{ body: 'A=$B\n', quoted: false }]);
    expect(splitCommands('cat f').commands[0]?.heredocs).toBeUndefined();
  });
});
