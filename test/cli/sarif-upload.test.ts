/**
 * Issue 12 item 8: SARIF that GitHub code scanning accepts and files correctly — valid
 * against the schema and GitHub's upload rules, URIs relative to the repository root
 * (`%SRCROOT%`, or `--root`), a category per workflow/job, a security-severity on every rule
 * (the policy's own rules included), the same severity words as the text report.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import validateSarif from '../../src/generated/sarif-validator.js';
import { tempDir } from '../helpers.js';
import { githubSarifViolations } from './github-sarif-rules.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return { code, out, err };
}

interface Sarif {
  runs: {
    automationDetails: { id: string };
    originalUriBaseIds?: Record<string, { uri: string }>;
    tool: {
      driver: {
        rules: { id: string; properties: { severity?: string; 'security-severity': string } }[];
      };
    };
    results: {
      ruleId: string;
      properties: { severity: string; kind: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } };
      }[];
    }[];
  }[];
}

const POLICY =
  'version: 1\nextends: baseline\nrules:\n  - id: no-publishing-here\n    when: { class: publish }\n    decision: blocked\n    reason: This repository never publishes.\n';

/** A repository holding the examples as its workflows, with its own policy. */
function exampleRepo(): string {
  const root = join(tempDir('agent-gate-sarif-'), 'acme-app');
  mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
  for (const f of ['release.yml', 'nightly-agent.yml', 'claude-fix-issue.yml', 'ci.yml'])
    cpSync(join('examples', f), join(root, '.github', 'workflows', f));
  writeFileSync(join(root, '.github', 'agent-gate.yml'), POLICY);
  return root;
}

function uris(sarif: Sarif): string[] {
  return [
    ...new Set(
      sarif.runs.flatMap((r) =>
        r.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri),
      ),
    ),
  ].sort();
}

describe('SARIF for code scanning', () => {
  it('a scan is valid against the schema and GitHub’s upload rules, URIs relative to the repository', async () => {
    const root = exampleRepo();
    const r = await cli('scan', root, '-f', 'sarif');
    const sarif = JSON.parse(r.out) as Sarif;
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(githubSarifViolations(sarif)).toEqual([]);
    expect(uris(sarif)).toEqual([
      '.github/workflows/claude-fix-issue.yml',
      '.github/workflows/nightly-agent.yml',
      '.github/workflows/release.yml',
    ]);
    const run = sarif.runs[0]!;
    expect(run.originalUriBaseIds).toEqual({
      '%SRCROOT%': { uri: `${pathToFileURL(root).href}/` },
    });
    expect(run.automationDetails.id).toBe('agent-gate/scan/');
  });

  it('every rule has a security-severity, the policy’s own gating rules included', async () => {
    const r = await cli('scan', exampleRepo(), '-f', 'sarif');
    const rules = (JSON.parse(r.out) as Sarif).runs[0]!.tool.driver.rules;
    expect(rules.length).toBeGreaterThan(3);
    for (const rule of rules) expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
    // The repository's own rule blocks: high, 8.0 — like a blocking detection rule.
    expect(rules.find((x) => x.id === 'no-publishing-here')?.properties).toMatchObject({
      severity: 'high',
      'security-severity': '8.0',
    });
  });

  it('--root makes URIs relative to that directory', async () => {
    const root = exampleRepo();
    const r = await cli('scan', root, '-f', 'sarif', '--root', dirname(root));
    const sarif = JSON.parse(r.out) as Sarif;
    expect(githubSarifViolations(sarif)).toEqual([]);
    expect(uris(sarif).every((u) => u.startsWith(`${basename(root)}/.github/workflows/`))).toBe(
      true,
    );
    expect(sarif.runs[0]!.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(
      `${pathToFileURL(dirname(root)).href}/`,
    );
  });

  it('evaluate gives each workflow/job its own category; several repositories one run each', async () => {
    const root = exampleRepo();
    const wf = join(root, '.github/workflows/release.yml');
    const one = JSON.parse((await cli('evaluate', wf, '-f', 'sarif')).out) as Sarif;
    const job = JSON.parse(
      (await cli('evaluate', wf, '--job', 'publish', '-f', 'sarif')).out,
    ) as Sarif;
    expect(one.runs[0]!.automationDetails.id).toBe('agent-gate/.github/workflows/release.yml/');
    expect(job.runs[0]!.automationDetails.id).toBe(
      'agent-gate/.github/workflows/release.yml:publish/',
    );
    const other = exampleRepo();
    const both = JSON.parse((await cli('scan', root, other, '-f', 'sarif')).out) as Sarif;
    expect(both.runs.map((r) => r.automationDetails.id)).toEqual([
      'agent-gate/scan/acme-app/',
      'agent-gate/scan/acme-app-2/',
    ]);
    expect(githubSarifViolations(both)).toEqual([]);
  });

  it('the checker catches what GitHub would refuse (it can fail)', () => {
    const bad = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'x', rules: [{ id: 'a', shortDescription: { text: 'a' } }] } },
          results: [
            {
              ruleId: 'a',
              message: { text: 'm' },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: '/abs/x.yml' },
                    region: { startLine: 0 },
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    expect(githubSarifViolations(bad)).toEqual([
      'rule a: security-severity must be a string number 0–10',
      'run 0 result 0: no partialFingerprints',
      'run 0 result 0: uri /abs/x.yml is not relative to the repository root',
      'run 0 result 0: region.startLine must be ≥ 1',
    ]);
  });

  it('text and SARIF use the same severity words for the same findings', async () => {
    const root = exampleRepo();
    const wf = join(root, '.github/workflows/nightly-agent.yml');
    const text = (await cli('evaluate', wf, '-v')).out;
    const sarif = JSON.parse((await cli('evaluate', wf, '-f', 'sarif')).out) as Sarif;
    const checks = sarif.runs[0]!.results.filter((x) => x.properties.kind === 'check');
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks)
      expect(text).toMatch(new RegExp(`${c.ruleId} .*\\(${c.properties.severity}, `));
    const words = new Set(sarif.runs[0]!.results.map((x) => x.properties.severity));
    for (const w of words) expect(['info', 'low', 'medium', 'high', 'critical']).toContain(w);
  });
});
