/**
 * Launcher prefixes and inline scripts: finding the command that really runs behind `sudo -E`,
 * `env FOO=1`, `timeout 5m`, `xargs`, and the script run by `bash -c '…'`, `pwsh -Command …`,
 * `eval …`, a shell reading a here-document, or `find … -exec`.
 */
import { POSIX_SHELLS, WINDOWS_SHELLS } from '../shell-names.js';
import type { Word } from './types.js';

interface PrefixSpec {
  readonly valueFlags: readonly string[];
  /** Positional operands before the command (`timeout 5m cmd`). */
  readonly operands?: number;
  /** Flags that turn the prefix into a lookup (`command -v npm` runs nothing). */
  readonly lookupFlags?: readonly string[];
}

const PREFIXES = new Map<string, PrefixSpec>([
  [
    'sudo',
    prefix(
      '-u -g -C -D -p -r -t -T -U --user --group --close-from --chdir --prompt --role --type --command-timeout --other-user --host',
    ),
  ],
  ['doas', prefix('-u -C')],
  ['env', prefix('-u -C -S --unset --chdir --split-string')],
  ['time', prefix('-o -f --output --format')],
  ['nohup', prefix('')],
  ['exec', prefix('-a')],
  ['command', prefix('', { lookupFlags: ['-v', '-V'] })],
  ['builtin', prefix('')],
  ['nice', prefix('-n --adjustment')],
  ['timeout', prefix('-s -k --signal --kill-after', { operands: 1 })],
  ['stdbuf', prefix('-i -o -e')],
  [
    'xargs',
    prefix(
      '-I -L -n -P -s -d -E -a --arg-file --delimiter --max-args --max-procs --max-chars --max-lines --eof --process-slot-var',
    ),
  ],
]);

function prefix(valueFlags: string, extra: Omit<PrefixSpec, 'valueFlags'> = {}): PrefixSpec {
  return { valueFlags: wordList(valueFlags), ...extra };
}

export function wordList(list: string): string[] {
  return list.split(' ').filter(Boolean);
}

const WINDOWS_COMMAND_FLAGS = new Set(wordList('-c -command -commandwithargs -cwa /c /k'));
const WINDOWS_VALUE_FLAGS = new Set(
  wordList(
    '-executionpolicy -ep -workingdirectory -wd -outputformat -of -inputformat -if -configurationname -settingsfile -windowstyle -w',
  ),
);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;

export type Resolution =
  | { kind: 'none' }
  | { kind: 'plain'; start: number }
  | { kind: 'inline'; script: string; at: Word };

export function resolve(words: readonly Word[]): Resolution {
  let i = 0;
  for (;;) {
    while (words[i] !== undefined && ASSIGNMENT.test(words[i]?.raw ?? '')) i++;
    const head = words[i];
    if (!head) return { kind: 'none' };
    const name = basename(head.value);
    const spec = PREFIXES.get(name);
    if (spec) {
      const next = skipPrefix(words, i + 1, spec);
      if (next === undefined) return { kind: 'plain', start: i };
      i = next;
      continue;
    }
    const script = inlineScript(words, i, name);
    return script === undefined
      ? { kind: 'plain', start: i }
      : { kind: 'inline', script, at: head };
  }
}

/** Index of the first word after a prefix's options and operands; undefined for lookups. */
function skipPrefix(words: readonly Word[], from: number, spec: PrefixSpec): number | undefined {
  let i = from;
  for (let w = words[i]?.value; w !== undefined; w = words[i]?.value) {
    if (spec.lookupFlags?.includes(w)) return undefined;
    if (w === '--') return i + 1 + (spec.operands ?? 0);
    if (w === '-') i++;
    else if (w.startsWith('-')) i += takesValue(w, spec.valueFlags) ? 2 : 1;
    else break;
  }
  return i + (spec.operands ?? 0);
}

/** True when flag word `w` consumes the next word (`-u user`, `-Eu user`, `--user user`). */
function takesValue(w: string, valueFlags: readonly string[]): boolean {
  if (w.startsWith('--')) return valueFlags.includes(w);
  for (let k = 1; k < w.length; k++) {
    if (valueFlags.includes(`-${w.charAt(k)}`)) return k === w.length - 1;
  }
  return false;
}

/** The script run by `bash -c '…'`, `pwsh -Command …`, `eval …` or `su -c '…'`, if any. */
function inlineScript(words: readonly Word[], at: number, name: string): string | undefined {
  const rest = words.slice(at + 1).map((w) => w.value);
  if (name === 'eval') return rest.length > 0 ? rest.join(' ') : undefined;
  if (POSIX_SHELLS.has(name)) return posixShellScript(rest);
  if (WINDOWS_SHELLS.has(name)) return windowsShellScript(rest);
  if (name === 'su') {
    const flag = rest.findIndex((w) => w === '-c' || w === '--command');
    return flag < 0 ? undefined : rest[flag + 1];
  }
  return undefined;
}

/** `bash`, `sudo -E sh -s -- a b`, `bash -e`: a POSIX shell with no script operand reads stdin. */
export function readsScriptFromStdin(words: readonly Word[]): boolean {
  const resolved = resolve(words);
  if (resolved.kind !== 'plain') return false;
  const head = words[resolved.start];
  if (!head || !POSIX_SHELLS.has(basename(head.value))) return false;
  for (let i = resolved.start + 1; i < words.length; i++) {
    const w = words[i]?.value ?? '';
    if (w === '-') return true;
    if (w === '--') return i + 1 >= words.length;
    if (/^-[A-Za-z]*s[A-Za-z]*$/.test(w)) return true;
    if (/^[-+][oO]$/.test(w) || w === '--rcfile' || w === '--init-file') i++;
    else if (!/^[-+]/.test(w)) return false; // a script file: the here-document is its stdin
  }
  return true;
}

function posixShellScript(args: readonly string[]): string | undefined {
  let hasCommand = false;
  let i = 0;
  for (let w = args[i]; w !== undefined && /^[-+]./.test(w); w = args[++i]) {
    if (w === '--') {
      i++;
      break;
    }
    if (/^[-+][oO]$/.test(w) || w === '--rcfile' || w === '--init-file') i++;
    else if (/^-[A-Za-z]*c[A-Za-z]*$/.test(w)) hasCommand = true;
  }
  return hasCommand ? args[i] : undefined;
}

function windowsShellScript(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const w = (args[i] ?? '').toLowerCase();
    if (WINDOWS_COMMAND_FLAGS.has(w)) return args.slice(i + 1).join(' ') || undefined;
    if (WINDOWS_VALUE_FLAGS.has(w)) i++;
    else if (!w.startsWith('-') && !w.startsWith('/')) return undefined;
  }
  return undefined;
}

/** `find … -exec cmd {} ;` runs `cmd`: each -exec segment is a command of its own. */
export function execCommands(words: readonly Word[]): Word[][] {
  if (basename(words[0]?.value ?? '') !== 'find') return [];
  const out: Word[][] = [];
  for (let i = 1; i < words.length; i++) {
    if (!/^-(?:exec|execdir|ok|okdir)$/.test(words[i]?.value ?? '')) continue;
    const end = words.findIndex((w, k) => k > i && (w.value === ';' || w.value === '+'));
    out.push(words.slice(i + 1, end < 0 ? words.length : end));
    i = end < 0 ? words.length : end;
  }
  return out;
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
