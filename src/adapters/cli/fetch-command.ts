/**
 * `agent-gate fetch <dir> … --actions-cache DIR`: fills the actions cache with the remote
 * actions and reusable workflows the repositories' workflows and action files use,
 * recursively through what is fetched (the engine's depth cap and cycle check), so that
 * `scan` / `evaluate` can read them offline. Exit 0 when every reference was fetched, 2 when
 * one was not (each reported with its location) or a file could not be parsed.
 */
import { InputError, describeError, normalizeError } from '../../engine/errors.js';
import { gatherActionFiles } from '../../engine/inventory/resolve/action-files.js';
import type { ParsedFile } from '../../engine/inventory/resolve/action-files.js';
import { escapeLogText } from '../../engine/escape.js';
import type { FileError } from '../../engine/report/report.js';
import { parseWorkflowOrAction } from '../../engine/workflow/action-file.js';
import type { Command } from './args.js';
import { discoverTargets } from './discover.js';
import { FetchSession } from './fetch-session.js';
import { readTextFile } from './fs-policy-reader.js';
import type { CliIo } from './run-cli.js';

type FetchArgs = Extract<Command, { name: 'fetch' }>;

export async function fetchCommand(command: FetchArgs, io: CliIo): Promise<number> {
  const session = FetchSession.open(command.actionsCache, command.network, io.env ?? {}, io);
  const errors: FileError[] = [];
  const targets = discoverTargets(command.dirs, errors);
  for (const target of targets) {
    const resolved = new Map<string, string>();
    const reader = session.reader(target.root, resolved);
    const parsedFiles = new Map<string, ParsedFile>();
    for (const file of target.files) {
      try {
        const parsed = parseWorkflowOrAction(file, readTextFile(file));
        session.noteUses(parsed, await gatherActionFiles([parsed], reader, resolved, parsedFiles));
      } catch (thrown) {
        const error = normalizeError(thrown);
        errors.push({
          path: file,
          message: error instanceof InputError ? describeError(error) : error.message,
        });
      }
    }
  }
  const failed = session.finish();
  for (const e of errors) io.stderr(`agent-gate: ${escapeLogText(e.message)}\n`);
  return failed > 0 || errors.length > 0 ? 2 : 0;
}
