/**
 * The post step (runs.post): at the end of the job, complete the evidence pack with the
 * job's outcome, the commit's check runs and the finish time, optionally sign its digest,
 * and upload it. A pack that cannot be completed, signed or uploaded fails the step (fail
 * closed) and stays on disk, with its path in the log.
 */
import * as core from './runner-commands.js';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { ATTESTATION_BUNDLE_FILE, ATTESTATION_FILE } from '../../engine/evidence/types.js';
import type { EvidenceInput } from '../../engine/evidence/types.js';
import { buildPackFiles, packDigest } from '../../engine/evidence/build-pack.js';
import { attestEvidence } from './attest-evidence.js';
import { readCheckRuns } from './check-runs.js';
import {
  PACK_DIR,
  STATE_EVIDENCE_DIR,
  parseEvidenceInput,
  readEvidenceText,
  writePack,
} from './evidence-store.js';
import {
  STATE_ARTIFACT,
  STATE_DECISION,
  STATE_EVIDENCE_DIGEST,
  TAMPER_FILE,
  sealMismatch,
  tamperRecord,
} from './evidence-seal.js';
import type { Seal } from './evidence-seal.js';
import { readJobOutcome } from './job-outcome.js';
import { lazyClient } from './api-client.js';
import { readRunnerEnv } from './runner-env.js';
import { OUTPUTS, readSettings } from './settings.js';
import type { Settings } from './settings.js';
import type { RunnerEnv } from './runner-env.js';
import type { GitHubClient } from '../github/client.js';
import { budgets, timeScale, withinBudget } from './time-scale.js';
import type { Budgets } from './time-scale.js';
import { uploadEvidence } from './upload-evidence.js';
import { escapeLogText } from '../../engine/escape.js';

export async function runPost(now: () => Date = () => new Date()): Promise<void> {
  const dir = core.getState(STATE_EVIDENCE_DIR);
  if (!dir) {
    core.info(
      'agent-gate: no evidence pack to complete (the gate wrote none: evidence none, or it failed before deciding)',
    );
    return;
  }
  const settings = readSettings();
  const runner = readRunnerEnv(process.env);
  const scale = timeScale(process.env.AGENT_GATE_TIME_SCALE, runner.apiUrl);
  const limits = budgets(scale);
  const api = lazyClient(settings.token, runner.apiUrl, scale, limits);
  const post = completePack(dir, settings, runner, api, limits, now);
  await withinBudget(
    post,
    limits.postPhaseMs,
    `the post step (the evidence the main step left stays in ${dir})`,
  );
}

async function completePack(
  dir: string,
  settings: Settings,
  runner: RunnerEnv,
  api: () => Promise<GitHubClient>,
  limits: Budgets,
  now: () => Date,
): Promise<void> {
  const seal: Partial<Seal> = {
    digest: core.getState(STATE_EVIDENCE_DIGEST) || undefined,
    decision: core.getState(STATE_DECISION) || undefined,
    artifact: core.getState(STATE_ARTIFACT),
  };
  const text = readEvidenceText(dir);
  const mismatch = sealMismatch(seal, text);
  if (mismatch) return refuseTampered(dir, seal, text, mismatch, settings.retentionDays, limits);
  const first = parseEvidenceInput(text);
  const outcome = await readJobOutcome(api, {
    owner: runner.owner,
    repo: runner.repo,
    runId: runner.runId,
    runAttempt: runner.runAttempt,
    runnerName: process.env.RUNNER_NAME || undefined,
    jobName: runner.job,
  });
  const checks = await readCheckRuns(api, runner.owner, runner.repo, runner.sha);
  const input: EvidenceInput = {
    ...first,
    outcome,
    validation: {
      ...checks,
      // What the seal covers, and what the post step takes on the API's word.
      note: `${checks.note ? `${checks.note}; ` : ''}the decision and approval record matched the ${seal.digest ?? ''} the main step sealed in its state; the outcome and check runs are as the API reported them at the end of the job, not verified further`,
    },
    timestamps: { ...first.timestamps, finished: now().toISOString() },
  };
  const files = new Map<string, string>(buildPackFiles(input));
  if (settings.attest !== 'off') {
    // Sign the manifest file itself, so `gh attestation verify manifest.json` finds it; the
    // record goes beside the manifest (not covered by it), never into a rebuilt pack.
    const manifest = files.get('manifest.json') ?? '';
    const result = await attestEvidence({
      subjectName: 'manifest.json',
      digest: `sha256:${createHash('sha256').update(manifest).digest('hex')}`,
      token: settings.token,
      // `bundle`: sign only; the bundle goes into the pack, not to the attestations API
      // (which private repositories without GitHub Enterprise cannot use).
      skipWrite: settings.attest === 'bundle',
      predicate: {
        decision: first.report.decision,
        policyDigest: first.report.policy.digest,
        runUrl: first.run.runUrl ?? null,
        pack: packDigest(files),
      },
    });
    files.set(
      ATTESTATION_FILE,
      `${JSON.stringify({ id: result.attestationId ?? null, bundleDigest: result.bundleDigest, subject: 'manifest.json', subjectDigest: `sha256:${createHash('sha256').update(manifest).digest('hex')}`, certificateIdentity: result.certificateIdentity ?? null }, null, 2)}\n`,
    );
    files.set(ATTESTATION_BUNDLE_FILE, `${result.bundleJson}\n`);
    core.setOutput(OUTPUTS.attestationId, result.attestationId ?? '');
  }
  writePack(dir, files);
  const packDir = join(dir, PACK_DIR);
  core.info(
    escapeLogText(
      `agent-gate: evidence pack completed in ${packDir} (outcome ${outcome.status}${outcome.note ? `: ${outcome.note}` : ''})`,
    ),
  );
  if (first.evidence.mode !== 'artifact') return;
  const uploaded = await uploadEvidence({
    dir: packDir,
    files: [...files.keys()],
    name: first.evidence.artifactName ?? 'agent-gate-evidence',
    retentionDays: settings.retentionDays,
    timeoutMs: limits.uploadMs,
  });
  core.setOutput(OUTPUTS.evidenceArtifactId, String(uploaded.id));
  core.info(
    escapeLogText(
      `agent-gate: evidence uploaded as artifact ${first.evidence.artifactName ?? ''} (id ${uploaded.id}, sha256 ${uploaded.digest})`,
    ),
  );
}

/**
 * The evidence the main step left was changed (or cannot be matched): record that — and only
 * that — in the pack, upload the record when the pack is uploaded, and fail the step. The
 * changed content is never completed, signed or uploaded.
 */
async function refuseTampered(
  dir: string,
  seal: Partial<Seal>,
  text: string,
  why: string,
  retentionDays: number | undefined,
  limits: Budgets,
): Promise<never> {
  const files = new Map([[TAMPER_FILE, tamperRecord(seal, text, why)]]);
  writePack(dir, files);
  const packDir = join(dir, PACK_DIR);
  let uploaded = '';
  if (seal.artifact) {
    try {
      const r = await uploadEvidence({
        dir: packDir,
        files: [TAMPER_FILE],
        name: seal.artifact,
        retentionDays,
        timeoutMs: limits.uploadMs,
      });
      core.setOutput(OUTPUTS.evidenceArtifactId, String(r.id));
      uploaded = `; the record was uploaded as artifact ${seal.artifact} (id ${r.id})`;
    } catch (error) {
      uploaded = `; uploading the record failed too: ${(error as Error).message}`;
    }
  }
  throw new Error(
    `the evidence input in ${dir} does not match what the main step decided (${why}); the pack records the tampering in ${join(packDir, TAMPER_FILE)} and was neither completed nor signed${uploaded}`,
  );
}
