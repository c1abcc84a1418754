/**
 * What a command's argv says about downloading and running: the URL a downloader fetches,
 * whether it writes to stdout or to a file, and whether an interpreter reads its program
 * from stdin. Read by the download-and-run forms in download-exec.ts.
 */
import { POSIX_SHELLS } from '../../inventory/shell-names.js';

/** Programs that run a script: shells and language interpreters. */
export const INTERPRETER =
  /^(?:sh|bash|zsh|dash|ksh|ash|mksh|python[\d.]*|pypy[\d.]*|node|nodejs|perl|ruby|php)$/;

// ---------------------------------------------------------------------------------------------
// Downloaders.

export function baseName(word: string): string {
  return word
    .slice(word.lastIndexOf('/') + 1)
    .replace(/\.exe$/i, '')
    .toLowerCase();
}

export function urlOf(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((a) => /^[a-z][a-z0-9+.-]*:\/\//i.test(a));
}

/** A downloader writing what it fetched to standard output (for pipes and substitutions). */
export function downloadsToStdout(argv: readonly string[]): boolean {
  const name = baseName(argv[0] ?? '');
  const args = argv.slice(1);
  if (name === 'curl') {
    return !args.some(
      (a) =>
        a === '-o' ||
        a === '-O' ||
        a.startsWith('--output') ||
        a === '--remote-name' ||
        a === '--remote-name-all' ||
        (/^-[A-Za-z]+$/.test(a) && /[oO]/.test(a) && !a.startsWith('--')),
    );
  }
  if (name === 'wget') {
    for (let i = 0; i < args.length; i++) {
      const a = args[i] ?? '';
      if (a === '--output-document=-' || a === '--output-document=/dev/stdout') return true;
      if (a === '--output-document' || /^-[A-Za-z]*O$/.test(a)) {
        const v = args[i + 1];
        if (v === '-' || v === '/dev/stdout') return true;
      }
      if (/^-[A-Za-z]*O-$/.test(a)) return true;
    }
    return false;
  }
  return /^(?:fetch|iwr|irm|invoke-webrequest|invoke-restmethod)$/.test(name);
}

/** The file a downloader saves to, when it saves to one. */
export function downloadedFile(argv: readonly string[]): string | undefined {
  const name = baseName(argv[0] ?? '');
  const args = argv.slice(1);
  const url = urlOf(argv);
  const fromUrl = url ? /\/([^/?#]+)(?:[?#].*)?$/.exec(url)?.[1] : undefined;
  if (name === 'curl') {
    for (let i = 0; i < args.length; i++) {
      const a = args[i] ?? '';
      if (a === '-o' || a === '--output') return args[i + 1];
      if (a.startsWith('--output=')) return a.slice('--output='.length);
      if (a === '-O' || a === '--remote-name') return fromUrl;
      if (/^-[A-Za-z]+$/.test(a) && a.endsWith('o')) return args[i + 1];
      if (/^-[A-Za-z]+$/.test(a) && a.includes('O')) return fromUrl;
    }
    return undefined;
  }
  if (name === 'wget') {
    if (downloadsToStdout(argv)) return undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] ?? '';
      if (a === '--output-document' || /^-[A-Za-z]*O$/.test(a)) return args[i + 1];
      if (a.startsWith('--output-document=')) return a.slice('--output-document='.length);
      if (/^-[A-Za-z]*O.+/.test(a)) return a.slice(a.indexOf('O') + 1);
    }
    return fromUrl;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Interpreters.

/** Flags of shells that take the next word as their value. */
export const SHELL_VALUE_FLAGS = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file']);

/** True when `argv` runs a program read from standard input. */
export function readsStdin(argv: readonly string[]): boolean {
  const name = baseName(argv[0] ?? '');
  const args = argv.slice(1);
  if (name === 'iex' || name === 'invoke-expression') return true;
  if ((name === 'source' || name === '.') && args[0] === '/dev/stdin') return true;
  if (!INTERPRETER.test(name)) return false;
  if (POSIX_SHELLS.has(name)) {
    for (let i = 0; i < args.length; i++) {
      const a = args[i] ?? '';
      if (a === '-' || a === '/dev/stdin') return true;
      if (a === '--') return args[i + 1] === undefined || args[i + 1] === '-';
      if (SHELL_VALUE_FLAGS.has(a)) i++;
      else if (/^[-+][A-Za-z]+$/.test(a)) {
        if (a.startsWith('-') && a.includes('s')) return true;
      } else if (!a.startsWith('-')) return false;
    }
    return true;
  }
  // python / node / perl / ruby / php: no script argument, or `-`.
  for (const a of args) {
    if (a === '-' || a === '/dev/stdin') return true;
    if (/^-(?:c|m|e|E|r|p|-eval|-print)$/.test(a)) return false;
    if (!a.startsWith('-')) return false;
  }
  return true;
}
