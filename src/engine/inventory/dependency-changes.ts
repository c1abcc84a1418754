/**
 * New dependencies in a pull request, read from the file patches the REST API lists
 * (`GET /repos/{o}/{r}/pulls/{n}/files`). A dependency is new when a `+` line declares a name
 * that no `-` or context line of the same file declares, so bumps and moves are not new.
 * Patches show only a few lines around each change, so the section a line sits in is
 * tracked from what the hunk shows; when it cannot be told, the line is counted and a note
 * says so. A manifest without a patch is reported as unknown: no patch is not "no change".
 * Lockfiles are ignored. Pure: data in, data out.
 */
import { hasExpression } from '../workflow/expressions/fences.js';
export type Ecosystem =
  'npm' | 'pypi' | 'go' | 'cargo' | 'rubygems' | 'composer' | 'maven' | 'github-actions';

export interface PullRequestFile {
  readonly filename: string;
  /** 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged' */
  readonly status: string;
  /** Unified diff hunks; the API leaves it out for large or binary files. */
  readonly patch?: string | undefined;
}

export interface NewDependency {
  readonly file: string;
  readonly ecosystem: Ecosystem;
  readonly name: string;
  /** The requirement as written (`^1.2.0`, `>=2,<3`, `v1.4.0`, `v4`), when there is one. */
  readonly version: string | undefined;
  /** Line in the new file. */
  readonly line: number | undefined;
  /** Set when the section could not be told from the hunk and the line was counted anyway. */
  readonly note?: string;
}

export interface DependencyChanges {
  readonly added: NewDependency[];
  readonly unknown: { file: string; reason: string }[];
}

interface Line {
  readonly sign: ' ' | '+' | '-';
  readonly text: string;
  readonly newLine: number | undefined;
}
/** A declaration found in one view of a hunk; `at` indexes that view. */
interface Found {
  readonly name: string;
  readonly version: string | undefined;
  readonly at: number;
  readonly note?: string;
}
type Extract = (view: readonly Line[]) => Found[];

const GUESSED = 'the hunk does not show which section this line is in; counted as a dependency';

export function dependencyChanges(files: readonly PullRequestFile[]): DependencyChanges {
  const added: NewDependency[] = [];
  const unknown: { file: string; reason: string }[] = [];
  const list: readonly (Partial<PullRequestFile> | null)[] = Array.isArray(files) ? files : [];
  for (const f of list) {
    const file = typeof f?.filename === 'string' ? f.filename : '';
    const format = formatOf(file);
    if (!f || !format || f.status === 'removed' || f.status === 'unchanged') continue;
    if (typeof f.patch !== 'string') {
      const reason = 'the API gave no patch (a large or binary file, or a pure rename)';
      unknown.push({ file, reason: `${reason}: its new dependencies cannot be read` });
      continue;
    }
    try {
      const hunks = parseHunks(f.patch);
      if (hunks.length === 0 && f.patch.trim() !== '') {
        unknown.push({ file, reason: 'the patch has no hunk header' });
      }
      added.push(...newIn(file, format, hunks));
    } catch (e) {
      // A safety net only: the gate must see "could not tell", never a crash or a silent pass.
      unknown.push({ file, reason: `could not be read: ${e instanceof Error ? e.message : '?'}` });
    }
  }
  return { added, unknown };
}

function newIn(file: string, [ecosystem, extract]: Format, hunks: Line[][]): NewDependency[] {
  const key = (name: string): string =>
    ecosystem === 'pypi' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name.toLowerCase();
  const before = new Set<string>();
  const candidates: NewDependency[] = [];
  for (const hunk of hunks) {
    for (const d of extract(hunk.filter((l) => l.sign !== '+'))) before.add(key(d.name));
    const view = hunk.filter((l) => l.sign !== '-');
    for (const { name, version, at, note } of extract(view)) {
      const line = view[at];
      if (line?.sign !== '+') continue;
      const dep = { file, ecosystem, name, version, line: line.newLine };
      candidates.push(note ? { ...dep, note } : dep);
    }
  }
  // Declared on a `-` or context line somewhere in the file: a bump or a move, not new.
  const seen = new Set(before);
  return candidates.filter((d) => !seen.has(key(d.name)) && Boolean(seen.add(key(d.name))));
}

/** Hunks of a unified diff; the header's function context becomes a leading context line. */
function parseHunks(patch: string): Line[][] {
  const hunks: Line[][] = [];
  let hunk: Line[] | undefined;
  let next = 0;
  for (const text of patch.split(/\r?\n/)) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@ ?(.*)$/.exec(text);
    if (header) {
      next = Number(header[1]);
      hunk = header[2] ? [{ sign: ' ', text: header[2], newLine: undefined }] : [];
      hunks.push(hunk);
    } else if (hunk && !text.startsWith('\\')) {
      const sign = text.startsWith('+') ? '+' : text.startsWith('-') ? '-' : ' ';
      const body = /^[ +-]/.test(text) ? text.slice(1) : text;
      hunk.push({ sign, text: body, newLine: sign === '-' ? undefined : next++ });
    }
  }
  return hunks;
}

type Format = readonly [Ecosystem, Extract];

function formatOf(path: string): Format | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === 'package.json') return ['npm', json(NPM_SECTIONS, npmEntry)];
  if (base === 'composer.json') return ['composer', json(COMPOSER_SECTIONS, composerEntry)];
  if (/^requirements.*\.txt$/.test(base) || /(^|\/)requirements\/[^/]+\.txt$/.test(path)) {
    return ['pypi', lineByLine(requirement)];
  }
  if (base === 'pyproject.toml') return ['pypi', toml(PYPROJECT)];
  if (base === 'Cargo.toml') return ['cargo', toml(CARGO)];
  if (base === 'go.mod') return ['go', goMod];
  if (base === 'Gemfile' || base === 'gems.rb') return ['rubygems', lineByLine(gem)];
  if (base === 'pom.xml') return ['maven', pom];
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) || /^action\.ya?ml$/.test(base)) {
    return ['github-actions', lineByLine(uses)];
  }
  return undefined;
}

type Entry = Omit<Found, 'at'>;
const lineByLine =
  (parse: (text: string) => Entry | undefined): Extract =>
  (view) =>
    view.flatMap(({ text }, at) => [parse(text)].flatMap((e) => (e ? [{ ...e, at }] : [])));

/** Strips a `#` comment that is not inside quotes. */
function uncomment(text: string, marker = '#'): string {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) quote = ch === quote ? '' : quote;
    else if (ch === '"' || ch === "'") quote = ch;
    else if (text.startsWith(marker, i)) return text.slice(0, i);
  }
  return text;
}

// --- JSON manifests: package.json, composer.json -------------------------------------------

const NPM_SECTIONS = /^(dependencies|devDependencies|optionalDependencies|peerDependencies)$/;
const COMPOSER_SECTIONS = /^require(-dev)?$/;
/** Top-level string fields of package.json, which a guess must not take for dependencies. */
const NPM_FIELDS =
  /^(name|version|description|main|module|types|typings|type|license|author|homepage|packageManager|browser)$/;
/** Guessing, only what could be an npm name and spec (not `"lint:fix": "eslint --fix ."`). */
const npmEntry = (name: string, spec: string, guessed: boolean): boolean =>
  !guessed ||
  (/^(@[\w~-][\w.~-]*\/)?[\w~-][\w.~-]*$/.test(name) && !/\s/.test(spec) && !NPM_FIELDS.test(name));
/** Platform requirements (`php`, `ext-json`, `lib-icu`) have no vendor: not packages. */
const composerEntry = (name: string): boolean => name.includes('/');
const UNKNOWN = '\0unknown';

type Accept = (name: string, spec: string, guessed: boolean) => boolean;
function json(sections: RegExp, accept: Accept): Extract {
  return (view) => {
    const stack = [UNKNOWN];
    const found: Found[] = [];
    view.forEach(({ text }, at) => {
      const t = text.trim();
      const entry = /^"((?:[^"\\]|\\.)*)"\s*:\s*(.*)$/.exec(t);
      const rest = entry?.[2] ?? t;
      const strippedRest = rest.replace(/"(?:[^"\\]|\\.)*"/g, '""');
      const opens = /^[[{]/.test(rest) && !/^[[{].*[\]}]/.test(strippedRest);
      // A bare `{` is the root object or an object in an array: known, not a section.
      if (opens) stack.push(entry?.[1] ?? '');
      else if (/^[\]}]/.test(t)) {
        stack.pop();
        if (stack.length === 0) stack.push(UNKNOWN); // left an object we never saw open
      } else if (entry?.[1] && rest.startsWith('"')) {
        const name = entry[1];
        const spec = /^"((?:[^"\\]|\\.)*)"/.exec(rest)?.[1] ?? '';
        const top = stack[stack.length - 1] ?? UNKNOWN;
        const guessed = top === UNKNOWN;
        if ((guessed || sections.test(top)) && accept(name, spec, guessed)) {
          found.push({ name, version: spec || undefined, at, ...(guessed && { note: GUESSED }) });
        }
      }
    });
    return found;
  };
}

// --- Python: requirements files and PEP 508 strings ----------------------------------------

/** One PEP 508 requirement, or a URL requirement (`git+https://…#egg=name`). */
function requirement(text: string): Entry | undefined {
  // pip: `#` starts a comment only after whitespace, so `…#egg=name` survives.
  const t = text
    .replace(/(^|\s)#.*$/, '')
    .trim()
    .replace(/\s+--\S.*$|\s*\\$/, '');
  const url = /^(?:(?:-e|--editable)[=\s]\s*)?((?:git|hg|svn|bzr)\+\S+|https?:\/\/\S+)$/.exec(t);
  if (url?.[1]) {
    return { name: /#egg=([\w.-]+)/.exec(url[1])?.[1] ?? url[1], version: undefined };
  }
  const m = /^([A-Za-z0-9](?:[\w.-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*([<>=!~@(;,].*)?$/.exec(t);
  if (!m?.[1]) return undefined;
  const spec = (m[2] ?? '').split(';')[0]?.replace(/^@\s*/, '').trim();
  return { name: m[1], version: spec || undefined };
}

// --- TOML manifests: pyproject.toml, Cargo.toml --------------------------------------------

interface TomlFormat {
  /** Tables whose `name = spec` entries are dependencies. */
  readonly table: RegExp;
  /** Tables that declare one dependency each (`[dependencies.serde]`): group 1 is its name. */
  readonly perDependency?: RegExp;
  /** Arrays of PEP 508 strings that are dependencies. */
  readonly array?: (table: string | undefined, key: string) => boolean;
}
const PYPROJECT: TomlFormat = {
  table: /^tool\.poetry\.(?:dev-dependencies|dependencies|group\.[^.]+\.dependencies)$/,
  // [project] dependencies, uv `dev-dependencies`, hatch `extra-dependencies`, build requires,
  // and every array of the extras / dependency-group tables.
  array: (table, key) =>
    table === undefined ||
    /(^|-)dependencies$/.test(key) ||
    (table === 'build-system' && key === 'requires') ||
    /^(project\.optional-dependencies|dependency-groups|tool\.pdm\.dev-dependencies)$/.test(table),
};
const CARGO: TomlFormat = {
  table: /(?:^|\.)(?:dev-|build-)?dependencies$/,
  perDependency: /(?:^|\.)(?:dev-|build-)?dependencies\.([^.]+)$/,
};
/** Keys outside dependency tables whose values look like versions. */
const NOT_DEPENDENCIES =
  /^(name|version|edition|rust-version|resolver|(requires-|target-)?python)$/;

function toml(format: TomlFormat): Extract {
  return (view) => {
    let table: string | undefined; // undefined: not shown in the hunk
    let array: string | null | undefined; // null: not in an array; undefined: maybe, unseen
    const found: Found[] = [];
    const items = (text: string, at: number, key: string | undefined): void => {
      if (!format.array || (key !== undefined && !format.array(table, key))) return;
      const guessed = key === undefined || (table === undefined && !key.endsWith('dependencies'));
      for (const [, double, single] of text.matchAll(/"([^"]*)"|'([^']*)'/g)) {
        const req = requirement(double ?? single ?? '');
        if (req) found.push({ ...req, at, ...(guessed && { note: GUESSED }) });
      }
    };
    view.forEach(({ text }, at) => {
      const t = uncomment(text).trim();
      const header = /^\[\[?\s*([^\]]+?)\s*\]\]?$/.exec(t);
      const kv = /^((?:[\w-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[\w-]+|"[^"]*"))*)\s*=\s*(.*)$/.exec(t);
      if (header?.[1]) {
        table = header[1].replace(/["'\s]/g, '');
        array = null;
        const one = format.perDependency?.exec(table)?.[1];
        if (one) found.push({ name: one, version: undefined, at });
      } else if (kv?.[1] !== undefined && kv[2] !== undefined) {
        const [first = '', ...dotted] = kv[1]
          .split('.')
          .map((s) => s.trim().replace(/^["']|["']$/g, ''));
        const value = kv[2];
        const closed = value.replace(/"[^"]*"|'[^']*'/g, '').includes(']');
        array = value.startsWith('[') && !closed ? first : null;
        if (value.startsWith('[')) return items(value, at, first);
        const version =
          /^["']([^"']*)["']/.exec(value)?.[1] ??
          /\bversion\s*=\s*["']([^"']*)["']/.exec(value)?.[1];
        if (table !== undefined && format.table.test(table)) {
          if (first !== 'python') found.push({ name: first, version, at });
        } else if (table === undefined && !NOT_DEPENDENCIES.test(first)) {
          const looksLikeDependency =
            /^(workspace|version|git|path)$/.test(dotted[0] ?? '') ||
            /^["'][\^~=<>*\d]/.test(value) ||
            /^\{.*\b(version|git|path|workspace)\s*=/.test(value);
          if (looksLikeDependency) found.push({ name: first, version, at, note: GUESSED });
        }
      } else if (t.startsWith(']')) array = null;
      else if (/^["']/.test(t) && array !== null) items(t, at, array);
    });
    return found;
  };
}

// --- go.mod, Gemfile, pom.xml, workflow `uses:` --------------------------------------------

const goMod: Extract = (view) => {
  let block: string | null | undefined; // undefined: maybe inside a block the hunk does not show
  const found: Found[] = [];
  view.forEach(({ text }, at) => {
    const t = uncomment(text, '//').trim();
    const opener = /^(\w+)\s*\($/.exec(t);
    const single = /^require\s+(\S+)\s+(v\S+)$/.exec(t);
    const inBlock = /^(\S+)\s+(v[\w.+-]+)$/.exec(t);
    if (opener) block = opener[1] ?? null;
    else if (t === ')') block = null;
    else if (single?.[1]) found.push({ name: single[1], version: single[2], at });
    else if (/^(module|go|toolchain|replace|exclude|retract|tool|godebug)\b/.test(t)) block = null;
    else if (inBlock?.[1] && (block === 'require' || block === undefined)) {
      const dep = { name: inBlock[1], version: inBlock[2], at };
      found.push(block === undefined ? { ...dep, note: GUESSED } : dep);
    }
  });
  return found;
};

function gem(text: string): Entry | undefined {
  const m = /^\s*gem\s*\(?\s*(["'])([^"']+)\1(.*)$/.exec(uncomment(text));
  if (!m?.[2]) return undefined;
  const constraints = [...(m[3] ?? '').matchAll(/["']([~<>=!]*\s*\d[^"']*)["']/g)].map((c) => c[1]);
  return { name: m[2], version: constraints.join(', ') || undefined };
}

const POM_TAGS =
  /<(\/?)(dependency|exclusion|plugin|parent|extension|project)\b[^>]*>|<(groupId|artifactId|version)>\s*([^<]*?)\s*<\//g;

/** `<artifactId>` inside `<dependency>` (not `<exclusion>`, `<plugin>`, `<parent>`). */
const pom: Extract = (view) => {
  const found: Found[] = [];
  let kind: 'dependency' | 'other' | undefined; // undefined: the opening tag is not shown
  let inExclusion = false;
  let ids = new Map<string, { value: string; at: number }>();
  const flush = (isDependency: boolean, note?: string): void => {
    const artifact = ids.get('artifactId');
    if (isDependency && artifact) {
      const group = ids.get('groupId')?.value;
      const name = group ? `${group}:${artifact.value}` : artifact.value;
      const dep = { name, version: ids.get('version')?.value, at: artifact.at };
      found.push(note ? { ...dep, note } : dep);
    }
    ids = new Map();
  };
  view.forEach(({ text }, at) => {
    for (const [, close, element, id, value = ''] of text.matchAll(POM_TAGS)) {
      if (id) {
        if (!inExclusion) ids.set(id, { value, at });
      } else if (element === 'exclusion') {
        // A close we never saw open: what was collected belonged to the exclusion.
        if (close && !inExclusion) ids = new Map();
        inExclusion = !close;
      } else if (element === 'dependency' && close) {
        flush(kind !== 'other');
        kind = 'other';
      } else {
        flush(kind === 'dependency');
        kind = element === 'dependency' ? 'dependency' : 'other';
      }
    }
  });
  flush(kind !== 'other', kind === undefined ? GUESSED : undefined);
  return found;
};

function uses(text: string): Entry | undefined {
  const m = /^\s*(?:-\s+)?uses\s*:\s*(["']?)([^"'\s#]+)\1/.exec(text);
  const ref = m?.[2];
  // Local actions come from the same checkout: not a new dependency. Expressions are invalid.
  if (!ref || /^(\.\.?\/|\$\/)/.test(ref) || hasExpression(ref)) return undefined;
  let at = ref.lastIndexOf('@');
  if (ref.startsWith('docker://') && at < 0) {
    const colon = ref.lastIndexOf(':'); // a tag, unless it is a registry port
    at = colon > ref.lastIndexOf('/') ? colon : -1;
  }
  return at > 0
    ? { name: ref.slice(0, at), version: ref.slice(at + 1) }
    : { name: ref, version: undefined };
}
