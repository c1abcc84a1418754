/**
 * Which commands of a script run more repository code (script-calls.ts; `curl … | sh` and
 * `bash <(…)` are the classifier's opaque paths, not calls), how `cd` and
 * `working-directory` move them, and the matrix value lookup the dataflow reads.
 */
import { describe, expect, it } from 'vitest';
import { findScriptCalls } from '../../src/engine/inventory/scripts/script-calls.js';
import { splitCommands } from '../../src/engine/inventory/shell.js';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';
import { matrixLookup } from '../../src/engine/workflow/value-sources.js';

function calls(script: string, dir: string | null = '') {
  return findScriptCalls(splitCommands(script).commands, {
    dir: dir ?? undefined,
    text: script,
  }).map((c) =>
    c.kind === 'opaque'
      ? `opaque: ${c.why}`
      : c.kind === 'package-script'
        ? `${c.file} ${c.scripts.join(',')}`
        : c.kind === 'shell-file'
          ? `sh ${c.file}`
          : `${c.kind} ${c.files[c.files.length - 1] ?? ''} ${c.targets.join(',')}`,
  );
}

describe('script calls', () => {
  it.each([
    ['npm run build', ['package.json prebuild,build,postbuild']],
    ['npm publish', ['package.json prepublishOnly,prepack,prepare,postpack,publish,postpublish']],
    ['npm install lodash', []],
    ['npm --prefix web run lint', ['web/package.json prelint,lint,postlint']],
    ['cd web && npm test', ['web/package.json pretest,test,posttest']],
    ['cd web\ncd ..\n./x.sh', ['sh x.sh']],
    ['make -C build release VERBOSE=1', ['make build/Makefile release']],
    ['just deploy prod', ['just .justfile deploy']],
    ['bash -c "npm test"', ['package.json pretest,test,posttest']],
    ['bash <<EOF\necho hi\nEOF', []],
    ['curl -sSf https://x | sh', []],
    ['bash <(curl -s https://x)', []],
    ['source ../../env.sh', ['opaque: runs a script outside the repository (../../env.sh)']],
    [
      'pnpm -r build',
      ['opaque: runs package scripts of workspace packages, which are not resolved'],
    ],
    ['echo npm run release # npm publish', []],
  ])('%s', (script, expected) => {
    expect(calls(script)).toEqual(expected);
  });

  it('a working directory computed at run time makes a script call opaque', () => {
    expect(calls('npm test', null)).toEqual(['opaque: runs in a directory computed at run time']);
  });
});

describe('matrix values', () => {
  const wf = parseWorkflow(
    'wf.yml',
    `on: push
jobs:
  a:
    runs-on: x
    strategy:
      matrix:
        cmd: ["npm test", "make"]
        cfg: [{ name: a, run: "x" }]
        include:
          - cmd: "npm publish"
          - extra: 1
    steps: [{ run: echo }]
  b:
    runs-on: x
    strategy:
      matrix: \${{ fromJSON(needs.plan.outputs.m) }}
    steps: [{ run: echo }]
`,
  );
  it('lists, include entries and object fields', () => {
    const a = matrixLookup(wf.jobs[0]!)!;
    expect(a(['cmd'])).toEqual(['npm test', 'make', 'npm publish']);
    expect(a(['cfg', 'run'])).toEqual(['x']);
    expect(a(['missing'])).toBeUndefined();
  });
  it('a matrix computed by an expression can hold what the expression yields', () => {
    expect(matrixLookup(wf.jobs[1]!)!(['anything'])).toEqual([
      '${{ fromJSON(needs.plan.outputs.m) }}',
    ]);
  });
});
