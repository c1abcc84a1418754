/**
 * What a stdio server's command line runs: it unwraps `cmd /c`, `sh -c` and `env A=B`,
 * finds a code-fetching launcher (server-capabilities.ts LAUNCHERS) and the package or image
 * it fetches, and names the server by identities the capability table matches on.
 */
import { LAUNCHERS, REMOTE_PROXIES } from './server-capabilities.js';
import type { Launcher } from './server-capabilities.js';
import { looksLikeCredential } from './secrets.js';

export interface Launch {
  /** `pkg:…`, `image:…`, `cmd:…` identities (see KnownServer.match). */
  readonly identities: readonly string[];
  /** The command line as run, after unwrapping (for read-only switches). */
  readonly tokens: readonly string[];
  readonly fetchesCode: boolean;
  /** A local proxy's remote (mcp-remote https://…). */
  readonly proxiedUrl: string | undefined;
  /** Credential-like names passed into a container by `-e NAME` without a value. */
  readonly forwardedSecrets: readonly string[];
}

/** Flags of `npx` that forbid fetching: only an installed package runs. */
const NO_FETCH = new Set(['--no-install', '--no', '--offline']);

export function basename(command: string): string {
  const last = command.split(/[\\/]/).pop() ?? command;
  return last.replace(/\.(cmd|exe|bat|ps1)$/i, '').toLowerCase();
}

/** `cmd /c x`, `sh -c "exec x y"`, `env A=1 x` → `x …` (a few levels, never unbounded). */
function unwrap(tokens: readonly string[]): readonly string[] {
  let current = tokens;
  for (let depth = 0; depth < 4; depth++) {
    const head = basename(current[0] ?? '');
    if (head === 'cmd' && /^\/c$/i.test(current[1] ?? '')) current = current.slice(2);
    else if (head === 'exec') current = current.slice(1);
    else if (/^(sh|bash|zsh|dash)$/.test(head) && /^-l?c$/.test(current[1] ?? '') && current[2])
      current = [...splitWords(current[2]), ...current.slice(3)];
    else if (head === 'env') {
      let i = 1;
      while (i < current.length && /^(-|[A-Za-z_][A-Za-z0-9_]*=)/.test(current[i] ?? '')) i++;
      current = current.slice(i);
    } else break;
  }
  return current;
}

export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

function matchSub(launcher: Launcher, rest: readonly string[]): number | undefined {
  if (!launcher.sub) return 0;
  const hit = launcher.sub.find((alt) => alt.every((word, i) => rest[i] === word));
  return hit?.length;
}

/** `@scope/name@1.2` → `@scope/name`; `name==1.0` / `name[extra]` → `name`; `npm:` dropped. */
export function packageName(spec: string): string {
  const s = spec.replace(/^(npm|jsr|pypi):/, '');
  const scoped = s.startsWith('@');
  const body = scoped ? s.slice(1) : s;
  const cut = body.search(/@|==|>=|<=|~=|!=|\[|>|<|;|\s/);
  return ((scoped ? '@' : '') + (cut < 0 ? body : body.slice(0, cut))).toLowerCase();
}

/** `docker.io/library/x:1` → `x`; `ghcr.io/a/b@sha256:…` → `ghcr.io/a/b`. */
export function imageName(ref: string): string {
  const noDigest = ref.split('@')[0] ?? ref;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const noTag = colon > slash ? noDigest.slice(0, colon) : noDigest;
  return noTag
    .replace(/^(index\.)?docker\.io\//, '')
    .replace(/^library\//, '')
    .toLowerCase();
}

export function analyzeLaunch(command: string, args: readonly string[]): Launch {
  // `"command": "brew mcp-server"` with no args: some clients split it; so do we.
  const raw =
    args.length === 0 && /\s/.test(command.trim()) ? splitWords(command) : [command, ...args];
  const tokens = unwrap(raw);
  const head = basename(tokens[0] ?? '');
  const identities = [`cmd:${[head, ...tokens.slice(1)].join(' ')}`];
  const forwardedSecrets: string[] = [];
  let fetchesCode = false;
  let proxiedUrl: string | undefined;
  for (const launcher of LAUNCHERS.filter((l) => l.command === head)) {
    const subLength = matchSub(launcher, tokens.slice(1));
    if (subLength === undefined) continue;
    const rest = tokens.slice(1 + subLength);
    let target: string | undefined;
    let pkg: string | undefined;
    let noFetch = false;
    for (let i = 0; i < rest.length && target === undefined; i++) {
      const arg = rest[i] ?? '';
      const [flag, inlineValue] = arg.startsWith('--') ? splitFlag(arg) : [arg, undefined];
      if (NO_FETCH.has(flag) && launcher.command === 'npx') noFetch = true;
      if (launcher.packageFlags?.includes(flag)) {
        pkg = inlineValue ?? rest[++i];
      } else if (launcher.valueFlags.includes(flag)) {
        const value = inlineValue ?? rest[++i];
        if (
          /^(-e|--env)$/.test(flag) &&
          value &&
          !value.includes('=') &&
          looksLikeCredential(value)
        )
          forwardedSecrets.push(value);
      } else if (!arg.startsWith('-')) {
        target = arg;
      }
    }
    const fetched = pkg ?? target;
    if (fetched === undefined || noFetch) break;
    if (launcher.fetchIf && !launcher.fetchIf.test(fetched)) break;
    fetchesCode = true;
    const identity =
      launcher.kind === 'image' ? `image:${imageName(fetched)}` : `pkg:${packageName(fetched)}`;
    identities.unshift(identity);
    if (REMOTE_PROXIES.some((p) => p.test(identity)))
      proxiedUrl = rest.find((a) => /^https?:\/\//i.test(a));
    break;
  }
  if (!fetchesCode && head !== '') identities.push(`pkg:${head}`);
  return { identities, tokens, fetchesCode, proxiedUrl, forwardedSecrets };
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}
