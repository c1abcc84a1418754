/**
 * dependency-change — the pull request this run belongs to adds dependencies (package.json,
 * requirements, pyproject, Cargo.toml, go.mod, Gemfile, pom.xml, composer.json, workflow
 * `uses:`), or changes a manifest whose diff could not be read. Agent-authored changes are
 * the point: an agent can be talked into adding a typosquat or a malicious package, and the
 * jobs that check the change out install and run it with their credentials.
 */
import { normalizeActionName } from '../inventory/uses.js';
import type { ChangeAnalysis } from '../inventory/types.js';
import type { NewDependency } from '../inventory/dependency-changes.js';
import type { Job } from '../workflow/model.js';
import { defineRule, type RuleHit } from './types.js';
import { remoteActionName } from '../workflow/uses-reference.js';

const AUTHOR_KINDS = ['agent', 'bot', 'human', 'unknown'] as const;
type AuthorKind = ChangeAnalysis['authorKind'];

interface Options {
  /** Author kinds whose pull requests are reported. */
  readonly authors: readonly AuthorKind[];
}

/** Packages named per manifest before the rest is summarised. */
const MAX_NAMED = 8;

export default defineRule<Options>({
  meta: {
    id: 'dependency-change',
    title: 'Pull request adds dependencies (or changes manifests that could not be read)',
    description:
      'The pull request under test declares new packages, actions or modules, or changes a manifest whose diff the API did not return. Jobs that check out the change install and run that code with their token and secrets; an AI agent can be steered into adding a typosquatted or malicious dependency, so agent-authored additions need a human look.',
    severity: 'medium',
    confidence: 'high',
    category: 'agent',
    messages: {
      adds: '{{by}} adds {{named}}{{more}} to {{file}} ({{ecosystem}}); job `{{job}}` checks out and can install it',
      unreadable:
        '{{by}} changes {{file}}, whose new dependencies could not be read ({{reason}}); job `{{job}}` checks out and can install them',
    },
    peers: [],
    defaults: { baseline: 'approval-required', strict: 'approval-required' },
    remediation:
      'Review each new dependency (name spelling, publisher, age, install scripts) and approve the run; prefer lockfile-pinned versions.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        authors: {
          type: 'array',
          description:
            'Pull-request author kinds whose dependency changes are reported: `agent` (AI agent bots), `bot` (other bots, e.g. Dependabot), `human`, `unknown`.',
          items: { enum: [...AUTHOR_KINDS] },
          uniqueItems: true,
        },
      },
    },
  },
  defaultOptions: { authors: ['agent'] },
  check({ inventory, job, locate, options }) {
    const change = inventory.change;
    if (!change) return [];
    if (!(options.authors ?? ['agent']).includes(change.authorKind)) return [];
    if (change.newDependencies.length === 0 && change.unknownDependencies.length === 0) return [];
    if (!runsRepositoryCode(job)) return [];
    const at = locate(job.at, { key: true });
    const by = `pull request by ${change.author ? `\`${change.author}\`` : 'an unknown author'} (${change.authorKind})`;
    const severity =
      change.authorKind === 'agent' || change.authorKind === 'unknown' ? 'high' : 'medium';
    const hits: RuleHit[] = [];
    const byFile = new Map<string, NewDependency[]>();
    for (const d of change.newDependencies) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
    for (const [file, deps] of byFile) {
      const named = deps
        .slice(0, MAX_NAMED)
        .map((d) => `\`${d.name}\`${d.version ? ` ${d.version}` : ''}`)
        .join(', ');
      const more = deps.length > MAX_NAMED ? ` and ${deps.length - MAX_NAMED} more` : '';
      const guessed = deps.some((d) => d.note !== undefined);
      hits.push({
        at,
        messageId: 'adds',
        data: { by, named, more, file, ecosystem: deps[0]?.ecosystem ?? 'unknown', job: job.id },
        severity,
        confidence: guessed ? 'medium' : 'high',
      });
    }
    for (const u of change.unknownDependencies) {
      hits.push({
        at,
        messageId: 'unreadable',
        data: { by, file: u.file, reason: u.reason, job: job.id },
        severity,
        confidence: 'medium',
      });
    }
    return hits;
  },
});

/** The job runs code from the repository checkout: new dependencies reach it. */
function runsRepositoryCode(job: Job): boolean {
  if (job.uses !== undefined) return true;
  return job.steps.some((s) => {
    if (s.uses !== undefined) {
      const name = normalizeActionName(remoteActionName(s.usesRef) ?? '');
      return name === 'actions/checkout' || s.uses.startsWith('./');
    }
    return /\b(?:git\s+(?:clone|checkout|fetch|pull|switch)|gh\s+(?:pr\s+checkout|repo\s+clone))\b/.test(
      s.run ?? '',
    );
  });
}
