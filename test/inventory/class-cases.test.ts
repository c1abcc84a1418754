/**
 * Extra class cases beside the one `in`/`out` pair per class (test/policy/baseline-classes):
 * every `test/fixtures/classes/<class>/in-<case>.yml` job is in the class and every
 * `out-<case>.yml` job is not. Each file's header comment says why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { evaluateWorkflow } from '../../src/engine/evaluate.js';
import { ACTION_CLASSES } from '../../src/engine/inventory/action-classes.js';
import { loadPolicy } from '../../src/engine/policy/load-policy.js';
import type { Policy } from '../../src/engine/policy/types.js';
import type { RepoSnapshot } from '../../src/engine/inventory/repo-snapshot.js';
import { memoryReader } from '../helpers.js';

const DIR = 'test/fixtures/classes';
let baseline: Policy;
beforeAll(async () => {
  baseline = await loadPolicy('baseline', memoryReader({}));
});

/** Repository files a case's steps run (the case is evaluated inside that repository). */
const REPOSITORIES: Record<string, Record<string, string>> = {
  'out-env-setup.yml': { 'scripts/check.sh': 'pytest -q\n' },
};

function repositoryOf(file: string): RepoSnapshot | undefined {
  const files = REPOSITORIES[basename(file)];
  return files && { files: new Map(Object.entries(files)), warnings: [], complete: true, root: '' };
}

function inventoryOf(file: string) {
  const result = evaluateWorkflow({
    path: file,
    text: readFileSync(file, 'utf8'),
    repo: repositoryOf(file),
    policy: baseline,
    context: { ...EMPTY_CONTEXT, defaultPermissions: 'read' },
    now: new Date('2026-11-21T00:00:00Z'),
  });
  return result.inventory[0]!;
}

const cases = ACTION_CLASSES.flatMap((cls) =>
  readdirSync(join(DIR, cls))
    .filter((f) => /^(?:in|out)-.+\.ya?ml$/.test(f))
    .map((f) => [cls, f] as const),
);

describe('class cases', () => {
  it('has cases to run', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it.each(cases)('%s: %s', (cls, file) => {
    const inventory = inventoryOf(join(DIR, cls, file));
    if (file.startsWith('in-')) expect(inventory.classes).toContain(cls);
    else expect(inventory.classes).not.toContain(cls);
  });
});

describe('what the cases record', () => {
  it('an environment that ships nothing is use-secret from that environment, with its secrets', () => {
    const inv = inventoryOf(join(DIR, 'use-secret/in-environment.yml'));
    const path = inv.paths.find((p) => p.target === 'environment:integration-tests');
    expect(path).toMatchObject({ class: 'use-secret', credentials: ['secret:API_KEY'] });
  });

  it('actions: write is recorded as its own capability, not a workflow change', () => {
    const inv = inventoryOf(join(DIR, 'write-branch/in-actions-write.yml'));
    const path = inv.paths.find((p) => p.target === 'github:actions');
    expect(path?.class).toBe('write-branch');
    expect(path?.reason).toMatch(/actions: write .*dispatch workflows/);
  });

  it('a build pushing to a loopback and a real registry names the real one', () => {
    const inv = inventoryOf(join(DIR, 'publish/in-loopback-and-remote.yml'));
    expect(inv.paths.find((p) => p.class === 'publish')?.target).toBe('ghcr.io/o/app');
  });
});
