/**
 * The files behind `uses:` references — composite actions and reusable workflows, local and
 * remote — as data the adapters collect: the engine says which files it wants (`wantedFiles`,
 * `gatherActionFiles`), the adapter reads them (scanned directory, actions cache, git, REST),
 * and each file found is parsed here once. A file not read is recorded with why; the
 * inventory turns it into an `opaque` path.
 */
import { normalizeError } from '../../errors.js';
import { buildActionFile, isActionMetadata } from '../../workflow/action-file.js';
import type { ActionFile } from '../../workflow/action-file.js';
import { buildWorkflow } from '../../workflow/build-model.js';
import type { Step, Workflow } from '../../workflow/model.js';
import { parseYamlSource } from '../../workflow/source.js';
import { KNOWN_ACTIONS } from '../known-actions.js';
import { ACTION_TABLE } from '../action-table.js';
import { AGENTS } from '../agent-catalog.js';
import { actionMatches, isLocalUses, parseUses } from '../uses.js';
import { hasExpression } from '../../workflow/expressions/fences.js';
import { usesWithoutRef } from '../../workflow/uses-reference.js';

/** Where a file lives: the repository under evaluation, or another one at a ref. */
export type FileRef =
  | { readonly kind: 'local'; readonly path: string }
  | {
      readonly kind: 'remote';
      /** `owner/repo`. */
      readonly repo: string;
      /** The ref as written (a tag is resolved by the adapter and recorded). */
      readonly ref: string;
      readonly path: string;
    };

/** What the adapter found: the text and the path locations should show, or why not. */
export type FileResult =
  | { readonly text: string; readonly display: string; readonly sha?: string }
  | { readonly missing: string };

export type ParsedFile =
  | { readonly kind: 'action'; readonly action: ActionFile }
  | { readonly kind: 'workflow'; readonly workflow: Workflow }
  | { readonly kind: 'missing'; readonly why: string };

/** Every file the engine asked for, parsed, by `fileKey`. */
export interface ActionFiles {
  readonly files: ReadonlyMap<string, ParsedFile>;
  /** Tags or branches resolved to commit SHAs by the adapter: `owner/repo@v1` → sha. */
  readonly resolved: ReadonlyMap<string, string>;
}

export const EMPTY_ACTION_FILES: ActionFiles = { files: new Map(), resolved: new Map() };

/** How deep indirection is followed (workflow → call → action → action …). */
export const MAX_INDIRECTION_DEPTH = 6;

export type FileReader = (refs: readonly FileRef[]) => Promise<ReadonlyMap<string, FileResult>>;

export function fileKey(ref: FileRef): string {
  return ref.kind === 'local' ? `local:${ref.path}` : `${ref.repo}@${ref.ref}:${ref.path}`;
}

/** The repository a file was read from: local references inside it resolve there. */
export type Origin =
  | { readonly kind: 'local' }
  | { readonly kind: 'remote'; readonly repo: string; readonly ref: string };

/**
 * The candidate files of a `uses:` (an action directory has `action.yml` or `action.yaml`),
 * or none for docker images and references that cannot name a file.
 */
export function candidatesOf(raw: string, jobLevel: boolean, origin: Origin): FileRef[] {
  const uses = parseUses(raw, { jobLevel, step: undefined, at: { path: '', line: 0, column: 0 } });
  if (uses.kind === 'docker') return [];
  if (uses.kind === 'local') {
    const path = normalizeLocal(uses.name);
    if (path === undefined) return [];
    // A reusable workflow's local calls resolve in its own repository; local actions in
    // steps resolve in the workspace (the caller's checkout).
    const at = (p: string): FileRef =>
      jobLevel && origin.kind === 'remote'
        ? { kind: 'remote', repo: origin.repo, ref: origin.ref, path: p }
        : { kind: 'local', path: p };
    return jobLevel ? [at(path)] : actionFileNames(path).map(at);
  }
  if (uses.ref === undefined || hasExpression(raw)) return [];
  const parts = uses.name.split('/');
  if (parts.length < 2 || parts.some((p) => p === '' || p === '.' || p === '..')) return [];
  const repo = `${parts[0]}/${parts[1]}`;
  const sub = parts.slice(2).join('/');
  const remote = (p: string): FileRef => ({ kind: 'remote', repo, ref: uses.ref ?? '', path: p });
  return uses.kind === 'reusable-workflow' ? [remote(sub)] : actionFileNames(sub).map(remote);
}

function actionFileNames(dir: string): string[] {
  const base = dir === '' ? '' : `${dir}/`;
  return [`${base}action.yml`, `${base}action.yaml`];
}

/** `./a/../b/` → `b`; undefined when the path leaves the repository or is computed. */
function normalizeLocal(raw: string): string | undefined {
  if (raw.startsWith('$/') || hasExpression(raw)) return undefined;
  const out: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/**
 * Remote actions known without reading them: the gate's catalogs (publishing / deploy actions,
 * agents) and GitHub's own `actions/*` and `github/*` say what they do. They are not fetched,
 * and an unread one is not opaque.
 */
export function knownRemote(name: string): boolean {
  let known = KNOWN.get(name);
  if (known === undefined) {
    known =
      /^(actions|github)\//i.test(name) ||
      ACTION_TABLE.some((e) => actionMatches(name, e.action)) ||
      KNOWN_ACTIONS.some((e) => actionMatches(name, e.action)) ||
      AGENTS.some((a) => a.entry.uses.some((u) => actionMatches(name, u)));
    if (KNOWN.size < 10_000) KNOWN.set(name, known);
  }
  return known;
}

/** The catalogs are constant: each name is looked up once per process. */
const KNOWN = new Map<string, boolean>();

/** The first candidate that was read, or the last miss (its why). */
export function lookup(
  files: ActionFiles,
  candidates: readonly FileRef[],
): { key: string; ref: FileRef; file: ParsedFile } | undefined {
  let miss: { key: string; ref: FileRef; file: ParsedFile } | undefined;
  for (const ref of candidates) {
    const key = fileKey(ref);
    const file = files.files.get(key);
    if (file === undefined) continue;
    if (file.kind !== 'missing') return { key, ref, file };
    miss ??= { key, ref, file };
  }
  return miss;
}

/** Parses one file the adapter read: action metadata or a workflow, or why it is unusable. */
export function parseFile(ref: FileRef, result: FileResult): ParsedFile {
  if ('missing' in result) return { kind: 'missing', why: result.missing };
  try {
    const source = parseYamlSource(result.display, result.text);
    return isActionMetadata(source.data)
      ? { kind: 'action', action: buildActionFile(source) }
      : { kind: 'workflow', workflow: buildWorkflow(source) };
  } catch (thrown) {
    return {
      kind: 'missing',
      why: `${fileKey(ref)} cannot be parsed: ${normalizeError(thrown).message}`,
    };
  }
}

/** The `uses:` references of a parsed file, with the origin their local refs resolve in. */
function usesOf(file: ParsedFile): { raw: string; jobLevel: boolean }[] {
  if (file.kind === 'action') return stepUses(file.action.steps);
  if (file.kind === 'workflow') return usesOfWorkflow(file.workflow);
  return [];
}

function usesOfWorkflow(workflow: Workflow): { raw: string; jobLevel: boolean }[] {
  return workflow.jobs.flatMap((job) => [
    ...(job.uses ? [{ raw: job.uses, jobLevel: true }] : []),
    ...stepUses(job.steps),
  ]);
}

/** Step `uses:` worth reading: local actions, and remote ones the catalogs do not know. */
function stepUses(steps: readonly Step[]): { raw: string; jobLevel: boolean }[] {
  return steps.flatMap((s) => {
    if (!s.uses || !s.usesRef) return [];
    const known = !isLocalUses(s.uses) && knownRemote(usesWithoutRef(s.usesRef));
    return known ? [] : [{ raw: s.uses, jobLevel: false }];
  });
}

function originOf(ref: FileRef): Origin {
  return ref.kind === 'local'
    ? { kind: 'local' }
    : { kind: 'remote', repo: ref.repo, ref: ref.ref };
}

/**
 * Asks the adapter for every file the roots reach through `uses:`, round by round (each round
 * one level deeper, up to the depth cap), and parses each file once.
 */
export async function gatherActionFiles(
  roots: readonly (Workflow | ActionFile)[],
  read: FileReader,
  resolved: ReadonlyMap<string, string> = new Map(),
  /** Files already read and parsed for other roots of the same repository (scan). */
  cache: Map<string, ParsedFile> = new Map(),
): Promise<ActionFiles> {
  const files = new Map<string, ParsedFile>();
  let wanted = roots.flatMap((root) =>
    ('jobs' in root ? usesOfWorkflow(root) : usesOf({ kind: 'action', action: root })).flatMap(
      (u) => candidatesOf(u.raw, u.jobLevel, { kind: 'local' }),
    ),
  );
  for (let depth = 0; depth < MAX_INDIRECTION_DEPTH && wanted.length > 0; depth++) {
    const next = dedupe(wanted.filter((r) => !files.has(fileKey(r))));
    if (next.length === 0) break;
    const batch = next.filter((r) => !cache.has(fileKey(r)));
    const results = batch.length > 0 ? await read(batch) : new Map<string, FileResult>();
    wanted = [];
    for (const ref of next) {
      const key = fileKey(ref);
      const parsed = cache.get(key) ?? parseFile(ref, results.get(key) ?? { missing: 'not read' });
      cache.set(key, parsed);
      files.set(key, parsed);
      for (const u of usesOf(parsed))
        wanted.push(...candidatesOf(u.raw, u.jobLevel, originOf(ref)));
    }
  }
  return { files, resolved };
}

function dedupe(refs: readonly FileRef[]): FileRef[] {
  const seen = new Map<string, FileRef>();
  for (const r of refs) seen.set(fileKey(r), r);
  return [...seen.values()];
}
