/**
 * Commands whose real work is beyond static reading: the command itself is computed at run
 * time (`$CMD`, `eval "$VAR"`, `run: ${{ env.CMD }}`), a shell runs a script piped in from
 * another command (`curl … | sh`, `base64 -d | bash`) or produced by one (`bash <(curl …)`),
 * or another language runs commands (`python -c "os.system(…)"`). Each is an `opaque` path:
 * located, with why, and decided by the policy — never a silent allow.
 */
import type { SimpleCommand } from './shell.js';
import { POSIX_SHELLS } from './shell-names.js';

export interface OpaqueCommand {
  readonly kind: string;
  readonly detail: string;
}

/** One expansion and nothing else: `$X`, `${X}`, `${{ … }}`, `$( … )`, `` `…` ``. */
const WHOLE_EXPANSION = /^(?:\$[A-Za-z_]\w*|\$\{[^}]*\}|\$\{\{[^}]*\}\}|\$\([\s\S]*\)|`[^`]*`)$/;
/** Tools whose output is shell code that sets up the environment (`eval "$(ssh-agent -s)"`). */
const ENV_SETUP =
  /^(?:\$\(|`)\s*(?:\S*\/)?(?:ssh-agent|conda|micromamba|mamba|brew|opam|pyenv|rbenv|nodenv|jenv|goenv|direnv|fnm|mise|rtx|asdf|luarocks|gpg-agent|dbus-launch|minikube|docker-machine|keychain|starship|zoxide|gimme|dircolors|register-python-argcomplete)\b/;

function unquote(raw: string): string {
  return raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
}
const INTERPRETERS = /^(?:python[\d.]*|py|pypy[\d.]*|node|nodejs|deno|bun|perl|ruby|php)$/;
const INLINE_FLAGS = new Set(['-c', '-e', '-E', '--eval', '-r', '--exec']);
/** Calls that run another program from inside an interpreter's inline code. */
const SPAWNS =
  /\bos\.(?:system|popen|exec\w*|spawn\w*)\b|\bsubprocess\b|\bchild_process\b|\bexecSync\b|\bspawnSync\b|\bDeno\.(?:run|Command)\b|\bBun\.spawn\b|(?<![.\w])system\s*\(|(?<![.\w])exec\s*\(|%x\{|\bshell_exec\b|\bpassthru\b|\bproc_open\b|\bIO\.popen\b/;

function base(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

export function opaqueCommand(command: SimpleCommand): OpaqueCommand | undefined {
  const [head = '', ...args] = command.argv;
  const rawHead = unquote(command.raw[0] ?? head);
  // The whole command is one expansion (`$CMD`, `eval "$VAR"`, `run: ${{ env.CMD }}`), or a
  // command's output run as a command (`$(curl …)`), except the usual environment set-ups.
  const whole = args.length === 0 && WHOLE_EXPANSION.test(rawHead) && !ENV_SETUP.test(rawHead);
  const output = /^(?:\$\(|`)/.test(rawHead) && !ENV_SETUP.test(rawHead);
  if (whole || output) {
    return { kind: 'computed-command', detail: 'runs a command computed at run time' };
  }
  const name = base(head);
  if (POSIX_SHELLS.has(name) || name === 'source' || name === '.') {
    const operand = args.find((a) => !a.startsWith('-') || a === '-');
    if (operand?.startsWith('<(') || (operand === undefined && name === '.')) {
      return { kind: 'generated-script', detail: 'runs a script produced by another command' };
    }
    if (POSIX_SHELLS.has(name) && readsStdin(args) && !visibleStdin(command)) {
      return { kind: 'piped-script', detail: 'runs a script piped in from another command' };
    }
    return undefined;
  }
  if (INTERPRETERS.test(name)) {
    const flag = args.findIndex((a) => INLINE_FLAGS.has(a));
    const code = flag < 0 ? undefined : args[flag + 1];
    const backticks = /^(?:perl|ruby|php)$/.test(name) && /`[^`]+`/.test(code ?? '');
    if (code !== undefined && (SPAWNS.test(code) || backticks)) {
      return { kind: 'interpreter-exec', detail: `runs commands from inline ${name} code` };
    }
    if (args.length === 0 || args[0] === '-') {
      if (!visibleStdin(command))
        return { kind: 'piped-script', detail: `runs ${name} code piped in from another command` };
    }
  }
  return undefined;
}

/** A here-document in the workflow or a file in the repository: the script is readable. */
function visibleStdin(command: SimpleCommand): boolean {
  return command.stdin === 'heredoc' || command.stdin === 'file';
}

/** No script operand (or `-s` / `-`): the shell reads its commands from stdin. */
function readsStdin(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-' || /^-[A-Za-z]*s[A-Za-z]*$/.test(a)) return true;
    if (a === '--') return i + 1 >= args.length;
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(a)) return false; // `bash -c …` is read by the splitter
    if (/^[-+][oO]$/.test(a)) i++;
    else if (!/^[-+]/.test(a)) return false;
  }
  return true;
}
