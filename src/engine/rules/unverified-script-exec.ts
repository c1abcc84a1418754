/**
 * unverified-script-exec — a `run:` step downloads code and executes it without checking
 * what it got: `curl … | sh`, `bash <(curl …)`, `sh -c "$(curl …)"`, `iex (… DownloadString …)`,
 * `deno run https://…`, or a downloaded file run before any checksum or signature check.
 * poutine's `unverified_script_exec` and Scorecard's Pinned-Dependencies `downloadThenRun`.
 */
import { findDownloadExec, type DownloadExecKind } from './shared/download-exec.js';
import { offsetOf } from '../workflow/text-position.js';
import { NO_OPTIONS, defineRule, type RuleHit } from './types.js';
import { stepName } from '../workflow/step-label.js';

/** One message per kind of download-and-run (the message id is the kind). */
const MESSAGES = {
  pipe: '{{step}} in job `{{job}}` pipes a download into an interpreter: `{{command}}`',
  'process-substitution':
    '{{step}} in job `{{job}}` runs a download through process substitution: `{{command}}`',
  'command-substitution':
    '{{step}} in job `{{job}}` runs the output of a download as a program: `{{command}}`',
  'download-then-run':
    '{{step}} in job `{{job}}` runs a downloaded file that was never verified: `{{command}}`',
  powershell: '{{step}} in job `{{job}}` evaluates a downloaded script: `{{command}}`',
  'remote-module': '{{step}} in job `{{job}}` runs a module straight from a URL: `{{command}}`',
} as const satisfies Readonly<Record<DownloadExecKind, string>>;

export default defineRule({
  meta: {
    id: 'unverified-script-exec',
    title: 'Downloaded script executed without verification (`curl | sh`)',
    description:
      "A step fetches code over the network and runs it at once. Whoever controls the server, the URL's DNS or the branch the URL points at decides what the job executes, with its token, secrets and workspace; nothing pins or checks the content.",
    severity: 'medium',
    confidence: 'high',
    category: 'workflow',
    messages: MESSAGES,
    peers: ['poutine:unverified_script_exec', 'scorecard:Pinned-Dependencies'],
    defaults: { baseline: 'allow', strict: 'approval-required' },
    remediation:
      'Download to a file, verify its SHA-256 against a value committed in the workflow (`echo "<sha256>  install.sh" | sha256sum -c`), then run it; or use a URL pinned to a commit SHA, or a pinned action or package instead.',
    options: NO_OPTIONS,
  },
  defaultOptions: {},
  check({ job, locateIn }) {
    const hits: RuleHit[] = [];
    for (const step of job.steps) {
      if (step.run === undefined) continue;
      const label = stepName(step);
      for (const found of findDownloadExec(step.run)) {
        hits.push({
          at: locateIn([...step.at, 'run'], offsetOf(step.run, found.line, found.column)),
          messageId: found.kind,
          data: { step: label, job: job.id, command: found.what },
        });
      }
    }
    return hits;
  },
});
