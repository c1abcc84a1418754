/** Shared by the evidence tests: reports of the examples and the input of a pack built from them. */
import { readFileSync } from 'node:fs';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import type { RunContext } from '../../src/engine/context/run-context.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import type { EvidenceInput } from '../../src/engine/evidence/types.js';
import type { RepoSnapshot } from '../../src/engine/inventory/repo-snapshot.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import { buildReport } from '../../src/engine/report/report.js';
import type { Report } from '../../src/engine/report/report.js';
import { memoryReader } from '../helpers.js';

export const EXAMPLES = [
  'ci.yml',
  'claude-fix-issue.yml',
  'claude-review.yml',
  'nightly-agent.yml',
  'release.yml',
] as const;

export const NOW = new Date('2026-11-21T10:00:00Z');
export const WORKFLOW_SHA = '0123456789abcdef0123456789abcdef01234567';
export const HEAD_SHA = 'fedcba9876543210fedcba9876543210fedcba98';

export async function reportOf(
  path: string,
  text: string,
  options: {
    context?: Partial<RunContext>;
    repo?: RepoSnapshot;
    /** A policy file's text (extending presets as it likes), or a preset name. */
    policy?: string;
  } = {},
): Promise<Report> {
  const policy =
    options.policy === undefined || /^[a-z]+$/.test(options.policy)
      ? await loadPolicy(options.policy ?? 'baseline', memoryReader({}))
      : await loadPolicy(
          '.github/agent-gate.yml',
          memoryReader({ '.github/agent-gate.yml': options.policy }),
        );
  const evaluation = evaluateWorkflow({
    path,
    text,
    policy,
    context: { ...EMPTY_CONTEXT, ...options.context },
    now: NOW,
    repo: options.repo,
  });
  return buildReport(policy, [evaluation], []);
}

export function snapshot(files: Record<string, string>): RepoSnapshot {
  return { files: new Map(Object.entries(files)), warnings: [], complete: true, root: '' };
}

export async function exampleReport(name: string): Promise<Report> {
  const path = `examples/${name}`;
  return reportOf(path, readFileSync(path, 'utf8'), {
    context: { actor: 'octocat', event: undefined },
    repo: EXAMPLE_CHECKOUT,
  });
}

/**
 * The checkout the action reads the examples in: a package whose scripts build and test it
 * (so `npm ci && npm run build` and `npm publish` are followed, not opaque).
 */
const EXAMPLE_CHECKOUT: RepoSnapshot = {
  files: new Map([
    [
      'package.json',
      '{ "name": "app", "scripts": { "build": "tsc -p .", "test": "vitest run" } }\n',
    ],
  ]),
  warnings: [],
  complete: true,
  root: '',
};

/** A complete input for a report, as the action's post step would give it; `over` replaces parts. */
export function inputFor(report: Report, over: Partial<EvidenceInput> = {}): EvidenceInput {
  const job = report.evaluations[0]?.decision.jobs[0]?.job ?? 'build';
  return {
    report,
    run: {
      repository: 'acme/app',
      workflowPath: report.evaluations[0]?.workflow.path ?? '.github/workflows/ci.yml',
      workflowSha: WORKFLOW_SHA,
      job,
      runId: '4242',
      runAttempt: '1',
      runUrl: 'https://github.com/acme/app/actions/runs/4242',
      event: 'push',
      ref: 'refs/heads/main',
      sha: HEAD_SHA,
      actor: 'octocat',
      triggeringActor: 'octocat',
      prAuthor: undefined,
    },
    approval: {
      mode: 'fail',
      status: report.decision === 'approval-required' ? 'required' : 'not-required',
      requestDigest: undefined,
      requestUrl: undefined,
      approvals: [],
    },
    validation: { checkRuns: undefined, note: undefined },
    timestamps: {
      started: '2026-11-21T10:00:00.000Z',
      decided: '2026-11-21T10:00:01.500Z',
      finished: '2026-11-21T10:05:00.000Z',
    },
    outcome: { status: 'success', source: 'jobs API', note: undefined },
    evidence: { mode: 'artifact', artifactName: `agent-gate-evidence-${job}-1` },
    attestation: undefined,
    ...over,
  };
}

export function asBuffers(files: ReadonlyMap<string, string>): Map<string, Buffer> {
  return new Map([...files].map(([name, text]) => [name, Buffer.from(text, 'utf8')]));
}
