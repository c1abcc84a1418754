/**
 * SARIF 2.1.0 rendering of the findings, for code-scanning upload and the evidence pack
 * (validated against the official schema and GitHub's upload rules in tests, and by
 * `agent-gate verify`). URIs are relative to the repository root (`%SRCROOT%`), each run
 * carries its code-scanning category, and fingerprints do not depend on line numbers so
 * results survive edits.
 */
import { createHash } from 'node:crypto';
import { RULE_DOCS } from '../../generated/rule-docs.js';
import { ruleById } from '../policy/checks.js';
import { pathSeverity } from '../policy/path-remediation.js';
import type { Finding, Policy, Severity } from '../policy/types.js';
import type { Rule } from '../rules/types.js';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from '../version.js';
import { allFindings } from './report.js';
import type { Report, RepositoryScope } from './report.js';

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

/** GitHub code scanning's caps on one upload (its SARIF support page; larger is rejected). */
export const GITHUB_SARIF_LIMITS = { runs: 20, resultsPerRun: 25_000, rulesPerRun: 25_000 };
/** The base id every result's URI is relative to (the repository root). */
export const SRCROOT = '%SRCROOT%';

interface RunScope {
  readonly policy: Policy;
  readonly findings: readonly Finding[];
  readonly rootUri: string | undefined;
  readonly category: string;
  /** The path inside the repository for a finding's location path. */
  readonly repoPathOf: (path: string) => string;
}

export function sarifDocument(report: Report): Record<string, unknown> {
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: runScopes(report).map(sarifRun),
  };
}

/**
 * One run per repository (each with its own policy, root and category), or — in the action,
 * which decides one workflow of the checked-out repository — one run whose paths already are
 * repository paths.
 */
function runScopes(report: Report): RunScope[] {
  const findings = allFindings(report);
  if (report.repositories.length === 0) {
    const workflows = report.evaluations.map((e) => e.workflow.path);
    const jobs = report.evaluations.flatMap((e) => e.decision.jobs.map((j) => j.job)).sort();
    return [
      {
        policy: report.policy,
        findings,
        rootUri: undefined,
        category:
          workflows.length === 1
            ? `agent-gate/${workflows[0] ?? ''}:${jobs.join(',')}/`
            : 'agent-gate/',
        repoPathOf: (path) => path,
      },
    ];
  }
  return report.repositories.map((scope) => repositoryRunScope(scope, findings));
}

/** One repository's run from its findings, the most severe first (a streamed scan's SARIF). */
export function sarifRepositoryRun(
  scope: RepositoryScope,
  findings: readonly Finding[],
): Record<string, unknown> {
  return sarifRun(repositoryRunScope(scope, findings));
}

function repositoryRunScope(scope: RepositoryScope, findings: readonly Finding[]): RunScope {
  const byPath = new Map(scope.workflows.map((w) => [w.path, w.repoPath]));
  const prefix = scope.root.endsWith('/') ? scope.root : `${scope.root}/`;
  return {
    policy: scope.policy,
    findings: findings.filter((f) => byPath.has(f.workflow)),
    rootUri: scope.rootUri,
    category: scope.category,
    repoPathOf: (path) =>
      byPath.get(path) ?? (path.startsWith(prefix) ? path.slice(prefix.length) : path),
  };
}

function sarifRun(scope: RunScope): Record<string, unknown> {
  // Most severe first (allFindings' order), so a cap keeps what matters.
  const findings = scope.findings.slice(0, GITHUB_SARIF_LIMITS.resultsPerRun);
  const omitted = scope.findings.length - findings.length;
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  const rules = ruleIds.map((id) => ruleDescriptor(id, findings, scope.policy));
  return {
    tool: {
      driver: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_URI, rules },
    },
    automationDetails: { id: scope.category },
    ...(scope.rootUri ? { originalUriBaseIds: { [SRCROOT]: { uri: scope.rootUri } } } : {}),
    results: findings.map((f) => result(f, ruleIds.indexOf(f.ruleId), scope.repoPathOf)),
    properties: {
      policy: { sources: scope.policy.sources, digest: scope.policy.digest },
      ...(omitted > 0 ? { omittedResults: omitted } : {}),
    },
  };
}

function ruleDescriptor(
  id: string,
  findings: readonly Finding[],
  policy: Policy,
): Record<string, unknown> {
  const check = ruleById(id);
  if (check && findings.some((f) => f.ruleId === id && f.kind === 'check'))
    return checkRuleDescriptor(check, findings.find((f) => f.ruleId === id)?.decision ?? 'allow');
  const rule = policy.rules.find((r) => r.id === id);
  const decision = rule?.decision ?? policy.default;
  const severity = pathSeverity(decision);
  const text =
    rule?.reason ??
    (id === DEFAULT_RULE_ID
      ? `No rule matches; the policy default (${policy.default}) decides`
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
      severity,
      'security-severity': SECURITY_SEVERITY[severity],
      tags: ['security', 'action-path'],
      ...(rule ? { source: rule.at.path } : {}),
    },
  };
}

function result(
  f: Finding,
  ruleIndex: number,
  repoPathOf: (path: string) => string,
): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: levelOf(f.decision),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(repoPathOf(f.location.path)), uriBaseId: SRCROOT },
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

/** A relative URI reference: forward slashes, each segment percent-encoded. */
function toUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/**
 * GitHub code scanning reads `security-severity` (a CVSS-like score) to rank alerts: over 9.0
 * critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. Every rule has one, from the same
 * severity word the text report shows.
 */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
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
