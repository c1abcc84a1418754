/**
 * One tool server, whatever file declared it: the format readers fill a `RawServer` with
 * the fields they found, and `buildServer` derives transport, reach, fetched code, secret
 * names and write capability the same way for all of them.
 */
import type { SourceLocation } from '../../errors.js';
import { analyzeLaunch } from './launch.js';
import { looksLikeCredential, referencedSecrets, secretEntryNames } from './secrets.js';
import type { SecretContext } from './secrets.js';
import { isWriteCapable } from './server-capabilities.js';
import type { ToolServer } from './types.js';

export interface RawServer {
  readonly name: string;
  readonly at: SourceLocation;
  /** The declared `type`, as written. */
  readonly type: string | undefined;
  readonly command: string | undefined;
  readonly args: readonly string[];
  readonly url: string | undefined;
  /** How `url` is spoken when no type says so (gemini: `url` is SSE, `httpUrl` streamable). */
  readonly urlTransport?: 'http' | 'sse';
  readonly env: readonly (readonly [string, string])[];
  readonly headers: readonly (readonly [string, string])[];
  /** Secret names the format states outright (codex `bearer_token_env_var`). */
  readonly extraSecrets?: readonly string[];
  readonly trust: boolean;
  readonly tools: readonly string[] | '*' | undefined;
}

/** Declared `type` values of all formats (opencode `local`/`remote`, goose-style spellings). */
const TYPE_TRANSPORT: Readonly<Record<string, ToolServer['transport']>> = {
  stdio: 'stdio',
  local: 'stdio',
  http: 'http',
  'streamable-http': 'http',
  streamable_http: 'http',
  streamablehttp: 'http',
  remote: 'http',
  sse: 'sse',
};

export interface BuiltServer {
  readonly server: ToolServer;
  /** Shape problems for the caller to record at the server's location. */
  readonly problems: readonly string[];
}

export function buildServer(raw: RawServer, file: string, ctx: SecretContext): BuiltServer {
  const problems: string[] = [];
  const declared = raw.type === undefined ? undefined : TYPE_TRANSPORT[raw.type.toLowerCase()];
  if (raw.type !== undefined && declared === undefined)
    problems.push(`unknown server type "${raw.type}"`);
  let transport: ToolServer['transport'] =
    declared ??
    (raw.type !== undefined
      ? 'unknown'
      : raw.command !== undefined
        ? 'stdio'
        : raw.url !== undefined
          ? (raw.urlTransport ?? 'http')
          : 'unknown');
  if (raw.command === undefined && raw.url === undefined)
    problems.push('neither a command nor a url');
  else if (transport === 'stdio' && raw.command === undefined)
    problems.push(`type "${raw.type ?? ''}" without a command`);
  else if ((transport === 'http' || transport === 'sse') && raw.url === undefined)
    problems.push(`type "${raw.type ?? ''}" without a url`);
  if (raw.command !== undefined && raw.url !== undefined && raw.type === undefined) {
    problems.push('both a command and a url, and no type; read as stdio');
    transport = 'stdio';
  }

  const launch = raw.command !== undefined ? analyzeLaunch(raw.command, raw.args) : undefined;
  const url = raw.url ?? launch?.proxiedUrl;
  const urlId = url !== undefined ? urlIdentity(url) : undefined;
  const secrets = unique([
    ...secretEntryNames(raw.env, ctx),
    ...secretEntryNames(raw.headers, ctx),
    ...raw.args.flatMap((a) => referencedSecrets(a, ctx)),
    ...(raw.command !== undefined ? referencedSecrets(raw.command, ctx) : []),
    ...(url !== undefined ? urlSecrets(url, ctx) : []),
    ...(launch?.forwardedSecrets ?? []),
    ...(raw.extraSecrets ?? []),
  ]);
  const identities = [...(launch?.identities ?? []), ...(urlId !== undefined ? [urlId] : [])];
  const switches = [
    ...(launch?.tokens ?? raw.args),
    ...raw.env.map(([k, v]) => `${k}=${v}`),
    ...raw.headers.map(([k, v]) => `${k}: ${v}`),
    ...(urlId !== undefined ? [urlId] : []),
  ];
  const server: ToolServer = {
    name: raw.name,
    file,
    transport,
    command: raw.command,
    args: raw.args,
    url,
    remote: url !== undefined || transport === 'http' || transport === 'sse',
    fetchesCode: launch?.fetchesCode ?? false,
    secrets,
    trust: raw.trust,
    tools: raw.tools,
    writeCapable: isWriteCapable({ identities, switches, hasSecrets: secrets.length > 0 }),
    at: raw.at,
  };
  return { server, problems };
}

/** `https://Host/path?q` → `url:host/path?q` (what KnownServer.match sees). */
export function urlIdentity(url: string): string {
  const m = /^[a-z][\w+.-]*:\/\/([^/?#]*)(.*)$/i.exec(url.trim());
  if (!m) return `url:${url.trim()}`;
  const host = (m[1] ?? '').replace(/^[^@]*@/, '').toLowerCase();
  return `url:${host}${(m[2] ?? '').replace(/#.*$/, '')}`;
}

/** References in a URL, and credential-named query parameters given a literal value. */
function urlSecrets(url: string, ctx: SecretContext): string[] {
  const out = referencedSecrets(url, ctx);
  const query = url.split('?')[1]?.split('#')[0] ?? '';
  for (const pair of query.split('&')) {
    const [name = '', value = ''] = pair.split('=');
    if (value !== '' && looksLikeCredential(name) && referencedSecrets(value, ctx).length === 0)
      out.push(name);
  }
  if (/^[a-z][\w+.-]*:\/\/[^/@]*:[^/@]*@/i.test(url)) out.push('url-userinfo');
  return out;
}

export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
