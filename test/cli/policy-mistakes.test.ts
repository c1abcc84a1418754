/**
 * Issue 12 item 11: policy mistakes are errors located at file:line:column with "did you
 * mean" — never a rule that silently matches nothing or a waiver that waives nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import { tempDir } from '../helpers.js';

async function validate(text: string, extra: Record<string, string> = {}) {
  const dir = tempDir();
  const file = join(dir, 'policy.yml');
  writeFileSync(file, text);
  for (const [name, body] of Object.entries(extra)) writeFileSync(join(dir, name), body);
  let out = '';
  let err = '';
  const code = await runCli(['validate', file], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => new Date('2026-11-21T00:00:00Z'),
  });
  return { code, out, err: err.replaceAll(file, 'policy.yml'), dir };
}

const RULE = (when: string) =>
  `version: 1\nrules:\n  - id: r\n    when: ${when}\n    decision: blocked\n    reason: x\n`;

describe('policy mistakes are located errors (exit 2)', () => {
  it.each([
    [
      'a waiver naming an unknown rule',
      'version: 1\nextends: baseline\nwaivers:\n  - rule: aprove-publish\n    owner: "@a"\n    expires: 2027-01-31\n    reason: r\n',
      /policy\.yml:4:11: waiver names rule `aprove-publish`, which .* \(did you mean `approve-publish`\?\)/,
    ],
    [
      '`enabled: false` naming a rule no base defines',
      'version: 1\nextends: baseline\nrules:\n  - id: approve-publsh\n    enabled: false\n',
      /policy\.yml:4:9: `enabled: false` switches off `approve-publsh`, which no policy this one extends defines \(did you mean `approve-publish`\?\)/,
    ],
    [
      'an unknown trigger in `when`',
      RULE('{ trigger: pull_requests }'),
      /policy\.yml:4:22: rule `r`: `pull_requests` is not an event that triggers workflows \(did you mean `pull_request`/,
    ],
    [
      'an unknown event in a trigger list',
      RULE('{ trigger: [push, isue_comment] }'),
      /policy\.yml:4:29: rule `r`: `isue_comment` is not an event .*\(did you mean `issue_comment`\?\)/,
    ],
    [
      'an empty `when: {}`',
      RULE('{}'),
      /policy\.yml:4:11: rule `r`: an empty `when: \{\}` matches every action path/,
    ],
    [
      '`extends` of a missing preset',
      'version: 1\nextends: baselin\n',
      /policy\.yml:2:10: extends: no preset named `baselin` \(did you mean `baseline`\?\); presets: baseline, strict/,
    ],
    [
      '`extends` of a missing file',
      'version: 1\nextends: [baseline, ./shared.yml]\n',
      /policy\.yml:2:21: extends: cannot read the policy file .*shared\.yml: .*ENOENT/,
    ],
  ])('%s', async (_name, text, message) => {
    const r = await validate(text);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/internal error/);
  });

  it.each([
    [
      'a waiver of a detection rule and of a policy rule',
      'version: 1\nextends: baseline\nwaivers:\n  - rule: approve-publish\n    owner: "@a"\n    expires: 2027-01-31\n    reason: r\n  - rule: agent-permissions-bypassed\n    owner: "@a"\n    expires: 2027-01-31\n    reason: r\n',
    ],
    [
      '`enabled: false` of a base rule',
      'version: 1\nextends: baseline\nrules:\n  - id: approve-publish\n    enabled: false\n',
    ],
    ['a trigger glob that matches real events', RULE('{ trigger: ["pull_request*", push] }')],
    ['extends of a file that exists', 'version: 1\nextends: ./shared.yml\n'],
  ])('accepted: %s', async (_name, text) => {
    const r = await validate(text, { 'shared.yml': 'version: 1\nextends: baseline\n' });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});
