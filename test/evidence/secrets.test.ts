/**
 * Secret canaries: secret-looking values hard-coded in a workflow (env, agent inputs, scripts,
 * URLs) and carried by the event (a dependency name in a pull request diff, a branch name)
 * never appear in any file of the pack — while the report they came from does hold them.
 */
import { describe, expect, it } from 'vitest';
import { contextFromPayload } from '../../src/engine/context/payload.js';
import { buildPackFiles } from '../../src/engine/evidence/build-pack.js';
import { REDACTED, redactDeep, redactText } from '../../src/engine/evidence/redact.js';
import { renderJson } from '../../src/engine/report/render-json.js';
import { EXAMPLES, exampleReport, inputFor, reportOf } from './pack-helpers.js';

const MARK = 'Zq9CANARY';
const CANARIES = {
  githubPat: `ghp_${MARK.padEnd(36, 'x')}`,
  fineGrained: `github_pat_${MARK}${'a'.repeat(60)}`,
  anthropic: `sk-ant-api03-${MARK}${'b'.repeat(40)}`,
  aws: `AKIA${'ZQ9CANARY'.padEnd(16, 'X')}`,
  npm: `npm_${MARK.padEnd(36, 'n')}`,
  jwt: `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4eHh4eHgifQ.${MARK}signature0123`,
  password: `${MARK}hunter2xyz`,
  urlPassword: `${MARK}urlpw`,
  bearer: `${MARK}bearer0123456789`,
  queryKey: `${MARK}querykey`,
  serverToken: `ghs_${MARK.padEnd(36, 's')}`,
};

const WORKFLOW = `name: Canary
on:
  pull_request:
permissions:
  contents: write
  pull-requests: write
env:
  GH_TOKEN: ${CANARIES.githubPat}
jobs:
  agent:
    name: agent with ${CANARIES.fineGrained}
    runs-on: ubuntu-latest
    env:
      DB_PASSWORD: ${CANARIES.password}
    steps:
      - uses: anthropics/claude-code-action@d5726de019ec4498aa667642bc3a80fca83aa102
        with:
          anthropic_api_key: ${CANARIES.anthropic}
          github_token: ${CANARIES.serverToken}
          prompt: "Deploy with ${CANARIES.aws} and publish with ${CANARIES.npm}"
          claude_args: --mcp-config '{"mcpServers":{"x":{"url":"https://user:${CANARIES.urlPassword}@mcp.example.com/sse?api_key=${CANARIES.queryKey}"}}}'
      - name: Push with ${CANARIES.githubPat}
        run: |
          export DB_PASSWORD=${CANARIES.password}
          curl -H "Authorization: Bearer ${CANARIES.bearer}" https://api.example.com
          git push https://x-access-token:${CANARIES.urlPassword}@github.com/acme/app.git HEAD:main
          echo ${CANARIES.jwt}
          npm publish --//registry.npmjs.org/:_authToken=${CANARIES.npm}
`;

const PAYLOAD = {
  sender: { login: 'octocat' },
  repository: { full_name: 'acme/app', default_branch: 'main' },
  pull_request: {
    number: 7,
    title: `leak ${CANARIES.githubPat}`,
    body: `token ${CANARIES.anthropic}`,
    user: { login: 'octocat', type: 'User' },
    head: {
      sha: 'f'.repeat(40),
      ref: `feature/${CANARIES.githubPat}`,
      repo: { full_name: 'acme/app' },
    },
    base: { sha: 'e'.repeat(40), ref: 'main', repo: { full_name: 'acme/app' } },
  },
};

async function canaryInput() {
  const context = contextFromPayload(PAYLOAD, 'pull_request');
  const report = await reportOf('.github/workflows/canary.yml', WORKFLOW, {
    context: {
      ...context,
      changedFiles: ['package.json'],
      changedFilePatches: [
        {
          filename: 'package.json',
          status: 'modified',
          previousFilename: undefined,
          patch: `@@ -1,3 +1,4 @@\n {\n   "dependencies": {\n+    "${CANARIES.githubPat}": "^1.0.0",\n     "left-pad": "1.0.0"`,
        },
      ],
    },
  });
  return inputFor(report, {
    run: {
      ...inputFor(report).run,
      event: 'pull_request',
      ref: `refs/heads/feature/${CANARIES.githubPat}`,
      prAuthor: 'octocat',
    },
    validation: {
      checkRuns: [{ name: `deploy ${CANARIES.serverToken}`, conclusion: 'success' }],
      note: undefined,
    },
  });
}

describe('secret canaries', () => {
  it('the report the pack is built from does carry the canaries (so the check below can fail)', async () => {
    const input = await canaryInput();
    const raw = [input.report, input.run, input.validation].map((x) => JSON.stringify(x)).join('');
    // The agent's literal model key is the one canary the engine itself never records.
    const recorded = Object.entries(CANARIES).filter(([kind]) => kind !== 'anthropic');
    expect(recorded).toHaveLength(10);
    for (const [kind, value] of recorded) expect(raw, kind).toContain(value);
    expect(raw).not.toContain(CANARIES.anthropic);
  });

  it('no file of the pack holds any of them, escaped or not', async () => {
    const files = buildPackFiles(await canaryInput());
    expect(files.size).toBe(5);
    for (const [name, text] of files) {
      expect(text.toLowerCase(), name).not.toContain(MARK.toLowerCase());
      expect(text, name).not.toMatch(/zq9canary|zq9\\?canary/i);
    }
    // What was there stays readable: the names, with the values redacted.
    const evidence = files.get('evidence.json')!;
    expect(evidence).toContain(`export DB_PASSWORD=${REDACTED}`);
    expect(evidence).toContain(`Authorization: Bearer ${REDACTED}`);
    expect(evidence).toContain(`https://x-access-token:${REDACTED}@github.com/acme/app.git`);
    expect(evidence).toContain(`"ref": "refs/heads/feature/${REDACTED}"`);
    expect(evidence).toContain('"name": "GITHUB_TOKEN"');
    const summary = files.get('summary.md')!;
    expect(summary).toContain(
      'git push https://x\\-access\\-token:\\(redacted\\)@github.com/acme/app.git',
    );
    expect(summary).toContain('  n1["job agent · agent with (redacted): approval-required"]');
    expect(summary).toContain(
      '| Event | <code>pull_request</code> on <code>refs/heads/feature/(redacted)</code> |',
    );
  });

  it('leaves secret references and the examples alone', async () => {
    expect(redactText('GH_TOKEN: ${{ secrets.BOT_PAT }}')).toBe('GH_TOKEN: ${{ secrets.BOT_PAT }}');
    expect(redactText('export NPM_TOKEN="$NPM_TOKEN"')).toBe('export NPM_TOKEN="$NPM_TOKEN"');
    expect(redactText('uses secret:NPM_TOKEN')).toBe('uses secret:NPM_TOKEN');
    expect(redactDeep({ name: 'github_token', value: '${{ github.token }}' })).toEqual({
      name: 'github_token',
      value: '${{ github.token }}',
    });
    expect(redactDeep({ name: 'api_key', value: 'literal-value-here' })).toEqual({
      name: 'api_key',
      value: REDACTED,
    });
    for (const name of EXAMPLES) {
      const report = await exampleReport(name);
      expect(renderJson(redactDeep(report)), name).toBe(renderJson(report));
    }
  });

  it('stays fast on hostile text (no pattern backtracks through a long run)', () => {
    const hostile = [
      'TOKEN'.repeat(40_000),
      'a.'.repeat(100_000),
      'http://a:'.repeat(20_000),
      'Authorization: Bearer '.repeat(10_000),
      `${'A'.repeat(100_000)}=`,
    ];
    // Timed in bench/hostile-inputs.bench.ts; a backtracking pattern would not finish here.
    for (const text of hostile) expect(redactText(text).length).toBeGreaterThan(0);
  });
});
