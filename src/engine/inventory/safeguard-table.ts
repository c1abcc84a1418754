/**
 * The data half of the safeguard reader (safeguards.ts): which actions and which argv shapes
 * stand for a security control in a job — a secrets vault, static analysis, a dependency or
 * supply-chain audit, auto-merge, the gh-aw firewall, shell limits and agent session caps.
 * Commands are matched on argv from the shell splitter (path syntax as in command-table.ts:
 * `'kv get, read'` is two alternative paths), never on raw script text.
 */
import type { ParsedCommand } from './command-table.js';

export type SafeguardKind =
  | 'vault'
  | 'sast'
  | 'dependency-audit'
  | 'supply-chain'
  | 'auto-merge'
  | 'awf'
  | 'ssl-bump'
  | 'ulimit'
  | 'agent-cap'
  | 'log-upload';

export interface SafeguardCommand {
  readonly tools: string;
  readonly path: string | undefined;
  readonly kind: SafeguardKind;
  readonly when?: (c: ParsedCommand) => boolean;
}

type Row = readonly [tools: string, path: string | undefined, when?: (c: ParsedCommand) => boolean];

const rows = (kind: SafeguardKind, list: readonly Row[]): SafeguardCommand[] =>
  list.map(([tools, path, when]) => ({ tools, path, kind, ...(when ? { when } : {}) }));

/** A tool run with some argument (`gosec ./...`), not bare (`gosec` alone prints its usage). */
const withArgs = (c: ParsedCommand): boolean => c.args.length > 0;
const flagFirst = (c: ParsedCommand): boolean => (c.args[0] ?? '').startsWith('-');

export const SAFEGUARD_COMMANDS: readonly SafeguardCommand[] = [
  ...rows('vault', [
    ['vault', 'kv get, read'],
    ['op', 'read|run|inject'],
    ['aws', 'secretsmanager get-secret-value'],
    ['gcloud', 'secrets versions access'],
    ['az', 'keyvault secret show'],
    ['doppler', 'run|secrets'],
    ['infisical', 'run|export'],
  ]),
  ...rows('sast', [
    ['semgrep', 'scan|ci'],
    ['semgrep', undefined, (c) => c.has('--config')],
    ['bandit', undefined, flagFirst],
    ['gosec njsscan flawfinder zizmor', undefined, withArgs],
    ['brakeman sonar-scanner', undefined],
    ['snyk', 'code test'],
    ['codeql', 'database analyze'],
    ['bearer', 'scan'],
  ]),
  ...rows('dependency-audit', [
    ['npm pnpm yarn bun composer', 'audit'],
    ['pip-audit osv-scanner govulncheck dependency-check dependency-check.sh', undefined],
    ['bundle-audit bundler-audit', undefined],
    ['bundle bundler', 'audit'],
    ['cargo', 'audit|deny'],
    ['safety', 'check|scan'],
    ['snyk', 'test'],
    ['trivy', 'fs|repo|filesystem'],
    ['grype', undefined, withArgs],
  ]),
  ...rows('supply-chain', [
    ['socket', 'scan|ci'],
    ['npq guarddog', undefined, withArgs],
  ]),
  // `awf logs` reads the proxy log of an earlier run; any other `awf …` wraps a command.
  ...rows('awf', [['awf', undefined, (c) => c.args.length > 0 && c.args[0] !== 'logs']]),
  ...rows('ulimit', [['ulimit', undefined, flagFirst]]),
];

/** Actions that stand for a control (a `/path` suffix of an action matches its prefix). */
export const SAFEGUARD_ACTIONS: readonly {
  readonly kind: SafeguardKind;
  readonly actions: readonly string[];
}[] = [
  {
    kind: 'vault',
    actions: [
      'hashicorp/vault-action',
      '1password/load-secrets-action',
      'aws-actions/aws-secretsmanager-get-secrets',
      'azure/get-keyvault-secrets',
      'google-github-actions/get-secretmanager-secrets',
      'dopplerhq/secrets-fetch-action',
      'infisical/secrets-action',
      'bitwarden/sm-action',
      'cyberark/conjur-action',
      'akeyless-community/akeyless-github-action',
    ],
  },
  {
    kind: 'sast',
    actions: [
      'github/codeql-action/analyze',
      'github/codeql-action/init',
      'semgrep/semgrep-action',
      'returntocorp/semgrep-action',
      'sonarsource/sonarqube-scan-action',
      'sonarsource/sonarcloud-github-action',
      'checkmarx/ast-github-action',
      'securego/gosec',
      'pycqa/bandit-action',
      'zizmorcore/zizmor-action',
      'shiftleft/scan-action',
      'shiftleftsecurity/scan-action',
    ],
  },
  {
    // Vulnerability audits: known CVEs of (new) dependencies, not who published them.
    kind: 'dependency-audit',
    actions: [
      'actions/dependency-review-action',
      'google/osv-scanner-action',
      'pypa/gh-action-pip-audit',
      'aquasecurity/trivy-action',
      'anchore/scan-action',
      'rustsec/audit-check',
      'actions-rs/audit-check',
    ],
  },
  {
    // Supply-chain checks that also look at typosquatting and publishers.
    kind: 'supply-chain',
    actions: ['socketdev/action', 'socketdev/socket-action', 'phylum-dev'],
  },
  {
    kind: 'auto-merge',
    actions: [
      'peter-evans/enable-pull-request-automerge',
      'pascalgn/automerge-action',
      'reitermarkus/automerge',
      'fastify/github-action-merge-dependabot',
    ],
  },
];

/** Snyk's action runs `snyk code test` (SAST) or a dependency test, by its `command` input. */
export const SNYK_ACTION = 'snyk/actions';
export const SNYK_CODE = /\bcode\b/;

export const HARDEN_RUNNER = 'step-security/harden-runner';
export const UPLOAD_ARTIFACT = 'actions/upload-artifact';
/** Artifact paths that hold an agent's logs or transcripts. */
export const LOG_ARTIFACT = /log|transcript|trace|session|execution|\.jsonl/i;

/** Agent caps on how much one session may do (turns, spend): a ceiling, not a CPU/memory quota. */
export const AGENT_CAPS =
  /--max-turns\b|\bmax_turns\b|--max-budget-usd\b|\bmaxAiCredits\b|--max-session-turns\b|--max-steps\b|\bmax[-_]iterations\b/;
/** gh-aw's firewall intercepting HTTPS: the flag, or its JSON config written by a step. */
export const SSL_BUMP_CONFIG = /sslBump\\?"\s*:\s*true/;

/** Env that exports an agent's telemetry, and env that routes traffic through a proxy. */
export const TELEMETRY_ENV =
  /^(?:OTEL_EXPORTER_OTLP(?:_LOGS|_TRACES)?_ENDPOINT|OTEL_LOGS_EXPORTER|CLAUDE_CODE_ENABLE_TELEMETRY)$/;
export const PROXY_ENV = /^(?:HTTPS_PROXY|https_proxy|ALL_PROXY|all_proxy)$/;

/** GitHub-hosted runner labels (a fresh VM per job). */
export const HOSTED_LABEL =
  /^(?:ubuntu|windows|macos)-(?:latest|slim|\d+(?:\.\d+)?)(?:-(?:arm|arm64|large|xlarge|xl|intel))*$/i;

/** `docker run` flags that take a value (the first other word is the image). */
export const DOCKER_VALUE_FLAGS = new Set(
  (
    '-a --attach --add-host --annotation --blkio-weight --cap-add --cap-drop --cgroup-parent --cgroupns ' +
    '--cidfile --cpu-period --cpu-quota --cpu-shares -c --cpus --cpuset-cpus --cpuset-mems --device ' +
    '--device-cgroup-rule --dns --dns-option --dns-search --domainname --entrypoint -e --env --env-file ' +
    '--expose --gpus --group-add --health-cmd --health-interval --health-retries --health-start-period ' +
    '--health-timeout -h --hostname --ip --ip6 --ipc --isolation --kernel-memory -l --label --label-file ' +
    '--link --log-driver --log-opt --mac-address -m --memory --memory-reservation --memory-swap ' +
    '--memory-swappiness --mount --name --net --network --network-alias --oom-score-adj --pid ' +
    '--pids-limit --platform -p --publish --pull --restart --runtime --security-opt --shm-size ' +
    '--stop-signal --stop-timeout --storage-opt --sysctl --tmpfs --ulimit -u --user --userns --uts ' +
    '-v --volume --volume-driver --volumes-from -w --workdir'
  ).split(/\s+/),
);
