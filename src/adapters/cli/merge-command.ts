/**
 * `agent-gate merge report-*.json`: reads the shards' JSON reports, checks each against the
 * report schema (a file that is not a valid report is refused, never half-used), merges them
 * (src/engine/report/merge-reports.ts) and prints / writes the whole scan's report. Exit code as
 * `scan`: the decision's, or 2 when the scan had errors.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../engine/errors.js';
import validateReport from '../../generated/report-validator.js';
import { mergeReports } from '../../engine/report/merge-reports.js';
import type { ShardReport } from '../../engine/report/merge-reports.js';
import { EXIT_CODES } from '../../engine/report/report.js';
import type { DecisionValue } from '../../engine/policy/types.js';
import type { Command } from './args.js';
import { checkOutDir } from './emit-report.js';
import type { CliIo } from './run-cli.js';
import { jsonReportText } from '../../engine/report/render-json.js';

type MergeArgs = Extract<Command, { name: 'merge' }>;

export function mergeCommand(command: MergeArgs, io: CliIo): number {
  checkOutDir(command.out);
  const reports: ShardReport[] = command.files.map((file) => ({
    name: file,
    doc: readReport(file),
  }));
  const merged = mergeReports(reports);
  const text = jsonReportText(merged);
  if (command.out !== undefined) {
    try {
      mkdirSync(command.out, { recursive: true });
      writeFileSync(join(command.out, 'report.json'), text);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      throw new InputError(
        `--out ${command.out}: cannot write report.json (${code ?? String(cause)})`,
        {
          cause,
        },
      );
    }
  }
  io.stdout(text);
  const errors = merged.errors as unknown[];
  if (errors.length > 0) return 2;
  return EXIT_CODES[merged.decision as DecisionValue];
}

function readReport(file: string): Record<string, unknown> {
  let text: string;
  try {
    // Not readTextFile: a shard report of many repositories is far over its source-size cap.
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: cannot read (${code ?? String(cause)})`, { cause });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new InputError(`${file}: not JSON (${(cause as Error).message})`, { cause });
  }
  if (!validateReport(doc)) {
    const problems = (validateReport.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    throw new InputError(`${file}: not an agent-gate JSON report (report.schema.json)`, {
      details: problems,
    });
  }
  return doc as Record<string, unknown>;
}
