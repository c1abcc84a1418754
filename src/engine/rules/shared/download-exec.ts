/**
 * Finds scripts that download code and run it without verifying it (`curl … | sh`,
 * `bash <(curl …)`, `sh -c "$(curl …)"`, `iex (… DownloadString …)`, `deno run https://…`,
 * and a file downloaded then executed with no checksum or signature check in between).
 *
 * Commands come from the shell splitter (src/engine/inventory/shell.ts), so quoted text, comments
 * and heredoc bodies never count. The splitter yields simple commands with their positions;
 * pipes are recovered from the source text between two consecutive commands. PowerShell has
 * no parser here: its forms are matched per line, outside comments.
 */
import { memoByText } from '../../workflow/text-memo.js';
import { splitCommands, type SimpleCommand } from '../../inventory/shell.js';
import { lineStarts, positionAt } from '../../workflow/text-position.js';
import { hasExpression } from '../../workflow/expressions/fences.js';
import {
  INTERPRETER,
  SHELL_VALUE_FLAGS,
  baseName,
  downloadedFile,
  downloadsToStdout,
  readsStdin,
  urlOf,
} from './download-argv.js';

export type DownloadExecKind =
  | 'pipe'
  | 'process-substitution'
  | 'command-substitution'
  | 'download-then-run'
  | 'powershell'
  | 'remote-module';

export interface DownloadExec {
  readonly kind: DownloadExecKind;
  /** 1-based position in the script of the command to point at. */
  readonly line: number;
  readonly column: number;
  /** What runs, in words (`curl -fsSL https://x | sh`). */
  readonly what: string;
  readonly url: string | undefined;
}

const POWERSHELL_DOWNLOAD =
  /(?:\.DownloadString|\.DownloadData|\bInvoke-WebRequest\b|\bInvoke-RestMethod\b|\biwr\b|\birm\b|\bcurl\b|\bwget\b)/i;
const VERIFIERS =
  /^(?:sha(?:1|224|256|384|512)sum|shasum|md5sum|b2sum|cksum|gpg|gpg2|cosign|minisign|signify|slsa-verifier|openssl|rekor-cli|sigstore)$/;
/** A 40-hex commit SHA in a URL pins the content (raw.githubusercontent.com/o/r/<sha>/x.sh). */
const SHA_IN_URL = /(?:^|[^0-9a-f])[0-9a-f]{40}(?:[^0-9a-f]|$)/i;
const MAX_WHAT = 160;

interface Located {
  readonly cmd: SimpleCommand;
  readonly start: number;
  readonly end: number;
}

/** Each distinct script once (a workflow is decided once per trigger). */
export const findDownloadExec = memoByText(findDownloadExecUncached);

function findDownloadExecUncached(script: string): DownloadExec[] {
  const { commands } = splitCommands(script);
  const starts = lineStarts(script);
  const located = locateCommands(script, starts, commands);
  const out: DownloadExec[] = [
    ...pipes(script, located),
    ...processSubstitutions(commands),
    ...commandSubstitutions(script, starts, located),
    ...downloadThenRun(commands),
    ...remoteModules(commands),
    ...powershell(script),
  ];
  const seen = new Set<string>();
  // A PowerShell line the parser already explained (`iwr … | iex`) is reported once.
  const parsedLines = new Set(out.filter((h) => h.kind !== 'powershell').map((h) => h.line));
  return out
    .filter((h) => !(h.url !== undefined && SHA_IN_URL.test(h.url)))
    .filter((h) => h.kind !== 'powershell' || !parsedLines.has(h.line))
    .filter((h) => {
      const key = `${h.line}:${h.column}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

// ---------------------------------------------------------------------------------------------
// Forms.

/**
 * Source offsets of the commands that are written literally in the script (top level,
 * `$( … )`, backticks); commands of inline scripts (`bash -c '…'`) are left out.
 */
function locateCommands(
  script: string,
  starts: readonly number[],
  commands: readonly SimpleCommand[],
): Located[] {
  const out: Located[] = [];
  for (const cmd of commands) {
    const head = (starts[cmd.line - 1] ?? 0) + cmd.column - 1;
    const raw0 = cmd.raw[0] ?? '';
    if (!script.startsWith(raw0, head)) continue;
    const start = script.lastIndexOf(cmd.text, head);
    if (start < 0 || start + cmd.text.length < head + raw0.length) continue;
    out.push({ cmd, start, end: start + cmd.text.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

const REDIRECTION = /\d*(?:&>>|&>|>>|>&|>\||<&|<>|>|<)\s*[^\s|;&()]*/g;

/** True when only a pipe (and redirections, line continuations) separates two commands. */
function pipedInto(script: string, a: Located, b: Located): boolean {
  if (b.start < a.end) return false;
  const gap = script
    .slice(a.end, b.start)
    .replace(/\\\r?\n/g, ' ')
    .replace(REDIRECTION, ' ');
  return /^[ \t]*\|&?[ \t]*$/.test(gap);
}

function pipes(script: string, located: readonly Located[]): DownloadExec[] {
  const out: DownloadExec[] = [];
  let group: Located[] = [];
  const flush = (): void => {
    const d = group.findIndex((l) => downloadsToStdout(l.cmd.argv));
    const runner = d < 0 ? undefined : group.slice(d + 1).find((l) => readsStdin(l.cmd.argv));
    const dl = group[d];
    if (dl && runner) {
      out.push({
        kind: 'pipe',
        line: dl.cmd.line,
        column: dl.cmd.column,
        what: clip(`${dl.cmd.argv.join(' ')} | ${runner.cmd.argv.join(' ')}`),
        url: urlOf(dl.cmd.argv),
      });
    }
    group = [];
  };
  for (const l of located) {
    const last = group.at(-1);
    if (last && !pipedInto(script, last, l)) flush();
    group.push(l);
  }
  flush();
  return out;
}

/** `bash <(curl …)`, `source <(curl …)`. */
function processSubstitutions(commands: readonly SimpleCommand[]): DownloadExec[] {
  const out: DownloadExec[] = [];
  for (const cmd of commands) {
    const name = baseName(cmd.argv[0] ?? '');
    if (!INTERPRETER.test(name) && name !== 'source' && name !== '.') continue;
    for (const raw of cmd.raw.slice(1)) {
      if (!raw.startsWith('<(')) continue;
      const inner = splitCommands(raw.slice(2, raw.endsWith(')') ? -1 : undefined)).commands[0];
      if (inner && downloadsToStdout(inner.argv)) {
        out.push({
          kind: 'process-substitution',
          line: cmd.line,
          column: cmd.column,
          what: clip(cmd.argv.join(' ')),
          url: urlOf(inner.argv),
        });
      }
    }
  }
  return out;
}

/** Interpreter and the flags that make its next argument the program text. */
const RUNS_SUBSTITUTION =
  /(?:^|[\s;&|(!])((?:[^\s;&|()'"`]*\/)?(?:(?:ba|z|da|k|a|mk)?sh(?:\s+[-+][A-Za-z]+)*\s+-[A-Za-z]*c[A-Za-z]*|eval|python[\d.]*\s+-c|node\s+-e|perl\s+-e|ruby\s+-e))(?:\s+[-+][A-Za-z]+)*\s+["']?(?:\$\(|`)\s*$/;

/** `sh -c "$(curl …)"`, `eval "$(wget -qO- …)"`, `python3 -c "$(curl …)"`. */
function commandSubstitutions(
  script: string,
  starts: readonly number[],
  located: readonly Located[],
): DownloadExec[] {
  const out: DownloadExec[] = [];
  for (const l of located) {
    if (!downloadsToStdout(l.cmd.argv)) continue;
    const lineStart = starts[l.cmd.line - 1] ?? 0;
    const before = script.slice(Math.max(lineStart, l.start - 400), l.start);
    const m = RUNS_SUBSTITUTION.exec(before);
    if (!m?.[1]) continue;
    const at = l.start - before.length + m.index + m[0].indexOf(m[1]);
    out.push({
      kind: 'command-substitution',
      ...positionAt(starts, at),
      what: clip(`${m[1]} "$(${l.cmd.argv.join(' ')})"`),
      url: urlOf(l.cmd.argv),
    });
  }
  return out;
}

function normalizePath(p: string): string {
  return p.replace(/^\.\//, '');
}

/** `curl -o x.sh URL && bash x.sh` (or `chmod +x x && ./x`) with no verification between. */
function downloadThenRun(commands: readonly SimpleCommand[]): DownloadExec[] {
  const out: DownloadExec[] = [];
  const pending = new Map<string, { url: string | undefined }>();
  for (const cmd of commands) {
    const file = downloadedFile(cmd.argv);
    if (file !== undefined && file !== '' && !hasExpression(file)) {
      pending.set(normalizePath(file), { url: urlOf(cmd.argv) });
      continue;
    }
    if (pending.size === 0) continue;
    const name = baseName(cmd.argv[0] ?? '');
    if (VERIFIERS.test(name)) {
      // A checksum or signature check of the file (or a `-c` list) verifies what was downloaded.
      const args = cmd.argv.slice(1).map(normalizePath);
      const checksList = args.some(
        (a) => a === '-c' || a === '--check' || a.startsWith('--verify'),
      );
      for (const f of [...pending.keys()]) {
        if (checksList || args.includes(f) || args.some((a) => a.endsWith(`/${f}`)))
          pending.delete(f);
      }
      continue;
    }
    const target = executedFile(cmd.argv);
    if (target === undefined) continue;
    const hit = pending.get(normalizePath(target));
    if (!hit) continue;
    pending.delete(normalizePath(target));
    out.push({
      kind: 'download-then-run',
      line: cmd.line,
      column: cmd.column,
      what: clip(cmd.argv.join(' ')),
      url: hit.url,
    });
  }
  return out;
}

/** The script file a command runs: `bash x.sh`, `./x`, `source x.sh`, `python x.py`. */
function executedFile(argv: readonly string[]): string | undefined {
  const head = argv[0] ?? '';
  const name = baseName(head);
  if (INTERPRETER.test(name) || name === 'source' || name === '.') {
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i] ?? '';
      if (SHELL_VALUE_FLAGS.has(a)) i++;
      else if (!a.startsWith('-') && !a.startsWith('+')) return a;
    }
    return undefined;
  }
  return head.includes('/') ? head : undefined;
}

/** `deno run -A https://…`: runs a module straight from a URL. */
function remoteModules(commands: readonly SimpleCommand[]): DownloadExec[] {
  const out: DownloadExec[] = [];
  for (const cmd of commands) {
    if (baseName(cmd.argv[0] ?? '') !== 'deno') continue;
    if (!/^(?:run|x)$/.test(cmd.argv[1] ?? '')) continue;
    const url = cmd.argv.slice(2).find((a) => /^https?:\/\//i.test(a));
    if (url === undefined) continue;
    out.push({
      kind: 'remote-module',
      line: cmd.line,
      column: cmd.column,
      what: clip(cmd.argv.join(' ')),
      url,
    });
  }
  return out;
}

/** `iex (New-Object Net.WebClient).DownloadString('…')`, `iwr … | iex`, `[scriptblock]::Create((irm …))`. */
function powershell(script: string): DownloadExec[] {
  const out: DownloadExec[] = [];
  const lines = script.split('\n');
  lines.forEach((text, i) => {
    const body = text.replace(/\r$/, '');
    const code = body.trimStart();
    if (code.startsWith('#')) return;
    const invoke = /\b(?:iex|Invoke-Expression)\b|\[scriptblock\]::Create\s*\(/i.exec(body);
    if (!invoke || !POWERSHELL_DOWNLOAD.test(body)) return;
    const piped = /\|\s*(?:iex|Invoke-Expression)\b/i.test(body);
    const wrapped = POWERSHELL_DOWNLOAD.test(body.slice(invoke.index));
    if (!piped && !wrapped) return;
    const column = piped ? body.length - code.length + 1 : invoke.index + 1;
    out.push({
      kind: 'powershell',
      line: i + 1,
      column,
      what: clip(code),
      url: /https?:\/\/[^\s'")]+/i.exec(body)?.[0],
    });
  });
  return out;
}

function clip(text: string): string {
  return text.length > MAX_WHAT ? `${text.slice(0, MAX_WHAT - 1)}…` : text;
}
