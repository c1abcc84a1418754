/**
 * Command-line parsing for the CLI (no dependency): known flags only, values checked
 * against their allowed sets; anything else is a usage error (exit 2), never ignored.
 */
import { InputError } from '../errors.js';

export type Format = 'text' | 'json' | 'sarif' | 'markdown';

export interface CommonOptions {
  readonly policy: string | undefined;
  readonly format: Format;
  readonly out: string | undefined;
  readonly verbose: boolean;
  /** Text report: allowed jobs as a count per workflow. */
  readonly quiet: boolean;
}

export type Command =
  | { readonly name: 'help' }
  | { readonly name: 'version' }
  | { readonly name: 'validate'; readonly files: readonly string[] }
  | { readonly name: 'verify'; readonly pack: string }
  | { readonly name: 'rules'; readonly format: 'text' | 'json' | 'markdown' }
  | {
      readonly name: 'evaluate';
      readonly options: CommonOptions;
      readonly workflow: string;
      readonly jobs: readonly string[];
      readonly event: string | undefined;
      readonly eventPath: string | undefined;
      readonly actor: string | undefined;
      readonly changedFiles: readonly string[];
      readonly defaultPermissions: 'read' | 'write' | 'unknown';
      /** A JSON file of environments as the API returns them (`--environments`). */
      readonly environments: string | undefined;
    }
  | {
      readonly name: 'scan';
      readonly options: CommonOptions;
      readonly dirs: readonly string[];
      readonly defaultPermissions: 'read' | 'write' | 'unknown';
      readonly environments: string | undefined;
      /** Report every trigger's decision, not only the worst one. */
      readonly allTriggers: boolean;
    };

interface FlagSpec {
  readonly takesValue: boolean;
  readonly repeatable?: boolean;
  readonly values?: readonly string[];
}

const COMMON: Record<string, FlagSpec> = {
  '--policy': { takesValue: true },
  '--format': { takesValue: true, values: ['text', 'json', 'sarif', 'markdown'] },
  '--out': { takesValue: true },
  '--verbose': { takesValue: false },
  '--quiet': { takesValue: false },
  '--default-permissions': { takesValue: true, values: ['read', 'write', 'unknown'] },
  '--environments': { takesValue: true },
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

export function parseArgs(argv: readonly string[]): Command {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h')
    return { name: 'help' };
  if (name === '--version' || name === '-v' || name === 'version') return { name: 'version' };
  if (name === 'validate') {
    const { positional } = parseFlags(rest, {});
    if (positional.length === 0) throw usage('validate needs a policy file');
    return { name: 'validate', files: positional };
  }
  if (name === 'rules') {
    const { flags, positional } = parseFlags(rest, {
      '--format': { takesValue: true, values: ['text', 'json', 'markdown'] },
    });
    if (positional.length > 0) throw usage(`unexpected argument: ${positional[0] ?? ''}`);
    return {
      name: 'rules',
      format: (one(flags, '--format') ?? 'text') as 'text' | 'json' | 'markdown',
    };
  }
  if (name === 'verify') {
    const { positional } = parseFlags(rest, {});
    if (positional.length === 0)
      throw usage('verify needs an evidence pack (a directory or a zip)');
    if (positional.length > 1) throw usage(`unexpected argument: ${positional.at(-1) ?? ''}`);
    return { name: 'verify', pack: positional[0] ?? '' };
  }
  if (name === 'evaluate') {
    const { flags, positional } = parseFlags(rest, EVALUATE);
    const workflow = one(flags, '--workflow') ?? positional[0];
    if (!workflow) throw usage('evaluate needs --workflow <file>');
    if (positional.length > (one(flags, '--workflow') ? 0 : 1))
      throw usage(`unexpected argument: ${positional.at(-1) ?? ''}`);
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
  if (name === 'scan') {
    const { flags, positional } = parseFlags(rest, {
      ...COMMON,
      '--all-triggers': { takesValue: false },
    });
    if (positional.length === 0) throw usage('scan needs at least one directory');
    return {
      name: 'scan',
      options: common(flags),
      dirs: positional,
      defaultPermissions: permissionsMode(flags),
      environments: one(flags, '--environments'),
      allTriggers: flags.has('--all-triggers'),
    };
  }
  throw usage(`unknown command: ${name}`);
}

function parseFlags(
  args: readonly string[],
  specs: Record<string, FlagSpec>,
): { flags: Map<string, string[]>; positional: string[] } {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = specs[flag];
    if (!spec) throw usage(`unknown option: ${flag}`);
    let value = 'true';
    if (spec.takesValue) {
      const next = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (next === undefined || (eq < 0 && next.startsWith('--')))
        throw usage(`${flag} needs a value`);
      if (spec.values && !spec.values.includes(next))
        throw usage(`${flag} must be one of: ${spec.values.join(', ')} (got ${next})`);
      value = next;
    }
    if (flags.has(flag) && !spec.repeatable) throw usage(`${flag} given twice`);
    flags.set(flag, [...(flags.get(flag) ?? []), value]);
  }
  return { flags, positional };
}

function one(flags: Map<string, string[]>, name: string): string | undefined {
  return flags.get(name)?.[0];
}

function common(flags: Map<string, string[]>): CommonOptions {
  return {
    policy: one(flags, '--policy'),
    format: (one(flags, '--format') ?? 'text') as Format,
    out: one(flags, '--out'),
    verbose: flags.has('--verbose'),
    quiet: flags.has('--quiet'),
  };
}

function permissionsMode(flags: Map<string, string[]>): 'read' | 'write' | 'unknown' {
  return (one(flags, '--default-permissions') ?? 'unknown') as 'read' | 'write' | 'unknown';
}

function usage(message: string): InputError {
  return new InputError(`${message}\nRun \`agent-gate --help\` for usage.`);
}

export const HELP = `agent-gate — CI policy gate for AI coding agents

Usage:
  agent-gate evaluate --workflow <file> [--job <id> ...] [--policy <file|preset>]
                      [--event <name>] [--event-path <payload.json>] [--actor <login>]
                      [--changed-file <path> ...] [--default-permissions read|write|unknown]
                      [--environments <env.json>]
                      [--format text|json|sarif|markdown] [--out <dir>] [--verbose]
  agent-gate scan <dir|file> [<dir|file> ...] [--policy <file|preset>]
                      [--default-permissions read|write|unknown] [--environments <env.json>]
                      [--all-triggers] [--format text|json|sarif|markdown] [--out <dir>]
                      [--verbose | --quiet]
  agent-gate validate <policy-file> [...]
  agent-gate verify <pack-dir|pack.zip>
  agent-gate rules [--format text|json|markdown]   the detection-rule catalog
  agent-gate --version

Policy: a preset (baseline, strict) or a YAML/JSON file; default .github/agent-gate.yml
when it exists, else baseline.

--default-permissions  the repository's default GITHUB_TOKEN permissions for jobs that declare
                       no \`permissions:\` (Settings → Actions → Workflow permissions). unknown (the
                       default) assumes write. The policy can state it once
                       (\`repository: { default-permissions: read }\`); the flag can only make it
                       stricter: when the two disagree, write is assumed.
--environments         environments as GET /repos/{owner}/{repo}/environments/{name} returns them
                       (one object, a list, or the list endpoint's { environments: [...] });
                       required reviewers hold the approval of a job's deploy / production paths.
                       Without it their protection is unknown and the policy decides.
--quiet                text report: allowed jobs as a count per workflow, not a line each.
--all-triggers         scan decides each trigger of a workflow (its \`if:\` conditions evaluated
                       for that event) and reports the worst; this lists every trigger's decision.

Exit codes: 0 allow · 1 blocked · 2 usage or input error · 3 approval-required
verify: 0 the evidence pack verifies · 1 it does not (each problem listed) · 2 unreadable
`;
