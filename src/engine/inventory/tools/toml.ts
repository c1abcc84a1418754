/**
 * A minimal, strict TOML reader for what Codex's config.toml uses: tables `[a.b]`,
 * `[a."quoted"]`, arrays of tables `[[a]]`, dotted keys and the values of toml-scanner.ts.
 * It never throws: each statement it cannot read becomes an error with its line and column,
 * and reading resumes on the next line.
 */
import { isTable, newTable, TomlError, TomlScanner } from './toml-scanner.js';
import type { TomlTable, TomlValue } from './toml-scanner.js';
import { lineStarts, positionAt } from '../../workflow/text-position.js';

export type { TomlTable, TomlValue } from './toml-scanner.js';

export interface TomlPosition {
  readonly line: number;
  readonly column: number;
}
export interface TomlDocument {
  readonly data: TomlTable;
  /** Where each key or table header is, by `tomlKey(path)`; `[[a]]` entries by index. */
  readonly positions: ReadonlyMap<string, TomlPosition>;
  readonly errors: readonly (TomlPosition & { readonly message: string })[];
}

export const tomlKey = (path: readonly (string | number)[]): string => JSON.stringify(path);

const MAX_ERRORS = 20;

export function readToml(text: string): TomlDocument {
  const data = newTable();
  const positions = new Map<string, TomlPosition>();
  const errors: (TomlPosition & { message: string })[] = [];
  const starts = lineStarts(text);
  const pos = (offset: number): TomlPosition => positionAt(starts, offset);
  const s: TomlScanner = new TomlScanner(text); // typed: s.fail() then narrows (never)
  const defined = new Set<string>(); // tables opened by a [header]: a second one is an error
  let current = data;
  let currentPath: (string | number)[] = [];

  const header = (): void => {
    const start = s.i;
    // Until this header is read, keys below it go to a detached table, not the previous one.
    current = newTable();
    currentPath = ['(unreadable table)', start];
    const many = s.startsWith('[[');
    s.i += many ? 2 : 1;
    const { parts } = s.key();
    if (!s.startsWith(many ? ']]' : ']')) s.fail(`expected ${many ? ']]' : ']'}`);
    s.i += many ? 2 : 1;
    let node = data;
    const path: (string | number)[] = [];
    parts.forEach((part, n) => {
      path.push(part);
      let next: TomlValue | undefined = node[part];
      if (n === parts.length - 1 && many) {
        next ??= node[part] = [];
        if (!Array.isArray(next) || s.frozen.has(next))
          s.fail(`"${part}" is not an array of tables`, start);
        const entry = newTable();
        next.push(entry);
        path.push(next.length - 1);
        node = entry;
        return;
      }
      next ??= node[part] = newTable();
      if (Array.isArray(next) && !s.frozen.has(next)) {
        // `[a.b]` after `[[a]]` opens a table inside the last `a` entry.
        path.push(next.length - 1);
        next = next[next.length - 1];
      }
      if (!isTable(next) || s.frozen.has(next)) s.fail(`"${part}" is already a value`, start);
      node = next;
    });
    const id = tomlKey(path);
    if (!many && defined.has(id)) s.fail(`table [${parts.join('.')}] defined twice`, start);
    defined.add(id);
    positions.set(id, pos(start));
    current = node;
    currentPath = path;
  };

  while (s.i < text.length && errors.length < MAX_ERRORS) {
    const statement = s.i;
    try {
      s.skipBlank();
      if (s.i >= text.length) break;
      if (s.peek() === '[') header();
      else {
        const { parts, offsets } = s.key();
        if (s.peek() !== '=') s.fail('expected =');
        s.i++;
        s.ws();
        const value = s.value();
        s.assign(current, parts, offsets, value, (n) =>
          positions.set(
            tomlKey([...currentPath, ...parts.slice(0, n + 1)]),
            pos(offsets[n] ?? statement),
          ),
        );
      }
      s.endOfLine();
    } catch (error) {
      // Anything (a TomlError, or a RangeError from hostile input) is one located error.
      const offset = error instanceof TomlError ? error.offset : statement;
      errors.push({
        ...pos(offset),
        message: error instanceof Error ? error.message : 'unreadable',
      });
      const nl = text.indexOf('\n', Math.max(offset, statement));
      s.i = nl < 0 ? text.length : nl + 1;
    }
  }
  if (errors.length >= MAX_ERRORS)
    errors.push({ ...pos(s.i), message: 'too many errors; the rest was not read' });
  return { data, positions, errors };
}
