// node scripts/release-check.mjs <version>: is this commit ready to be tagged v<version>?
// Checks, never tags or pushes (RELEASING.md): a clean tree, one version everywhere, a
// CHANGELOG section, dist/ equal to a fresh build, and a packed tarball whose bin runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const version = process.argv[2];
const problems = [];
if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
  console.error('usage: node scripts/release-check.mjs 0.x.y');
  process.exit(2);
}
const run = (cmd, args, options = {}) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...options });

if (run('git', ['status', '--porcelain']).trim() !== '')
  problems.push('the working tree is not clean');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
if (pkg.version !== version) problems.push(`package.json version is ${pkg.version}`);
if (pkg.private) problems.push('package.json is private');
const tool = /TOOL_VERSION = '([^']+)'/.exec(readFileSync('src/engine/version.ts', 'utf8'))?.[1];
if (tool !== version) problems.push(`src/engine/version.ts TOOL_VERSION is ${tool}`);
if (!readFileSync('CHANGELOG.md', 'utf8').includes(`## [${version}]`))
  problems.push(`CHANGELOG.md has no "## [${version}]" section`);

run(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (run('git', ['status', '--porcelain', '--', 'dist']).trim() !== '')
  problems.push('dist/ differs from a fresh build (commit the rebuilt dist/)');

const dir = mkdtempSync(join(tmpdir(), 'agent-gate-release-'));
try {
  const tarball = run('npm', ['pack', '--silent', '--pack-destination', dir])
    .trim()
    .split('\n')
    .at(-1);
  run('tar', ['xzf', join(dir, tarball), '-C', dir]);
  const bin = JSON.parse(readFileSync(join(dir, 'package', 'package.json'), 'utf8')).bin[
    'agent-gate'
  ];
  const shown = run(process.execPath, [join(dir, 'package', bin), '--version'], {
    cwd: dir,
  }).trim();
  if (shown !== version) problems.push(`the packed bin prints ${shown}`);
} catch (error) {
  problems.push(`the packed tarball does not run: ${error.message}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`not ready to tag v${version}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`ready: tag this commit v${version} and move v${version.split('.')[0]} (RELEASING.md)`);
