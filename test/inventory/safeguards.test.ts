/**
 * The safeguards a workflow shows (inventory/safeguards.ts): steps that stand for a control
 * are read from argv, so comments, echoed text and the flags of the command a container runs
 * do not count; containers carry their own flags; harden-runner's defaults.
 */
import { describe, expect, it } from 'vitest';
import { jobSafeguards } from '../../src/engine/inventory/safeguards.js';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';

function job(steps: string, extra = ''): ReturnType<typeof jobSafeguards> {
  const text = `on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${steps}`;
  return jobSafeguards(parseWorkflow('.github/workflows/w.yml', text), 'j');
}

const kinds = (s: ReturnType<typeof jobSafeguards>): string[] =>
  s.hits.map((h) => `${h.kind} ${h.text} L${h.at.line}`);

describe('safeguard steps', () => {
  it('bad: audits, SAST and vault reads in comments or echoed text do not count', () => {
    const s = job(`      - run: |
          # npm audit
          echo "semgrep ci, then vault kv get secret/x"
          git commit -m "npm audit fix"
`);
    expect(kinds(s)).toEqual([]);
  });

  it('good: the commands themselves count, inside wrappers too, located on their line', () => {
    const s = job(`      - run: |
          npm audit --audit-level high
          npx pip-audit -r requirements.txt
          semgrep ci
          vault kv get -field=token secret/ci
      - uses: github/codeql-action/analyze@v3
      - uses: snyk/actions/node@master
        with:
          command: code test
`);
    expect(kinds(s)).toEqual([
      'dependency-audit npm audit L7',
      'dependency-audit pip-audit L8',
      'sast semgrep ci L9',
      'vault vault kv get L10',
      'sast github/codeql-action/analyze L11',
      'sast snyk/actions/node L12',
    ]);
  });
});

describe('containers', () => {
  it('docker run flags are read up to the image, not from the command it runs', () => {
    const s =
      job(`      - run: docker run --rm -v "$PWD:/w" agent-image tool --read-only --memory 2g
`);
    expect(s.containers).toHaveLength(1);
    expect(s.containers[0]!.flags).toMatchObject({
      readOnly: false,
      memory: false,
      mounts: ['$PWD'],
      mountsInWorkspace: true,
    });
  });

  it('hardening flags, limits and a host mount outside the project', () => {
    const s = job(`      - run: |
          sudo docker run --read-only --tmpfs /tmp --memory=2g --cpus 1 --cap-drop ALL \\
            --security-opt no-new-privileges --network none -v /etc:/host-etc img
`);
    expect(s.containers[0]!.flags).toMatchObject({
      readOnly: true,
      tmpfs: true,
      memory: true,
      cpus: true,
      capDropAll: true,
      noNewPrivileges: true,
      networkNone: true,
      mounts: ['/etc'],
      mountsInWorkspace: false,
    });
    expect(s.containers[0]!.at.line).toBe(7);
  });

  it("a job container's options are docker flags", () => {
    const s = job(
      `      - run: make\n`,
      `    container:\n      image: node:22\n      options: --cpus 2 --memory 4g --privileged\n`,
    );
    expect(s.containers[0]).toMatchObject({
      kind: 'job-container',
      flags: { cpus: true, memory: true, privileged: true },
    });
  });
});

describe('harden-runner and the runner', () => {
  it("egress-policy defaults to block (the action's default), telemetry on", () => {
    const s = job(`      - uses: step-security/harden-runner@v2\n`);
    expect(s.harden).toMatchObject({ policy: 'block', policyExplicit: false, telemetry: true });
    expect(s.runner.kind).toBe('hosted');
  });

  it('audit mode, telemetry off, sudo disabled', () => {
    const s = job(`      - uses: step-security/harden-runner@v2
        with:
          egress-policy: audit
          disable-telemetry: true
          disable-sudo: true
`);
    expect(s.harden).toMatchObject({ policy: 'audit', policyExplicit: true, telemetry: false });
    expect(s.harden?.noSudo?.line).toBe(10);
  });
});
