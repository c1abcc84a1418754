/**
 * Reads the repository files a step's commands run — `package.json` scripts, Makefile and
 * justfile recipes, shell scripts — into entries of shell text, each line mapped back to the
 * file's own line and column so a command found in it is located in that file. Parsed once
 * per file text (cached); never throws: what cannot be read is said in `problem`.
 */
import { lineStarts, positionAt } from '../../workflow/text-position.js';

/** One line of shell text of an entry and where it starts in the file (1-based). */
export interface EntryLine {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** A runnable unit of a file: an npm script, a make target, a just recipe, a whole script. */
export interface ScriptEntry {
  readonly name: string;
  readonly lines: readonly EntryLine[];
  /** Entries of the same file that run first (make prerequisites, just dependencies). */
  readonly before: readonly string[];
  readonly line: number;
  /** Why the entry's text is not shell the classifier can read (a python recipe, …). */
  readonly problem?: string;
}

export type ScriptFileKind = 'package-json' | 'makefile' | 'justfile' | 'shell';

export interface ScriptFile {
  readonly kind: ScriptFileKind;
  readonly entries: ReadonlyMap<string, ScriptEntry>;
  /** The entry run when none is named (make's first target, just's first recipe, a script). */
  readonly defaultEntry: string | undefined;
  /** The file cannot be read as its kind (invalid JSON, not a shell script). */
  readonly problem?: string;
  /** Targets may come from elsewhere (`include`, `import`): a missing one is not "absent". */
  readonly includes: boolean;
}

const cache = new Map<string, ScriptFile>();
const MAX_CACHE = 512;

export function parseScriptFile(kind: ScriptFileKind, text: string): ScriptFile {
  const key = `${kind}\0${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const parsed =
    kind === 'package-json'
      ? parsePackageJson(text)
      : kind === 'makefile'
        ? parseMakefile(text)
        : kind === 'justfile'
          ? parseJustfile(text)
          : parseShellScript(text);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, parsed);
  return parsed;
}

function parsePackageJson(text: string): ScriptFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return broken('package-json', `invalid JSON (${(error as Error).message.slice(0, 120)})`);
  }
  const scripts = (data as { scripts?: unknown } | null)?.scripts;
  const entries = new Map<string, ScriptEntry>();
  if (scripts !== undefined && (typeof scripts !== 'object' || scripts === null))
    return broken('package-json', '`scripts` is not an object');
  const starts = lineStarts(text);
  const scriptsAt = text.search(/"scripts"\s*:/);
  for (const [name, body] of Object.entries((scripts ?? {}) as Record<string, unknown>)) {
    if (typeof body !== 'string') continue;
    // Locate `"name": "` after `"scripts"`; JSON escapes in the name are rare enough to miss.
    const quoted = JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`${quoted}\\s*:\\s*"`, 'g');
    re.lastIndex = Math.max(0, scriptsAt);
    const m = re.exec(text);
    const at = positionAt(starts, m ? m.index + m[0].length : Math.max(0, scriptsAt));
    const lines = body.split('\n').map((t, i) => ({
      text: t,
      line: at.line,
      column: i === 0 ? at.column : 1,
    }));
    entries.set(name, { name, lines, before: [], line: at.line });
  }
  return { kind: 'package-json', entries, defaultEntry: undefined, includes: false };
}

const MAKE_RULE = /^([^\s:#=][^:#=]*?)\s*(::?)(?![=])\s*([^;=]*?)\s*(?:;\s*(.*))?$/;

function parseMakefile(text: string): ScriptFile {
  const raw = text.split('\n');
  const entries = new Map<string, ScriptEntry>();
  let defaultEntry: string | undefined;
  let includes = false;
  let current: { names: string[]; lines: EntryLine[]; before: string[]; line: number } | undefined;
  const flush = (): void => {
    if (!current) return;
    for (const name of current.names) {
      const prev = entries.get(name);
      entries.set(name, {
        name,
        lines: [...(prev?.lines ?? []), ...current.lines],
        before: [...(prev?.before ?? []), ...current.before],
        line: prev?.line ?? current.line,
      });
    }
    current = undefined;
  };
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i] ?? '';
    const lineNo = i + 1;
    // Backslash continuations join physical lines (the joined text keeps the first position).
    while (line.endsWith('\\') && i + 1 < raw.length)
      line = `${line.slice(0, -1)} ${raw[++i] ?? ''}`;
    if (line.startsWith('\t')) {
      if (!current) continue;
      const body = line.slice(1);
      const lead = /^[@+\-\s]*/.exec(body)?.[0].length ?? 0;
      current.lines.push({
        text: body.slice(lead).replace(/\$\$/g, '$'),
        line: lineNo,
        column: 2 + lead,
      });
      continue;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (/^\s*-?s?include\s/.test(line)) includes = true;
    const m = MAKE_RULE.exec(line);
    if (!m || /^(?:ifn?eq|ifn?def|else|endif|define|endef|export|override)\b/.test(line)) {
      flush();
      continue;
    }
    flush();
    const names = (m[1] ?? '').split(/\s+/).filter(Boolean);
    current = {
      names,
      lines: [],
      before: (m[3] ?? '').split(/\s+/).filter((p) => p !== '' && p !== '|'),
      line: lineNo,
    };
    if (m[4]) current.lines.push({ text: m[4], line: lineNo, column: line.indexOf(m[4]) + 1 });
    if (defaultEntry === undefined)
      defaultEntry = names.find((n) => !n.startsWith('.') && !n.includes('%'));
  }
  flush();
  return { kind: 'makefile', entries, defaultEntry, includes };
}

const JUST_RECIPE = /^@?([A-Za-z_][\w-]*)((?:\s+[^:=\s]+)*)\s*:(?!=)\s*(.*)$/;

function parseJustfile(text: string): ScriptFile {
  const raw = text.split('\n');
  const entries = new Map<string, ScriptEntry>();
  let defaultEntry: string | undefined;
  let includes = false;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i] ?? '';
    if (/^(?:import|mod)\b/.test(line)) includes = true;
    const m = JUST_RECIPE.exec(line);
    if (!m || /^\s/.test(line)) continue;
    const name = m[1] ?? '';
    const lines: EntryLine[] = [];
    let j = i + 1;
    for (; j < raw.length; j++) {
      const body = raw[j] ?? '';
      if (body.trim() === '') continue;
      if (!/^\s/.test(body)) break;
      const lead = /^[\s@-]*/.exec(body)?.[0].length ?? 0;
      lines.push({ text: body.slice(lead), line: j + 1, column: lead + 1 });
    }
    const shebang = lines[0]?.text.startsWith('#!') ? lines[0].text : undefined;
    const problem =
      shebang && !/\b(?:ba|z|da|k)?sh\b/.test(shebang)
        ? `recipe \`${name}\` runs ${shebang.slice(0, 60)}, not a shell`
        : undefined;
    const before = (m[3] ?? '').split(/\s+/).filter((d) => /^[A-Za-z_][\w-]*$/.test(d));
    entries.set(name, { name, lines, before, line: i + 1, ...(problem ? { problem } : {}) });
    if (defaultEntry === undefined) defaultEntry = name;
    i = j - 1;
  }
  return { kind: 'justfile', entries, defaultEntry, includes };
}

function parseShellScript(text: string): ScriptFile {
  const first = text.split('\n', 1)[0] ?? '';
  if (first.startsWith('#!') && !/\b(?:ba|z|da|k)?sh\b/.test(first))
    return broken('shell', `runs ${first.slice(0, 60)}, not a shell`);
  const lines = text.split('\n').map((t, i) => ({ text: t, line: i + 1, column: 1 }));
  const entries = new Map([['', { name: '', lines, before: [], line: 1 }]]);
  return { kind: 'shell', entries, defaultEntry: '', includes: false };
}

function broken(kind: ScriptFileKind, problem: string): ScriptFile {
  return { kind, entries: new Map(), defaultEntry: undefined, problem, includes: false };
}
