/**
 * The secrets (and the job token) that GitHub expressions in workflow text reference.
 * Deliberately lexical: it never evaluates anything, it only reports what text can reach.
 */
import { findExpressions } from './fences.js';

export interface SecretReference {
  /** Upper-cased secret name, or `*` for a reference to all secrets. */
  readonly name: string;
  /** How it was referenced: `secrets.X`, `secrets['X']`, `toJSON(secrets)`, `secrets[expr]`. */
  readonly form: 'named' | 'all' | 'dynamic';
  /** Offset of the reference in the searched text. */
  readonly offset: number;
}

const NAMED = /\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*(['"])([^'"]+)\2\s*\])/g;
const DYNAMIC = /\bsecrets\s*\[\s*(?!['"])/g;
const ALL = /\b(?:toJSON|tojson|fromJSON|format|join|contains)\s*\(\s*secrets\s*[),]/gi;

/** Secrets referenced inside expressions of `text`. */
export function findSecretReferences(text: string): SecretReference[] {
  const refs: SecretReference[] = [];
  for (const expr of findExpressions(text)) {
    const base = expr.offset + 3;
    for (const m of expr.body.matchAll(NAMED)) {
      const name = (m[1] ?? m[3] ?? '').toUpperCase();
      refs.push({ name, form: 'named', offset: base + m.index });
    }
    for (const m of expr.body.matchAll(DYNAMIC)) {
      refs.push({ name: '*', form: 'dynamic', offset: base + m.index });
    }
    for (const m of expr.body.matchAll(ALL)) {
      refs.push({ name: '*', form: 'all', offset: base + m.index });
    }
  }
  return refs;
}

/** True when the text references the job token (`github.token` or `secrets.GITHUB_TOKEN`). */
export function referencesGithubToken(text: string): boolean {
  return findExpressions(text).some(
    (e) =>
      /\bgithub\s*\.\s*token\b/.test(e.body) || /\bsecrets\s*\.\s*GITHUB_TOKEN\b/i.test(e.body),
  );
}
