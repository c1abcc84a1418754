/**
 * Where the evidence lives between the main step and the post step: the pack directory under
 * RUNNER_TEMP, the inputs the pack is built from (so the post step can rebuild it with the
 * job's outcome), and the state key that tells the post step where to look.
 */
import * as core from './runner-commands.js';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../engine/errors.js';
import type { EvidenceInput } from '../../engine/evidence/types.js';
import { STATE_ARTIFACT, STATE_DECISION, STATE_EVIDENCE_DIGEST, sha256 } from './evidence-seal.js';

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

/**
 * Writes the evidence input and seals it in the step's state (see evidence-seal.ts): the
 * last save of the step is the one the post step holds the file to.
 */
export function saveEvidenceInput(dir: string, input: EvidenceInput): void {
  mkdirSync(dir, { recursive: true });
  const text = JSON.stringify(input);
  writeFileSync(join(dir, INPUT_FILE), text);
  core.saveState(STATE_EVIDENCE_DIR, dir);
  core.saveState(STATE_EVIDENCE_DIGEST, sha256(text));
  core.saveState(STATE_DECISION, input.report.decision);
  core.saveState(
    STATE_ARTIFACT,
    input.evidence.mode === 'artifact' ? (input.evidence.artifactName ?? '') : '',
  );
}

/** The evidence input's text as it is on disk now (checked against the seal before use). */
export function readEvidenceText(dir: string): string {
  try {
    return readFileSync(join(dir, INPUT_FILE), 'utf8');
  } catch (cause) {
    throw new InputError(
      `cannot read the evidence the main step left in ${dir}: ${(cause as Error).message}`,
      { cause },
    );
  }
}

export function parseEvidenceInput(text: string): EvidenceInput {
  return JSON.parse(text) as EvidenceInput;
}

export function packFiles(dir: string): string[] {
  return readdirSync(join(dir, PACK_DIR)).sort();
}
