/**
 * The 20 controls of the seed checklist (/work/shared/seeds/003: "Secure AI Coding Agents:
 * The 2026 Security Checklist") as data, with the seed's titles, categories and bands, and
 * what agent-gate looks at in a workflow for each. The scoring itself is in score-job.ts.
 */
import type { Band, BandId, Control, ControlId } from './types.js';

export const CONTROLS: readonly Control[] = [
  {
    id: 'least-privilege',
    number: 1,
    category: 'Access Control',
    title: 'Enforce least-privilege permissions',
    basic: true,
    looksAt:
      'the job token’s effective `permissions:` (declared or repository default), App tokens not bounded by them, and agents running with permission checks off',
  },
  {
    id: 'filesystem-scope',
    number: 2,
    category: 'Access Control',
    title: 'Scope file system access to the project directory',
    basic: false,
    looksAt:
      'OS-level confinement of the agent: the gh-aw firewall (awf) container, `docker run` mounts, a job `container:`, the agent’s own OS sandbox; extra directories outside the workspace',
  },
  {
    id: 'tool-allowlist',
    number: 3,
    category: 'Access Control',
    title: 'Maintain a tool allowlist',
    basic: false,
    looksAt:
      'explicit tool allow-lists of each agent (`--allowedTools`, `permissions.allow`, `--allow-tool`, `tools.core`), unrestricted shell or bypass modes, MCP servers without a tools list',
  },
  {
    id: 'isolation',
    number: 4,
    category: 'Sandboxing',
    title: 'Run agents in container or VM isolation',
    basic: true,
    looksAt:
      'awf, hardened `docker run` (`--cap-drop`, `no-new-privileges`, seccomp, gVisor / Kata runtimes), job `container:`, agent OS sandboxes, GitHub-hosted (fresh VM) vs self-hosted runners',
  },
  {
    id: 'read-only-root',
    number: 5,
    category: 'Sandboxing',
    title: 'Use a read-only root filesystem',
    basic: false,
    looksAt:
      '`--read-only` / `--tmpfs` on the agent’s container, or what keeps system files unwritable: no sudo (harden-runner, codex-action safety strategy), awf’s non-root agent, agent OS sandboxes',
  },
  {
    id: 'resource-limits',
    number: 6,
    category: 'Sandboxing',
    title: 'Set resource limits',
    basic: false,
    looksAt:
      '`--memory` / `--cpus` / `--pids-limit` on the agent’s container or job container options, `ulimit`, and agent caps on turns or spend (`--max-turns`, `--max-budget-usd`, `maxAiCredits`)',
  },
  {
    id: 'egress-allowlist',
    number: 7,
    category: 'Network Security',
    title: 'Deploy an egress allowlist proxy',
    basic: true,
    looksAt:
      'step-security/harden-runner `egress-policy: block` before the agent, the awf Squid allow-list, `--network none`, agent sandboxes that cut the network of the commands they run',
  },
  {
    id: 'dns-logging',
    number: 8,
    category: 'Network Security',
    title: 'Log all DNS queries',
    basic: false,
    looksAt: 'harden-runner (records DNS and connections per job), the awf proxy log',
  },
  {
    id: 'tls-inspection',
    number: 9,
    category: 'Network Security',
    title: 'Enable TLS inspection for outbound connections',
    basic: false,
    looksAt: 'awf `--ssl-bump` (HTTPS interception), proxies set through `HTTPS_PROXY`',
  },
  {
    id: 'short-lived-tokens',
    number: 10,
    category: 'Credential Management',
    title: 'Use only short-lived tokens',
    basic: true,
    looksAt:
      'the lifetime of every credential of the job: job token, OIDC, App tokens (short) vs stored secrets, PATs, `secrets: inherit` (long-lived)',
  },
  {
    id: 'no-personal-credentials',
    number: 11,
    category: 'Credential Management',
    title: 'Never expose personal credentials to the agent',
    basic: false,
    looksAt:
      'personal access tokens used as GitHub tokens, subscription OAuth tokens, all-secrets exposure, and stored secrets whose owner the workflow cannot show',
  },
  {
    id: 'secrets-vault',
    number: 12,
    category: 'Credential Management',
    title: 'Integrate with a secrets vault',
    basic: false,
    looksAt:
      'vault actions (HashiCorp Vault, AWS Secrets Manager, 1Password, Azure Key Vault, …), stored secrets in job-wide env, `toJSON(secrets)` / `secrets: inherit`',
  },
  {
    id: 'diff-review',
    number: 13,
    category: 'Code Review',
    title: 'Review every diff before applying',
    basic: true,
    looksAt:
      'whether the job can write code at all, and whether it merges, auto-merges, pushes to the default branch or bypasses protection instead of leaving a pull request for review',
  },
  {
    id: 'sast',
    number: 14,
    category: 'Code Review',
    title: 'Run SAST on agent output',
    basic: false,
    looksAt: 'SAST steps anywhere in the workflow (CodeQL, Semgrep, Snyk Code, SonarQube, …)',
  },
  {
    id: 'dependency-audit',
    number: 15,
    category: 'Code Review',
    title: 'Audit all dependency additions',
    basic: false,
    looksAt:
      'dependency review / audit steps anywhere in the workflow (dependency-review-action, `npm audit`, `pip-audit`, osv-scanner, Socket, …)',
  },
  {
    id: 'immutable-audit-log',
    number: 16,
    category: 'Monitoring and Incident Response',
    title: 'Ship immutable audit logs',
    basic: false,
    looksAt:
      'agent logs or telemetry leaving the runner (log artifacts, OpenTelemetry export, harden-runner, `show_full_output`) and whether the job token can delete run logs (`actions: write`)',
  },
  {
    id: 'anomaly-detection',
    number: 17,
    category: 'Monitoring and Incident Response',
    title: 'Implement anomaly detection',
    basic: false,
    looksAt: 'harden-runner’s per-job network baseline; anything else runs outside CI',
  },
  {
    id: 'session-time-limits',
    number: 18,
    category: 'Monitoring and Incident Response',
    title: 'Enforce session time limits',
    basic: false,
    looksAt:
      '`timeout-minutes` of the agent’s step or of the job, against GitHub’s 360-minute default',
  },
  {
    id: 'kill-switch',
    number: 19,
    category: 'Monitoring and Incident Response',
    title: 'Maintain a kill switch',
    basic: false,
    looksAt:
      'run cancellation (always there) against credentials it cannot revoke: long-lived secrets outlive a cancelled run',
  },
  {
    id: 'rollback',
    number: 20,
    category: 'Monitoring and Incident Response',
    title: 'Document rollback procedures',
    basic: false,
    looksAt:
      'whether changes stay on branches / pull requests (git reverts them) or reach the default branch, deploys, releases and destructive commands',
  },
];

export function controlById(id: ControlId): Control {
  const control = CONTROLS.find((c) => c.id === id);
  if (!control) throw new Error(`unknown checklist control ${id}`);
  return control;
}

/** The seed's bands, highest first, each with its lowest total (out of 20). */
export const BANDS: readonly (Band & { readonly min: number })[] = [
  {
    id: 'production-ready',
    label: 'Production-ready',
    range: '18–20',
    min: 18,
    advice: 'Focus on continuous improvement and red-teaming.',
  },
  {
    id: 'good-foundation',
    label: 'Good foundation',
    range: '14–17',
    min: 14,
    advice: 'Address the gaps in your weakest category first.',
  },
  {
    id: 'significant-risk',
    label: 'Significant risk',
    range: '10–13',
    min: 10,
    advice: 'Prioritize the critical items (Access Control and Sandboxing) immediately.',
  },
  {
    id: 'pause',
    label: 'Pause agent deployments',
    range: 'below 10',
    min: 0,
    advice:
      'Pause agent deployments until the top 5 items of the Pro Tip (1, 4, 7, 10, 13) are addressed.',
  },
];

/**
 * The band of a total out of 20. The seed's ranges are whole numbers; a half point counts
 * towards the band below (17.5 is "Good foundation", 9.5 is "below 10").
 */
export function bandOf(total: number): Band {
  const band = BANDS.find((b) => total >= b.min) ?? BANDS[BANDS.length - 1]!;
  return { id: band.id, label: band.label, range: band.range, advice: band.advice };
}

export const BAND_IDS: readonly BandId[] = BANDS.map((b) => b.id);
