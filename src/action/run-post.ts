/**
 * The post step (runs.post): at the end of the job, complete the evidence pack with the
 * job's outcome, the commit's check runs and the finish time, optionally sign its digest,
 * and upload it. A pack that cannot be completed, signed or uploaded fails the step (fail
 * closed) and stays on disk, with its path in the log.
 */
import * as core from '@actions/core';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { ATTESTATION_BUNDLE_FILE, ATTESTATION_FILE } from '../evidence/types.js';
import type { EvidenceInput } from '../evidence/types.js';
import { buildPackFiles, packDigest } from '../evidence/build-pack.js';
import { attestEvidence } from './attest-evidence.js';
import { readCheckRuns } from './check-runs.js';
import { PACK_DIR, STATE_EVIDENCE_DIR, loadEvidenceInput, writePack } from './evidence-store.js';
import { readJobOutcome } from './job-outcome.js';
import { lazyClient } from './api-client.js';
import { readRunnerEnv } from './runner-env.js';
import { OUTPUTS, readSettings } from './settings.js';
import { uploadEvidence } from './upload-evidence.js';

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
  const api = lazyClient(settings.token, runner.apiUrl);
  const first = loadEvidenceInput(dir);
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
    validation: checks,
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
    `agent-gate: evidence pack completed in ${packDir} (outcome ${outcome.status}${outcome.note ? `: ${outcome.note}` : ''})`,
  );
  if (first.evidence.mode !== 'artifact') return;
  const uploaded = await uploadEvidence({
    dir: packDir,
    files: [...files.keys()],
    name: first.evidence.artifactName ?? 'agent-gate-evidence',
    retentionDays: settings.retentionDays,
  });
  core.setOutput(OUTPUTS.evidenceArtifactId, String(uploaded.id));
  core.info(
    `agent-gate: evidence uploaded as artifact ${first.evidence.artifactName ?? ''} (id ${uploaded.id}, sha256 ${uploaded.digest})`,
  );
}
