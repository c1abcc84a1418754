/**
 * Follows a step's script into the repository files it runs — package scripts (with their
 * lifecycle scripts), make targets (prerequisites first), just recipes, shell scripts — and
 * classifies their commands with the same classifier as `run:`. Every command found is
 * located in its own file with the chain that reached it (step → script → command); what
 * cannot be followed (a missing or unread file, a file outside the repository, `curl … | sh`,
 * the depth cap) is an opaque finding with why. Pure: files come from the repository
 * snapshot; a file the snapshot has not looked up is reported in `wanted` for the adapter.
 */
import type { SourceLocation } from '../../errors.js';
import { classifyCommands, type ClassifyOptions, type CommandHit } from '../commands.js';
import { displayPath, REPO_FILE_PATHS, type RepoSnapshot } from '../repo-snapshot.js';
import type { ChainLink } from '../types.js';
import { splitCommands, type SimpleCommand } from '../shell.js';
import type { RuntimeDir } from './runtime-dirs.js';
import { findScriptCalls, type ScriptCall } from './script-calls.js';
import {
  parseScriptFile,
  type ScriptEntry,
  type ScriptFile,
  type ScriptFileKind,
} from './script-files.js';

/** Files deep: step → script → script → … ; beyond it the rest is opaque. */
export const MAX_SCRIPT_DEPTH = 4;

export interface TracedHit {
  readonly hit: CommandHit;
  readonly at: SourceLocation;
  /** `step 2 (Release) → npm run release → package.json:5 release`. */
  readonly chain: string;
  /** The same chain as located links (step → command → script → … → command). */
  readonly links: readonly ChainLink[];
}

export interface TracedOpaque {
  readonly why: string;
  readonly at: SourceLocation;
  readonly chain: string;
  readonly links: readonly ChainLink[];
}

export interface ScriptTrace {
  readonly hits: readonly TracedHit[];
  readonly opaque: readonly TracedOpaque[];
  /** The shell text of every entry followed, for agent detection. */
  readonly texts: readonly {
    readonly text: string;
    readonly at: SourceLocation;
    readonly chain: string;
  }[];
  /** Repository paths the snapshot has not looked up (the adapter reads them and retries). */
  readonly wanted: readonly string[];
}

export interface TraceInput {
  readonly commands: readonly SimpleCommand[];
  readonly text: string;
  /** The step's working directory, repository-relative; undefined when computed at run time. */
  readonly dir: string | undefined;
  readonly repo: RepoSnapshot;
  /** Locates a position of the step's own script in the workflow. */
  readonly locate: (line: number, column: number) => SourceLocation;
  /** `step 2 (Release)`. */
  readonly label: string;
  /** Where the step's script is (the first link of every chain). */
  readonly stepAt: SourceLocation;
  readonly classify: ClassifyOptions;
  /** Runtime directories of catalogued actions run before this step (runtime-dirs.ts). */
  readonly runtime?: readonly RuntimeDir[];
}

type Lookup =
  | { readonly state: 'found'; readonly file: ScriptFile }
  | { readonly state: 'absent' | 'unknown' }
  | { readonly state: 'unread'; readonly why: string };

interface Analysed {
  readonly hits: readonly CommandHit[];
  readonly calls: readonly ScriptCall[];
  readonly truncated: boolean;
  readonly text: string;
}

const analysedByEntry = new WeakMap<ScriptEntry, Map<string, Analysed>>();

export function traceScripts(input: TraceInput): ScriptTrace {
  const hits: TracedHit[] = [];
  const opaque: TracedOpaque[] = [];
  const texts: { text: string; at: SourceLocation; chain: string }[] = [];
  const wanted = new Set<string>();
  const visited = new Set<string>();
  const { repo } = input;
  const where = (path: string, line: number, column: number): SourceLocation => ({
    path: displayPath(repo, path),
    line,
    column,
  });

  const lookup = (path: string, kind: ScriptFileKind): Lookup => {
    const text = repo.files.get(path);
    if (text !== undefined) return { state: 'found', file: parseScriptFile(kind, text) };
    if (repo.unread?.includes(path))
      return {
        state: 'unread',
        why: 'could not be read (a link out of the repository, too large, or unreadable)',
      };
    if (repo.absent?.has(path)) return { state: 'absent' };
    // No repository at all (a workflow evaluated on its own): the file cannot be followed, so
    // the call is an opaque path like any other unread file — never a silent pass.
    if (!repo.complete)
      return {
        state: 'unread',
        why: 'cannot be read: no repository was given (scan the checkout, not the workflow file alone)',
      };
    if (REPO_FILE_PATHS.includes(path)) return { state: 'absent' };
    wanted.add(path);
    return { state: 'unknown' };
  };

  const visit = (
    calls: readonly ScriptCall[],
    locate: (line: number, column: number) => SourceLocation,
    chain: string,
    links: readonly ChainLink[],
    depth: number,
  ): void => {
    for (const call of calls) {
      const at = locate(call.line, call.column);
      const here = `${chain} → \`${call.command}\``;
      const hereLinks: ChainLink[] = [...links, { kind: 'command', name: call.command, at }];
      const hide = (why: string): void => {
        opaque.push({ why, at, chain: here, links: hereLinks });
      };
      if (call.kind === 'opaque') {
        hide(call.why);
        continue;
      }
      if (depth >= MAX_SCRIPT_DEPTH) {
        hide(`the indirection depth cap (${MAX_SCRIPT_DEPTH} files) is reached`);
        continue;
      }
      const candidates =
        call.kind === 'package-script' || call.kind === 'shell-file' ? [call.file] : call.files;
      const kind: ScriptFileKind =
        call.kind === 'package-script'
          ? 'package-json'
          : call.kind === 'make'
            ? 'makefile'
            : call.kind === 'just'
              ? 'justfile'
              : 'shell';
      let found: { path: string; file: ScriptFile } | undefined;
      let problem: string | undefined;
      for (const path of candidates) {
        const l = lookup(path, kind);
        if (l.state === 'found') {
          found = { path, file: l.file };
          break;
        }
        if (l.state === 'unknown') problem ??= `${path} was not read`;
        if (l.state === 'unread') problem ??= `${path} ${l.why}`;
      }
      if (!found && call.kind === 'package-script' && call.optional && !problem) continue;
      if (!found) {
        hide(problem ?? `${candidates.join(' / ')} is not in the repository at this commit`);
        continue;
      }
      const { path, file } = found;
      if (file.problem) {
        hide(`${path}: ${file.problem}`);
        continue;
      }
      const names =
        call.kind === 'package-script'
          ? call.scripts.filter((s) => file.entries.has(s))
          : call.kind === 'shell-file'
            ? ['']
            : call.targets.length > 0
              ? call.targets
              : file.defaultEntry === undefined
                ? []
                : [file.defaultEntry];
      if (
        call.kind === 'package-script' &&
        call.named !== undefined &&
        !file.entries.has(call.named)
      )
        continue; // `npm run missing` fails: nothing runs
      const dir = kind === 'shell' ? call.dir : dirOf(path);
      const order: string[] = [];
      const seen = new Set<string>();
      const add = (name: string, level: number): void => {
        if (seen.has(name) || level > 32) return;
        seen.add(name);
        for (const dep of file.entries.get(name)?.before ?? [])
          if (file.entries.has(dep)) add(dep, level + 1);
        order.push(name);
      };
      for (const n of names) {
        if (!file.entries.has(n)) {
          if (kind === 'makefile' || kind === 'justfile')
            hide(
              `${kind === 'makefile' ? 'target' : 'recipe'} \`${n}\` is not defined in ${path}${file.includes ? ' (it may come from an included file)' : ''}`,
            );
          continue;
        }
        add(n, 0);
      }
      for (const name of order) {
        const entry = file.entries.get(name);
        if (!entry) continue;
        const key = `${path}\0${name}\0${dir ?? ''}`;
        if (visited.has(key)) continue;
        visited.add(key);
        const entryChain =
          kind === 'shell' ? `${here} → ${path}` : `${here} → ${path}:${entry.line} \`${name}\``;
        const entryAt = where(path, entry.line, 1);
        const entryLinks: ChainLink[] = [
          ...hereLinks,
          { kind: 'script', name: kind === 'shell' ? path : `${path} ${name}`, at: entryAt },
        ];
        if (entry.problem) {
          opaque.push({ why: entry.problem, at: entryAt, chain: entryChain, links: entryLinks });
          continue;
        }
        const analysed = analyse(entry, dir, input.classify);
        const map = (line: number, column: number): SourceLocation => {
          const l = entry.lines[Math.min(line, entry.lines.length) - 1];
          return l ? where(path, l.line, l.column + column - 1) : where(path, entry.line, 1);
        };
        texts.push({ text: analysed.text, at: where(path, entry.line, 1), chain: entryChain });
        for (const hit of analysed.hits) {
          const hitAt = map(hit.line, hit.column);
          hits.push({
            hit,
            at: hitAt,
            chain: entryChain,
            links: [...entryLinks, { kind: 'command', name: hit.command, at: hitAt }],
          });
        }
        if (analysed.truncated)
          opaque.push({
            why: `${path}: too large or complex to analyse`,
            at: entryAt,
            chain: entryChain,
            links: entryLinks,
          });
        visit(analysed.calls, map, entryChain, entryLinks, depth + 1);
      }
    }
  };

  const top = findScriptCalls(input.commands, {
    dir: input.dir,
    text: input.text,
    ...(input.runtime ? { runtime: input.runtime } : {}),
  });
  visit(top, input.locate, input.label, [{ kind: 'step', name: input.label, at: input.stepAt }], 0);
  return { hits, opaque, texts, wanted: [...wanted] };
}

function analyse(entry: ScriptEntry, dir: string | undefined, options: ClassifyOptions): Analysed {
  let byDir = analysedByEntry.get(entry);
  if (!byDir) {
    byDir = new Map();
    analysedByEntry.set(entry, byDir);
  }
  const key = `${dir ?? '\0'}\0${options.defaultBranch ?? ''}`;
  const cached = byDir.get(key);
  if (cached) return cached;
  const text = entry.lines.map((l) => l.text).join('\n');
  const { commands, truncated } = splitCommands(text);
  const result: Analysed = {
    hits: classifyCommands(commands, options).filter((h) => h.class !== 'untrusted-checkout'),
    calls: findScriptCalls(commands, { dir, text }),
    truncated,
    text,
  };
  byDir.set(key, result);
  return result;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
