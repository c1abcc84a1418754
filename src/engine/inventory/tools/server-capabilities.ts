/**
 * What a tool server can do, as data. Two tables:
 *
 * - LAUNCHERS: commands that fetch code at run time (npx, uvx, pipx run, docker run, bunx,
 *   pnpm/yarn dlx, …) and how to find the package or image they fetch among their args.
 * - KNOWN_SERVERS: known server packages, images, commands and URLs → capability, with the
 *   switches that make them read-only.
 *
 * The write-capable heuristic (`isWriteCapable`):
 *   1. A known server is write-capable unless its capability is `read-only` or one of its
 *      read-only switches is set (GitHub: `--read-only`, `GITHUB_READ_ONLY=1`,
 *      `X-MCP-Readonly: true`, the `/readonly` endpoint).
 *   2. An unknown server is write-capable when it holds a credential (a secret in env,
 *      headers or args): a remote server with a token, or a local one — what it can change
 *      is then whatever that credential allows, which we cannot bound.
 *   3. Otherwise not: an unknown server without credentials is reported by command/url only.
 */

export type Capability =
  | 'github'
  | 'filesystem'
  | 'shell'
  | 'git'
  | 'database'
  | 'browser'
  | 'kubernetes'
  | 'cloud'
  | 'saas'
  | 'package-manager'
  | 'read-only';

export interface Launcher {
  /** Executable basename (`.cmd` / `.exe` stripped). */
  readonly command: string;
  /** Leading sub-command alternatives that must follow (`docker run`, `uv tool run`). */
  readonly sub?: readonly (readonly string[])[];
  readonly kind: 'package' | 'image';
  /** Flags that take the next argument as their value. */
  readonly valueFlags: readonly string[];
  /** Flags whose value IS the fetched package (`npx -p pkg cmd`, `uvx --from pkg cmd`). */
  readonly packageFlags?: readonly string[];
  /** Fetches only when the target matches (deno/go run a local file otherwise). */
  readonly fetchIf?: RegExp;
}

const NODE_FLAGS = ['--registry', '--cache', '--userconfig', '--prefix', '-w', '--workspace'];
const UV_FLAGS = [
  '--with',
  '--python',
  '-p',
  '--index-url',
  '--extra-index-url',
  '--index',
  '--with-requirements',
  '--directory',
];
const DOCKER_FLAGS = [
  '-e', '--env', '--env-file', '-v', '--volume', '--mount', '--name', '--network', '--net', '-p',
  '--publish', '-w', '--workdir', '-u', '--user', '--entrypoint', '--platform', '--pull', '-l',
  '--label', '--cap-add', '--cap-drop', '--security-opt', '--add-host', '-m', '--memory',
  '--cpus', '--hostname', '-h', '--ulimit', '--tmpfs', '--device', '--runtime', '--gpus',
]; // prettier-ignore

export const LAUNCHERS: readonly Launcher[] = [
  { command: 'npx', kind: 'package', valueFlags: [...NODE_FLAGS, '-c', '--call'], packageFlags: ['-p', '--package'] },
  { command: 'pnpx', kind: 'package', valueFlags: NODE_FLAGS },
  { command: 'npm', sub: [['exec'], ['x']], kind: 'package', valueFlags: [...NODE_FLAGS, '-c', '--call'], packageFlags: ['-p', '--package'] },
  { command: 'pnpm', sub: [['dlx']], kind: 'package', valueFlags: NODE_FLAGS, packageFlags: ['--package'] },
  { command: 'yarn', sub: [['dlx']], kind: 'package', valueFlags: NODE_FLAGS, packageFlags: ['-p', '--package'] },
  { command: 'bunx', kind: 'package', valueFlags: [], packageFlags: ['-p', '--package'] },
  { command: 'bun', sub: [['x']], kind: 'package', valueFlags: [], packageFlags: ['-p', '--package'] },
  { command: 'uvx', kind: 'package', valueFlags: UV_FLAGS, packageFlags: ['--from'] },
  { command: 'uv', sub: [['tool', 'run'], ['x']], kind: 'package', valueFlags: UV_FLAGS, packageFlags: ['--from'] },
  { command: 'pipx', sub: [['run']], kind: 'package', valueFlags: ['--python', '--index-url', '--pip-args'], packageFlags: ['--spec'] },
  { command: 'docker', sub: [['run'], ['container', 'run']], kind: 'image', valueFlags: DOCKER_FLAGS },
  { command: 'podman', sub: [['run'], ['container', 'run']], kind: 'image', valueFlags: DOCKER_FLAGS },
  { command: 'deno', sub: [['run']], kind: 'package', valueFlags: ['--config', '-c', '--import-map'], fetchIf: /^(npm:|jsr:|https?:)/ },
  { command: 'go', sub: [['run']], kind: 'package', valueFlags: [], fetchIf: /@/ },
]; // prettier-ignore

/** Packages that are local proxies to a remote server: the URL among their args is the remote. */
export const REMOTE_PROXIES: readonly RegExp[] = [
  /^pkg:mcp-remote$/,
  /^pkg:supergateway$/,
  /^pkg:mcp-proxy$/,
];

export interface KnownServer {
  /**
   * Matched against the server's identities: `pkg:<name>` (fetched package, version
   * stripped), `image:<name>` (tag/digest stripped), `cmd:<command and args>`, and
   * `url:<host/path>` (scheme and query stripped).
   */
  readonly match: RegExp;
  readonly capability: Capability;
  /** Read-only switches: an arg, an env/arg `NAME=value`, a `Header: value`, or a url. */
  readonly readOnly?: RegExp;
}

const GITHUB_READ_ONLY =
  /^--read-only(=true)?$|^GITHUB_READ_ONLY=(1|true)$|^X-MCP-Readonly: *true$|^url:.*\/readonly\b/i;

export const KNOWN_SERVERS: readonly KnownServer[] = [
  { match: /^(pkg:@modelcontextprotocol\/server-github|image:(ghcr\.io\/)?github\/github-mcp-server|image:mcp\/github|cmd:github-mcp-server\b|url:api\.githubcopilot\.com\/mcp)/, capability: 'github', readOnly: GITHUB_READ_ONLY },
  { match: /^(pkg:@modelcontextprotocol\/server-gitlab|pkg:@zereight\/mcp-gitlab|url:gitlab\.com\/api\/v4\/mcp)/, capability: 'git' },
  { match: /^(pkg:@modelcontextprotocol\/server-filesystem|image:mcp\/filesystem|pkg:mcp-server-filesystem)$/, capability: 'filesystem' },
  { match: /^(pkg:mcp-server-commands|pkg:@wonderwhy-er\/desktop-commander|pkg:mcp-shell-server|pkg:[\w@/.-]*(shell|terminal)-mcp[\w.-]*|pkg:[\w@/.-]*mcp-[\w.-]*(shell|terminal))$/, capability: 'shell' },
  { match: /^(pkg:mcp-server-git|image:mcp\/git|pkg:@cyanheads\/git-mcp-server|pkg:@modelcontextprotocol\/server-git)$/, capability: 'git' },
  { match: /^(pkg:mcp-server-sqlite|image:mcp\/sqlite|pkg:@benborla29\/mcp-server-mysql|pkg:mcp-server-mysql|pkg:@neondatabase\/mcp-server-neon|url:mcp\.neon\.tech|pkg:mcp-redis|pkg:@redis\/mcp-redis|pkg:mcp-server-postgres|pkg:postgres-mcp|pkg:@executeautomation\/database-server)$/, capability: 'database' },
  { match: /^(pkg:@supabase\/mcp-server-supabase|url:mcp\.supabase\.com)/, capability: 'database', readOnly: /^--read-only$|^url:.*read_only=true/ },
  { match: /^(pkg:mongodb-mcp-server|image:mongodb\/mongodb-mcp-server)$/, capability: 'database', readOnly: /^--readOnly$|^MDB_MCP_READ_ONLY=true$/ },
  { match: /^(pkg:@playwright\/mcp|image:mcr\.microsoft\.com\/playwright\/mcp|pkg:@modelcontextprotocol\/server-puppeteer|image:mcp\/puppeteer|pkg:chrome-devtools-mcp|pkg:@browserbasehq\/mcp(-server-browserbase)?|pkg:@executeautomation\/playwright-mcp-server)$/, capability: 'browser' },
  { match: /^(pkg:mcp-server-kubernetes|pkg:kubernetes-mcp-server|image:([\w.-]+\/)*kubernetes-mcp-server)$/, capability: 'kubernetes', readOnly: /^--read-only$|^ALLOW_ONLY_NON_DESTRUCTIVE_TOOLS=true$/ },
  { match: /^(pkg:@azure\/mcp|pkg:@azure-devops\/mcp|pkg:awslabs\.[\w.-]+|pkg:@aws\/[\w.-]+|pkg:@cloudflare\/mcp-server-cloudflare|url:[\w.-]*\.mcp\.cloudflare\.com|pkg:@google-cloud\/gcloud-mcp|url:mcp\.vercel\.com|pkg:@heroku\/mcp-server)/, capability: 'cloud' },
  { match: /^(pkg:@modelcontextprotocol\/server-slack|pkg:slack-mcp-server|url:mcp\.atlassian\.com|pkg:mcp-atlassian|url:mcp\.linear\.app|url:mcp\.notion\.com|pkg:@notionhq\/notion-mcp-server|url:mcp\.sentry\.dev|pkg:@sentry\/mcp-server)/, capability: 'saas' },
  // Homebrew's own server installs and removes packages; gh-aw's compiles and adds workflows.
  { match: /^cmd:brew mcp-server\b/, capability: 'package-manager' },
  { match: /^cmd:gh aw mcp-server\b/, capability: 'filesystem' },
  { match: /^(pkg:markitdown-mcp|pkg:mcp-server-fetch|pkg:@modelcontextprotocol\/server-(fetch|memory|sequential-thinking|everything)|pkg:@upstash\/context7-mcp|url:mcp\.context7\.com|url:learn\.microsoft\.com\/api\/mcp|url:modelcontextprotocol\.io\/mcp|url:gitmcp\.io)/, capability: 'read-only' },
]; // prettier-ignore

export function knownServer(identities: readonly string[]): KnownServer | undefined {
  return KNOWN_SERVERS.find((k) => identities.some((id) => k.match.test(id)));
}

export interface CapabilityInput {
  readonly identities: readonly string[];
  /** Args, env `NAME=value`, headers `Name: value` and `url:<…>`: where read-only switches live. */
  readonly switches: readonly string[];
  readonly hasSecrets: boolean;
}

export function isWriteCapable(input: CapabilityInput): boolean {
  const known = knownServer(input.identities);
  if (!known) return input.hasSecrets;
  if (known.capability === 'read-only') return false;
  const readOnly = known.readOnly;
  return !(readOnly && input.switches.some((s) => readOnly.test(s)));
}
