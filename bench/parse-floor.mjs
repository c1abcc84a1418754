// The floor for deciding one job: a bare Node process that imports `yaml` (the project's own
// copy) and parses the workflow once with parseDocument. Usage: node bench/parse-floor.mjs <file>
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/parse-floor.mjs <file>');
  process.exit(2);
}
const doc = parseDocument(readFileSync(file, 'utf8'));
if (doc.errors.length > 0) {
  console.error(`${file}: ${doc.errors[0].message}`);
  process.exit(1);
}
