/** The run's scope (evidence `run.scope`) added to the evidence input the main step saves. */
import type { EvidenceInput, RunScope } from '../../engine/evidence/types.js';

export type { RunScope } from '../../engine/evidence/types.js';

export function withScope(input: EvidenceInput, scope: RunScope): EvidenceInput {
  return { ...input, run: { ...input.run, scope } };
}
