/**
 * What a container's `docker run` flags (or a job container's `options:`) say about its
 * isolation and limits: read-only root, memory / CPU / process limits, dropped capabilities,
 * seccomp, sandboxed runtimes, no network, privileged mode, and the host paths it mounts.
 * Read from argv up to the image: the flags of the command run inside are not docker's.
 */
import { DOCKER_VALUE_FLAGS } from './safeguard-table.js';

export interface ContainerFlags {
  readonly readOnly: boolean;
  readonly tmpfs: boolean;
  readonly memory: boolean;
  readonly cpus: boolean;
  readonly pids: boolean;
  readonly capDropAll: boolean;
  readonly noNewPrivileges: boolean;
  readonly seccomp: boolean;
  /** A sandboxed runtime: gVisor (`runsc`), Kata, Firecracker. */
  readonly runtime: string | undefined;
  readonly networkNone: boolean;
  readonly privileged: boolean;
  /** Host paths mounted into the container. */
  readonly mounts: readonly string[];
  /** Every mount stays in the project: the workspace, its temp dirs, named volumes. */
  readonly mountsInWorkspace: boolean;
}

const SANDBOX_RUNTIME = /^(runsc|kata[\w-]*|gvisor|firecracker)/i;
const WORKSPACE_MOUNT =
  /^(?:\$\{?GITHUB_WORKSPACE\}?|\$\{\{\s*github\.workspace\s*\}\}|\$\{?PWD\}?|\$\(pwd\)|`pwd`|\.{1,2}|\/tmp|\$\{?RUNNER_TEMP\}?|\$\{\{\s*runner\.temp\s*\}\})(?:\/|$)/;

/** `--flag value` and `--flag=value` pairs up to the first positional (the image). */
function options(args: readonly string[]): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--' || !a.startsWith('-') || a === '-') break;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) out.push([a.slice(0, eq), a.slice(eq + 1)]);
    else if (DOCKER_VALUE_FLAGS.has(a)) out.push([a, args[++i]]);
    else out.push([a, undefined]);
  }
  return out;
}

/** The host part of `-v host:/container[:ro]` or of `--mount type=bind,source=…`. */
function mountSource(flag: string, value: string): string | undefined {
  if (flag === '--mount') return /(?:^|,)(?:source|src)=([^,]+)/.exec(value)?.[1];
  // `${{ github.workspace }}:/w` and `$(pwd):/w`: the host part ends at the `:` that starts
  // the container path.
  const cut = value.search(/:\//);
  return cut > 0 ? value.slice(0, cut) : (value.split(':')[0] ?? value);
}

export function mountInWorkspace(source: string): boolean {
  const s = source.trim();
  if (s.split('/').includes('..')) return false;
  if (/docker\.sock/.test(s)) return false;
  if (WORKSPACE_MOUNT.test(s)) return true;
  // Named volumes and relative paths stay inside the project.
  return s !== '' && !/^[/~$]/.test(s);
}

export function containerFlags(args: readonly string[]): ContainerFlags {
  const opts = options(args);
  const value = (...names: string[]): string[] =>
    opts.filter(([f, v]) => names.includes(f) && v !== undefined).map(([, v]) => v ?? '');
  const has = (name: string): boolean => opts.some(([f]) => f === name);
  const security = value('--security-opt');
  const mounts = opts
    .filter(([f, v]) => (f === '-v' || f === '--volume' || f === '--mount') && v !== undefined)
    .map(([f, v]) => mountSource(f, v ?? ''))
    .filter((m): m is string => m !== undefined && m !== '');
  const runtime = value('--runtime')
    .map((r) => SANDBOX_RUNTIME.exec(r)?.[1])
    .find((r) => r !== undefined);
  return {
    readOnly: opts.some(([f, v]) => f === '--read-only' && (v === undefined || v === 'true')),
    tmpfs: has('--tmpfs'),
    memory: value('--memory', '-m').some((v) => /^\d/.test(v)),
    cpus: value('--cpus').some((v) => /^\d/.test(v)),
    pids: has('--pids-limit'),
    capDropAll: value('--cap-drop').some((v) => v.toLowerCase() === 'all'),
    noNewPrivileges: security.some((v) => v.startsWith('no-new-privileges')),
    seccomp: security.some((v) => /^seccomp[=:](?!unconfined)/.test(v)),
    runtime,
    networkNone: value('--network', '--net').some((v) => v === 'none'),
    privileged: opts.some(([f, v]) => f === '--privileged' && v !== 'false'),
    mounts,
    mountsInWorkspace: mounts.every(mountInWorkspace),
  };
}
