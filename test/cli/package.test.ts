/**
 * Issue 12 items 12–13 through the real bundle: the package as npm packs it runs as
 * `agent-gate` from the extracted tarball with no node_modules (what `npx agent-gate` runs),
 * and a reader that closes the pipe early (`scan … | head`) ends the run quietly with the
 * decision's exit code. Needs `npm run build` first (dist/cli).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

const ROOT = resolve('.');

describe('the packed package', () => {
  it('is publishable and its bin runs from the tarball alone (no node_modules)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      private?: boolean;
      version: string;
      bin: Record<string, string>;
      files: string[];
      dependencies?: Record<string, string>;
    };
    expect(pkg.private).toBeUndefined();
    expect(pkg.dependencies ?? {}).toEqual({});
    const dir = tempDir('agent-gate-pack-');
    const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .at(-1)!;
    execFileSync('tar', ['xzf', join(dir, name), '-C', dir]);
    const listed = execFileSync('tar', ['tzf', join(dir, name)], { encoding: 'utf8' });
    expect(listed).toMatch(/^package\/dist\/cli\/index\.js$/m);
    expect(listed).toMatch(/^package\/CHANGELOG\.md$/m);
    expect(listed).not.toMatch(/^package\/(src|test|dist\/action)\//m);
    expect(existsSync(join(dir, 'package', 'node_modules'))).toBe(false);

    const bin = join(dir, 'package', pkg.bin['agent-gate']!);
    const version = spawnSync(process.execPath, [bin, '--version'], { cwd: dir, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(pkg.version);
    expect(version.status).toBe(0);

    // A repository elsewhere, scanned by the packed CLI: the same exit codes as in-tree.
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
    cpSync('examples/release.yml', join(repo, '.github', 'workflows', 'release.yml'));
    const scan = spawnSync(process.execPath, [bin, 'scan', repo, '-q'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(scan.status).toBe(3);
    expect(scan.stderr).toBe('');
    const bad = spawnSync(process.execPath, [bin, 'scan', join(dir, 'nothing-here')], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
  });
});

describe('EPIPE', () => {
  it('`evaluate … | head -c 10` exits quietly with the decision’s code', () => {
    const dir = tempDir();
    let text = 'on: push\npermissions: {}\njobs:\n';
    for (let i = 0; i < 400; i++)
      text += `  j${i}:\n    runs-on: x\n    steps:\n      - run: make test\n`;
    writeFileSync(join(dir, 'big.yml'), text);
    // The report (megabytes of JSON) is far larger than a pipe buffer: head closes it early.
    const r = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" dist/cli/index.js evaluate "${join(dir, 'big.yml')}" -f json 2>"${join(dir, 'err')}" | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stdout.trim()).toBe('0');
    expect(readFileSync(join(dir, 'err'), 'utf8')).toBe('');
  });
});
