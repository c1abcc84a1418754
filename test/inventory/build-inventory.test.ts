import { describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import type { RunContext } from '../../src/engine/context/run-context.js';
import { contextFromPayload } from '../../src/engine/context/payload.js';
import { nameLooksLike, matchesGlob } from '../../src/engine/glob.js';
import { buildInventory } from '../../src/engine/inventory/build-inventory.js';
import { sensitiveChanges } from '../../src/engine/inventory/changed-files.js';
import { parseUses } from '../../src/engine/inventory/uses.js';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';

const PROD = ['prod', 'production', 'live'];
const at = { path: 'x', line: 1, column: 1 };

function inventory(text: string, context: Partial<RunContext> = {}) {
  return buildInventory(
    parseWorkflow('wf.yml', text),
    { ...EMPTY_CONTEXT, ...context },
    { productionPatterns: PROD },
  );
}

describe('effective permissions', () => {
  const wf = (workflowBlock: string, jobBlock: string) =>
    `on: push\n${workflowBlock}jobs:\n  j:\n    runs-on: x\n${jobBlock}    steps: [{ run: make }]\n`;

  it('job block beats workflow block; unmentioned scopes are none', () => {
    const [job] = inventory(wf('permissions: write-all\n', '    permissions: { issues: write }\n'));
    expect(job!.permissions).toMatchObject({
      source: 'job',
      assumed: false,
      scopes: { issues: 'write', contents: 'none', 'id-token': 'none' },
    });
    expect(job!.permissions.at).toEqual({ path: 'wf.yml', line: 6, column: 18 });
  });

  it('read-all, write-all and {} expand over every scope', () => {
    expect(inventory(wf('permissions: read-all\n', ''))[0]!.permissions.scopes).toMatchObject({
      contents: 'read',
      'id-token': 'none',
      models: 'read',
    });
    expect(inventory(wf('permissions: write-all\n', ''))[0]!.permissions.scopes).toMatchObject({
      contents: 'write',
      'id-token': 'write',
      models: 'read',
    });
    expect(
      Object.values(inventory(wf('permissions: {}\n', ''))[0]!.permissions.scopes).every(
        (l) => l === 'none',
      ),
    ).toBe(true);
  });

  it('no block: the repository default, permissive when unknown', () => {
    expect(inventory(wf('', ''), { defaultPermissions: 'read' })[0]!.permissions).toMatchObject({
      source: 'default',
      assumed: false,
      scopes: { contents: 'read', issues: 'none' },
    });
    expect(inventory(wf('', ''))[0]!.permissions).toMatchObject({
      source: 'default',
      assumed: true,
      scopes: { contents: 'write', issues: 'write', 'id-token': 'none' },
    });
  });
});

describe('credentials', () => {
  it('records every secret by name with where it flows, never a value', () => {
    const [job] = inventory(`on: push
permissions: { contents: read, id-token: write }
env:
  GLOBAL: \${{ secrets.GLOBAL_TOKEN }}
jobs:
  j:
    runs-on: x
    steps:
      - uses: actions/create-github-app-token@v2
        id: app
        with: { app-id: 1, private-key: "\${{ secrets.APP_KEY }}" }
      - run: echo "\${{ toJSON(secrets) }}"
      - uses: some/action@v1
        with:
          token: \${{ secrets.RELEASE_BOT }}
      - run: deploy --key "\${{ secrets.PROD_API_KEY }}"
`);
    const byId = Object.fromEntries(job!.credentials.map((c) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual([
      'app-token:app',
      'github-token',
      'oidc',
      'secret:APP_KEY',
      'secret:GLOBAL_TOKEN',
      'secret:PROD_API_KEY',
      'secret:RELEASE_BOT',
      'secrets:*',
    ]);
    expect(byId['oidc']).toMatchObject({ kind: 'oidc', lifetime: 'short-lived' });
    expect(byId['app-token:app']).toMatchObject({
      kind: 'app-token',
      note: expect.stringContaining('no permission-* inputs'),
    });
    expect(byId['secret:RELEASE_BOT']).toMatchObject({ kind: 'pat', scope: 'broad' });
    expect(byId['secret:PROD_API_KEY']).toMatchObject({
      production: true,
      at: { path: 'wf.yml', line: 16, column: 14 },
    });
    expect(byId['secrets:*']).toMatchObject({ name: 'toJSON(secrets)', scope: 'broad' });
    expect(JSON.stringify(job)).not.toMatch(/ghp_|password=/);
  });

  it('secrets: inherit is one broad credential', () => {
    const [job] = inventory(
      'on: push\njobs:\n  call:\n    uses: org/repo/.github/workflows/r.yml@main\n    secrets: inherit\n',
    );
    expect(job!.credentials.find((c) => c.kind === 'inherited-secrets')).toMatchObject({
      scope: 'broad',
      at: { line: 5, column: 14 },
    });
    expect(
      job!.gaps.some((g) =>
        /reusable workflow org\/repo\/\.github\/workflows\/r\.yml@main is not analysed/.test(g),
      ),
    ).toBe(true);
    expect(job!.paths.filter((p) => p.class === 'opaque')).toHaveLength(1);
  });
});

describe('agents', () => {
  it('finds agents by uses, run scripts and gh-aw headers, with knobs', () => {
    const [job] = inventory(`on: issue_comment
jobs:
  a:
    runs-on: x
    steps:
      - uses: openai/codex-action@v1
        with:
          sandbox: danger-full-access
          prompt: fix it
      - run: npx @google/gemini-cli --yolo -p "hi"
`);
    expect(job!.agents.map((a) => [a.id, a.via, a.ref ?? null])).toEqual([
      ['codex-action', 'uses', 'v1'],
      ['gemini-cli', 'run', null],
    ]);
    expect(job!.agents[0]!.settings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'sandbox', value: 'danger-full-access' }),
      ]),
    );
    expect(job!.unattended).toBe(true);
  });

  it('does not take `echo claude` or `codex --version` for an agent', () => {
    const [job] = inventory(
      'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo claude is nice && codex --version\n',
    );
    expect(job!.agents).toEqual([]);
    expect(job!.unattended).toBe(false);
  });
});

describe('uses refs', () => {
  it.each([
    ['actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1', 'action', true],
    ['actions/checkout@v4', 'action', false],
    ['./.github/actions/setup', 'local', true],
    ['docker://alpine:3', 'docker', false],
    ['docker://alpine@sha256:' + 'a'.repeat(64), 'docker', true],
    ['org/repo/.github/workflows/x.yml@main', 'reusable-workflow', false],
  ])('%s → %s, pinned %s', (raw, kind, pinned) => {
    expect(parseUses(raw, { jobLevel: false, step: 0, at })).toMatchObject({ kind, pinned });
  });
});

describe('names and changed files', () => {
  it('production patterns match whole names or their words', () => {
    expect(nameLooksLike('prod-eu', PROD)).toBe(true);
    expect(nameLooksLike('AWS_PROD_KEY', PROD)).toBe(true);
    expect(nameLooksLike('preprod', PROD)).toBe(false);
    expect(nameLooksLike('PRODUCTS_API', PROD)).toBe(false);
    expect(matchesGlob('release/1.2', 'release/*')).toBe(true);
    expect(matchesGlob('a.b', 'a?b')).toBe(true);
    expect(matchesGlob('axb', 'a.b')).toBe(false);
  });

  it('flags workflow, action, CODEOWNERS and policy changes only', () => {
    expect(
      sensitiveChanges(
        [
          'src/x.ts',
          '.github/workflows/a.yml',
          'tools/x/action.yaml',
          '.github/actions/s/run.sh',
          'docs/CODEOWNERS',
          'policy/gate.yml',
        ],
        'policy/gate.yml',
      ).map((c) => c.file),
    ).toEqual([
      '.github/workflows/a.yml',
      'tools/x/action.yaml',
      '.github/actions/s/run.sh',
      'docs/CODEOWNERS',
      'policy/gate.yml',
    ]);
  });

  it('reads the pull request from an event payload', () => {
    const ctx = contextFromPayload(
      {
        sender: { login: 'octo' },
        repository: { full_name: 'a/b', default_branch: 'main' },
        pull_request: {
          number: 7,
          user: { login: 'dev', type: 'User' },
          head: { sha: 'h', repo: { full_name: 'fork/b' } },
          base: { sha: 'b', repo: { full_name: 'a/b' } },
        },
      },
      'pull_request',
    );
    expect(ctx).toMatchObject({
      actor: 'octo',
      repository: 'a/b',
      defaultBranch: 'main',
      pullRequest: { number: 7, author: 'dev', fromFork: true, headSha: 'h' },
    });
    expect(contextFromPayload('garbage', 'push').pullRequest).toBeUndefined();
  });
});
