/**
 * unpinned-images — a job container, service container or `docker://` step image not pinned
 * by `@sha256:` digest. Same semantics as zizmor's `unpinned-images`: no tag or `latest` is
 * the serious case; a tag without a digest is reported at low severity (zizmor: pedantic).
 */
import { expandMatrix, imagePin, type ImagePin } from './unpinned-images/image-pins.js';
import { defineRule, type RuleHit } from './types.js';
import type { YamlPath } from '../workflow/source.js';

interface Options {
  /** Also report images pinned only by tag (`node:20`): only a digest is immutable. */
  readonly requireDigest: boolean;
}

interface ImageRef {
  readonly image: string;
  readonly what: string;
  readonly path: YamlPath | undefined;
  readonly at?: RuleHit['at'];
}

export default defineRule<Options>({
  meta: {
    id: 'unpinned-images',
    title: 'Container image not pinned by digest',
    description:
      "A job container, service container or `docker://` step names an image by tag or not at all (`latest`). Whoever can push that tag decides what runs next to the job's token, secrets and workspace; only an `@sha256:` digest is immutable.",
    severity: 'high',
    confidence: 'high',
    category: 'workflow',
    messages: {
      runtime:
        '{{what}} image `{{image}}` in job `{{job}}` is decided at run time; it cannot be shown to be pinned by digest',
      noTag:
        '{{what}} in job `{{job}}` has no tag (Docker pulls `latest`), so every run may get a different image',
      latest: '{{what}} in job `{{job}}` uses `latest`, so every run may get a different image',
      tagOnly:
        '{{what}} in job `{{job}}` is pinned by tag only; a tag can be re-pushed, a `@sha256:` digest cannot',
    },
    peers: ['zizmor:unpinned-images', 'scorecard:Pinned-Dependencies'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Pin the image by digest and keep the tag for readers: `image: node:20.11@sha256:<digest>` (Dependabot and Renovate update such pins).',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requireDigest: {
          type: 'boolean',
          description:
            'Report images pinned by tag only (low severity); false reports only untagged and `latest` images.',
        },
      },
    },
  },
  defaultOptions: { requireDigest: true },
  check({ job, workflow, inventory, locate, options }) {
    const refs: ImageRef[] = [];
    if (job.container)
      refs.push({ image: job.container.image, what: 'job container', path: job.container.at });
    const data = jobData(workflow.source.data, job.id);
    const services = data?.services;
    if (isRecord(services)) {
      for (const [name, svc] of Object.entries(services)) {
        if (typeof svc === 'string') {
          refs.push({
            image: svc,
            what: `service \`${name}\``,
            path: [...job.at, 'services', name],
          });
        } else if (isRecord(svc) && typeof svc.image === 'string') {
          refs.push({
            image: svc.image,
            what: `service \`${name}\``,
            path: [...job.at, 'services', name, 'image'],
          });
        }
      }
    }
    for (const u of inventory.uses) {
      if (u.kind !== 'docker') continue;
      refs.push({
        image: u.raw.slice('docker://'.length),
        what: `\`docker://\` step ${(u.step ?? 0) + 1}`,
        path: undefined,
        at: u.at,
      });
    }
    const matrix = isRecord(data?.strategy) ? data.strategy.matrix : undefined;
    const hits: RuleHit[] = [];
    for (const ref of refs) {
      const at = ref.at ?? locate(ref.path ?? job.at);
      const pin = imagePin(ref.image);
      if (pin === 'digest' || ref.image.trim() === '') continue;
      if (pin === 'dynamic') {
        const values = expandMatrix(ref.image, matrix);
        if (values) {
          const worst = values.map((v) => ({ v, pin: imagePin(v) })).sort(byRisk)[0];
          if (worst && worst.pin !== 'digest' && worst.pin !== 'dynamic') {
            const hit = judge(
              worst.pin,
              `${ref.what} image \`${ref.image}\` (matrix value \`${worst.v}\`)`,
              job.id,
              options,
            );
            if (hit) hits.push({ at, ...hit });
          }
          continue;
        }
        hits.push({
          at,
          messageId: 'runtime',
          data: { what: ref.what, image: ref.image, job: job.id },
          confidence: 'low',
        });
        continue;
      }
      const hit = judge(pin, `${ref.what} image \`${ref.image}\``, job.id, options);
      if (hit) hits.push({ at, ...hit });
    }
    return hits;
  },
});

const RISK: Readonly<Record<ImagePin, number>> = {
  none: 0,
  latest: 0,
  tag: 1,
  dynamic: 2,
  digest: 3,
};

function byRisk(a: { pin: ImagePin }, b: { pin: ImagePin }): number {
  return RISK[a.pin] - RISK[b.pin];
}

function judge(
  pin: ImagePin,
  what: string,
  jobId: string,
  options: Options,
): Omit<RuleHit, 'at'> | undefined {
  if (pin === 'none' || pin === 'latest') {
    return {
      messageId: pin === 'none' ? 'noTag' : 'latest',
      data: { what, job: jobId },
    };
  }
  if (pin === 'tag' && options.requireDigest !== false) {
    return {
      messageId: 'tagOnly',
      data: { what, job: jobId },
      severity: 'low',
    };
  }
  return undefined;
}

function jobData(data: unknown, id: string): Record<string, unknown> | undefined {
  if (!isRecord(data) || !isRecord(data.jobs)) return undefined;
  const job = data.jobs[id];
  return isRecord(job) ? job : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
