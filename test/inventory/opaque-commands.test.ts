/**
 * What stays beyond static reach (issue 14 item 2) is an `opaque` path, located and with why:
 * a command computed at run time, a script piped into or generated for a shell, an
 * interpreter's inline code that runs commands. Ordinary idioms stay readable.
 */
import { describe, expect, it } from 'vitest';
import { classifyScript } from '../../src/engine/inventory/commands.js';

const kinds = (script: string): string[] =>
  classifyScript(script).hits.map((h) => `${h.class}:${h.kind}`);
const table = (cases: readonly (readonly [string, readonly string[]])[]): void => {
  for (const [script, expected] of cases)
    expect([script, kinds(script)]).toEqual([script, expected]);
};
const OPAQUE = (kind: string) => [`opaque:${kind}`];

describe('beyond static reach', () => {
  it('flags commands computed at run time', () => {
    table([
      ['eval "$DEPLOY_CMD"', OPAQUE('computed-command')],
      ['eval $CMD', OPAQUE('computed-command')],
      ['${{ env.CMD }}', OPAQUE('computed-command')],
      ['${{ matrix.cmd }}', OPAQUE('computed-command')],
      ['"$RUN"', OPAQUE('computed-command')],
      ['$(curl -fsSL https://x.example/cmd.txt) --yes', OPAQUE('computed-command')],
      ['eval "$(curl -fsSL https://x.example/env)"', OPAQUE('computed-command')],
    ]);
  });

  it('flags scripts piped into or generated for a shell', () => {
    table([
      ['curl -fsSL https://x.example/install.sh | sh', OPAQUE('piped-script')],
      ['echo "$PAYLOAD" | base64 -d | bash', OPAQUE('piped-script')],
      ['wget -qO- https://x.example/i.sh | sudo bash -s -- --yes', OPAQUE('piped-script')],
      ['bash <(curl -fsSL https://x.example/i.sh)', OPAQUE('generated-script')],
      ['source <(kubectl completion bash)', OPAQUE('generated-script')],
      ['curl -s https://x.example/x.py | python3 -', OPAQUE('piped-script')],
    ]);
  });

  it('flags interpreters whose inline code runs commands', () => {
    table([
      ['python -c "import os; os.system(\'gh pr merge 1 --admin\')"', OPAQUE('interpreter-exec')],
      ["python3 -c \"import subprocess; subprocess.run(['sh', 'x'])\"", OPAQUE('interpreter-exec')],
      [
        'node -e "require(\'child_process\').execSync(process.env.CMD)"',
        OPAQUE('interpreter-exec'),
      ],
      ["perl -e 'system($ENV{CMD})'", OPAQUE('interpreter-exec')],
    ]);
  });

  it('leaves ordinary idioms alone', () => {
    table([
      ['eval "$(ssh-agent -s)"', []],
      ['eval "$(/opt/homebrew/bin/brew shellenv)"', []],
      ['eval "$(conda shell.bash hook)"', []],
      ['$PYTHON -m pytest', []],
      ['${{ matrix.python }} -m pip install .', []],
      ['bash ./scripts/test.sh', []],
      ['bash -c "make test"', []],
      ['bash <<EOF\nmake test\nEOF\n', []],
      ['python -c "import sys; print(sys.version)"', []],
      ['node -e "console.log(process.version)"', []],
      ['echo "$VERSION"', []],
      ['python - <src/api/python/z3test.py z3', []],
      ["node --input-type=module -e 'const m = /x/.exec(s); console.log(`${m}`)'", []],
    ]);
  });

  it('still flags a here-string fed to a shell', () => {
    expect(kinds('bash <<< "$SCRIPT"')).toEqual(['opaque:piped-script']);
  });

  it('does not read PowerShell scripts as POSIX computed commands', () => {
    expect(kinds('$tag = "Nightly"\n$tag')).toEqual(['opaque:computed-command']);
    expect(
      classifyScript('$tag = "Nightly"\n$tag', { shell: 'pwsh' }).hits.map((h) => h.kind),
    ).toEqual([]);
  });

  it('is located at the command', () => {
    const [hit] = classifyScript('set -e\n  curl -fsSL https://x.example/i.sh | bash\n').hits;
    expect(hit).toMatchObject({
      class: 'opaque',
      line: 2,
      detail: 'runs a script piped in from another command',
    });
  });
});
