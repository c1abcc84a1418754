/**
 * The policy's `actions: { trusted: [...] }` list — remote actions a security team vouches for
 * once, in the spirit of GitHub's organisation "allowed actions" list: `owner/*`,
 * `owner/repo` (and every action under it), `owner/repo/path`, `owner/repo/*`, each optionally
 * pinned with `@ref` (`@*` = any ref). A trusted action that was not read is not an opaque
 * path and keeps its inputs to itself; it is still classified by what it is given (a secret
 * in `with:` is still `use-secret`, a publishing action still `publish`).
 */
import { normalizeActionName } from './uses.js';

const PATTERN =
  /^([A-Za-z0-9][A-Za-z0-9_.-]*)\/(\*|[A-Za-z0-9][A-Za-z0-9_.-]*(?:\/[^@\s*]+)*(?:\/\*)?)(?:@(\S+))?$/;

/** Whether the remote action `name` (owner/repo[/path]) at `ref` is on the trusted list. */
export function trustedAction(name: string, patterns: readonly string[], ref?: string): boolean {
  if (patterns.length === 0 || name.startsWith('./') || name.startsWith('docker://')) return false;
  const n = normalizeActionName(name);
  return patterns.some((p) => {
    const m = PATTERN.exec(p);
    if (!m) return false;
    const [, owner = '', rest = '', pin] = m;
    if (pin !== undefined && pin !== '*' && pin !== ref) return false;
    const base = normalizeActionName(`${owner}/${rest}`);
    if (rest === '*') return n.startsWith(`${normalizeActionName(owner)}/`);
    if (base.endsWith('/*')) return n.startsWith(base.slice(0, -1));
    // `owner/repo` covers the actions inside the repository; `owner/repo/path` only that one.
    return n === base || (!rest.includes('/') && n.startsWith(`${base}/`));
  });
}

/**
 * Why a trusted-list entry is not a pattern, with what was probably meant; undefined when it
 * is one.
 */
export function trustedPatternError(pattern: string): string | undefined {
  if (PATTERN.test(pattern)) return undefined;
  const url = /^(?:https?:\/\/)?(?:www\.)?github\.com\/(.+?)\/?$/i.exec(pattern);
  if (url?.[1] && PATTERN.test(url[1])) return mean(pattern, url[1], 'a name, not a URL');
  if (pattern === '*' || pattern === '*/*' || pattern === '**')
    return `\`${pattern}\` would trust every action, so nothing unread would ever be opaque; name owners (\`owner/*\`) or repositories`;
  if (pattern.startsWith('./') || pattern.startsWith('../'))
    return `\`${pattern}\` is a local action: local actions are read from the repository at the same commit, never trusted by name`;
  if (pattern.startsWith('docker://'))
    return `\`${pattern}\` is a container image: only \`owner/repo\` actions can be trusted`;
  if (/^[A-Za-z0-9_.-]+$/.test(pattern))
    return mean(pattern, `${pattern}/*`, 'an owner needs `/*`');
  const trimmed = pattern.replace(/\/+$/, '').replace(/\*\*+/g, '*').replace(/\s+/g, '');
  if (trimmed !== pattern && PATTERN.test(trimmed)) return mean(pattern, trimmed, 'not a pattern');
  return `\`${pattern}\` is not an action pattern: use \`owner/*\`, \`owner/repo\`, \`owner/repo/path\` or \`owner/repo/*\`, optionally with \`@ref\``;
}

function mean(pattern: string, meant: string, why: string): string {
  return `\`${pattern}\` is ${why} (did you mean \`${meant}\`?)`;
}
