/**
 * The shared plumbing of the tool-config parsers: a parsed document that can say where a
 * value is (`ConfigDoc`), a sink for warnings and facts (`Sink`), the JSON/JSONC reader and
 * typed field readers that record a warning instead of throwing when a field has the wrong
 * shape. A malformed file never stops the inventory: it becomes a located warning.
 */
import { LineCounter, parseDocument } from 'yaml';
import { formatLocation, InputError } from '../../errors.js';
import type { SourceLocation } from '../../errors.js';
import { locate, parseYamlSource } from '../../workflow/source.js';
import type { SourceFile } from '../../workflow/source.js';
import { stripJsonc } from './jsonc.js';
import type { ToolSetting } from './types.js';
import { positionOf } from '../../workflow/text-position.js';

/** Files over this size are refused: no agent config is that large; it is hostile or generated. */
export const MAX_TOOL_CONFIG_BYTES = 1024 * 1024;

export type DocPath = readonly (string | number)[];

export interface ConfigDoc {
  /** Repo path, or `inline:<input>`. */
  readonly file: string;
  readonly data: unknown;
  /** Where the value at `path` (its key with `key: true`) is; the nearest ancestor if absent. */
  at(path: DocPath, key?: boolean): SourceLocation;
}

export class Sink {
  readonly warnings: string[] = [];
  readonly settings: ToolSetting[] = [];
  /** `prefix` names inline text (`inline:settings: `), whose locations are the input's. */
  constructor(private readonly prefix = '') {}
  warn(at: SourceLocation, message: string): void {
    this.warnings.push(`${formatLocation(at)}: ${this.prefix}${message}`);
  }
  fact(key: string, value: string, at: SourceLocation): void {
    this.settings.push({ key, value, at });
  }
}

/** A plain object (YAML can also yield Maps, Sets, Uint8Arrays and dates: not records). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `mcpServers["a/b"].args[1]` — how a warning names a field (inline input has no lines). */
export function dotted(path: DocPath): string {
  return path
    .map((s, i) =>
      typeof s === 'number'
        ? `[${s}]`
        : /^[\w-]+$/.test(s)
          ? `${i === 0 ? '' : '.'}${s}`
          : `[${JSON.stringify(s)}]`,
    )
    .join('');
}

/**
 * Reads JSON or JSONC text. `inlineAt` marks text given in a workflow input: every location
 * is then the input's own, and warnings name the line inside the inline text.
 */
export function readJsonDoc(
  text: string,
  file: string,
  sink: Sink,
  inlineAt?: SourceLocation,
): ConfigDoc | undefined {
  const start = inlineAt ?? { path: file, line: 1, column: 1 };
  const where = (line: number, column: number): SourceLocation =>
    inlineAt ?? { path: file, line, column };
  const inner = (line: number, column: number): string =>
    inlineAt ? `line ${line} column ${column}: ` : '';
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_TOOL_CONFIG_BYTES) {
    sink.warn(
      start,
      `${inner(1, 1)}${bytes} bytes, over the ${MAX_TOOL_CONFIG_BYTES}-byte limit; not read`,
    );
    return undefined;
  }
  const stripped = stripJsonc(text);
  if (stripped.unterminatedComment !== undefined) {
    const p = positionOf(text, stripped.unterminatedComment);
    sink.warn(where(p.line, p.column), `${inner(p.line, p.column)}unterminated /* comment`);
  }
  const clean = stripped.text;
  if (clean.trim() === '') {
    sink.warn(start, `${inner(1, 1)}empty: no JSON object`);
    return undefined;
  }
  let source: SourceFile;
  try {
    source = parseYamlSource(file, clean);
  } catch (error) {
    const loc = error instanceof InputError ? error.location : undefined;
    const reason =
      error instanceof Error
        ? jsonWords(error.message.replace(/^.*?:\d+:\d+: /, '').replace(/^invalid YAML: /, ''))
        : '';
    const line = loc?.line ?? 1;
    const column = loc?.column ?? 1;
    const plain = parsePlainJson(clean);
    if (plain === undefined) {
      sink.warn(where(line, column), `${inner(line, column)}invalid JSON: ${reason}`);
      return undefined;
    }
    // Valid JSON that YAML refuses (duplicate keys): the agent's JSON.parse keeps the last.
    sink.warn(where(line, column), `${inner(line, column)}${reason}; read as JSON (last key wins)`);
    source = lenientSource(file, clean, plain.value);
  }
  if (!isRecord(source.data)) {
    sink.warn(start, `${inner(1, 1)}expected a JSON object at the top level`);
    return undefined;
  }
  if (parsePlainJson(clean) === undefined) {
    // YAML accepted what JSON does not (unquoted keys, single quotes, `#` comments): the
    // agent may refuse the file; we still report what it would contain.
    sink.warn(start, `${inner(1, 1)}not strict JSON (YAML-only syntax); read leniently`);
  }
  const src = source;
  return {
    file,
    data: src.data,
    at: (path, key) => inlineAt ?? locate(src, path, { key: key === true }),
  };
}

/** The YAML parser's words for JSON readers: "flow map" is an object, "flow sequence" an array. */
function jsonWords(message: string): string {
  return message
    .replace(/ in block collection must be sufficiently indented and/, ' must')
    .replace(/flow map items/gi, 'object members')
    .replace(/flow sequence items/gi, 'array items')
    .replace(/flow map/gi, 'object')
    .replace(/flow sequence/gi, 'array');
}

function parsePlainJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** A source for locations only, built without the unique-key rule; data from JSON.parse. */
function lenientSource(path: string, text: string, data: unknown): SourceFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  return { path, text, doc, lineCounter, data };
}

/** A string field; a present value of another type is a warning. */
export function readString(
  doc: ConfigDoc,
  sink: Sink,
  value: unknown,
  path: DocPath,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  sink.warn(doc.at(path), `${dotted(path)}: expected a string`);
  return undefined;
}

export function readBoolean(
  doc: ConfigDoc,
  sink: Sink,
  value: unknown,
  path: DocPath,
): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  sink.warn(doc.at(path), `${dotted(path)}: expected true or false`);
  return undefined;
}

/** Scalars a tool would stringify anyway (numbers, booleans) are kept, with a warning. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function readStringList(
  doc: ConfigDoc,
  sink: Sink,
  value: unknown,
  path: DocPath,
): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    sink.warn(doc.at(path), `${dotted(path)}: expected an array of strings`);
    return [];
  }
  const out: string[] = [];
  value.forEach((item: unknown, i) => {
    const text = scalarText(item);
    if (typeof item !== 'string')
      sink.warn(doc.at([...path, i]), `${dotted([...path, i])}: expected a string`);
    if (text !== undefined) out.push(text);
  });
  return out;
}

/** `env` / `headers`: name → value; values are used to find secret references only. */
export function readStringMap(
  doc: ConfigDoc,
  sink: Sink,
  value: unknown,
  path: DocPath,
): [string, string][] {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) {
    sink.warn(doc.at(path), `${dotted(path)}: expected an object of strings`);
    return [];
  }
  const out: [string, string][] = [];
  for (const [key, item] of Object.entries(value)) {
    const text = scalarText(item);
    if (typeof item !== 'string')
      sink.warn(doc.at([...path, key]), `${dotted([...path, key])}: expected a string`);
    if (text !== undefined) out.push([key, text]);
  }
  return out;
}
