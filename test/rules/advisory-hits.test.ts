/**
 * Rules that earn their place (issue 11 item 6): artipacked, cache-poisoning and
 * dangerous-triggers still report what zizmor reports, but a hit whose risk cannot play out
 * in the job is advisory — on the record, deciding nothing — and the rest decide as before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import type { Policy } from '../../src/engine/policy/types.js';
import artipacked from '../../src/engine/rules/artipacked.js';
import cachePoisoning from '../../src/engine/rules/cache-poisoning.js';
import dangerousTriggers from '../../src/engine/rules/dangerous-triggers.js';
import { memoryReader } from '../helpers.js';
import { runRule } from './rule-tester.js';

const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';
const job = (on: string, steps: string, permissions = 'contents: read') =>
  `on: ${on}\npermissions:\n  ${permissions}\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
const advisory = (rule: Parameters<typeof runRule>[0], workflow: string) =>
  runRule(rule, { name: 'x', workflow }).map((h) => h.advisory !== undefined);

describe('artipacked: only where the persisted token can leave the job', () => {
  it('is advisory for a checkout followed by builds only', () => {
    expect(
      advisory(artipacked, job('push', `      - uses: ${CHECKOUT}\n      - run: make\n`)),
    ).toEqual([true]);
  });
  it('decides when the workspace is uploaded', () => {
    const upload = '      - uses: actions/upload-artifact@v3\n        with:\n          path: .\n';
    expect(advisory(artipacked, job('push', `      - uses: ${CHECKOUT}\n${upload}`))).toEqual([
      false,
    ]);
  });
  it('decides when an agent runs after the checkout', () => {
    const agent = '      - run: claude -p "fix" --dangerously-skip-permissions\n';
    const hits = runRule(artipacked, {
      name: 'x',
      workflow: job('push', `      - uses: ${CHECKOUT}\n${agent}`),
    });
    expect(hits.map((h) => h.advisory)).toEqual([undefined]);
    expect(hits[0]!.message).toMatch(/the AI agent claude-code-cli can read and send it/);
  });
  it('decides when pull-request code is checked out after it', () => {
    const pr = '      - run: gh pr checkout 12\n';
    expect(
      advisory(artipacked, job('pull_request_target', `      - uses: ${CHECKOUT}\n${pr}`)),
    ).toEqual([false]);
  });
});

describe('cache-poisoning: only where the job ships something', () => {
  const cache = `      - uses: ${CHECKOUT}\n        with:\n          persist-credentials: false\n      - uses: actions/cache@v4\n        with:\n          path: x\n          key: k\n`;
  it('is advisory for a release-triggered job that publishes nothing', () => {
    expect(advisory(cachePoisoning, job('release', `${cache}      - run: make test\n`))).toEqual([
      true,
    ]);
  });
  it('decides when the job publishes by command or action', () => {
    expect(advisory(cachePoisoning, job('release', `${cache}      - run: npm publish\n`))).toEqual([
      false,
    ]);
    expect(
      advisory(
        cachePoisoning,
        job('release', `${cache}      - uses: softprops/action-gh-release@v2\n`),
      ),
    ).toEqual([false]);
  });
});

describe('dangerous-triggers: graded by what the job does with untrusted input', () => {
  it('is advisory for a pull_request_target job that runs nothing from the PR', () => {
    const wf = job(
      'pull_request_target',
      '      - run: gh pr edit "$PR" --add-label triage\n',
      'pull-requests: write',
    );
    expect(advisory(dangerousTriggers, wf)).toEqual([true]);
  });
  it('is advisory for a workflow_run job that reads no artifacts or code of the run', () => {
    const wf = job(
      '{ workflow_run: { workflows: [nightly], types: [completed] } }',
      '      - run: ./notify.sh\n',
    );
    expect(advisory(dangerousTriggers, wf)).toEqual([true]);
  });
  it('decides when the job checks out the PR, downloads artifacts or runs an agent', () => {
    const head = `      - uses: ${CHECKOUT}\n        with:\n          ref: \${{ github.event.pull_request.head.sha }}\n`;
    expect(advisory(dangerousTriggers, job('pull_request_target', head))).toEqual([false]);
    const artifacts =
      '      - uses: actions/download-artifact@v4\n        with:\n          run-id: ${{ github.event.workflow_run.id }}\n          github-token: ${{ github.token }}\n';
    expect(
      advisory(dangerousTriggers, job('{ workflow_run: { workflows: [ci] } }', artifacts)),
    ).toEqual([false]);
    const agent = '      - run: npx @google/gemini-cli -p "triage"\n';
    expect(advisory(dangerousTriggers, job('pull_request_target', agent))).toEqual([false]);
  });
});

describe('advisory hits decide nothing, even in the strict preset', () => {
  let strict: Policy;
  beforeAll(async () => {
    strict = await loadPolicy('strict', memoryReader({}));
  });
  const findings = (text: string) =>
    evaluateWorkflow({
      path: 'wf.yml',
      text,
      policy: strict,
      context: { ...EMPTY_CONTEXT, defaultPermissions: 'read' },
      now: new Date('2026-11-21T00:00:00Z'),
    }).decision.findings.filter((f) => f.ruleId === 'artipacked');

  it('allows the advisory hit and says why; gates the one that can leak', () => {
    const [quiet] = findings(job('push', `      - uses: ${CHECKOUT}\n      - run: make\n`));
    expect(quiet).toMatchObject({ decision: 'allow' });
    expect(quiet!.message).toMatch(/for the record only: no workspace upload/);
    const upload = '      - uses: actions/upload-artifact@v3\n        with:\n          path: .\n';
    const [loud] = findings(job('push', `      - uses: ${CHECKOUT}\n${upload}`));
    expect(loud).toMatchObject({ decision: 'approval-required' });
  });
});
