/**
 * The names of shells, once: the shell parser (shell.ts), the opaque-command finder and the
 * download-and-run check all ask "is this command a shell?" with these sets.
 */

/** POSIX shells: `bash -c …`, `sh script.sh`, `curl … | sh`. */
export const POSIX_SHELLS: ReadonlySet<string> = new Set([
  'bash',
  'sh',
  'zsh',
  'dash',
  'ksh',
  'ash',
  'mksh',
]);

/** Windows shells: `pwsh -Command …`, `cmd /c …`. */
export const WINDOWS_SHELLS: ReadonlySet<string> = new Set([
  'pwsh',
  'powershell',
  'pwsh.exe',
  'powershell.exe',
  'cmd',
  'cmd.exe',
]);
