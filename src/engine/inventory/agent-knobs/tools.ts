/**
 * Tool lists (`--allowedTools`, `permissions.allow`, `tools.core`, `--allow-tool`): which
 * entries grant the shell without limits, which scope it, which widen reach otherwise.
 */
import { basename } from './argv.js';
import type { Verdict } from './collector.js';
import { risky, safe } from './collector.js';

export interface ToolDialect {
  /** Names of the shell tool (`Bash`, `run_shell_command`, `shell`). */
  readonly shell: readonly string[];
  /** Names meaning "every tool" (`*`). */
  readonly all?: readonly string[];
  /** `run_shell_command(git)` allows `git …` with any arguments (gemini); else exact unless `:*`. */
  readonly prefixMatch?: boolean;
  /** Other tools that widen reach (WebFetch, a whole MCP server, file writes). */
  readonly riskyTool?: (tool: string) => string | undefined;
}

/** Commands that run arbitrary code given arbitrary arguments: scoping the shell to them scopes nothing. */
const INTERPRETERS = new Set(
  'bash sh zsh dash ksh fish env eval exec xargs sudo su nohup timeout python python3 node perl ruby php deno bun npx bunx uvx pipx pwsh powershell source'.split(
    ' ',
  ),
);

/** Splits `Bash(git add:*),Edit Read` at top-level commas and blanks (not inside parentheses). */
export function splitTools(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || /\s/.test(ch))) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/**
 * Whether a word following a tool list is more tools (variadic flags) rather than the prompt:
 * every entry looks like a tool name, and a blank-separated list uses tool-like names only
 * (`Bash(x)`, `mcp__a`, `read_file`, `WebFetch`), so "Review the diff" is not read as tools.
 */
export function looksLikeToolList(value: string): boolean {
  const tools = splitTools(value);
  const shaped = (t: string) => /^[A-Za-z_*][\w.*:/-]*(?:\(.*\))?$/s.test(t);
  if (tools.length === 0 || !tools.every(shaped)) return false;
  if (tools.length === 1 || value.includes(',')) return true;
  return tools.every((t) => /[(_*]|^[A-Z][a-z]+[A-Z]/.test(t));
}

export type ShellGrant = 'unrestricted' | 'interpreter' | 'scoped' | 'none';

export function shellGrant(tool: string, d: ToolDialect): ShellGrant {
  const t = tool.trim();
  if (d.all?.includes(t)) return 'unrestricted';
  const m = /^([\w-]+)(?:\((.*)\))?$/s.exec(t);
  if (!m || !d.shell.includes(m[1]!)) return 'none';
  const inner = m[2];
  if (inner === undefined) return 'unrestricted';
  const scope = inner.trim();
  if (scope === '' || /^(?:\*|:\*|\*:\*|\* \*)$/.test(scope)) return 'unrestricted';
  // The fixed prefix the rule allows (`npm test` in `Bash(npm test:*)`); open when args may follow.
  const open = d.prefixMatch === true || /(?::\*|\s\*|\*)$/.test(scope);
  const prefix = scope
    .replace(/(?::\*|\s\*|\*)$/, '')
    .trim()
    .split(/\s+/);
  const [command = '', next] = prefix;
  const runsAnything =
    prefix.length === 1 || (next !== undefined && /^-\w*[ce]$/.test(next) && prefix.length === 2);
  if (open && (command === '*' || (INTERPRETERS.has(basename(command)) && runsAnything)))
    return 'interpreter';
  return 'scoped';
}

/** The verdict for a list of tools the agent may use without approval. */
export function judgeTools(tools: readonly string[], d: ToolDialect): Verdict {
  const grants = tools.map((t) => ({ t, g: shellGrant(t, d) }));
  const open = grants.find((x) => x.g === 'unrestricted');
  if (open) return risky(`${open.t} allows any shell command without approval`, { shell: true });
  const interp = grants.find((x) => x.g === 'interpreter');
  if (interp)
    return risky(`${interp.t} runs arbitrary code through an interpreter`, { shell: true });
  const widening = tools.map((t) => d.riskyTool?.(t)).find((r) => r !== undefined);
  if (widening) return risky(widening);
  const scoped = grants.filter((x) => x.g === 'scoped').map((x) => x.t);
  if (scoped.length > 0)
    return safe(
      `shell limited to listed commands: ${scoped.slice(0, 4).join(', ')}${scoped.length > 4 ? ', …' : ''}`,
    );
  return safe('no shell tool among the allowed tools');
}

/** Where an extra directory is: inside the workspace or a scratch dir is fine, elsewhere is not. */
export function dirVerdict(value: string): Verdict {
  const v = value.trim();
  const workspace = /^(?:\$\{?GITHUB_WORKSPACE\}?|\$\{\{\s*github\.workspace\s*\}\})(?:\/|$)/;
  const scratch = /^(?:\/tmp(?:\/|$)|\$\{?RUNNER_TEMP\}?(?:\/|$)|\$\{\{\s*runner\.temp\s*\}\})/;
  const up = v.split('/').includes('..');
  if (!up && workspace.test(v)) return safe('an extra directory inside the workspace');
  if (!up && scratch.test(v)) return safe('a runner scratch directory');
  if (!up && v !== '' && !/^[/~$]/.test(v)) return safe('an extra directory inside the workspace');
  return risky(`${v || '(empty)'} is outside the workspace: the agent can read and write there`);
}
