/**
 * findings.sarif: valid against the official SARIF 2.1.0 schema (compiled here from the
 * @microsoft/jest-sarif copy with ajv-draft-04, independently of the generated validator),
 * help URIs per rule, and fingerprints that survive line shifts.
 */
import { RULES } from '../../src/engine/rules/index.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04Module from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { buildPackFiles } from '../../src/engine/evidence/build-pack.js';
import validateSarifGenerated from '../../src/generated/sarif-validator.js';
import {
  POLICY_REFERENCE_URI,
  renderSarif,
  ruleHelpUri,
} from '../../src/engine/report/render-sarif.js';
import { EXAMPLES, exampleReport, inputFor, reportOf } from './pack-helpers.js';

const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as Record<string, unknown>;
// A CommonJS module: its default export is module.exports, the class is its `default`.
const AjvDraft04 = AjvDraft04Module.default;
const validateOfficial = new AjvDraft04({
  allErrors: true,
  strict: false,
  unicodeRegExp: false,
  validateFormats: false,
}).compile(sarifSchema);

interface Sarif {
  version: string;
  runs: {
    tool: {
      driver: { rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[] };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number };
        };
      }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

describe('SARIF 2.1.0', () => {
  it('the official schema is the one compiled (draft-04, SARIF 2.1.0)', () => {
    expect(sarifSchema.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(String(sarifSchema.title)).toMatch(/SARIF\) Version 2\.1\.0/);
  });

  it.each(EXAMPLES)(
    'findings.sarif of examples/%s is valid (official schema and the generated validator)',
    async (name) => {
      const files = buildPackFiles(inputFor(await exampleReport(name)));
      const sarif = JSON.parse(files.get('findings.sarif')!) as Sarif;
      expect(validateOfficial(sarif), JSON.stringify(validateOfficial.errors)).toBe(true);
      expect(validateSarifGenerated(sarif)).toBe(true);
      expect(sarif.version).toBe('2.1.0');
      for (const r of sarif.runs[0]!.results) {
        expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe(`examples/${name}`);
        expect(sarif.runs[0]!.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      }
    },
  );

  it('both validators reject SARIF the schema does not allow', async () => {
    const sarif = JSON.parse(renderSarif(await exampleReport('nightly-agent.yml'))) as Sarif;
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    const badLevel = structuredClone(sarif);
    badLevel.runs[0]!.results[0]!.level = 'fatal';
    expect(validateOfficial(badLevel)).toBe(false);
    expect(validateSarifGenerated(badLevel)).toBe(false);
    const badLine = structuredClone(sarif);
    badLine.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    expect(validateOfficial(badLine)).toBe(false);
    expect(validateSarifGenerated(badLine)).toBe(false);
    const noVersion = { ...sarif, version: '2.0.0' };
    expect(validateOfficial(noVersion)).toBe(false);
    expect(validateSarifGenerated(noVersion)).toBe(false);
  });

  it('gives policy rules the README policy reference and detection rules their docs/rules page as helpUri', async () => {
    const sarif = JSON.parse(renderSarif(await exampleReport('nightly-agent.yml'))) as Sarif;
    const all = sarif.runs[0]!.tool.driver.rules;
    const checks = all.filter((r) => RULES.some((c) => c.meta.id === r.id));
    expect(checks.length).toBeGreaterThan(0);
    for (const r of checks)
      expect(r.helpUri).toBe(
        `https://github.com/agent-gate/agent-gate/blob/main/docs/rules/${r.id}.md`,
      );
    const rules = all.filter((r) => !checks.includes(r));
    expect(rules.map((r) => [r.id, r.helpUri, r.defaultConfiguration.level])).toEqual([
      [
        'approve-unattended-branch-write',
        'https://github.com/agent-gate/agent-gate#policy-reference',
        'warning',
      ],
      [
        'approve-unattended-secret',
        'https://github.com/agent-gate/agent-gate#policy-reference',
        'warning',
      ],
      ['block-bypass-checks', 'https://github.com/agent-gate/agent-gate#policy-reference', 'error'],
    ]);
    expect(POLICY_REFERENCE_URI).toBe('https://github.com/agent-gate/agent-gate#policy-reference');
    expect(ruleHelpUri('policy-default')).toBe(POLICY_REFERENCE_URI);
  });

  it('keeps partialFingerprints when lines move, while the locations follow them', async () => {
    const text = readFileSync('examples/nightly-agent.yml', 'utf8');
    const shifted = `# a comment added on top\n\n# and another one\n${text.replace('jobs:\n', 'jobs:\n\n\n')}`;
    const before = JSON.parse(renderSarif(await reportOf('wf.yml', text))) as Sarif;
    const after = JSON.parse(renderSarif(await reportOf('wf.yml', shifted))) as Sarif;
    const lines = (s: Sarif): number[] =>
      s.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region.startLine);
    const prints = (s: Sarif): string[] =>
      s.runs[0]!.results.map((r) => r.partialFingerprints['agentGate/v1']!);
    const n = before.runs[0]!.results.length;
    expect(n).toBeGreaterThanOrEqual(3);
    // Three comment lines on top move everything by 3; two blank lines after `jobs:`
    // move what is below it by 2 more.
    const JOBS_LINE = text.split('\n').indexOf('jobs:') + 1;
    expect(lines(after)).toEqual(lines(before).map((l) => l + (l > JOBS_LINE ? 5 : 3)));
    expect(prints(after)).toEqual(prints(before));
    expect(prints(before).every((p) => /^[0-9a-f]{64}$/.test(p))).toBe(true);
    expect(new Set(prints(before)).size).toBe(n);
  });
});
