/**
 * SARIF 2.1.0 rendering of the findings, for code-scanning upload and the evidence pack
 * (validated against the official schema in tests and by `agent-gate verify`). Locations are
 * in the workflow file; fingerprints do not depend on line numbers so results survive edits.
 */
import { createHash } from 'node:crypto';
import { RULE_DOCS } from '../generated/rule-docs.js';
import { ruleById } from '../policy/checks.js';
import type { Finding, Severity } from '../policy/types.js';
import type { Rule } from '../rules/types.js';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from '../version.js';
import { allFindings } from './report.js';
import type { Report } from './report.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The README section every rule (presets' and a repository's own) is explained by. */
export const POLICY_REFERENCE_URI = `${TOOL_URI}#policy-reference`;
/** Id of the pseudo-rule for paths no rule matched (the policy default decided). */
export const DEFAULT_RULE_ID = 'policy-default';

/** The rule's documentation page when the repository has one (docs/rules/<id>.md), else the README. */
export function ruleHelpUri(ruleId: string): string {
  return RULE_DOCS.includes(ruleId)
    ? `${TOOL_URI}/blob/main/docs/rules/${ruleId}.md`
    : POLICY_REFERENCE_URI;
}

/**
 * The `agentGate/v1` partial fingerprint: rule, workflow, job, class and message — never the
 * line or column, so a result keeps its identity when lines above it move.
 */
export function findingFingerprint(f: Finding): string {
  return createHash('sha256')
    .update([f.ruleId, f.workflow, f.job ?? '', f.class ?? '', f.message].join('\0'))
    .digest('hex');
}

export function renderSarif(report: Report): string {
  return `${JSON.stringify(sarifDocument(report), null, 2)}\n`;
}

export function sarifDocument(report: Report): Record<string, unknown> {
  const findings = allFindings(report);
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  const rules = ruleIds.map((id) => {
    const check = ruleById(id);
    if (check && findings.some((f) => f.ruleId === id && f.kind === 'check'))
      return checkRuleDescriptor(check, findings.find((f) => f.ruleId === id)?.decision ?? 'allow');
    const rule = report.policy.rules.find((r) => r.id === id);
    const decision = rule?.decision ?? report.policy.default;
    const text =
      rule?.reason ??
      (id === DEFAULT_RULE_ID
        ? `No rule matches; the policy default (${report.policy.default}) decides`
        : 'Policy rule');
    return {
      id,
      name: toPascalCase(id),
      shortDescription: { text: oneLine(text) },
      fullDescription: { text: rule?.description ?? text },
      helpUri: ruleHelpUri(id),
      help: {
        text: `${text}\nDecision: ${decision}.${rule ? ` Defined in ${rule.at.path}.` : ''}\nSee ${ruleHelpUri(id)}`,
      },
      defaultConfiguration: { level: levelOf(decision) },
      properties: {
        decision,
        tags: ['security', 'action-path'],
        ...(rule ? { source: rule.at.path } : {}),
      },
    };
  });
  return {
    $schema: SARIF_SCHEMA_URI,
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
}

function result(f: Finding, ruleIndex: number): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: levelOf(f.decision),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.location.path },
          // SARIF lines and columns start at 1.
          region: {
            startLine: Math.max(1, f.location.line),
            startColumn: Math.max(1, f.location.column),
          },
        },
      },
    ],
    partialFingerprints: { 'agentGate/v1': findingFingerprint(f) },
    properties: {
      decision: f.decision,
      kind: f.kind,
      severity: f.severity,
      confidence: f.confidence,
      remediation: f.remediation,
      ...(f.job ? { job: f.job } : {}),
    },
  };
}

/** GitHub code scanning reads `security-severity` (a CVSS-like score) to rank alerts. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  info: '0.0',
  low: '3.0',
  medium: '5.5',
  high: '8.0',
  critical: '9.5',
};

/** A detection rule's descriptor from its catalog meta (docs/rules/<id>.md as helpUri). */
function checkRuleDescriptor(
  rule: Rule<unknown>,
  decision: Finding['decision'],
): Record<string, unknown> {
  const { meta } = rule;
  const uri = ruleHelpUri(meta.id);
  return {
    id: meta.id,
    name: toPascalCase(meta.id),
    shortDescription: { text: oneLine(meta.title) },
    fullDescription: { text: meta.description },
    helpUri: uri,
    help: {
      text: `${meta.description}\nRemediation: ${meta.remediation}\nSee ${uri}`,
      markdown: `${meta.description}\n\n**Remediation:** ${meta.remediation}\n\n[Rule documentation](${uri})`,
    },
    defaultConfiguration: { level: levelOf(decision) },
    properties: {
      decision,
      severity: meta.severity,
      confidence: meta.confidence,
      'security-severity': SECURITY_SEVERITY[meta.severity],
      tags: ['security', meta.category === 'agent' ? 'ai-agent' : 'workflow'],
      ...(meta.peers.length > 0 ? { peers: meta.peers } : {}),
    },
  };
}

function levelOf(decision: Finding['decision']): 'error' | 'warning' | 'note' {
  return decision === 'blocked' ? 'error' : decision === 'approval-required' ? 'warning' : 'note';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim() || 'Policy rule';
}

function toPascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}
