/**
 * Jobs and steps that cannot run for the decided event contribute no paths; the job the gate
 * runs in is never judged unable to run (it is running).
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { buildInventory } from '../../src/engine/inventory/build-inventory.js';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';

const WORKFLOW = `on: [push, pull_request]
permissions: { contents: read }
jobs:
  release:
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    steps:
      - run: npm publish
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
      - if: github.event_name == 'push'
        run: docker push ghcr.io/acme/app
`;

const build = (event: string | undefined, runningJob?: string) =>
  buildInventory(
    parseWorkflow('wf.yml', WORKFLOW),
    { ...EMPTY_CONTEXT, event, ref: event === 'pull_request' ? 'refs/pull/7/merge' : undefined },
    { productionPatterns: [], runningJob },
  );

describe('run conditions in the inventory', () => {
  it('pull_request: the main-only job and the push-only step are skipped, with reasons', () => {
    const [release, test] = build('pull_request');
    expect(release!.skipped).toBe(
      "`if: github.ref == 'refs/heads/main'` is false for event pull_request, ref refs/pull/7/merge",
    );
    expect(release!.paths).toEqual([]);
    expect(release!.classes).toEqual([]);
    expect(test!.skipped).toBeUndefined();
    expect(test!.skippedSteps).toEqual([
      { step: 1, name: undefined, reason: expect.stringContaining("github.event_name == 'push'") },
    ]);
    expect(test!.classes).not.toContain('publish');
  });

  it('push (ref unknown): everything may run', () => {
    const [release, test] = build('push');
    expect(release!.skipped).toBeUndefined();
    expect(release!.classes).toContain('publish');
    expect(test!.skippedSteps).toEqual([]);
    expect(test!.classes).toContain('publish');
  });

  it('unknown event: nothing is skipped', () => {
    const [release] = build(undefined);
    expect(release!.classes).toContain('publish');
  });

  it('the job the gate runs in is never skipped: it is running', () => {
    const [release] = build('pull_request', 'release');
    expect(release!.skipped).toBeUndefined();
    expect(release!.classes).toContain('publish');
  });
});
