// The scan's floor: `yaml`'s parseDocument over every workflow of the given repositories
// (the project's own copy of `yaml`), nothing else. Usage: node bench/parse-corpus.mjs <repo> ...
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

let files = 0;
let bytes = 0;
for (const repo of process.argv.slice(2)) {
  const dir = join(repo, '.github', 'workflows');
  let names = [];
  try {
    names = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  } catch {
    continue;
  }
  for (const name of names) {
    const text = readFileSync(join(dir, name), 'utf8');
    parseDocument(text);
    files++;
    bytes += text.length;
  }
}
console.error(`parsed ${files} files, ${bytes} characters`);
