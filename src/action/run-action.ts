/**
 * The action: find this job's workflow at the commit that runs, read the policy from a
 * trusted commit, decide, report, and turn the decision into the step's result.
 */
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextFromPayload } from '../context/payload.js';
import type { RunContext } from '../context/run-context.js';
import { InputError } from '../errors.js';
import { evaluateWorkflow } from '../evaluate.js';
import type { Evaluation } from '../evaluate.js';
import { redactDeep } from '../evidence/redact.js';
import { isPresetName, loadPolicy, policyFilesRead } from '../policy/load-policy.js';
import type { Policy } from '../policy/types.js';
import { buildReport } from '../report/report.js';
import type { Report } from '../report/report.js';
import { enforce } from './enforce.js';
import type { ApprovalDeps, ApprovalResult } from './approval-flow.js';
import { budgets, timeScale, withinBudget } from './time-scale.js';
import type { ApprovalRecord } from '../evidence/types.js';
import { escapeLogText, escapeMarkdown, markdownCode } from '../report/escape.js';
import { changedPaths, incompleteListing, listChangedFiles } from './pull-request-files.js';
import { readRepoSnapshotAt } from './repo-snapshot.js';
import { REPO_FILE_PATHS } from '../inventory/repo-snapshot.js';
import {
  annotate,
  logReport,
  setOutputs,
  writeReportFiles,
  writeSummary,
} from './publish-results.js';
import { repoFileReader } from './repo-files.js';
import { actionFileReader } from './action-file-reader.js';
import { gatherActionFiles } from '../inventory/resolve/action-files.js';
import { parseWorkflowOrAction } from '../workflow/action-file.js';
import { repoPolicyReader } from './repo-policy-reader.js';
import { evidenceInput } from './evidence-input.js';
import { PACK_DIR, evidenceDir, saveEvidenceInput } from './evidence-store.js';
import { lazyClient } from './api-client.js';
import type { GitHubClient } from '../github/client.js';
import { readRunnerEnv } from './runner-env.js';
import { effectiveDefaultPermissions } from '../policy/default-permissions.js';
import { ENVIRONMENT_TIMEOUT_MS, readEnvironments } from './environment-lookup.js';
import { isDynamic } from '../workflow/expressions.js';
import { OUTPUTS, readSettings } from './settings.js';
import type { Settings } from './settings.js';

export const DEFAULT_POLICY_FILE = '.github/agent-gate.yml';
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);

export async function runAction(now: () => Date = () => new Date()): Promise<void> {
  const started = now().toISOString();
  const settings = readSettings();
  const runner = readRunnerEnv(process.env);
  const scale = timeScale(process.env.AGENT_GATE_TIME_SCALE, runner.apiUrl);
  if (scale !== 1)
    core.warning(
      `AGENT_GATE_TIME_SCALE=${scale}: the approval clock runs ${scale}× faster (testing only)`,
    );
  const payload = readPayload(runner.eventPath);
  const limits = budgets(scale);
  const api = lazyClient(settings.token, runner.apiUrl, scale, limits);
  // Everything the gate reads over the network shares one budget: a server that never
  // answers fails the step (closed) instead of holding it until the job is killed.
  const readBy = Date.now() + limits.readPhaseMs;
  const phase = <T>(work: Promise<T>, what: string): Promise<T> =>
    withinBudget(work, Math.max(0, readBy - Date.now()), `reading ${what}`);
  const files = repoFileReader({
    workspace: runner.workspace,
    owner: runner.owner,
    repo: runner.repo,
    client: api,
  });

  const base = contextFromPayload(payload, runner.event);
  const isPullRequest = PULL_REQUEST_EVENTS.has(runner.event);
  const trustedRef = isPullRequest ? baseSha(payload) : runner.workflowSha;
  const policyPath = settings.policy ?? DEFAULT_POLICY_FILE;
  // One git call for every file this run reads at the workflow's commit.
  const atWorkflowSha = [runner.workflowPath, ...REPO_FILE_PATHS];
  if (trustedRef === runner.workflowSha) files.preload(trustedRef, [...atWorkflowSha, policyPath]);
  else files.preload(runner.workflowSha, atWorkflowSha);
  const central = settings.policyRepository;
  const { policy, policyFile } = central
    ? await phase(resolveCentralPolicy(settings, central, api), 'the central policy')
    : await phase(resolvePolicy(settings, files, trustedRef), 'the policy');
  // A change to any file the trusted policy was built from changes the gate itself; a
  // central policy repository's files are this repository's only when it is this repository.
  const policyFiles =
    !central || `${central.owner}/${central.repo}`.toLowerCase() === runner.repository.toLowerCase()
      ? policyFilesRead(policy)
      : [];

  const workflow = await phase(
    files.read(runner.workflowPath, runner.workflowSha),
    `the workflow ${runner.workflowPath}`,
  );
  if (!workflow)
    throw new InputError(`workflow ${runner.workflowPath} does not exist at ${runner.workflowSha}`);
  core.info(
    `Evaluating ${runner.workflowPath}@${runner.workflowSha.slice(0, 12)} (read via ${workflow.via}) with policy ${policy.sources.join(' + ')}`,
  );

  const pr = base.pullRequest;
  // Without the number the changed files cannot be listed: never decide as if none changed.
  if (isPullRequest && !pr)
    throw new InputError(
      `${runner.event} event without a pull request number (pull_request.number in the event payload): the files it changes cannot be listed`,
    );
  const changedFiles =
    isPullRequest && pr
      ? await phase(
          api().then((c) => listChangedFiles(c, runner.owner, runner.repo, pr.number)),
          `the files of pull request #${pr.number}`,
        )
      : undefined;
  const incomplete = changedFiles && incompleteListing(changedFiles.length, pr?.changedFileCount);
  if (incomplete) core.warning(`agent-gate: ${incomplete}; treated as changing CI files`);
  const context: RunContext = {
    ...base,
    actor: runner.actor ?? base.actor,
    triggeringActor: runner.triggeringActor,
    ref: runner.ref,
    sha: runner.sha,
    repository: runner.repository,
    changedFiles: changedFiles ? changedPaths(changedFiles) : undefined,
    changedFilePatches: changedFiles,
    changedFilesIncomplete: incomplete,
    defaultPermissions: effectiveDefaultPermissions(policy, settings.defaultPermissions),
    policyFile,
    policyFiles,
  };
  // Agent and MCP configuration as the job will check it out; CODEOWNERS as trusted.
  const repo = await phase(readRepoSnapshotAt(files, runner.workflowSha), 'the repository files');
  // Composite actions and reusable workflows: local ones at the workflow's commit, remote
  // ones at their commit through the API (tags resolved once, recorded in the BOM).
  const parsed = parseWorkflowOrAction(runner.workflowPath, workflow.text);
  const resolved = new Map<string, string>();
  const actionFiles = await phase(
    gatherActionFiles(
      [parsed],
      actionFileReader({ files, workflowSha: runner.workflowSha, client: api, resolved }),
      resolved,
    ),
    'the actions and reusable workflows it uses',
  );
  const decided = parsed.jobs.filter((j) => settings.jobs === 'all' || j.id === runner.job);
  const names = decided.flatMap((j) =>
    j.environment && !isDynamic(j.environment.name) ? [j.environment.name] : [],
  );
  // What GitHub will enforce for those environments (required reviewers hold an approval).
  const environments =
    names.length === 0
      ? undefined
      : await readEnvironments(
          api,
          runner.owner,
          runner.repo,
          names,
          ENVIRONMENT_TIMEOUT_MS / scale,
        );
  for (const facts of Object.values(environments ?? {}))
    if (facts.status === 'unreadable')
      core.warning(
        `agent-gate: cannot read the protection of environment ${escapeLogText(facts.name)} (${escapeLogText(facts.note)}); decided as unprotected`,
      );
  const evaluation = evaluateWorkflow({
    path: runner.workflowPath,
    text: workflow.text,
    parsed,
    actionFiles,
    policy,
    context: { ...context, environments },
    repo,
    jobs: settings.jobs === 'current' ? [runner.job] : undefined,
    runningJob: runner.job,
    now: now(),
    enforcement: { mode: settings.mode, evidence: settings.evidence },
  });
  // Literal secrets written into a workflow never reach the log, the summary or the pack.
  const report = redactDeep(buildReport(policy, [evaluation], []));
  logReport(report);
  annotate(report);
  const dir =
    settings.evidence === 'none'
      ? undefined
      : evidenceDir(runner.runnerTemp, runner.job, runner.runAttempt);
  const save = (record?: ApprovalRecord): void => {
    if (dir)
      saveEvidenceInput(dir, evidenceInput(report, settings, runner, context, started, record));
  };
  let approval: ApprovalResult | undefined;
  if (
    report.decision === 'approval-required' &&
    settings.mode === 'enforce' &&
    (settings.approval === 'wait' || settings.approval === 'record')
  ) {
    // Recorded before the wait, so a cancelled job still leaves its evidence behind.
    save();
    const deps = {
      report,
      policy,
      settings,
      runner,
      context,
      client: api,
      files,
      trustedRef,
      jobEnvironments: approvalEnvironments(evaluation),
      log: { info: (m: string) => core.info(m), warning: (m: string) => core.warning(m) },
      timeScale: scale,
    };
    // Loaded only when an approval is actually needed: every other run skips its cost.
    const { recordMode, waitMode } = await import('./approval-flow.js');
    // The wait has its own timeout (the policy's); a record is one more read.
    approval =
      settings.approval === 'wait'
        ? await waitMode(deps)
        : await withinBudget(
            recordMode(deps),
            limits.readPhaseMs,
            "reading the run's approval history",
          );
    core.info(`agent-gate approval: ${escapeLogText(approval.message)}`);
  }
  await publish(report, dir, approval);
  if (dir) save(approval?.record);
  enforce(report, settings, approval);
}

/** Where the jobs that need approval deploy (see ApprovalDeps.jobEnvironments). */
function approvalEnvironments(evaluation: Evaluation): ApprovalDeps['jobEnvironments'] {
  const needs = new Set(
    evaluation.decision.jobs.filter((j) => j.decision === 'approval-required').map((j) => j.job),
  );
  const names: string[] = [];
  const dynamic: string[] = [];
  for (const job of evaluation.inventory) {
    if (!needs.has(job.job) || !job.environment) continue;
    if (job.environment.dynamic) dynamic.push(job.job);
    else names.push(job.environment.name);
  }
  return { names, dynamic };
}

/**
 * The policy from a central repository (`policy-repository: owner/name@ref`), read through
 * the contents API at that ref: nothing in this repository, its pull requests included, can
 * change it. When it is this repository, its policy files are this repository's (see policyFiles).
 */
async function resolveCentralPolicy(
  settings: Settings,
  central: NonNullable<Settings['policyRepository']>,
  client: () => Promise<GitHubClient>,
): Promise<{ policy: Policy; policyFile: undefined }> {
  const files = repoFileReader({
    workspace: undefined,
    owner: central.owner,
    repo: central.repo,
    client,
  });
  const reader = repoPolicyReader(files, central.ref);
  const path = settings.policy ?? DEFAULT_POLICY_FILE;
  if (isPresetName(path))
    throw new InputError(
      `input \`policy-repository\` names a repository, but \`policy\` is the preset ${path}; give the policy file's path in ${central.owner}/${central.repo}`,
    );
  const policy = await loadPolicy(path, {
    ...reader,
    read: async (p) => {
      try {
        return await reader.read(p);
      } catch (cause) {
        throw new InputError(
          `cannot read the central policy ${central.owner}/${central.repo}/${p}@${central.ref}: ${(cause as Error).message}`,
          { cause },
        );
      }
    },
  });
  core.info(`Policy read from ${central.owner}/${central.repo}@${central.ref}`);
  return { policy, policyFile: undefined };
}

async function resolvePolicy(
  settings: Settings,
  files: ReturnType<typeof repoFileReader>,
  ref: string,
): Promise<{ policy: Policy; policyFile: string | undefined }> {
  const reader = repoPolicyReader(files, ref);
  const ref0 =
    settings.policy ??
    ((await reader.exists(DEFAULT_POLICY_FILE)) ? DEFAULT_POLICY_FILE : 'baseline');
  const policy = await loadPolicy(ref0, reader);
  return { policy, policyFile: isPresetName(ref0) ? undefined : ref0 };
}

/**
 * Summary, report files and outputs. The evidence input itself is saved by the caller; the
 * post step builds, validates and writes the pack at the end of the job with the outcome
 * (building it here too would cost every gated run twice).
 */
async function publish(
  report: Report,
  dir: string | undefined,
  approval: ApprovalResult | undefined,
): Promise<void> {
  await writeSummary(report, approval ? [approvalSection(approval)] : []);
  const outputs = approval?.outputs ?? { approved: 'false', 'approved-by': '', 'approval-url': '' };
  core.setOutput(OUTPUTS.approved, outputs.approved);
  core.setOutput(OUTPUTS.approvedBy, outputs['approved-by']);
  core.setOutput(OUTPUTS.approvalUrl, outputs['approval-url']);
  if (!dir) {
    setOutputs(report, undefined, undefined);
    return;
  }
  const reportPath = writeReportFiles(report, dir);
  core.info(`Evidence recorded in ${dir}; the post step completes the pack at the end of the job`);
  setOutputs(report, reportPath, join(dir, PACK_DIR));
}

/** The approval's outcome for the job summary (every piece of untrusted text escaped). */
function approvalSection(approval: ApprovalResult): string {
  const r = approval.record;
  const lines = [
    '### Approval',
    '',
    `- ${approval.approved ? '✅' : '⛔'} ${escapeMarkdown(approval.message)}`,
    `- mode ${markdownCode(r.mode)}, status ${markdownCode(r.status)}${r.requestDigest ? `, request digest ${markdownCode(r.requestDigest)}` : ''}`,
  ];
  if (r.requestUrl) lines.push(`- request: ${escapeMarkdown(r.requestUrl)}`);
  for (const a of r.approvals)
    lines.push(
      `- approved by ${markdownCode(a.login)} at ${escapeMarkdown(a.at)} (${escapeMarkdown(a.how)})`,
    );
  for (const i of (r.ignored ?? []).slice(0, 20))
    lines.push(`- not counted: ${markdownCode(i.login)} — ${escapeMarkdown(i.why)}`);
  return lines.join('\n');
}

function readPayload(path: string | undefined): unknown {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (cause) {
    throw new InputError(`cannot read the event payload ${path}: ${(cause as Error).message}`, {
      cause,
    });
  }
}

function baseSha(payload: unknown): string {
  const sha = (payload as { pull_request?: { base?: { sha?: unknown } } }).pull_request?.base?.sha;
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/i.test(sha)) {
    throw new InputError(
      'pull request event without pull_request.base.sha: cannot read the policy from the base commit',
    );
  }
  return sha;
}
