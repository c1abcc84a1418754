/**
 * Secret canaries, issue 14 item 8: literal secrets in the shapes that leaked reach no CLI
 * sink — text, JSON, SARIF, Markdown, the --out files, or an error message — while the
 * workflow does carry them (so the checks can fail). The bundle's sinks (log, job summary,
 * outputs, PR comment, evidence pack) are checked in bundle-sinks.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactText } from '../../src/engine/evidence/redact.js';
import { CANARIES, CANARY, CANARY_WORKFLOW } from './canary-workflow.js';
import { runCase } from './cli-harness.js';

const FILES = { '.github/workflows/ci.yml': CANARY_WORKFLOW };

describe('one redaction table', () => {
  it.each([
    ['helm --set', `--set db.password=${CANARIES.helm}`, '--set db.password=(redacted)'],
    [
      '--set-string, quoted',
      `--set-string "api.token=${CANARIES.helm}"`,
      '--set-string "api.token=(redacted)"',
    ],
    ['X-Api-Key header', `-H "X-Api-Key: ${CANARIES.apiKey}"`, '-H "X-Api-Key: (redacted)"'],
    [
      'bare Authorization header',
      `Authorization: ${CANARIES.authorization}`,
      'Authorization: (redacted)',
    ],
    ['npm_config_token', `npm_config_token=${CANARIES.npmToken}`, 'npm_config_token=(redacted)'],
    [
      'npm_config__authToken',
      `npm_config__authToken=${CANARIES.npmAuthToken}`,
      'npm_config__authToken=(redacted)',
    ],
    [
      '.npmrc line',
      `//registry.npmjs.org/:_authToken=${CANARIES.npmAuthToken}`,
      '//registry.npmjs.org/:_authToken=(redacted)',
    ],
  ])('%s', (_name, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    'secrets: inherit',
    'id-token: write',
    'use-secret: uses secret:NPM_TOKEN',
    'cloud-credential: id-token: write',
    'uses secret:NPM_TOKEN',
    '-H "X-Api-Key: $API_KEY"',
    'Authorization: Bearer ${{ secrets.T }}',
    'npm_config_token=${NPM_TOKEN}',
    '--set db.password=$DB_PASSWORD',
  ])('leaves %s alone', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('CLI sinks', () => {
  it.each(['text', 'json', 'sarif', 'markdown'])(
    '--format %s carries no canary',
    async (format) => {
      const r = await runCase(FILES, (dir) => [
        'evaluate',
        '--workflow',
        join(dir, '.github/workflows/ci.yml'),
        '--event',
        'pull_request',
        '--changed-file',
        '.github/workflows/ci.yml',
        '--verbose',
        '--format',
        format,
        '--out',
        join(dir, 'out'),
      ]);
      expect(r.err).toBe('');
      expect(readFileSync(join(r.dir, '.github/workflows/ci.yml'), 'utf8')).toMatch(CANARY);
      expect(r.out).not.toMatch(CANARY);
      const files = readdirSync(join(r.dir, 'out'));
      expect(files.sort()).toEqual(['findings.sarif', 'report.json', 'summary.md']);
      for (const f of files)
        expect(readFileSync(join(r.dir, 'out', f), 'utf8'), f).not.toMatch(CANARY);
      // The report does show where the values were.
      expect(readFileSync(join(r.dir, 'out', 'report.json'), 'utf8')).toContain(REDACTED);
    },
  );

  it.each(['text', 'json', 'sarif', 'markdown'])(
    'scan (streamed, one workflow file at a time) --format %s carries no canary',
    async (format) => {
      const r = await runCase(FILES, (dir) => [
        'scan',
        dir,
        '--verbose',
        '--format',
        format,
        '--out',
        join(dir, 'out'),
      ]);
      expect(r.out.length).toBeGreaterThan(0);
      expect(r.out).not.toMatch(CANARY);
      for (const f of readdirSync(join(r.dir, 'out')))
        expect(readFileSync(join(r.dir, 'out', f), 'utf8'), f).not.toMatch(CANARY);
      expect(readFileSync(join(r.dir, 'out', 'report.json'), 'utf8')).toContain(REDACTED);
    },
  );

  it('an error message quoting the input is redacted too', async () => {
    const r = await runCase(
      {
        'wf.yml': `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: x\n   bad: --set db.password=${CANARIES.helm}\n`,
      },
      (dir) => ['evaluate', '--workflow', join(dir, 'wf.yml')],
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/wf\.yml:\d+/);
    expect(r.err).not.toMatch(CANARY);
  });
});
