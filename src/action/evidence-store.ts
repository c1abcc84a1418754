/**
 * Where the evidence lives between the main step and the post step: the pack directory under
 * RUNNER_TEMP, the inputs the pack is built from (so the post step can rebuild it with the
 * job's outcome), and the state key that tells the post step where to look.
 */
import * as core from '@actions/core';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import type { EvidenceInput } from '../evidence/types.js';

export const STATE_EVIDENCE_DIR = 'evidence-dir';
const INPUT_FILE = 'evidence-input.json';
export const PACK_DIR = 'pack';

export function evidenceDir(
  runnerTemp: string | undefined,
  job: string,
  attempt: string | undefined,
): string {
  if (!runnerTemp) throw new InputError('RUNNER_TEMP is not set: cannot write the evidence pack');
  return join(runnerTemp, 'agent-gate', `${job}-${attempt ?? '1'}`);
}

/** Writes the pack files (replacing any earlier pack) and returns their names. */
export function writePack(dir: string, files: ReadonlyMap<string, string>): string[] {
  const pack = join(dir, PACK_DIR);
  rmSync(pack, { recursive: true, force: true });
  mkdirSync(pack, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(pack, name), text);
  return [...files.keys()];
}

export function saveEvidenceInput(dir: string, input: EvidenceInput): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, INPUT_FILE), JSON.stringify(input));
  core.saveState(STATE_EVIDENCE_DIR, dir);
}

export function loadEvidenceInput(dir: string): EvidenceInput {
  try {
    return JSON.parse(readFileSync(join(dir, INPUT_FILE), 'utf8')) as EvidenceInput;
  } catch (cause) {
    throw new InputError(
      `cannot read the evidence the main step left in ${dir}: ${(cause as Error).message}`,
      { cause },
    );
  }
}

export function packFiles(dir: string): string[] {
  return readdirSync(join(dir, PACK_DIR)).sort();
}
