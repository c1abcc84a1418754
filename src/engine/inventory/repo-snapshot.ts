/**
 * The repository files the inventory reads besides the workflow — CODEOWNERS and the agent
 * / MCP configuration files — as data the adapters collect (from disk, git or the API).
 * Problems reading them are kept as warnings: never a crash, never a silent skip.
 */
import { CODEOWNERS_LOCATIONS } from './codeowners.js';
import { TOOL_CONFIG_FILES } from './tools/parse-tool-config.js';

export interface RepoSnapshot {
  /** Repository-relative path → text, for the paths in REPO_FILE_PATHS that exist. */
  readonly files: ReadonlyMap<string, string>;
  /** Unreadable files, symlinks not followed, oversized files — with the path. */
  readonly warnings: readonly string[];
  /** Repository paths that exist but could not be read (an agent may still load them). */
  readonly unread?: readonly string[];
  /** Further paths the engine asked for (scripts a step runs) that do not exist. */
  readonly absent?: ReadonlySet<string>;
  /** False when the adapter could not look at the repository at all (then it is a gap). */
  readonly complete: boolean;
  /** How locations name the repository root ('' when paths are already repo-relative). */
  readonly root: string;
}

export const EMPTY_SNAPSHOT: RepoSnapshot = {
  files: new Map(),
  warnings: [],
  complete: false,
  root: '',
};

/** A repository path as locations show it (joined to the root the adapter read from). */
export function displayPath(repo: RepoSnapshot, path: string): string {
  return repo.root === '' || repo.root === '.' ? path : `${repo.root.replace(/\/+$/, '')}/${path}`;
}

/** Every repository path the inventory may read. */
export const REPO_FILE_PATHS: readonly string[] = [
  ...CODEOWNERS_LOCATIONS,
  ...TOOL_CONFIG_FILES.map((f) => f.path),
];

/** Files larger than this are not read (a warning says so). */
export const MAX_REPO_FILE_BYTES = 1024 * 1024;
