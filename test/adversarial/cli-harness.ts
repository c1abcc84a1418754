/**
 * Runs one adversarial case through the CLI engine in-process (the same code the bundle
 * runs): the case's files are written to a fresh directory, argv is relative to it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';
import { readReport } from '../cli/json-report.js';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly dir: string;
}

/** Exit codes of the CLI (DESIGN.md §8). */
export const EXIT = { allow: 0, blocked: 1, error: 2, 'approval-required': 3 } as const;

export async function runCase(
  files: Readonly<Record<string, string>>,
  argv: (dir: string) => readonly string[],
): Promise<CliResult> {
  const dir = tempDir('agent-gate-adv-');
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  let out = '';
  let err = '';
  const code = await runCli([...argv(dir)], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return { code, out, err, dir };
}

/** `evaluate` of `wf.yml` in the case directory with JSON output and extra flags. */
export function evaluate(
  files: Readonly<Record<string, string>>,
  ...flags: string[]
): Promise<CliResult> {
  return runCase(files, (dir) => [
    'evaluate',
    '--workflow',
    join(dir, 'wf.yml'),
    '--format',
    'json',
    ...flags.map((f) => f.replaceAll('{dir}', dir)),
  ]);
}

export interface JsonReport {
  readonly decision: string;
  readonly jobs: readonly {
    readonly id: string;
    readonly decision: string;
  }[];
  readonly findings: readonly { readonly ruleId: string; readonly message: string }[];
  readonly bom: {
    readonly workflows: readonly {
      readonly jobs: readonly {
        readonly unattended: boolean;
        readonly unattendedReasons: readonly string[];
        readonly classes: readonly string[];
        readonly permissions: {
          readonly scopes: Readonly<Record<string, string>>;
          readonly downgrade: string | null;
        };
      }[];
    }[];
  };
}

export function json(r: CliResult): JsonReport {
  try {
    return readReport(r.out) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.out}\n${r.err}`);
  }
}

export function firstJob(r: CliResult): JsonReport['bom']['workflows'][number]['jobs'][number] {
  const job = json(r).bom.workflows[0]?.jobs[0];
  if (!job) throw new Error(`no job in the report: ${r.out}`);
  return job;
}
