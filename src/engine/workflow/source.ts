/**
 * Parses a YAML file once, keeping source ranges, and turns a symbolic YAML path into
 * file:line:column. This is the one locator: every fact and finding points through it.
 */
import {
  Composer,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  YAMLParseError,
} from 'yaml';
import type { CST, Document, Node } from 'yaml';
import { InputError } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import { positionOf } from './text-position.js';

/** A symbolic path into a YAML document: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The document as plain data (aliases and merge keys resolved). */
  readonly data: unknown;
}

/** Files larger than this are refused rather than parsed (hostile or generated input). */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
/** Alias expansions allowed when resolving anchors (defends against "billion laughs"). */
const MAX_ALIAS_COUNT = 200;
/**
 * Mappings and sequences inside each other, at most. Real workflows, policies and agent
 * configuration stay under 20; thousands would overflow the stack of every recursive reader.
 */
export const MAX_NESTING_DEPTH = 64;

export function parseYamlSource(path: string, text: string): SourceFile {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_SOURCE_BYTES) {
    throw new InputError(`file is ${bytes} bytes, over the ${MAX_SOURCE_BYTES}-byte limit`, {
      location: { path, line: 1, column: 1 },
    });
  }
  const lineCounter = new LineCounter();
  // parseDocument's two halves, with the depth checked between them: the syntax tree is
  // built without recursion, composing it into a document recurses.
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = tooDeep(tokens, MAX_NESTING_DEPTH);
  if (deep !== undefined) {
    const pos = lineCounter.linePos(deep);
    throw new InputError(
      `mappings and sequences nest deeper than ${MAX_NESTING_DEPTH} levels here; the file is refused rather than read`,
      { location: { path, line: pos.line, column: pos.col } },
    );
  }
  const doc = compose(tokens, text.length);
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new InputError(`invalid YAML: ${firstLine(first.message)}`, {
      location: { path, line: pos.line, column: pos.col },
      details: doc.errors.slice(1, 5).map((e) => {
        const p = lineCounter.linePos(e.pos[0]);
        return `${path}:${p.line}:${p.col}: ${firstLine(e.message)}`;
      }),
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    throw new InputError(`YAML cannot be resolved: ${firstLine(String(cause))}`, {
      location: { path, line: 1, column: 1 },
      cause,
    });
  }
  return { path, text, doc, lineCounter, data };
}

function compose(tokens: readonly CST.Token[], length: number): Document.Parsed {
  const composer = new Composer({ uniqueKeys: true, merge: true, keepSourceTokens: false });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) {
      doc = next;
      continue;
    }
    doc.errors.push(
      new YAMLParseError(
        [next.range[0], next.range[1]],
        'MULTIPLE_DOCS',
        'Source contains multiple documents; please use YAML.parseAllDocuments()',
      ),
    );
    break;
  }
  // compose(…, forceDoc = true) always ends with a document.
  return doc!;
}

/** The offset of the first collection nested deeper than `max`, walking without recursion. */
function tooDeep(tokens: readonly CST.Token[], max: number): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, depth] = next;
    const collection =
      token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
    const level = collection ? depth + 1 : depth;
    if (level > max) return token.offset;
    const t = token as {
      value?: CST.Token;
      key?: CST.Token | null;
      items?: readonly { key?: CST.Token | null; value?: CST.Token }[];
    };
    if (t.value) stack.push([t.value, level]);
    if (t.key) stack.push([t.key, level]);
    for (const item of t.items ?? []) {
      if (item.key) stack.push([item.key, level]);
      if (item.value) stack.push([item.value, level]);
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}

/**
 * The location of `path` in the file. With `key: true` it points at the map key of the last
 * segment rather than at its value. A path that does not exist (e.g. it goes through an
 * alias) falls back to its nearest existing ancestor, never to nothing.
 */
export function locate(
  source: SourceFile,
  path: YamlPath,
  options: { key?: boolean } = {},
): SourceLocation {
  let node: unknown = source.doc.contents;
  let best: unknown = node;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && scalarKey(p.key) === String(segment));
      if (!pair) break;
      node = options.key && isLast ? pair.key : pair.value;
      if (node === null || node === undefined) node = pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) break;
    } else {
      break;
    }
    best = node;
  }
  return offsetLocation(source, rangeStart(best));
}

/** The location of a character offset in the file. */
export function offsetLocation(source: SourceFile, offset: number): SourceLocation {
  const pos = source.lineCounter.linePos(offset);
  return { path: source.path, line: pos.line, column: pos.col };
}

/**
 * The location of a text offset inside the scalar at `path` (e.g. a command inside a
 * `run:` block). Block scalars start on the line after their indicator; for anything the
 * offset cannot be mapped into faithfully, the scalar's own start is returned.
 */
export function locateInScalar(
  source: SourceFile,
  path: YamlPath,
  lineInValue: number,
  columnInValue: number,
): SourceLocation {
  const node = source.doc.getIn(path, true);
  if (!isScalar(node) || !node.range) return locate(source, path);
  const start = offsetLocation(source, node.range[0]);
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const header = start.line;
    // The content's indentation is that of its first non-empty line.
    const contentFirstLine = header + 1;
    const indent = lineIndent(source.text, source.lineCounter.lineStarts[contentFirstLine - 1]);
    if (node.type === 'BLOCK_LITERAL') {
      return {
        path: source.path,
        line: contentFirstLine + lineInValue - 1,
        column: indent + columnInValue,
      };
    }
    return { path: source.path, line: contentFirstLine, column: indent + 1 };
  }
  if (node.type === 'PLAIN' && lineInValue === 1) {
    return { path: source.path, line: start.line, column: start.column + columnInValue - 1 };
  }
  return start;
}

function lineIndent(text: string, lineStart: number | undefined): number {
  if (lineStart === undefined) return 0;
  let i = lineStart;
  while (text[i] === ' ') i++;
  return i - lineStart;
}

function scalarKey(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : 0;
}

/**
 * The location of a character offset into the string value at `path` (e.g. a context inside a
 * `run:` block or an `if:`), for every scalar style.
 */
export function locateOffsetInScalar(
  source: SourceFile,
  path: YamlPath,
  offset: number,
): SourceLocation {
  const value = source.doc.getIn(path);
  if (typeof value !== 'string' || offset < 0 || offset > value.length) return locate(source, path);
  const node = source.doc.getIn(path, true);
  if (isScalar(node) && node.range && node.type !== 'BLOCK_LITERAL') {
    const raw = source.text.slice(node.range[0], node.range[1]);
    // Folded, quoted or multi-line plain scalars do not keep the value's line breaks (and
    // quotes may escape): find the same occurrence of the text at `offset` in the source.
    if (raw.includes('\n') || raw !== value) {
      const token = /^\S{1,40}/.exec(value.slice(offset))?.[0] ?? value.slice(offset, offset + 1);
      if (token !== '') {
        let nth = 0;
        for (let i = value.indexOf(token); i !== -1 && i < offset; i = value.indexOf(token, i + 1))
          nth++;
        let at = raw.indexOf(token);
        for (let k = 0; k < nth && at !== -1; k++) at = raw.indexOf(token, at + 1);
        if (at !== -1) return offsetLocation(source, node.range[0] + at);
      }
      return offsetLocation(source, node.range[0]);
    }
  }
  const { line, column } = positionOf(value, offset);
  return locateInScalar(source, path, line, column);
}
