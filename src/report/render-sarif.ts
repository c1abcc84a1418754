/**
 * SARIF 2.1.0 rendering of the findings, for code-scanning upload. Locations are in the
 * workflow file; fingerprints do not depend on line numbers so results survive edits.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../policy/types.js';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from '../version.js';
import { allFindings } from './report.js';
import type { Report } from './report.js';

export function renderSarif(report: Report): string {
  const findings = allFindings(report);
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  const rules = ruleIds.map((id) => {
    const rule = report.policy.rules.find((r) => r.id === id);
    return {
      id,
      shortDescription: { text: rule?.reason ?? 'Policy default decision' },
      helpUri: `${TOOL_URI}#policy-reference`,
      properties: { decision: rule?.decision ?? report.policy.default },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_URI, rules },
        },
        results: findings.map((f) => result(f, ruleIds.indexOf(f.ruleId))),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function result(f: Finding, ruleIndex: number): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: f.decision === 'blocked' ? 'error' : 'warning',
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.location.path },
          region: { startLine: f.location.line, startColumn: f.location.column },
        },
      },
    ],
    partialFingerprints: {
      'agentGate/v1': createHash('sha256')
        .update([f.ruleId, f.workflow, f.job ?? '', f.class ?? '', f.message].join('\0'))
        .digest('hex'),
    },
  };
}
