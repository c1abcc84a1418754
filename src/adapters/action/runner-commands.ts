/**
 * The runner's protocol, the part the action speaks: workflow commands on stdout
 * (`::warning file=…::message`), file commands (GITHUB_OUTPUT, GITHUB_STATE), inputs from
 * INPUT_* and state from STATE_* variables, and the job summary file.
 *
 * Why not `@actions/core`: its index imports `@actions/http-client` (and through it undici)
 * for OIDC tokens and `@actions/exec` for platform details at load time, which the gate never
 * uses; loading them was the largest part of deciding one job in a fresh process (BENCHMARKS.md,
 * "Deciding one job"). The functions here keep `@actions/core` 3.x's names, escaping and
 * file-command format, so a step's log and outputs read the same; the libraries that still
 * use `@actions/core` (artifact upload, attestation) are loaded lazily, only when used.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, constants, existsSync } from 'node:fs';
import { access, appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import { escapeLegacyCommands, escapeLogText } from '../../engine/escape.js';

/** Where an annotation points (the subset of `@actions/core`'s AnnotationProperties we use). */
export interface AnnotationProperties {
  readonly title?: string;
  readonly file?: string;
  readonly startLine?: number;
  readonly startColumn?: number;
}

function commandValue(input: unknown): string {
  if (input === null || input === undefined) return '';
  return typeof input === 'string' ? input : JSON.stringify(input);
}

/** A message's escaping: the runner reads `%`, CR and LF escaped (and nothing else). */
function escapeData(value: unknown): string {
  return commandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property's escaping: as a message's, plus the separators `:` and `,`. */
function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,…::message` on stdout; properties without a value are left out. */
export function issueCommand(
  name: string,
  properties: Readonly<Record<string, string | number | undefined>>,
  message: unknown,
): void {
  const props = Object.entries(properties)
    .filter(([, value]) => Boolean(value))
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

/** `name<<delimiter` … `delimiter`, with a delimiter neither the name nor the value contains. */
function keyValueMessage(key: string, value: unknown): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  const text = commandValue(value);
  if (key.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (text.includes(delimiter))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  return `${key}<<${delimiter}${EOL}${text}${EOL}${delimiter}`;
}

function issueFileCommand(command: 'OUTPUT' | 'STATE', message: string): void {
  const path = process.env[`GITHUB_${command}`];
  if (!path) throw new Error(`Unable to find environment variable for file command ${command}`);
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`);
  appendFileSync(path, `${message}${EOL}`, { encoding: 'utf8' });
}

/** An input as the runner passes it (INPUT_<NAME>, spaces as `_`), trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) {
    issueFileCommand('OUTPUT', keyValueMessage(name, value));
    return;
  }
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, commandValue(value));
}

/** Kept for the post step, which reads it back from STATE_<name>. */
export function saveState(name: string, value: unknown): void {
  if (process.env.GITHUB_STATE) {
    issueFileCommand('STATE', keyValueMessage(name, value));
    return;
  }
  issueCommand('save-state', { name }, commandValue(value));
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

/** Masks the value in the rest of the job's log. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

/**
 * Text as the log shows it: each line escaped (no workflow command, legacy `##[` command or
 * control character), whoever built it. Escaping is idempotent, so text a renderer already
 * escaped is unchanged; one place means a new log line cannot forget it.
 */
function logLines(message: string): string[] {
  return message.split(/\r?\n/).map(escapeLogText);
}

export function info(message: string): void {
  process.stdout.write(logLines(message).join(EOL) + EOL);
}

function annotation(level: string, message: string, p: AnnotationProperties = {}): void {
  issueCommand(
    level,
    { title: p.title, file: p.file, line: p.startLine, col: p.startColumn },
    // One command line already (escapeData encodes CR / LF); only the legacy `##[` form,
    // which the runner finds anywhere in a line, is neutralised as in every log line.
    escapeLegacyCommands(message),
  );
}

export function error(message: string, properties?: AnnotationProperties): void {
  annotation('error', message, properties);
}

export function warning(message: string, properties?: AnnotationProperties): void {
  annotation('warning', message, properties);
}

export function notice(message: string, properties?: AnnotationProperties): void {
  annotation('notice', message, properties);
}

/** An error annotation, and the step fails when the process exits. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY); throws when there is none. */
export async function appendSummary(markdown: string): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path)
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    );
  try {
    await access(path, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(
      `Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`,
    );
  }
  await appendFile(path, markdown, { encoding: 'utf8' });
}
