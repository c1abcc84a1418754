/** Reading argv through a tool's flag grammar: command name, positionals, flags and values. */
import { IGNORED_LEADING, VALUE_FLAGS, type ParsedCommand } from '../command-table.js';

const SHORT_CLUSTER = /^-[A-Za-z0-9]{2,}$/;

export function commandName(word: string): string {
  const base = word.slice(word.lastIndexOf('/') + 1);
  return base.replace(/(.)@[^@]*$/, '$1').replace(/\.(?:exe|cmd|bat)$/i, '');
}

export function parseCommand(argv: readonly string[], raw: readonly string[]): ParsedCommand {
  const name = commandName(argv[0] ?? '');
  const args = argv.slice(1);
  let positionals = collectPositionals(args, VALUE_FLAGS.get(name) ?? []);
  if (IGNORED_LEADING.get(name)?.includes(positionals[0] ?? '')) positionals = positionals.slice(1);
  return {
    name,
    args,
    raw: raw.slice(1),
    positionals,
    has: (...flags) => flags.some((f) => hasFlag(args, f)),
    value: (...flags) => flagValue(args, flags),
  };
}

function collectPositionals(args: readonly string[], valueFlags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return out.concat(args.slice(i + 1));
    if (a.length > 1 && a.startsWith('-')) {
      if (valueFlags.includes(a)) i++;
    } else out.push(a);
  }
  return out;
}

/** `--force`, `--force=x`, `-f`, or `f` inside a short cluster such as `-rf`. */
function hasFlag(args: readonly string[], flag: string): boolean {
  const short = flag.length === 2 && flag !== '--';
  for (const a of args) {
    if (a === '--') return false;
    if (a === flag || (!short && a.startsWith(`${flag}=`))) return true;
    if (short && SHORT_CLUSTER.test(a) && a.includes(flag.charAt(1))) return true;
  }
  return false;
}

/** Value of the first of `flags` present: `--f v`, `--f=v`, `-f v`, `-fv`. */
function flagValue(args: readonly string[], flags: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return undefined;
    for (const f of flags) {
      if (a === f) return args[i + 1];
      if (a.startsWith(`${f}=`)) return a.slice(f.length + 1);
      if (f.length === 2 && !a.startsWith('--') && a.length > 2 && a.startsWith(f))
        return a.slice(2);
    }
  }
  return undefined;
}
