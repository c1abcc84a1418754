/** evidence.json: built from real evaluations, valid against its published schema, exact in content. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildEvidence, buildPackFiles } from '../../src/engine/evidence/build-pack.js';
import { NO_CHECK_RUNS_NOTE } from '../../src/engine/evidence/document.js';
import type { EvidenceDocument } from '../../src/engine/evidence/types.js';
import { validateEvidence } from '../../src/generated/evidence-validator.js';
import { findingFingerprint } from '../../src/engine/report/render-sarif.js';
import { allFindings } from '../../src/engine/report/report.js';
import { TOOL_VERSION } from '../../src/engine/version.js';
import {
  EXAMPLES,
  HEAD_SHA,
  WORKFLOW_SHA,
  exampleReport,
  inputFor,
  reportOf,
  snapshot,
} from './pack-helpers.js';

const schema = JSON.parse(readFileSync('policies/evidence.schema.json', 'utf8')) as {
  $id: string;
  $schema: string;
};
// Compiled here from the published file, independently of the generated validator.
const independent = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(
  schema,
);

function mutable(doc: EvidenceDocument): Record<string, unknown> {
  return structuredClone(doc) as unknown as Record<string, unknown>;
}

describe('the published schema', () => {
  it('is JSON Schema 2020-12 with the $id the documents point at', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://agent-gate.dev/schemas/evidence-v1.json');
  });

  it.each(EXAMPLES)('accepts the evidence of examples/%s (both validators)', async (name) => {
    const doc = buildEvidence(inputFor(await exampleReport(name)));
    expect(doc.$schema).toBe(schema.$id);
    expect(independent(doc), JSON.stringify(independent.errors)).toBe(true);
    expect(validateEvidence(doc)).toBe(true);
    // The bytes written are the document returned.
    const files = buildPackFiles(inputFor(await exampleReport(name)));
    expect(JSON.parse(files.get('evidence.json')!)).toEqual(doc);
  });

  it('rejects an unknown key, anywhere', async () => {
    const doc = mutable(buildEvidence(inputFor(await exampleReport('release.yml'))));
    expect(independent({ ...doc, extra: true })).toBe(false);
    expect(independent.errors?.[0]).toMatchObject({
      keyword: 'additionalProperties',
      params: { additionalProperty: 'extra' },
    });
    const deep = mutable(buildEvidence(inputFor(await exampleReport('release.yml'))));
    (deep.run as Record<string, unknown>).secretValue = 'x';
    expect(validateEvidence(deep)).toBe(false);
    expect(validateEvidence.errors?.[0]).toMatchObject({
      instancePath: '/run',
      keyword: 'additionalProperties',
    });
  });

  it('rejects a wrong type', async () => {
    const doc = mutable(buildEvidence(inputFor(await exampleReport('release.yml'))));
    doc.schemaVersion = '1';
    expect(validateEvidence(doc)).toBe(false);
    expect(validateEvidence.errors?.[0]).toMatchObject({
      instancePath: '/schemaVersion',
      keyword: 'const',
    });
    const other = mutable(buildEvidence(inputFor(await exampleReport('release.yml'))));
    (other.timestamps as Record<string, unknown>).started = 1700000000;
    expect(independent(other)).toBe(false);
    expect(independent.errors?.[0]).toMatchObject({
      instancePath: '/timestamps/started',
      keyword: 'type',
    });
  });

  it('needs a note when the outcome is unknown, and approvals when approved', async () => {
    const doc = mutable(buildEvidence(inputFor(await exampleReport('release.yml'))));
    doc.outcome = { status: 'unknown', source: 'post step', note: null };
    expect(validateEvidence(doc)).toBe(false);
    doc.outcome = { status: 'unknown', source: 'post step', note: 'the jobs API was not readable' };
    expect(validateEvidence(doc)).toBe(true);
    doc.approval = {
      mode: 'wait',
      status: 'approved',
      requestDigest: null,
      requestUrl: null,
      approvals: [],
    };
    expect(validateEvidence(doc)).toBe(false);
  });
});

describe('buildEvidence', () => {
  it('throws, naming the first schema error, instead of returning an invalid document', async () => {
    const input = inputFor(await exampleReport('ci.yml'));
    expect(() =>
      buildEvidence({ ...input, timestamps: { ...input.timestamps, started: 'yesterday' } }),
    ).toThrow(
      'evidence.json does not match its schema, so the pack was not built: evidence.json/timestamps/started: must match pattern',
    );
    expect(() =>
      buildPackFiles({
        ...input,
        outcome: { status: 'unknown', source: 'post step', note: undefined },
      }),
    ).toThrow(/evidence\.json\/outcome\/note: must be string/);
    expect(() => buildEvidence({ ...input, run: { ...input.run, workflowSha: 'main' } })).toThrow(
      /evidence\.json\/run\/workflowSha: must match pattern/,
    );
  });

  it('records the run, decision, credentials, targets, policy, validation and outcome exactly (release.yml)', async () => {
    const report = await exampleReport('release.yml');
    const doc = buildEvidence(inputFor(report));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.tool).toEqual({
      name: 'agent-gate',
      version: TOOL_VERSION,
      uri: 'https://github.com/agent-gate/agent-gate',
    });
    expect(doc.run).toEqual({
      repository: 'acme/app',
      workflowPath: 'examples/release.yml',
      workflowSha: WORKFLOW_SHA,
      job: 'publish',
      runId: '4242',
      runAttempt: '1',
      runUrl: 'https://github.com/acme/app/actions/runs/4242',
      event: 'push',
      ref: 'refs/heads/main',
      sha: HEAD_SHA,
      actor: 'octocat',
      triggeringActor: 'octocat',
      prAuthor: null,
      scope: null,
    });
    expect(doc.owner).toBeNull();
    expect(doc.decision.value).toBe('approval-required');
    expect(doc.decision.jobs.map((j) => [j.job, j.decision])).toEqual([
      ['publish', 'approval-required'],
    ]);
    expect(
      doc.credentials.map((c) => [c.id, c.kind, c.name, c.lifetime, c.scope, c.write]),
    ).toEqual([
      ['github-token', 'github-token', 'GITHUB_TOKEN', 'job-scoped', 'narrow', false],
      ['secret:NPM_TOKEN', 'static-secret', 'NPM_TOKEN', 'long-lived', 'broad', true],
    ]);
    expect(doc.credentials[1]!.usedIn).toEqual(['step 4 env NODE_AUTH_TOKEN']);
    expect(doc.targets).toEqual([
      {
        workflow: 'examples/release.yml',
        job: 'publish',
        target: 'github:this-repository',
        classes: [],
        credentials: ['github-token'],
        decision: null,
      },
      {
        workflow: 'examples/release.yml',
        job: 'publish',
        target: 'unknown',
        classes: ['use-secret'],
        credentials: ['secret:NPM_TOKEN'],
        decision: 'allow',
      },
    ]);
    expect(doc.policy).toMatchObject({
      sources: ['preset:baseline'],
      digest: report.policy.digest,
      default: 'allow',
      evidenceRequired: true,
    });
    const approvePublish = doc.validation.rules.find((r) => r.id === 'approve-publish');
    expect(approvePublish).toMatchObject({
      decision: 'approval-required',
      decidedPaths: 1,
      waivedPaths: 0,
    });
    expect(doc.validation.rules.find((r) => r.id === 'allow-read')?.decidedPaths).toBe(1);
    expect(doc.validation.checkRuns).toBeNull();
    expect(doc.validation.note).toBe(NO_CHECK_RUNS_NOTE);
    expect(doc.findings.filter((f) => f.kind === 'path')).toEqual([
      {
        ruleId: 'approve-publish',
        kind: 'path',
        decision: 'approval-required',
        severity: 'medium',
        confidence: 'high',
        remediation: expect.stringMatching(/trusted publishing/),
        message:
          'publish: publishes an npm package: `npm publish --provenance` — Publishing a package or release needs a human approval.',
        workflow: 'examples/release.yml',
        job: 'publish',
        class: 'publish',
        location: { path: 'examples/release.yml', line: 20, column: 14 },
        fingerprint: findingFingerprint(allFindings(report)[0]!),
      },
    ]);
    expect(doc.approval).toEqual({
      mode: 'fail',
      status: 'required',
      requestDigest: null,
      requestUrl: null,
      approvals: [],
      ignored: [],
      note: null,
    });
    expect(doc.outcome).toEqual({ status: 'success', source: 'jobs API', note: null });
    expect(doc.timestamps).toEqual({
      started: '2026-11-21T10:00:00.000Z',
      decided: '2026-11-21T10:00:01.500Z',
      finished: '2026-11-21T10:05:00.000Z',
    });
    expect(doc.evidence).toEqual({
      mode: 'artifact',
      artifactName: 'agent-gate-evidence-publish-1',
    });
    expect(doc.attestation).toBeNull();
    expect(doc.bom.map((w) => [w.path, w.name, w.jobs.map((j) => j.job)])).toEqual([
      ['examples/release.yml', 'Release', ['publish']],
    ]);
  });

  it('records the CODEOWNERS owner and the applied and expired waivers', async () => {
    const report = await reportOf(
      '.github/workflows/release.yml',
      readFileSync('examples/release.yml', 'utf8'),
      {
        repo: snapshot({
          '.github/CODEOWNERS': '* @acme/everyone\n/.github/workflows/ @acme/platform @octocat\n',
          // The package scripts `npm ci` / `npm run build` / `npm publish` run (read, harmless).
          'package.json': '{ "scripts": { "build": "tsc" } }',
        }),
        policy: `version: 1
extends: baseline
waivers:
  - rule: approve-publish
    job: publish
    owner: "@acme/platform"
    expires: 2027-01-31
    reason: Migration to trusted publishing
  - rule: approve-deploy
    owner: "@acme/ops"
    expires: 2025-01-31
    reason: Old freeze
`,
      },
    );
    const doc = buildEvidence(inputFor(report));
    expect(doc.owner).toEqual({
      owners: ['@acme/platform', '@octocat'],
      file: '.github/CODEOWNERS',
      line: 2,
    });
    expect(doc.decision.value).toBe('allow');
    expect(doc.decision.waivers.applied).toEqual([
      {
        rule: 'approve-publish',
        workflow: null,
        job: 'publish',
        owner: '@acme/platform',
        expires: '2027-01-31',
        reason: 'Migration to trusted publishing',
        location: { path: '.github/agent-gate.yml', line: 4, column: 5 },
        path: 'publish/publish/1',
      },
    ]);
    expect(doc.decision.waivers.expired.map((x) => [x.rule, x.owner, x.message])).toEqual([
      [
        'approve-deploy',
        '@acme/ops',
        'waiver for rule approve-deploy (owner @acme/ops) expired on 2025-01-31 and no longer applies',
      ],
    ]);
    expect(doc.validation.rules.find((r) => r.id === 'approve-publish')).toMatchObject({
      decidedPaths: 0,
      waivedPaths: 1,
    });
    expect(doc.policy.sources).toEqual(['preset:baseline', '.github/agent-gate.yml']);
  });

  it('records approvals and check runs when there are some', async () => {
    const report = await exampleReport('claude-fix-issue.yml');
    const doc = buildEvidence(
      inputFor(report, {
        approval: {
          mode: 'wait',
          status: 'approved',
          requestDigest: `sha256:${'a'.repeat(64)}`,
          requestUrl: 'https://github.com/acme/app/issues/7#issuecomment-1',
          approvals: [
            {
              login: 'alice',
              at: '2026-11-21T10:02:00Z',
              how: 'issue comment /approve',
              digest: `sha256:${'a'.repeat(64)}`,
            },
          ],
        },
        validation: {
          checkRuns: [
            { name: 'test', conclusion: 'success' },
            { name: 'lint', conclusion: null },
          ],
          note: undefined,
        },
      }),
    );
    expect(doc.approval.approvals).toEqual([
      {
        login: 'alice',
        at: '2026-11-21T10:02:00Z',
        how: 'issue comment /approve',
        digest: `sha256:${'a'.repeat(64)}`,
      },
    ]);
    expect(doc.validation.checkRuns).toEqual([
      { name: 'test', conclusion: 'success' },
      { name: 'lint', conclusion: null },
    ]);
    expect(doc.validation.note).toBeNull();
  });

  it('builds the same pack, byte for byte, from its input read back from JSON (the post step)', async () => {
    for (const name of EXAMPLES) {
      const input = inputFor(await exampleReport(name));
      const direct = buildPackFiles(input);
      const roundTripped = buildPackFiles(JSON.parse(JSON.stringify(input)) as typeof input);
      expect([...roundTripped]).toEqual([...direct]);
    }
  });
});
