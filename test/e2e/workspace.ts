/**
 * Files for the e2e runs: temp directories (removed in afterAll), git workspaces with
 * deterministic commits, and the repository's example workflows.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir as helperTempDir } from '../helpers.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const created: string[] = [];
/** A temp dir that `removeTempDirs` deletes (test/helpers' tempDir leaves its dirs behind). */
export function tempDir(prefix: string): string {
  const dir = helperTempDir(prefix);
  created.push(dir);
  return dir;
}

/** Deletes every temp dir made so far; call it in afterAll. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// No global or system config (hooks, signing, templates) and fixed dates: same files, same SHA.
const GIT_ENV = {
  PATH: process.env.PATH,
  HOME: '/nonexistent',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};

function git(dir: string, args: string[]): string {
  const identity = ['-c', 'user.name=E2E', '-c', 'user.email=e2e@example.com'];
  return execFileSync('git', ['-C', dir, ...identity, '-c', 'commit.gpgsign=false', ...args], {
    env: GIT_ENV,
    encoding: 'utf8',
  }).trim();
}

/** Writes files (paths relative to `dir`) without committing them. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Writes and commits files in an existing git workspace; returns the new commit's SHA. */
export function commitFiles(dir: string, files: Readonly<Record<string, string>>): string {
  writeFiles(dir, files);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--allow-empty', '-m', 'e2e']);
  return git(dir, ['rev-parse', 'HEAD']);
}

/** A temp directory holding `files` that is not a git repository. */
export function plainWorkspace(files: Readonly<Record<string, string>>): string {
  const dir = tempDir('agent-gate-e2e-ws-');
  writeFiles(dir, files);
  return dir;
}

/** A temp git repository holding `files` in one commit. */
export function makeWorkspace(files: Readonly<Record<string, string>>): {
  dir: string;
  sha: string;
} {
  const dir = tempDir('agent-gate-e2e-ws-');
  git(dir, ['init', '-q', '-b', 'main']);
  return { dir, sha: commitFiles(dir, files) };
}

/** An example workflow's text (examples/<name>). */
export function example(name: string): string {
  return readFileSync(join(ROOT, 'examples', name), 'utf8');
}

/** 1-based line and column where `needle` first occurs in `text`. */
export function lineOf(text: string, needle: string): { line: number; col: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`${needle} is not in the text`);
  return { line: index + 1, col: lines[index]!.indexOf(needle) + 1 };
}
