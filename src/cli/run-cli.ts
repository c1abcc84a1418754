/**
 * The CLI adapter: parses argv, runs the engine, renders, and maps the decision to an exit
 * code (0 allow · 1 blocked · 2 usage/input error · 3 approval-required).
 */
import { RULES } from '../rules/index.js';
import {
  renderCatalogJson,
  renderCatalogMarkdown,
  renderCatalogText,
} from '../report/render-catalog.js';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError, describeError, normalizeError } from '../errors.js';
import { evaluateWorkflow } from '../evaluate.js';
import { evaluateEachTrigger } from '../evaluate-triggers.js';
import { redactDeep, redactText } from '../evidence/redact.js';
import type { Evaluation } from '../evaluate.js';
import { isPresetName, loadPolicy, policyFilesRead } from '../policy/load-policy.js';
import { effectiveDefaultPermissions } from '../policy/default-permissions.js';
import { renderJson } from '../report/render-json.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderSarif } from '../report/render-sarif.js';
import { renderText } from '../report/render-text.js';
import { escapeLogText } from '../report/escape.js';
import { ZIP_LIMITS, readZip } from '../evidence/zip.js';
import { EXIT_CODES, buildReport } from '../report/report.js';
import type { FileError, Report } from '../report/report.js';
import { TOOL_VERSION } from '../version.js';
import { HELP, parseArgs } from './args.js';
import type { CommonOptions } from './args.js';
import { discoverWorkflows } from './discover.js';
import { cliContext } from './event-context.js';
import { environmentsFromFile } from '../context/environment-protection.js';
import type { EnvironmentFacts } from '../context/environment-protection.js';
import { readRepoSnapshot, repoRootOf } from './fs-repo-snapshot.js';
import { fsPolicyReader, readTextFile } from './fs-policy-reader.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
}

export const DEFAULT_POLICY_FILE = '.github/agent-gate.yml';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (thrown) {
    const error = normalizeError(thrown);
    io.stderr(
      `agent-gate: ${error instanceof InputError ? '' : 'internal error: '}${redactText(describeError(error))}\n`,
    );
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseArgs(argv);
  switch (command.name) {
    case 'help':
      io.stdout(HELP);
      return 0;
    case 'version':
      io.stdout(`${TOOL_VERSION}\n`);
      return 0;
    case 'validate':
      for (const file of command.files) {
        const policy = await loadPolicy(file, fsPolicyReader);
        io.stdout(
          `${file}: valid (${policy.rules.length} rules from ${policy.sources.join(' + ')}; ${policy.digest})\n`,
        );
      }
      return 0;
    case 'verify':
      return await verifyCommand(command.pack, io);
    case 'rules':
      io.stdout(
        command.format === 'json'
          ? renderCatalogJson(RULES)
          : command.format === 'markdown'
            ? renderCatalogMarkdown(RULES)
            : renderCatalogText(RULES),
      );
      return 0;
    case 'evaluate': {
      const policyRef = resolvePolicyRef(command.options.policy);
      const policy = await loadPolicy(policyRef, fsPolicyReader);
      const root = repoRootOf(command.workflow);
      const context = {
        ...cliContext({
          ...command,
          defaultPermissions: effectiveDefaultPermissions(policy, command.defaultPermissions),
          policyFile: isPresetName(policyRef) ? undefined : policyRef,
        }),
        environments: environmentsOption(command.environments),
        policyFiles: repoRelative(root, policyFilesRead(policy)),
      };
      const evaluation = evaluateWorkflow({
        path: command.workflow,
        text: readTextFile(command.workflow),
        repo: root === undefined ? undefined : readRepoSnapshot(root),
        repoPath:
          root === undefined ? undefined : relative(root, command.workflow).split(sep).join('/'),
        policy,
        context,
        jobs: command.jobs.length > 0 ? command.jobs : undefined,
        now: io.now(),
      });
      return emit(buildReport(policy, [evaluation], []), command.options, io);
    }
    case 'scan': {
      const policy = await loadPolicy(command.options.policy ?? 'baseline', fsPolicyReader);
      const evaluations: Evaluation[] = [];
      const errors: FileError[] = [];
      const context = {
        ...cliContext({
          event: undefined,
          eventPath: undefined,
          actor: undefined,
          changedFiles: [],
          defaultPermissions: effectiveDefaultPermissions(policy, command.defaultPermissions),
          policyFile: undefined,
        }),
        environments: environmentsOption(command.environments),
      };
      for (const dir of command.dirs) {
        const files = discoverWorkflows(dir);
        if (files.length === 0) io.stderr(`agent-gate: no workflow files in ${dir}\n`);
        // One repository snapshot per scanned repository, shared by its workflows.
        const root = files[0] === undefined ? undefined : repoRootOf(files[0]);
        const repo = root === undefined ? undefined : readRepoSnapshot(root);
        for (const file of files) {
          try {
            evaluations.push(
              ...evaluateEachTrigger(
                {
                  path: file,
                  text: readTextFile(file),
                  policy,
                  context,
                  now: io.now(),
                  repo,
                  repoPath: root === undefined ? undefined : toRepoPath(root, file),
                },
                command.allTriggers,
              ),
            );
          } catch (thrown) {
            const error = normalizeError(thrown);
            if (!(error instanceof InputError)) throw error;
            errors.push({ path: file, message: describeError(error) });
          }
        }
      }
      return emit(buildReport(policy, evaluations, errors), command.options, io);
    }
  }
}

/** `--environments <file>`: protection facts by name; undefined (unknown) without the flag. */
function environmentsOption(
  file: string | undefined,
): Readonly<Record<string, EnvironmentFacts>> | undefined {
  return file === undefined ? undefined : environmentsFromFile(readTextFile(file), file);
}

function toRepoPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** `--policy` as given, else the repository's policy file when present, else baseline. */
function resolvePolicyRef(given: string | undefined): string {
  if (given) return given;
  return existsSync(DEFAULT_POLICY_FILE) ? DEFAULT_POLICY_FILE : 'baseline';
}

function emit(unsafe: Report, options: CommonOptions, io: CliIo): number {
  // Literal secrets written into a workflow never reach stdout or the report files.
  const report = redactDeep(unsafe);
  const renderers = {
    text: () =>
      renderText(report, { verbose: options.verbose, quiet: options.quiet, cwd: process.cwd() }),
    json: () => renderJson(report),
    sarif: () => renderSarif(report),
    markdown: () => renderMarkdown(report),
  };
  io.stdout(renderers[options.format]());
  if (options.out) {
    mkdirSync(options.out, { recursive: true });
    writeFileSync(join(options.out, 'report.json'), renderers.json());
    writeFileSync(join(options.out, 'findings.sarif'), renderers.sarif());
    writeFileSync(join(options.out, 'summary.md'), renderers.markdown());
  }
  return EXIT_CODES[report.decision];
}

// ---------------------------------------------------------------------------------------------
// verify: an evidence pack, as a directory or as the zip an artifact downloads as.

/** Larger than any evidence pack; a bigger input is refused before it is read. */
const MAX_PACK_INPUT_BYTES = ZIP_LIMITS.maxTotalBytes;

async function verifyCommand(path: string, io: CliIo): Promise<number> {
  const { files, problems: readProblems } = readPackInput(path);
  // The SARIF and evidence validators are large: only `verify` loads them.
  const { verifyPack } = await import('../evidence/verify-pack.js');
  const result = verifyPack(files);
  const problems = [...readProblems, ...result.problems];
  const shown = escapeLogText(path);
  if (problems.length === 0) {
    io.stdout(
      `${shown}: evidence pack verifies — the ${files.size - 1} files listed in manifest.json match it; pack digest ${result.digest ?? '?'}\n`,
    );
    return 0;
  }
  io.stdout(
    `${shown}: evidence pack does NOT verify (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ✗ ${escapeLogText(p)}\n`).join('')}${result.digest ? `pack digest of the files present: ${result.digest}\n` : ''}`,
  );
  return 1;
}

/** The pack's files by name; links and special files are not followed but reported. */
function readPackInput(path: string): { files: Map<string, Buffer>; problems: string[] } {
  let stat;
  try {
    stat = statSync(path);
  } catch (cause) {
    throw new InputError(
      `${path}: cannot read (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`,
      {
        cause,
      },
    );
  }
  if (stat.isDirectory()) return readPackDir(path);
  if (!stat.isFile()) throw new InputError(`${path}: not a directory or a zip file`);
  if (stat.size > MAX_PACK_INPUT_BYTES)
    throw new InputError(`${path}: ${stat.size} bytes is too large for an evidence pack`);
  const buffer = readFileSync(path);
  const magic = buffer.subarray(0, 4).toString('latin1');
  if (magic !== 'PK\x03\x04' && magic !== 'PK\x05\x06')
    throw new InputError(`${path}: not a directory or a zip file`);
  try {
    return { files: readZip(buffer), problems: [] };
  } catch (cause) {
    throw new InputError(`${path}: ${(cause as Error).message}`, { cause });
  }
}

function readPackDir(root: string): { files: Map<string, Buffer>; problems: string[] } {
  const files = new Map<string, Buffer>();
  const problems: string[] = [];
  let total = 0;
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      const name = `${prefix}${entry}`;
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) problems.push(`${name} is a symbolic link (not followed)`);
      else if (stat.isDirectory()) walk(full, `${name}/`);
      else if (!stat.isFile()) problems.push(`${name} is not a regular file`);
      else {
        total += stat.size;
        if (total > MAX_PACK_INPUT_BYTES)
          throw new InputError(
            `${root}: over ${MAX_PACK_INPUT_BYTES} bytes: too large for an evidence pack`,
          );
        files.set(name, readFileSync(full));
      }
    }
  };
  try {
    walk(root, '');
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    throw new InputError(
      `${root}: cannot read (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`,
      {
        cause,
      },
    );
  }
  return { files, problems };
}

/** The policy files inside the workflow's repository, as repository paths (for --changed-file). */
function repoRelative(root: string | undefined, files: readonly string[]): string[] {
  if (root === undefined) return [...files];
  return files.flatMap((file) => {
    const rel = relative(resolve(root), resolve(file));
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? [] : [rel.split(sep).join('/')];
  });
}
