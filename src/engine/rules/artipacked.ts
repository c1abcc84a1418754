/**
 * artipacked — `actions/checkout` leaves the job's token in the workspace's git config unless
 * `persist-credentials: false`; every later step (and an agent's shell) can read it, and an
 * upload of the whole workspace ships it in an artifact anyone with read access can download.
 * Same semantics as zizmor's `artipacked`, plus upload-artifact's hidden-file default.
 */
import type { Step } from '../workflow/model.js';
import {
  actionVersion,
  booleanValue,
  input,
  usesAction,
  versionBelow,
} from './shared/checkout-steps.js';
import { untrustedInputs } from '../inventory/untrusted-inputs.js';
import { defineRule, type RuleHit, type Severity } from './types.js';
import { hasExpression } from '../workflow/expressions/fences.js';
import { stepLabel } from '../workflow/step-label.js';

interface Options {
  /** Report only checkouts followed by an upload of the workspace. */
  readonly onlyWithUpload: boolean;
}

/** Lines of `path:` that are the whole workspace (or its parent). */
const WORKSPACE_PATH =
  /^(?:\.{1,2}[/\\]?|\.[/\\]\*{1,2}|\$\{\{\s*github\.workspace\s*\}\}[/\\]?\.?|\$\{?GITHUB_WORKSPACE\}?[/\\]?)$/i;

export default defineRule<Options>({
  meta: {
    id: 'artipacked',
    title: 'Checkout persists the job token in the workspace',
    description:
      '`actions/checkout` writes the job token into the workspace (`.git/config`, or a file under the runner temp directory from v6) unless `persist-credentials: false`. Every later step, tool and agent in the job can read and use it, and uploading the workspace as an artifact publishes it.',
    severity: 'medium',
    confidence: 'low',
    category: 'workflow',
    messages: {
      upload:
        '{{step}} of job `{{job}}` persists the job token{{explicit}} and {{upload}} uploads the workspace as an artifact{{v6}}',
      persists:
        '{{step}} of job `{{job}}` persists the job token in the workspace for every later step (no `persist-credentials: false`)',
      persistsRead:
        '{{step}} of job `{{job}}` persists the job token in the workspace for every later step (no `persist-credentials: false`); {{untrusted}} can read and send it',
    },
    peers: ['zizmor:artipacked', 'octoscan:dangerous-artefact'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Add `persist-credentials: false` to `actions/checkout` (pass a token explicitly to the one step that pushes), and never upload the whole workspace.',
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        onlyWithUpload: {
          type: 'boolean',
          description: 'Report only checkouts followed by an upload of the workspace.',
        },
      },
    },
  },
  defaultOptions: { onlyWithUpload: false },
  check({ workflow, job, inventory, options, locate }) {
    const hits: RuleHit[] = [];
    for (const step of job.steps) {
      if (!usesAction(step, 'actions/checkout')) continue;
      const persist = input(step, 'persist-credentials');
      if (booleanValue(persist?.value) === false) continue;
      const explicit = persist !== undefined;
      const uploads = job.steps.filter(
        (s) => s.index > step.index && uploadsWorkspace(s, workflow, locate),
      );
      if (uploads.length === 0 && (options.onlyWithUpload || explicit)) continue;
      const usesAt = [...step.at, 'uses'];
      const v = actionVersion(step, workflow, locate(usesAt).line);
      const v6 = v !== undefined && !versionBelow(v.version, [6, 0, 0]);
      const first = uploads[0];
      const untrusted = untrustedAfter(step.index, job, inventory.agents);
      let severity: Severity;
      let message: Pick<RuleHit, 'messageId' | 'data'>;
      if (first) {
        severity = v6 ? 'medium' : 'high';
        message = {
          messageId: 'upload',
          data: {
            step: stepLabel(step),
            job: job.id,
            explicit: explicit ? ` (\`persist-credentials: ${persist.value}\`)` : '',
            upload: stepLabel(first),
            v6: v6 ? ' (checkout v6+ keeps the token outside .git/config)' : '',
          },
        };
      } else {
        const base = { step: stepLabel(step), job: job.id };
        severity = v6 ? 'low' : 'medium';
        message = untrusted
          ? { messageId: 'persistsRead', data: { ...base, untrusted } }
          : { messageId: 'persists', data: base };
      }
      hits.push({
        at: locate(explicit ? persist.at : usesAt),
        ...message,
        severity,
        confidence: first ? 'high' : 'low',
        // The token only matters where it can leave the job.
        ...(first || untrusted
          ? {}
          : { advisory: 'no workspace upload and no later agent or untrusted code in the job' }),
      });
    }
    return hits;
  },
});

/** A later step that runs code the workflow does not control: an agent, PR code, artifacts. */
function untrustedAfter(
  index: number,
  job: Parameters<typeof untrustedInputs>[0],
  agents: readonly { id: string; step: number | undefined }[],
): string | undefined {
  const agent = agents.find((a) => a.step === undefined || a.step > index);
  if (agent) return `the AI agent ${agent.id}`;
  const input = untrustedInputs(job).find((u) => u.step > index);
  return input ? `step ${input.step + 1}, which ${input.what},` : undefined;
}

/**
 * `actions/upload-artifact` of the workspace itself. From v4.4 hidden files (`.git/`) are left
 * out unless `include-hidden-files: true`; a floating `v4` tag resolves to such a release.
 */
function uploadsWorkspace(
  step: Step,
  workflow: Parameters<typeof actionVersion>[1],
  locate: (path: readonly (string | number)[]) => { line: number },
): boolean {
  if (!usesAction(step, 'actions/upload-artifact')) return false;
  const path = input(step, 'path')?.value ?? '';
  const lines = path
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (!lines.some((l) => WORKSPACE_PATH.test(l))) return false;
  if (lines.some((l) => /^!\s*(?:\.\/)?\.git(?:[/\\]\*{0,2})?$/.test(l))) return false;
  const hidden = input(step, 'include-hidden-files');
  if (booleanValue(hidden?.value) === true || hasExpression(hidden?.value)) return true;
  const v = actionVersion(step, workflow, locate([...step.at, 'uses']).line);
  if (v === undefined) return true;
  if (v.floating) return v.version[0] < 4;
  return versionBelow(v.version, [4, 4, 0]);
}
