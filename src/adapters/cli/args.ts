/**
 * Command-line parsing for the CLI (no dependency): known flags only (long, `--flag=value`,
 * or the short forms -f -o -p -q -v), values checked against their allowed sets; anything
 * else is a usage error (exit 2), never ignored. `<command> --help` prints that command's help.
 */
import { InputError } from '../../engine/errors.js';
import { parseShardSpec } from '../../engine/report/shard-split.js';
import type { ShardSpec } from '../../engine/report/shard-split.js';
import { COMMAND_HELP, HELP } from './help.js';

export { HELP };

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'github', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface CommonOptions {
  readonly policy: string | undefined;
  readonly format: Format;
  readonly out: string | undefined;
  readonly verbose: boolean;
  /** Text report: allowed jobs as a count per workflow; and no progress line on a terminal. */
  readonly quiet: boolean;
  /** The directory SARIF URIs are relative to; default: each workflow's repository. */
  readonly root: string | undefined;
  /** Remote actions / reusable workflows are read from here (offline otherwise). */
  readonly actionsCache: string | undefined;
  /** `owner/name` of the repository scanned (names its local actions, e.g. for agents). */
  readonly repository: string | undefined;
  /** `--fetch`: fill the actions cache through the REST API before deciding. */
  readonly fetch: boolean;
  /** `--token` / `--api-url` (else GITHUB_TOKEN / GITHUB_API_URL) for fetching. */
  readonly network: { readonly token: string | undefined; readonly apiUrl: string | undefined };
}

export type PermissionsMode = 'read' | 'write' | 'unknown';

export type Command =
  | { readonly name: 'help'; readonly text: string }
  | { readonly name: 'version' }
  | { readonly name: 'validate'; readonly files: readonly string[] }
  | {
      readonly name: 'verify';
      readonly pack: string;
      readonly requireSigned: boolean;
      readonly bundle: string | undefined;
      readonly trustedRoot: string | undefined;
    }
  | { readonly name: 'rules'; readonly format: 'text' | 'json' | 'markdown' }
  | {
      readonly name: 'fetch';
      readonly dirs: readonly string[];
      readonly actionsCache: string | undefined;
      readonly network: CommonOptions['network'];
    }
  | {
      readonly name: 'evaluate';
      readonly options: CommonOptions;
      readonly workflow: string;
      readonly jobs: readonly string[];
      readonly event: string | undefined;
      readonly eventPath: string | undefined;
      readonly actor: string | undefined;
      readonly changedFiles: readonly string[];
      readonly defaultPermissions: PermissionsMode;
      /** A JSON file of environments as the API returns them (`--environments`). */
      readonly environments: string | undefined;
    }
  | {
      readonly name: 'scan';
      readonly options: CommonOptions;
      readonly dirs: readonly string[];
      readonly defaultPermissions: PermissionsMode;
      readonly environments: string | undefined;
      /** Report every trigger's decision, not only the worst one. */
      readonly allTriggers: boolean;
      /** `--github <owner>[/<repo>]`: repositories read through the REST API instead. */
      readonly github: GithubSource;
      /** `--shard i/n`: scan only this shard of the repository list (see shard-split.ts). */
      readonly shard: ShardSpec | undefined;
      /** `--jobs N`: repositories decided by N worker threads (1: this thread); default: scan-pool.ts. */
      readonly jobs: number | undefined;
    }
  | {
      readonly name: 'merge';
      /** The shards' JSON reports. */
      readonly files: readonly string[];
      readonly format: 'json';
      readonly out: string | undefined;
    };

/** Where `scan --github` reads repositories (see src/adapters/cli/github-scan.ts). */
export interface GithubSource {
  /** Owners (organisation or user) and `owner/repo` names; empty: scan directories. */
  readonly targets: readonly string[];
  /** `--cache DIR`: answers, trees and blobs kept across runs (resumable). */
  readonly cache: string | undefined;
  readonly includeArchived: boolean;
  readonly includeForks: boolean;
}

interface FlagSpec {
  readonly takesValue: boolean;
  readonly repeatable?: boolean;
  readonly values?: readonly string[];
}

const SHORT: Readonly<Record<string, string>> = {
  '-f': '--format',
  '-o': '--out',
  '-p': '--policy',
  '-q': '--quiet',
  '-v': '--verbose',
  '-h': '--help',
};

const HELP_FLAG: Record<string, FlagSpec> = { '--help': { takesValue: false } };
const COMMON: Record<string, FlagSpec> = {
  ...HELP_FLAG,
  '--policy': { takesValue: true },
  '--format': { takesValue: true, values: FORMATS },
  '--out': { takesValue: true },
  '--verbose': { takesValue: false },
  '--quiet': { takesValue: false },
  '--root': { takesValue: true },
  '--default-permissions': { takesValue: true, values: ['read', 'write', 'unknown'] },
  '--environments': { takesValue: true },
  '--actions-cache': { takesValue: true },
  '--repository': { takesValue: true },
  '--fetch': { takesValue: false },
  '--token': { takesValue: true },
  '--api-url': { takesValue: true },
};
const FETCH: Record<string, FlagSpec> = {
  ...HELP_FLAG,
  '--actions-cache': { takesValue: true },
  '--token': { takesValue: true },
  '--api-url': { takesValue: true },
};
const EVALUATE: Record<string, FlagSpec> = {
  ...COMMON,
  '--workflow': { takesValue: true },
  '--job': { takesValue: true, repeatable: true },
  '--event': { takesValue: true },
  '--event-path': { takesValue: true },
  '--actor': { takesValue: true },
  '--changed-file': { takesValue: true, repeatable: true },
};
const GITHUB: Record<string, FlagSpec> = {
  '--github': { takesValue: true, repeatable: true },
  '--cache': { takesValue: true },
  '--include-archived': { takesValue: false },
  '--include-forks': { takesValue: false },
};
const GITHUB_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9_.-]{1,100})?$/;

function githubSource(flags: Map<string, string[]>, command: string): GithubSource {
  const targets = flags.get('--github') ?? [];
  for (const target of targets)
    if (!GITHUB_NAME.test(target) || /\/\.\.?$/.test(target))
      throw usage(`--github takes <owner> or <owner>/<repo>, got \`${target}\``, command);
  const only = ['--cache', '--include-archived', '--include-forks'];
  const stray = only.find((f) => flags.has(f));
  if (targets.length === 0 && stray !== undefined)
    throw usage(`${stray} applies to --github only`, command);
  return {
    targets,
    cache: one(flags, '--cache'),
    includeArchived: flags.has('--include-archived'),
    includeForks: flags.has('--include-forks'),
  };
}

const VERIFY: Record<string, FlagSpec> = {
  ...HELP_FLAG,
  '--require-signed': { takesValue: false },
  '--bundle': { takesValue: true },
  '--trusted-root': { takesValue: true },
};

export function parseArgs(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h')
    return { name: 'help', text: rest[0] ? helpOf(rest[0]) : HELP };
  if (name === '--version' || name === '-V' || name === '-v' || name === 'version')
    return { name: 'version' };
  const help = (): Command => ({ name: 'help', text: helpOf(name) });
  if (name === 'validate') {
    const { flags, positional } = parseFlags(rest, HELP_FLAG);
    if (flags.has('--help')) return help();
    if (positional.length === 0) throw usage('validate needs a policy file', name);
    return { name: 'validate', files: positional };
  }
  if (name === 'rules') {
    const { flags, positional } = parseFlags(rest, {
      ...HELP_FLAG,
      '--format': { takesValue: true, values: ['text', 'json', 'markdown'] },
    });
    if (flags.has('--help')) return help();
    if (positional.length > 0) throw usage(`unexpected argument: ${positional[0] ?? ''}`, name);
    return {
      name: 'rules',
      format: (one(flags, '--format') ?? 'text') as 'text' | 'json' | 'markdown',
    };
  }
  if (name === 'verify') {
    const { flags, positional } = parseFlags(rest, VERIFY);
    if (flags.has('--help')) return help();
    if (positional.length === 0)
      throw usage('verify needs an evidence pack (a directory or a zip)', name);
    if (positional.length > 1) throw usage(`unexpected argument: ${positional.at(-1) ?? ''}`, name);
    return {
      name: 'verify',
      pack: positional[0] ?? '',
      requireSigned: flags.has('--require-signed'),
      bundle: one(flags, '--bundle'),
      trustedRoot: one(flags, '--trusted-root'),
    };
  }
  if (name === 'fetch') {
    const { flags, positional } = parseFlags(rest, FETCH);
    if (flags.has('--help')) return help();
    if (positional.length === 0) throw usage('fetch needs at least one directory', name);
    return {
      name: 'fetch',
      dirs: positional,
      actionsCache: one(flags, '--actions-cache'),
      network: network(flags),
    };
  }
  if (name === 'evaluate') {
    const { flags, positional } = parseFlags(rest, EVALUATE);
    if (flags.has('--help')) return help();
    const workflow = one(flags, '--workflow') ?? positional[0];
    if (!workflow) throw usage('evaluate needs --workflow <file>', name);
    if (positional.length > (one(flags, '--workflow') ? 0 : 1))
      throw usage(`unexpected argument: ${positional.at(-1) ?? ''}`, name);
    return {
      name: 'evaluate',
      options: common(flags),
      workflow,
      jobs: flags.get('--job') ?? [],
      event: one(flags, '--event'),
      eventPath: one(flags, '--event-path'),
      actor: one(flags, '--actor'),
      changedFiles: flags.get('--changed-file') ?? [],
      defaultPermissions: permissionsMode(flags),
      environments: one(flags, '--environments'),
    };
  }
  if (name === 'merge') {
    const { flags, positional } = parseFlags(rest, {
      ...HELP_FLAG,
      '--format': { takesValue: true, values: ['json'] },
      '--out': { takesValue: true },
    });
    if (flags.has('--help')) return help();
    if (positional.length === 0)
      throw usage('merge needs the shard reports (report.json files)', name);
    return { name: 'merge', files: positional, format: 'json', out: one(flags, '--out') };
  }
  if (name === 'scan') {
    const { flags, positional } = parseFlags(rest, {
      ...COMMON,
      '--all-triggers': { takesValue: false },
      '--shard': { takesValue: true },
      '--jobs': { takesValue: true },
      ...GITHUB,
    });
    if (flags.has('--help')) return help();
    const github = githubSource(flags, name);
    if (positional.length === 0 && github.targets.length === 0)
      throw usage('scan needs at least one directory (or --github <owner>[/<repo>])', name);
    if (positional.length > 0 && github.targets.length > 0)
      throw usage('scan reads either directories or --github repositories, not both', name);
    return {
      name: 'scan',
      options: common(flags),
      dirs: positional,
      defaultPermissions: permissionsMode(flags),
      environments: one(flags, '--environments'),
      allTriggers: flags.has('--all-triggers'),
      shard: shardOption(one(flags, '--shard')),
      jobs: jobsOption(one(flags, '--jobs'), github.targets.length > 0),
      github,
    };
  }
  throw usage(`unknown command: ${name}`);
}

function helpOf(command: string): string {
  const text = COMMAND_HELP[command];
  if (text === undefined) throw usage(`unknown command: ${command}`);
  return text;
}

function parseFlags(
  args: readonly string[],
  specs: Record<string, FlagSpec>,
): { flags: Map<string, string[]>; positional: string[] } {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  let onlyPositional = false;
  for (let i = 0; i < args.length; i++) {
    const raw = args[i] ?? '';
    if (onlyPositional || raw === '-' || !raw.startsWith('-')) {
      positional.push(raw);
      continue;
    }
    if (raw === '--') {
      onlyPositional = true;
      continue;
    }
    const arg = raw.startsWith('--') ? raw : expandShort(raw);
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = specs[flag];
    if (!spec) throw usage(`unknown option: ${raw.startsWith('--') ? flag : raw}`);
    let value = 'true';
    if (spec.takesValue) {
      const next = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (next === undefined || (eq < 0 && next.startsWith('-') && next !== '-'))
        throw usage(`${flag} needs a value`);
      if (spec.values && !spec.values.includes(next))
        throw usage(`${flag} must be one of: ${spec.values.join(', ')} (got ${next})`);
      value = next;
    } else if (eq > 0) throw usage(`${flag} takes no value`);
    if (flags.has(flag) && !spec.repeatable) throw usage(`${flag} given twice`);
    flags.set(flag, [...(flags.get(flag) ?? []), value]);
  }
  return { flags, positional };
}

/** `-f json` → `--format json`; `-fjson` is not accepted (one letter, one flag). */
function expandShort(arg: string): string {
  const long = SHORT[arg];
  if (long === undefined) throw usage(`unknown option: ${arg}`);
  return long;
}

function one(flags: Map<string, string[]>, name: string): string | undefined {
  return flags.get(name)?.[0];
}

function common(flags: Map<string, string[]>): CommonOptions {
  const verbose = flags.has('--verbose');
  const quiet = flags.has('--quiet');
  if (verbose && quiet) throw usage('--quiet and --verbose contradict each other');
  if (
    !flags.has('--fetch') &&
    !flags.has('--github') &&
    (flags.has('--token') || flags.has('--api-url'))
  )
    throw usage('--token and --api-url are used only with --fetch or --github');
  return {
    policy: one(flags, '--policy'),
    format: (one(flags, '--format') ?? 'text') as Format,
    out: one(flags, '--out'),
    verbose,
    quiet,
    root: one(flags, '--root'),
    actionsCache: one(flags, '--actions-cache'),
    repository: repositoryName(one(flags, '--repository')),
    fetch: flags.has('--fetch'),
    network: network(flags),
  };
}

function network(flags: Map<string, string[]>): CommonOptions['network'] {
  return { token: one(flags, '--token'), apiUrl: one(flags, '--api-url') };
}

function repositoryName(value: string | undefined): string | undefined {
  if (value !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(value))
    throw usage(`--repository must be owner/name, got \`${value}\``);
  return value;
}

function shardOption(value: string | undefined): ShardSpec | undefined {
  if (value === undefined) return undefined;
  try {
    return parseShardSpec(value);
  } catch (e) {
    throw usage((e as Error).message, 'scan');
  }
}

/** `--jobs N`, 1 ≤ N ≤ 64; the pool decides directories only (--github reads as it decides). */
function jobsOption(value: string | undefined, github: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d?$/.test(value) || Number(value) > 64)
    throw usage(`--jobs must be a whole number from 1 to 64, got \`${value}\``, 'scan');
  if (github && value !== '1')
    throw usage('--jobs applies to directory scans (--github decides in one thread)', 'scan');
  return Number(value);
}

function permissionsMode(flags: Map<string, string[]>): PermissionsMode {
  return (one(flags, '--default-permissions') ?? 'unknown') as PermissionsMode;
}

function usage(message: string, command?: string): InputError {
  return new InputError(
    `${message}\nRun \`agent-gate ${command ? `${command} ` : ''}--help\` for usage.`,
  );
}
