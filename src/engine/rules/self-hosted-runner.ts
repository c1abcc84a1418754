/**
 * self-hosted-runner — a job that pull requests can start runs on a self-hosted runner.
 * poutine's `pr_runs_on_self_hosted` (pull-request triggers, hosted-label list, allowed
 * runners) with zizmor's `self-hosted-runner` reading of `runs-on` (the `self-hosted` label,
 * runner groups, expressions, matrix values).
 */
import type { YamlPath } from '../workflow/source.js';
import { dataAt } from '../workflow/plain-data.js';
import { PULL_REQUEST_EVENTS } from '../workflow/event-sets.js';
import type { Confidence, RuleHit } from './types.js';
import { defineRule } from './types.js';
import { hasExpression } from '../workflow/expressions/fences.js';

export interface SelfHostedRunnerOptions {
  /** Runner labels or group names (`*` wildcards) that are accepted. */
  readonly 'allowed-runners': readonly string[];
  /** Report self-hosted jobs whatever their triggers (zizmor), not only pull-request ones. */
  readonly 'all-triggers': boolean;
}

/** GitHub-hosted labels (poutine's list) and ephemeral hosted-runner services. */
const HOSTED =
  /^(?:(?:ubuntu|macos|windows)-[\w.-]+|(?:buildjet|warp|blacksmith|depot|namespace-profile|nscloud|ubicloud)-[\w.-]+)$/i;

interface Label {
  readonly label: string;
  readonly path: YamlPath;
  readonly group: boolean;
}

interface Verdict {
  readonly confidence: Confidence;
  readonly why: string;
  readonly path: YamlPath;
}

export default defineRule<SelfHostedRunnerOptions>({
  meta: {
    id: 'self-hosted-runner',
    title: 'Pull-request-triggered job on a self-hosted runner',
    description:
      'A self-hosted runner is usually not ephemeral: code from a pull request that runs on it can persist on the machine, read what later jobs leave there (tokens, caches, credentials) and reach the network the runner lives in.',
    severity: 'high',
    confidence: 'medium',
    category: 'workflow',
    messages: {
      selfHosted: 'job `{{job}}` {{why}} ({{on}})',
    },
    peers: ['poutine:pr_runs_on_self_hosted', 'zizmor:self-hosted-runner'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Run pull-request jobs on GitHub-hosted runners, or on ephemeral (just-in-time) self-hosted runners in an isolated runner group; list those in `allowed-runners`.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'allowed-runners': {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Runner labels or group names (`*` wildcards) that are accepted.',
        },
        'all-triggers': {
          type: 'boolean',
          description: 'Report self-hosted jobs on every trigger, not only pull-request ones.',
        },
      },
    },
  },
  defaultOptions: { 'allowed-runners': [], 'all-triggers': false },
  check({ workflow, job, inventory, options, locate }) {
    if (job.uses !== undefined) return [];
    const prEvents = inventory.triggers.filter((t) => PULL_REQUEST_EVENTS.has(t));
    if (prEvents.length === 0 && !options['all-triggers']) return [];
    const base: YamlPath = [...job.at, 'runs-on'];
    const raw = dataAt(workflow.source.data, base);
    if (raw === undefined || raw === null) return [];

    const allowed = options['allowed-runners'].map(glob);
    const verdict = judge(raw, base, workflow.source.data, job.at, allowed);
    if (!verdict) return [];
    const on =
      prEvents.length > 0
        ? `it runs on ${prEvents.map((e) => `\`${e}\``).join(', ')}`
        : 'no pull-request trigger';
    const hit: RuleHit = {
      at: locate(verdict.path),
      messageId: 'selfHosted',
      data: { job: job.id, why: verdict.why, on },
      confidence: verdict.confidence,
      severity: prEvents.length > 0 ? 'high' : 'low',
    };
    return [hit];
  },
});

function judge(
  raw: unknown,
  base: YamlPath,
  root: unknown,
  jobAt: YamlPath,
  allowed: readonly RegExp[],
): Verdict | undefined {
  // `runs-on: ${{ matrix.x }}`: judge every value the matrix gives it.
  if (typeof raw === 'string') {
    const m = /^\s*\$\{\{\s*matrix\.([\w-]+)\s*\}\}\s*$/.exec(raw);
    if (m?.[1] !== undefined) {
      const values = matrixValues(dataAt(root, [...jobAt, 'strategy', 'matrix']), m[1]);
      if (values !== undefined) {
        let worst: Verdict | undefined;
        for (const value of values) {
          const v = judgeLabels(labelsOf(value, base), allowed);
          if (v && (!worst || rank(v.confidence) > rank(worst.confidence))) worst = v;
        }
        return worst && { ...worst, path: base, why: `${worst.why} through \`matrix.${m[1]}\`` };
      }
    }
  }
  return judgeLabels(labelsOf(raw, base), allowed);
}

function judgeLabels(labels: readonly Label[], allowed: readonly RegExp[]): Verdict | undefined {
  if (labels.length === 0) return undefined;
  const names = labels.map((l) => l.label);
  if (names.some((n) => allowed.some((a) => a.test(n)))) return undefined;
  const selfHosted = labels.find((l) => !l.group && l.label.trim().toLowerCase() === 'self-hosted');
  if (selfHosted)
    return { confidence: 'high', why: 'runs on a `self-hosted` runner', path: selfHosted.path };
  if (labels.some((l) => !l.group && HOSTED.test(l.label.trim()))) return undefined;
  const dynamic = labels.find((l) => hasExpression(l.label));
  if (dynamic)
    return {
      confidence: 'low',
      why: `picks its runner at run time (\`${dynamic.label}\`), which may be self-hosted`,
      path: dynamic.path,
    };
  const group = labels.find((l) => l.group);
  if (group)
    return {
      confidence: 'low',
      why: `runs in runner group \`${group.label}\`, usually self-hosted runners`,
      path: group.path,
    };
  const [first] = labels;
  if (!first) return undefined;
  return {
    confidence: 'medium',
    why: `runs on \`${names.join(', ')}\`, not a GitHub-hosted runner label`,
    path: first.path,
  };
}

/** The labels of a `runs-on` value: a string, a list, or `{ group, labels }`. */
function labelsOf(raw: unknown, base: YamlPath): Label[] {
  if (typeof raw === 'string') return [{ label: raw, path: base, group: false }];
  if (Array.isArray(raw))
    return raw.flatMap((v, i) =>
      typeof v === 'string' || typeof v === 'number'
        ? [{ label: String(v), path: [...base, i], group: false }]
        : [],
    );
  if (raw !== null && typeof raw === 'object') {
    const map = raw as Record<string, unknown>;
    const out: Label[] = [];
    if (typeof map.group === 'string')
      out.push({ label: map.group, path: [...base, 'group'], group: true });
    out.push(...labelsOf(map.labels, [...base, 'labels']));
    return out;
  }
  return [];
}

/** Every value `matrix.<key>` takes (dimension values and `include` entries), if literal. */
function matrixValues(matrix: unknown, key: string): unknown[] | undefined {
  if (matrix === null || typeof matrix !== 'object' || Array.isArray(matrix)) return undefined;
  const m = matrix as Record<string, unknown>;
  const values: unknown[] = [];
  const dim = m[key];
  if (Array.isArray(dim)) values.push(...(dim as unknown[]));
  else if (dim !== undefined) return undefined;
  if (Array.isArray(m.include)) {
    for (const entry of m.include) {
      if (entry !== null && typeof entry === 'object' && key in entry)
        values.push((entry as Record<string, unknown>)[key]);
    }
  } else if (m.include !== undefined) return undefined;
  return values.length > 0 ? values : undefined;
}

function rank(c: Confidence): number {
  return c === 'high' ? 2 : c === 'medium' ? 1 : 0;
}

function glob(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}
