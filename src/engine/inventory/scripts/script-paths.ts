/**
 * The action paths a step's repository scripts add: each classified command located in its
 * own file, with the chain that reached it (reason and located links), and each hop the gate
 * cannot follow as an opaque path with its why.
 */
import { opaquePath, type PathDraft } from '../opaque.js';
import type { ScriptTrace } from './trace-scripts.js';

export function scriptPathDrafts(
  trace: ScriptTrace | undefined,
  credentials: readonly string[],
  step: number,
): PathDraft[] {
  if (!trace) return [];
  const out: PathDraft[] = [];
  for (const { hit, at, chain, links } of trace.hits) {
    if (hit.class === 'untrusted-checkout') continue;
    if (hit.class === 'opaque') {
      out.push(
        opaquePath(
          { what: `\`${hit.command}\` (${chain})`, why: hit.detail, at, step, chain: links },
          credentials,
        ),
      );
      continue;
    }
    out.push({
      class: hit.class,
      reason: `${hit.detail}: \`${hit.command}\` (${chain})`,
      at,
      credentials,
      step,
      uses: undefined,
      target: hit.target,
      chain: links,
    });
  }
  for (const o of trace.opaque)
    out.push(
      opaquePath({ what: o.chain, why: o.why, at: o.at, step, chain: o.links }, credentials),
    );
  return out;
}
