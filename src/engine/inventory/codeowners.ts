/**
 * GitHub CODEOWNERS: parsing and "who owns this path" with GitHub's semantics, which differ
 * from .gitignore in three ways that matter here: the LAST matching rule wins (no negation),
 * a rule with a pattern and no owners makes matching files unowned, and `dir/*` matches the
 * direct children of `dir` only. Lines GitHub would reject are skipped with a warning, as
 * GitHub itself skips them. Pure: text in, data out.
 */
import { formatLocation } from '../errors.js';

export interface CodeownersRule {
  /** The pattern as written, escapes included (`docs/\#notes`). */
  readonly pattern: string;
  /** Empty: the rule unsets ownership of the files it matches. */
  readonly owners: readonly string[];
  /** 1-based line in the CODEOWNERS file. */
  readonly line: number;
}

export interface ParsedCodeowners {
  readonly rules: CodeownersRule[];
  readonly warnings: string[];
}

/** GitHub reads the first of these that exists, in this order, and ignores the others. */
export const CODEOWNERS_LOCATIONS = [
  '.github/CODEOWNERS',
  'CODEOWNERS',
  'docs/CODEOWNERS',
] as const;

/** GitHub does not load a larger CODEOWNERS file at all. */
const MAX_BYTES = 3 * 1024 * 1024;
// Owner syntax GitHub accepts: @user, @org/team, or an email address.
const USER = /^@[A-Za-z0-9_-]+$/;
const TEAM = /^@[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/;
const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

interface Word {
  readonly text: string;
  readonly column: number;
}

export function parseCodeowners(text: string, path: string): ParsedCodeowners {
  const rules: CodeownersRule[] = [];
  const warnings: string[] = [];
  const source = typeof text === 'string' ? text : '';
  if (new TextEncoder().encode(source).length > MAX_BYTES) {
    // GitHub does not load a CODEOWNERS file over 3 MB at all: nothing is owned.
    warnings.push(`${path}: larger than 3 MB; GitHub ignores the whole file`);
    return { rules, warnings };
  }
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const tokens = tokenize(raw);
    const [first, ...rest] = tokens;
    if (!first) return; // blank or comment-only
    const warn = (column: number, message: string): void => {
      warnings.push(`${formatLocation({ path, line, column })}: ${message}`);
    };
    const problem = patternProblem(first.text);
    if (problem) return warn(first.column, `${problem}; GitHub skips this line`);
    const bad = rest.find((t) => !USER.test(t.text) && !TEAM.test(t.text) && !EMAIL.test(t.text));
    if (bad) {
      return warn(
        bad.column,
        `invalid owner "${bad.text}" (expected @user, @org/team or an email); GitHub skips this line`,
      );
    }
    if (rest.length === 0 && /^@[^/]+(\/[^/]+)?$/.test(first.text)) {
      // GitHub reads it as a path pattern that unsets ownership, which is almost never meant.
      warn(first.column, `"${first.text}" looks like an owner without a pattern`);
    }
    rules.push({ pattern: first.text, owners: rest.map((t) => t.text), line });
  });
  return { rules, warnings };
}

/**
 * The owners of one file: the last rule that matches wins. `owners` is empty when that rule
 * has none (the file is explicitly unowned); undefined when no rule matches at all.
 */
export function ownersOf(
  rules: readonly CodeownersRule[],
  filePath: string,
): { owners: string[]; line: number } | undefined {
  const segments = String(filePath)
    .split('/')
    .filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return undefined;
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    if (rule && matches(compile(rule.pattern), segments)) {
      return { owners: [...rule.owners], line: rule.line };
    }
  }
  return undefined;
}

/** Splits a line at unescaped whitespace, up to an unescaped `#` (a comment, also inline). */
function tokenize(raw: string): Word[] {
  const tokens: Word[] = [];
  let current = '';
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] ?? '';
    if (ch === '\\' && i + 1 < raw.length) {
      // Keep the backslash: the pattern compiler needs it to tell `\*` from `*`.
      if (current === '') start = i;
      current += ch + (raw[i + 1] ?? '');
      i++;
    } else if (ch === '#') {
      break;
    } else if (ch === ' ' || ch === '\t') {
      if (current !== '') tokens.push({ text: current, column: start + 1 });
      current = '';
    } else {
      if (current === '') start = i;
      current += ch;
    }
  }
  if (current !== '') tokens.push({ text: current, column: start + 1 });
  return tokens;
}

/** The gitignore features GitHub documents as unsupported in CODEOWNERS. */
function patternProblem(pattern: string): string | undefined {
  if (pattern.startsWith('\\#')) return 'escaping a leading "#" is not supported in CODEOWNERS';
  if (pattern.startsWith('!')) return 'negation ("!") is not supported in CODEOWNERS';
  if (/(^|[^\\])(\\\\)*\[/.test(pattern)) return 'character ranges ("[...]") are not supported';
  if (pattern.includes('***')) return 'three consecutive "*" are not a valid pattern';
  return undefined;
}

/**
 * A compiled pattern: one glob per path segment, or a run of any segments (`**`) with a
 * minimum count. Matching walks segments and globs without backtracking regexes, so a
 * hostile pattern (`a*a*a*…b`) cannot stall the gate.
 */
type Token = { readonly any: number } | { readonly glob: readonly string[] };
const STAR = '\0*';
const ONE = '\0?';
const compiled = new Map<string, readonly Token[]>();

function compile(pattern: string): readonly Token[] {
  let tokens = compiled.get(pattern);
  if (!tokens) {
    tokens = tokenizePattern(pattern);
    compiled.set(pattern, tokens);
  }
  return tokens;
}

function tokenizePattern(pattern: string): Token[] {
  const anchored = pattern.startsWith('/');
  const directory = /[^\\]\/$/.test(pattern) || pattern.endsWith('//');
  const body = pattern.replace(/^\/+/, '').replace(/\/+$/, '');
  if (body === '') return [{ glob: [] }]; // `/` alone: matches no file
  let segments = body.split(/\/+/);
  // No slash except a trailing one: the pattern matches at any depth.
  if (!anchored && segments.length === 1) segments = ['**', ...segments];
  const tokens: Token[] = segments.map((s) => (s === '**' ? { any: 0 } : { glob: glob(s) }));
  const last = segments[segments.length - 1];
  // A final `**` (or `**/`) stands for at least one segment: `docs/**` is not `docs` itself.
  if (last === '**') tokens[tokens.length - 1] = { any: 1 };
  // A trailing slash means a directory, so only what is inside it: one segment or more.
  if (directory) tokens.push({ any: 1 });
  // A final `*` matches direct children only (GitHub's `docs/*`); any other final segment
  // also matches everything below a directory of that name (`/build/logs`).
  else if (last !== '*' && last !== '**') tokens.push({ any: 0 });
  // Consecutive runs merge, adding their minimums: `**/` is a directory and what is in it.
  return tokens.reduce<Token[]>((out, t) => {
    const prev = out[out.length - 1];
    if (prev && 'any' in prev && 'any' in t) out[out.length - 1] = { any: prev.any + t.any };
    else out.push(t);
    return out;
  }, []);
}

/** One path segment's glob: `*` and `?` never cross `/`; `\x` is a literal x. */
function glob(segment: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] ?? '';
    if (ch === '\\' && i + 1 < segment.length) out.push(segment[++i] ?? '');
    else out.push(ch === '*' ? STAR : ch === '?' ? ONE : ch);
  }
  return out;
}

/** Which prefixes of the path the tokens can consume, token by token: O(tokens × segments). */
function matches(tokens: readonly Token[], segments: readonly string[]): boolean {
  let reach = segments.map((_, i) => i === 0).concat(segments.length === 0);
  for (const token of tokens) {
    const next = reach.map(() => false);
    if ('any' in token) {
      const first = reach.indexOf(true);
      if (first < 0) return false;
      for (let j = first + token.any; j < next.length; j++) next[j] = true;
    } else {
      reach.forEach((ok, j) => {
        const segment = segments[j];
        if (ok && segment !== undefined && globMatches(token.glob, segment)) next[j + 1] = true;
      });
    }
    reach = next;
  }
  return reach[segments.length] === true;
}

/** Wildcard matching with single-star backtracking: linear in practice, never exponential. */
function globMatches(pattern: readonly string[], text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const tok = pattern[p];
    if (tok === ONE || (tok !== undefined && tok !== STAR && tok === text[t])) {
      p++;
      t++;
    } else if (tok === STAR) {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (pattern[p] === STAR) p++;
  return p === pattern.length && text.length > 0;
}
