/**
 * The CLI adapter: parses argv, runs the engine, renders, and maps the decision to an exit
 * code (0 allow · 1 blocked · 2 usage/input error · 3 approval-required).
 */
import { RULES } from '../../engine/rules/index.js';
import type { Rule } from '../../engine/rules/types.js';
import { InputError, describeError, normalizeError } from '../../engine/errors.js';
import { loadPolicy } from '../../engine/policy/load-policy.js';
import { escapeLogText } from '../../engine/escape.js';
import { redactText } from '../../engine/evidence/redact.js';
import { TOOL_VERSION } from '../../engine/version.js';
import { parseArgs } from './args.js';
import { evaluateCommand, scanCommand } from './decide-commands.js';
import { fsPolicyReader } from './fs-policy-reader.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
  /** What the terminal is: colour and progress only on a TTY (absent: not a TTY). */
  readonly terminal?: Terminal;
  /** The detection-rule catalog (embedders and tests pass their own); the registry if absent. */
  readonly rules?: readonly Rule<unknown>[];
  /** The environment (GITHUB_TOKEN, GITHUB_API_URL for fetching); absent: none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * The script `scan --jobs N` starts its worker threads with: the CLI bundle's entry. Absent
   * (the CLI run in-process, e.g. by tests): repositories are decided in this thread.
   */
  readonly workerScript?: string | URL;
}

export interface Terminal {
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** `NO_COLOR` (any value) turns colour off; see https://no-color.org. */
  readonly noColor: boolean;
}

export { DEFAULT_POLICY_FILE } from './repo-policy.js';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (thrown) {
    const error = normalizeError(thrown);
    io.stderr(
      `agent-gate: ${error instanceof InputError ? '' : 'internal error: '}${escapeLogText(redactText(describeError(error))).replace(/ ⏎ /g, '\n')}\n`,
    );
    return 2;
  }
}

/**
 * Commands other than evaluate / scan load their modules when run: deciding a job in a fresh
 * process pays only for what it uses (BENCHMARKS.md, "Deciding one job").
 */
async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseArgs(argv);
  switch (command.name) {
    case 'help':
      io.stdout(command.text);
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
      return await (await import('./verify-command.js')).verifyCommand(command, io);
    case 'rules': {
      const catalog = await import('../../engine/report/render-catalog.js');
      io.stdout(
        command.format === 'json'
          ? catalog.renderCatalogJson(RULES)
          : command.format === 'markdown'
            ? catalog.renderCatalogMarkdown(RULES)
            : catalog.renderCatalogText(RULES),
      );
      return 0;
    }
    case 'evaluate':
      return await evaluateCommand(command, io);
    case 'scan':
      return await scanCommand(command, io);
    case 'fetch':
      return await (await import('./fetch-command.js')).fetchCommand(command, io);
    case 'merge':
      return (await import('./merge-command.js')).mergeCommand(command, io);
  }
}
