/** Paths of a job's steps: `run:` scripts classified command by command, and known actions. */
import type { RunContext } from '../../context/run-context.js';
import { hasExpression } from '../../workflow/expressions/fences.js';
import type { Job, Step } from '../../workflow/model.js';
import { locate, locateInScalar } from '../../workflow/source.js';
import { remoteActionName } from '../../workflow/uses-reference.js';
import { matrixLookup, stepEnv } from '../../workflow/value-sources.js';
import { ACTION_TABLE } from '../action-table.js';
import { classifyScript } from '../commands.js';
import { localCluster, onLocalCluster } from '../local-cluster.js';
import { opaquePath } from '../opaque.js';
import { classifyRun } from '../run-variants.js';
import { scriptPathDrafts } from '../scripts/script-paths.js';
import { actionMatches } from '../uses.js';
import { visibleCredentials } from '../visible-credentials.js';
import { draft, withKnownActions, type Draft, type PathInput } from './input.js';

export function fromSteps(input: PathInput, credsByStep: Map<number, readonly string[]>): Draft[] {
  const out: Draft[] = [];
  const visible = input.visible ?? visibleCredentials(withKnownActions(input));
  const cluster = localCluster(input.job);
  for (const step of input.job.steps) {
    const creds = visible.get(step.index) ?? [];
    credsByStep.set(step.index, creds);
    if (step.uses) out.push(...fromUsesStep(input, step, creds));
    if (step.run !== undefined) {
      const at = locate(input.workflow.source, [...step.at, 'run']);
      out.push(
        draft('run-shell', `runs a shell script${step.name ? ` (${step.name})` : ''}`, at, creds, {
          step: step.index,
        }),
      );
      const classified = classifyRun(
        step.run,
        { env: stepEnv(input.workflow, input.job, step), matrix: matrixLookup(input.job) },
        {
          defaultBranch: branchOrDefault(input.context),
          ...(step.workingDirectory === undefined
            ? {}
            : { workingDirectory: step.workingDirectory }),
          ...stepShell(input.job, step),
        },
      );
      for (const hit of classified.hits) {
        if (hit.class === 'untrusted-checkout') continue;
        const hitAt = locateInScalar(
          input.workflow.source,
          [...step.at, 'run'],
          hit.line,
          hit.column,
        );
        const local = onLocalCluster(cluster, step.index, hit);
        out.push(
          local
            ? draft(
                'read',
                `${hit.detail} on the job's own cluster (${local.by}, step ${local.step + 1}): \`${hit.command}\``,
                hitAt,
                creds,
                { step: step.index, target: 'cluster:local' },
              )
            : draft(hit.class, `${hit.detail}: \`${hit.command}\``, hitAt, creds, {
                step: step.index,
                target: hit.target,
              }),
        );
      }
      for (const o of classified.opaque) {
        const hitAt = locateInScalar(input.workflow.source, [...step.at, 'run'], o.line, o.column);
        out.push(
          opaquePath(
            {
              what: `the command of step ${step.index + 1}${step.name ? ` (${step.name})` : ''}`,
              why: `it is computed at run time from \`${o.expression}\``,
              at: hitAt,
              step: step.index,
            },
            creds,
          ),
        );
      }
      out.push(...scriptPathDrafts(input.scripts?.get(step.index), creds, step.index));
      if (classified.truncated) {
        out.push(
          draft(
            'destructive',
            'script too large or complex to analyse; treated as destructive',
            at,
            creds,
            { step: step.index },
          ),
        );
      }
    }
  }
  return out;
}

function fromUsesStep(input: PathInput, step: Step, creds: readonly string[]): Draft[] {
  const name = remoteActionName(step.usesRef) ?? '';
  const at = locate(input.workflow.source, [...step.at, 'uses']);
  const out: Draft[] = [];
  for (const entry of ACTION_TABLE) {
    if (!actionMatches(name, entry.action)) continue;
    if (entry.whenInput) {
      const v = step.with.find((w) => w.key === entry.whenInput)?.value;
      if (v === undefined || (v !== 'true' && !hasExpression(v))) continue;
    }
    if (entry.runs && !runsInClass(step, entry.runs, entry.class)) continue;
    out.push(
      draft(entry.class, `${name} ${entry.detail}`, at, creds, {
        step: step.index,
        uses: step.uses,
        target: entry.target,
      }),
    );
  }
  return out;
}

/** Whether `command <input>` (the action's own command line) is in `cls`. */
function runsInClass(
  step: Step,
  runs: { readonly command: string; readonly input: string },
  cls: string,
): boolean {
  const args = step.with.find((w) => w.key === runs.input)?.value ?? '';
  if (hasExpression(args)) return true;
  const line = `${runs.command} ${args.replace(/\s+/g, ' ')}`;
  return classifyScript(line).hits.some((h) => h.class === cls);
}

/** The step's shell: its `shell:`, else PowerShell on Windows runners (GitHub's default). */
function stepShell(job: Job, step: Step): { shell?: string } {
  if (step.shell !== undefined) return { shell: step.shell };
  return job.runsOn.some((r) => /windows/i.test(r)) ? { shell: 'pwsh' } : {};
}

function branchOrDefault(context: RunContext): string | undefined {
  return context.defaultBranch;
}
