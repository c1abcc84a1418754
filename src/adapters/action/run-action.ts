/**
 * The action: find this job's workflow at the commit that runs, read the policy from a
 * trusted commit, decide, report, and turn the decision into the step's result.
 */
import * as core from './runner-commands.js';
import { contextFromPayload } from '../../engine/context/payload.js';
import type { RunContext } from '../../engine/context/run-context.js';
import { InputError } from '../../engine/errors.js';
import { evaluateWorkflow } from '../../engine/evaluate.js';
import { redactDeep } from '../../engine/evidence/redact.js';
import { policyFilesRead } from '../../engine/policy/load-policy.js';
import { buildReport } from '../../engine/report/report.js';
import { enforce } from './enforce.js';
import { approvalEnvironments } from './approval-flow.js';
import { baseSha, readPayload } from './event-payload.js';
import { resolveCentralPolicy, resolvePolicy } from './trusted-policy.js';
import { PULL_REQUEST_EVENTS } from '../../engine/workflow/event-sets.js';
import { DEFAULT_POLICY_FILE } from '../../engine/policy/policy-file.js';
import type { ApprovalResult } from './approval-flow.js';
import { budgets, timeScale, withinBudget } from './time-scale.js';
import type { ApprovalRecord } from '../../engine/evidence/types.js';
import { escapeLogText } from '../../engine/escape.js';
import { changedPaths, incompleteListing, listChangedFiles } from './pull-request-files.js';
import { readRepoSnapshotAt, readScriptFilesAt } from './repo-snapshot.js';
import { REPO_FILE_PATHS } from '../../engine/inventory/repo-snapshot.js';
import { annotate, logReport, publish } from './publish-results.js';
import { repoFileReader } from './repo-files.js';
import { actionFileReader } from './action-file-reader.js';
import { gatherActionFiles } from '../../engine/inventory/resolve/action-files.js';
import { evidenceInput } from './evidence-input.js';
import { evidenceDir, saveEvidenceInput } from './evidence-store.js';
import { lazyClient } from './api-client.js';
import { readRunnerEnv } from './runner-env.js';
import { effectiveDefaultPermissions } from '../../engine/policy/default-permissions.js';
import { ENVIRONMENT_TIMEOUT_MS, readEnvironments } from './environment-lookup.js';
import { parseWorkflow } from '../../engine/workflow/build-model.js';
import { readWorkflowEvents } from './workflow-events.js';
import { hasExpression } from '../../engine/workflow/expressions/fences.js';
import { OUTPUTS, readSettings } from './settings.js';
import { commandRunMessage, commandRunRecord, gateCommandOf } from './command-comment.js';
import { selectCurrentJobs } from './current-job.js';
import { withGateTrusted } from './gate-self.js';
import { jobIdentity } from './job-identity.js';
import { listMergeGroupFiles, mergeGroupOf } from './merge-group.js';
import { withScope } from './run-scope.js';
import type { RunScope } from './run-scope.js';
import { defaultArtifactName } from './upload-evidence.js';

export { DEFAULT_POLICY_FILE } from '../../engine/policy/policy-file.js';

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
  const command = gateCommandOf(runner.event, payload);
  if (command) core.info(`agent-gate: ${commandRunMessage(command)}`);
  const identity = jobIdentity(process.env, runner.job, settings.matrix);
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
  // A workflow kept in another repository (a ruleset-required workflow) is read there, at
  // GITHUB_WORKFLOW_SHA, through the API; this repository's files are read at GITHUB_SHA.
  const [workflowOwner = '', workflowRepo = ''] = runner.workflowRepository.split('/');
  const workflowFiles = runner.foreignWorkflow
    ? repoFileReader({
        workspace: undefined,
        owner: workflowOwner,
        repo: workflowRepo,
        client: api,
      })
    : files;
  const repoSha = runner.foreignWorkflow ? (runner.sha ?? runner.workflowSha) : runner.workflowSha;

  const base = contextFromPayload(payload, runner.event);
  const isPullRequest = PULL_REQUEST_EVENTS.has(runner.event);
  const mergeGroup = runner.event === 'merge_group' ? mergeGroupOf(payload) : undefined;
  const trustedRef = isPullRequest ? baseSha(payload) : (mergeGroup?.baseSha ?? repoSha);
  const policyPath = settings.policy ?? DEFAULT_POLICY_FILE;
  // One git call for every file this run reads at the workflow's commit.
  const atWorkflowSha = runner.foreignWorkflow
    ? [...REPO_FILE_PATHS]
    : [runner.workflowPath, ...REPO_FILE_PATHS];
  if (trustedRef === repoSha) files.preload(trustedRef, [...atWorkflowSha, policyPath]);
  else files.preload(repoSha, atWorkflowSha);
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

  const workflowName = runner.foreignWorkflow
    ? `${runner.workflowRepository}/${runner.workflowPath}`
    : runner.workflowPath;
  const workflow = await phase(
    workflowFiles.read(runner.workflowPath, runner.workflowSha),
    `the workflow ${workflowName}`,
  );
  if (!workflow)
    throw new InputError(`workflow ${workflowName} does not exist at ${runner.workflowSha}`);
  const parsed = parseWorkflow(workflowName, workflow.text);
  core.info(
    `Evaluating ${workflowName}@${runner.workflowSha.slice(0, 12)} (read via ${workflow.via}) with policy ${policy.sources.join(' + ')}${mergeGroup ? ` read at the merge group's base ${mergeGroup.baseSha.slice(0, 12)}` : ''}`,
  );
  const current =
    settings.jobs === 'current' ? selectCurrentJobs(settings, runner, parsed) : undefined;

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
      : mergeGroup
        ? await phase(
            api().then((c) => listMergeGroupFiles(c, runner.owner, runner.repo, mergeGroup)),
            'the files the merge group changes',
          )
        : undefined;
  const incomplete = changedFiles && incompleteListing(changedFiles.length, pr?.changedFileCount);
  if (incomplete) core.warning(`agent-gate: ${incomplete}; treated as changing CI files`);
  if (mergeGroup && changedFiles)
    core.info(
      `Merge group ${mergeGroup.baseSha.slice(0, 12)}…${mergeGroup.headSha.slice(0, 12)} changes ${changedFiles.length} file(s), analysed as a pull request's`,
    );
  // A `workflow_run` trigger is untrusted unless its upstream workflows run only on events no
  // outsider can cause: read the repository's other workflows at the workflow's commit.
  const upstream = await phase(
    readWorkflowEvents(workflowFiles, runner.workflowSha, parsed),
    'the repository’s workflows',
  );
  for (const problem of upstream.problems)
    core.warning(`agent-gate: upstream workflows: ${problem} (read as unknown: untrusted)`);
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
    ...(upstream.events ? { workflowEvents: upstream.events } : {}),
  };
  // Agent and MCP configuration as the job will check it out; CODEOWNERS as trusted.
  // The scripts its steps run (package scripts, Makefiles, shell scripts) at the same commit.
  const repo = await readScriptFilesAt(
    files,
    repoSha,
    await phase(readRepoSnapshotAt(files, repoSha), 'the repository files'),
    parsed,
  );
  const decided = parsed.jobs.filter((j) => current === undefined || current.jobs.includes(j.id));
  // Composite actions and reusable workflows: local ones at the workflow's commit, remote
  // ones at their commit through the API (tags resolved once, recorded in the BOM).
  const resolved = new Map<string, string>();
  const actionFiles = await phase(
    gatherActionFiles(
      [parsed],
      actionFileReader({
        files,
        workflowSha: runner.workflowSha,
        client: api,
        resolved,
        self: runner.self,
      }),
      resolved,
    ),
    'the actions and reusable workflows it uses',
  );
  const names = decided.flatMap((j) =>
    j.environment && !hasExpression(j.environment.name) ? [j.environment.name] : [],
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
    path: workflowName,
    repoPath: runner.workflowPath,
    text: workflow.text,
    parsed,
    actionFiles,
    policy: withGateTrusted(policy, process.env),
    context: { ...context, environments },
    repo,
    jobs: current?.jobs,
    // The job this step runs in has run its `if:`; inside a reusable workflow that is the
    // caller job, when there is only one.
    runningJob: current?.calledWorkflow
      ? current.jobs.length === 1
        ? current.jobs[0]
        : undefined
      : runner.job,
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
      : evidenceDir(runner.runnerTemp, identity.key, runner.runAttempt);
  const scope: RunScope = {
    workflowRepository: runner.foreignWorkflow ? runner.workflowRepository : undefined,
    calledWorkflow: current?.calledWorkflow,
    decidedJobs: current?.jobs,
    policyRef: central ? `${central.owner}/${central.repo}@${central.ref}` : trustedRef,
    changes: changedFiles
      ? {
          source: mergeGroup ? 'merge-group' : 'pull-request',
          base: mergeGroup?.baseSha ?? (isPullRequest ? trustedRef : undefined),
          head: mergeGroup?.headSha ?? pr?.headSha,
          files: changedFiles.length,
        }
      : undefined,
  };
  const save = (record?: ApprovalRecord): void => {
    if (dir)
      saveEvidenceInput(
        dir,
        withScope(
          evidenceInput(report, settings, runner, context, identity.key, started, record),
          scope,
        ),
      );
  };
  let approval: ApprovalResult | undefined;
  const needsApproval = report.decision === 'approval-required' && settings.mode === 'enforce';
  if (needsApproval && command && settings.approval === 'wait') {
    const message = commandRunMessage(command);
    approval = {
      record: commandRunRecord(message),
      outputs: { approved: 'false', 'approved-by': '', 'approval-url': '' },
      approved: false,
      message,
    };
  } else if (needsApproval && (settings.approval === 'wait' || settings.approval === 'record')) {
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
      requestJob: [
        runner.job,
        identity.label ? `(${identity.label})` : '',
        current?.calledWorkflow ? `called by ${current.jobs.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' '),
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
  if (settings.evidence === 'artifact')
    core.setOutput(OUTPUTS.evidenceName, defaultArtifactName(identity.key, runner.runAttempt));
  await publish(report, dir, approval);
  if (dir) save(approval?.record);
  enforce(report, settings, approval);
}
