/**
 * The seed checklist score: each control's 1 / 0.5 / 0 / not-observable cases on small
 * inline workflows, the totals, and the seed's bands.
 */
import { describe, expect, it } from 'vitest';
import { BANDS, CONTROLS, bandOf } from '../../src/engine/checklist/controls.js';
import { scoreJob } from '../../src/engine/checklist/score-job.js';
import type { ChecklistScore, ControlId, ControlResult } from '../../src/engine/checklist/types.js';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { buildInventory } from '../../src/engine/inventory/build-inventory.js';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';

const PATH = '.github/workflows/agent.yml';

function score(yaml: string, jobId?: string): ChecklistScore {
  const workflow = parseWorkflow(PATH, yaml);
  const [inventory] = buildInventory(
    workflow,
    EMPTY_CONTEXT,
    { productionPatterns: ['prod', 'production'], repoPath: PATH },
    jobId ? [jobId] : undefined,
  );
  if (!inventory) throw new Error('no job');
  const job = workflow.jobs.find((j) => j.id === inventory.job);
  if (!job) throw new Error('no job');
  return scoreJob(job, inventory, workflow);
}

function control(s: ChecklistScore, id: ControlId): ControlResult {
  const c = s.controls.find((x) => x.id === id);
  if (!c) throw new Error(`no control ${id}`);
  return c;
}

const CLAUDE = `      - uses: anthropics/claude-code-action@v1
        with:
          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}`;

interface Opts {
  readonly runsOn?: string;
  readonly permissions?: string | null;
  readonly jobExtra?: string;
  readonly top?: string;
  readonly steps?: string;
  readonly otherJobs?: string;
}

/** One `agent` job; `permissions: null` leaves the block out. */
function wf(o: Opts = {}): string {
  const perms =
    o.permissions === null ? '' : `    permissions:\n${o.permissions ?? '      contents: read\n'}`;
  return `on: pull_request
${o.top ?? ''}jobs:
  agent:
    runs-on: ${o.runsOn ?? 'ubuntu-latest'}
${perms}${o.jobExtra ?? ''}    steps:
${o.steps ?? CLAUDE}
${o.otherJobs ?? ''}`;
}

const at = (s: ChecklistScore, id: ControlId): string[] =>
  control(s, id).evidence.map((e) => (e.at ? `${e.at.line}` : '-'));

describe('scoreJob: the 20 controls', () => {
  it('scores every control once, in the seed order, with a reason each', () => {
    const s = score(wf());
    expect(s.controls.map((c) => c.number)).toEqual(CONTROLS.map((c) => c.number));
    expect(s.controls.map((c) => c.id)).toEqual(CONTROLS.map((c) => c.id));
    for (const c of s.controls) expect(c.reason.length).toBeGreaterThan(10);
    expect(s.agents).toEqual(['claude-code-action']);
  });

  describe('1 least privilege', () => {
    it('1: declared, read-only (conversation writes allowed)', () => {
      const s = score(wf({ permissions: '      contents: read\n      pull-requests: write\n' }));
      expect(control(s, 'least-privilege').score).toBe(1);
      expect(at(s, 'least-privilege')).toEqual(['6']);
    });
    it('0.5: declared, but contents: write', () => {
      expect(
        control(score(wf({ permissions: '      contents: write\n' })), 'least-privilege').score,
      ).toBe(0.5);
    });
    it('0: no permissions block (repository default, write assumed)', () => {
      expect(control(score(wf({ permissions: null })), 'least-privilege').score).toBe(0);
    });
    it('0: write-all', () => {
      const s = score(wf({ permissions: null, jobExtra: '    permissions: write-all\n' }));
      expect(control(s, 'least-privilege').score).toBe(0);
    });
    it('0: broad write and the agent skips its permission checks', () => {
      const s = score(
        wf({
          permissions: '      contents: write\n',
          steps: `${CLAUDE}\n          claude_args: --dangerously-skip-permissions`,
        }),
      );
      expect(control(s, 'least-privilege').score).toBe(0);
    });
  });

  describe('2 filesystem scope', () => {
    it('1: the agent runs inside awf', () => {
      const s = score(
        wf({ steps: '      - run: sudo -E awf --allow-domains github.com -- claude -p "fix it"' }),
      );
      expect(control(s, 'filesystem-scope').score).toBe(1);
    });
    it('1: docker run mounting only the workspace', () => {
      const s = score(
        wf({
          steps: `      - run: |
          docker run --rm -v "\${{ github.workspace }}:/work" example/img claude -p "fix it"`,
        }),
      );
      expect(control(s, 'filesystem-scope').score).toBe(1);
      expect(at(s, 'filesystem-scope')).toEqual(['9']);
    });
    it('0.5: docker run mounting the Docker socket', () => {
      const s = score(
        wf({
          steps:
            '      - run: docker run -v /var/run/docker.sock:/var/run/docker.sock -v .:/w example/img claude -p "x"',
        }),
      );
      expect(control(s, 'filesystem-scope').score).toBe(0.5);
    });
    it('0.5: the agent’s own OS sandbox (codex workspace-write)', () => {
      const s = score(wf({ steps: '      - run: codex exec --sandbox workspace-write "fix"' }));
      expect(control(s, 'filesystem-scope').score).toBe(0.5);
    });
    it('0: the agent runs on the runner', () => {
      expect(control(score(wf()), 'filesystem-scope').score).toBe(0);
    });
    it('not observable: no agent in the job', () => {
      const c = control(score(wf({ steps: '      - run: npm test' })), 'filesystem-scope');
      expect(c.score).toBeNull();
      expect(c.reason).toMatch(/no AI agent/);
    });
  });

  describe('3 tool allow-list', () => {
    it('1: an explicit allow-list without an open shell', () => {
      const s = score(
        wf({ steps: `${CLAUDE}\n          claude_args: --allowedTools "Bash(npm test),Read"` }),
      );
      expect(control(s, 'tool-allowlist').score).toBe(1);
    });
    it('0.5: the product’s default tool set', () => {
      expect(control(score(wf()), 'tool-allowlist').score).toBe(0.5);
    });
    it('0: an unrestricted shell', () => {
      const s = score(wf({ steps: `${CLAUDE}\n          claude_args: --allowedTools Bash` }));
      expect(control(s, 'tool-allowlist').score).toBe(0);
    });
    it('not observable: no agent', () => {
      expect(control(score(wf({ steps: '      - run: make' })), 'tool-allowlist').score).toBeNull();
    });
    it('0: the evidence names the setting that opens the shell, whatever its reason says', () => {
      const open = control(
        score(
          wf({
            steps:
              '      - run: codex exec --full-auto --dangerously-bypass-approvals-and-sandbox "fix it"',
          }),
        ),
        'tool-allowlist',
      );
      expect(open.score).toBe(0);
      // `--full-auto` is risky too, but it is not what turns the checks off.
      expect(open.evidence.map((e) => e.text)).toEqual([
        expect.stringContaining('--dangerously-bypass-approvals-and-sandbox'),
      ]);
      const shell = control(
        score(wf({ steps: `${CLAUDE}\n          claude_args: --allowedTools Bash` })),
        'tool-allowlist',
      );
      expect(shell.evidence.map((e) => e.text)).toEqual([
        expect.stringContaining('--allowedTools'),
      ]);
    });
  });

  describe('4 isolation', () => {
    it('1: a hardened container', () => {
      const s = score(
        wf({
          steps:
            '      - run: docker run --cap-drop ALL --security-opt no-new-privileges -v .:/w example/img codex exec "x"',
        }),
      );
      expect(control(s, 'isolation').score).toBe(1);
    });
    it('1: gVisor runtime', () => {
      const s = score(
        wf({ steps: '      - run: docker run --runtime=runsc example/img claude -p "x"' }),
      );
      expect(control(s, 'isolation').score).toBe(1);
    });
    it('0.5: a GitHub-hosted runner (fresh VM, not hardened)', () => {
      expect(control(score(wf()), 'isolation').score).toBe(0.5);
    });
    it('0.5: a plain job container', () => {
      const s = score(wf({ runsOn: '[self-hosted, linux]', jobExtra: '    container: node:20\n' }));
      expect(control(s, 'isolation').score).toBe(0.5);
    });
    it('0: a privileged container on a self-hosted runner', () => {
      const s = score(
        wf({
          runsOn: 'self-hosted',
          steps: '      - run: docker run --privileged example/img claude -p "x"',
        }),
      );
      expect(control(s, 'isolation').score).toBe(0);
    });
    it('not observable: a self-hosted runner', () => {
      expect(control(score(wf({ runsOn: 'self-hosted' })), 'isolation').score).toBeNull();
    });
  });

  describe('5 read-only root', () => {
    it('1: --read-only with a tmpfs', () => {
      const s = score(
        wf({
          steps:
            '      - run: docker run --read-only --tmpfs /tmp:size=64m example/img claude -p "x"',
        }),
      );
      expect(control(s, 'read-only-root').score).toBe(1);
    });
    it('0.5: harden-runner disables sudo', () => {
      const s = score(
        wf({
          steps: `      - uses: step-security/harden-runner@v2
        with:
          egress-policy: audit
          disable-sudo-and-containers: "true"
${CLAUDE}`,
        }),
      );
      expect(control(s, 'read-only-root').score).toBe(0.5);
    });
    it('0.5: codex-action drops sudo by default', () => {
      expect(
        control(score(wf({ steps: '      - uses: openai/codex-action@v1' })), 'read-only-root')
          .score,
      ).toBe(0.5);
    });
    it('0: a writable root on a hosted runner', () => {
      expect(control(score(wf()), 'read-only-root').score).toBe(0);
    });
    it('not observable: a self-hosted runner', () => {
      expect(control(score(wf({ runsOn: 'self-hosted' })), 'read-only-root').score).toBeNull();
    });
  });

  describe('6 resource limits', () => {
    it('1: memory and CPU limits', () => {
      const s = score(
        wf({ steps: '      - run: docker run --memory 4g --cpus 2 example/img claude -p "x"' }),
      );
      expect(control(s, 'resource-limits').score).toBe(1);
    });
    it('0.5: a cap on agent turns', () => {
      const s = score(wf({ steps: `${CLAUDE}\n          claude_args: --max-turns 10` }));
      expect(control(s, 'resource-limits').score).toBe(0.5);
      expect(at(s, 'resource-limits')).toEqual(['11']);
    });
    it('0: nothing on a hosted runner', () => {
      expect(control(score(wf()), 'resource-limits').score).toBe(0);
    });
    it('not observable: a runner with a custom label', () => {
      expect(control(score(wf({ runsOn: 'big-gpu-box' })), 'resource-limits').score).toBeNull();
    });
  });

  const harden = (policy: string, after = false): string => {
    const h = `      - uses: step-security/harden-runner@v2
        with:
          egress-policy: ${policy}
          allowed-endpoints: api.anthropic.com:443`;
    return after ? `${CLAUDE}\n${h}` : `${h}\n${CLAUDE}`;
  };

  describe('7 egress allow-list', () => {
    it('1: harden-runner egress-policy: block before the agent', () => {
      const s = score(wf({ steps: harden('block') }));
      expect(control(s, 'egress-allowlist').score).toBe(1);
      expect(at(s, 'egress-allowlist')).toEqual(['10']);
    });
    it('1: the awf firewall', () => {
      const s = score(
        wf({ steps: '      - run: sudo -E awf --allow-domains github.com -- claude -p "x"' }),
      );
      expect(control(s, 'egress-allowlist').score).toBe(1);
    });
    it('0.5: block from a step after the agent', () => {
      expect(control(score(wf({ steps: harden('block', true) })), 'egress-allowlist').score).toBe(
        0.5,
      );
    });
    it('0: audit only', () => {
      const c = control(score(wf({ steps: harden('audit') })), 'egress-allowlist');
      expect(c.score).toBe(0);
      expect(c.evidence.map((e) => e.text).join()).toMatch(/audit/);
    });
    it('not observable: a self-hosted runner', () => {
      expect(control(score(wf({ runsOn: 'self-hosted' })), 'egress-allowlist').score).toBeNull();
    });
  });

  describe('8 DNS logging', () => {
    it('1: harden-runner (audit records DNS too)', () => {
      expect(control(score(wf({ steps: harden('audit') })), 'dns-logging').score).toBe(1);
    });
    it('0.5: the awf proxy log (domains, not DNS queries)', () => {
      const s = score(
        wf({ steps: '      - run: sudo -E awf --allow-domains github.com -- claude -p "x"' }),
      );
      expect(control(s, 'dns-logging').score).toBe(0.5);
    });
    it('0: nothing on a hosted runner', () => {
      expect(control(score(wf()), 'dns-logging').score).toBe(0);
    });
    it('not observable: a self-hosted runner', () => {
      expect(control(score(wf({ runsOn: 'self-hosted' })), 'dns-logging').score).toBeNull();
    });
  });

  describe('9 TLS inspection', () => {
    it('1: awf --ssl-bump', () => {
      const s = score(
        wf({
          steps: '      - run: sudo -E awf --ssl-bump --allow-domains github.com -- claude -p "x"',
        }),
      );
      expect(control(s, 'tls-inspection').score).toBe(1);
    });
    it('0: awf without --ssl-bump filters by server name only', () => {
      const s = score(
        wf({ steps: '      - run: sudo -E awf --allow-domains github.com -- claude -p "x"' }),
      );
      expect(control(s, 'tls-inspection').score).toBe(0);
    });
    it('0: no proxy on a hosted runner', () => {
      expect(control(score(wf()), 'tls-inspection').score).toBe(0);
    });
    it('not observable: traffic goes to a proxy through HTTPS_PROXY', () => {
      const s = score(wf({ top: 'env:\n  HTTPS_PROXY: http://proxy.internal:3128\n' }));
      const c = control(s, 'tls-inspection');
      expect(c.score).toBeNull();
      expect(at(s, 'tls-inspection')).toEqual(['3']);
    });
  });

  describe('10 short-lived tokens', () => {
    it('1: only the job token', () => {
      expect(
        control(score(wf({ steps: '      - run: codex exec "x"' })), 'short-lived-tokens').score,
      ).toBe(1);
    });
    it('0.5: only the agent’s own model key is long-lived', () => {
      expect(control(score(wf()), 'short-lived-tokens').score).toBe(0.5);
    });
    it('0: a PAT', () => {
      const s = score(
        wf({
          steps: `${CLAUDE}\n      - run: gh pr list\n        env:\n          GH_TOKEN: \${{ secrets.GH_PAT }}`,
        }),
      );
      expect(control(s, 'short-lived-tokens').score).toBe(0);
    });
  });

  describe('11 no personal credentials', () => {
    it('1: machine identities only', () => {
      expect(control(score(wf()), 'no-personal-credentials').score).toBe(1);
    });
    it('0.5: a stored secret whose owner is not visible', () => {
      const s = score(
        wf({
          steps: `${CLAUDE}\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}`,
        }),
      );
      expect(control(s, 'no-personal-credentials').score).toBe(0.5);
    });
    it('0: a subscription OAuth token', () => {
      const s = score(
        wf({
          steps: `      - uses: anthropics/claude-code-action@v1
        with:
          claude_code_oauth_token: \${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}`,
        }),
      );
      expect(control(s, 'no-personal-credentials').score).toBe(0);
    });
    it('0: every secret', () => {
      const s = score(
        wf({ steps: `${CLAUDE}\n        env:\n          ALL: \${{ toJSON(secrets) }}` }),
      );
      expect(control(s, 'no-personal-credentials').score).toBe(0);
    });
  });

  describe('12 secrets vault', () => {
    it('1: no stored secrets at all', () => {
      expect(
        control(score(wf({ steps: '      - run: codex exec "x"' })), 'secrets-vault').score,
      ).toBe(1);
    });
    it('1: the only secret authenticates to the vault', () => {
      const s = score(
        wf({
          steps: `      - uses: hashicorp/vault-action@v3
        with:
          url: https://vault.example.com
          token: \${{ secrets.VAULT_TOKEN }}
      - run: codex exec "x"`,
        }),
      );
      expect(control(s, 'secrets-vault').score).toBe(1);
    });
    it('0.5: GitHub secrets per step, no vault', () => {
      expect(control(score(wf()), 'secrets-vault').score).toBe(0.5);
    });
    it('0: a secret in job-level env', () => {
      const s = score(wf({ jobExtra: '    env:\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n' }));
      expect(control(s, 'secrets-vault').score).toBe(0);
    });
  });

  describe('13 diff review', () => {
    it('1: the job cannot write code', () => {
      expect(control(score(wf()), 'diff-review').score).toBe(1);
    });
    it('0.5: it can push to a branch', () => {
      expect(
        control(score(wf({ permissions: '      contents: write\n' })), 'diff-review').score,
      ).toBe(0.5);
    });
    it('0: it merges the pull request itself', () => {
      const s = score(
        wf({
          permissions: '      contents: write\n      pull-requests: write\n',
          steps: `${CLAUDE}\n      - run: gh pr merge --admin --squash "$PR"`,
        }),
      );
      expect(control(s, 'diff-review').score).toBe(0);
    });
  });

  const codeql = `  codeql:
    runs-on: ubuntu-latest
    steps:
      - uses: github/codeql-action/init@v3
      - uses: github/codeql-action/analyze@v3
`;

  describe('14 SAST', () => {
    it('1: CodeQL in another job of the workflow', () => {
      const s = score(wf({ otherJobs: codeql }), 'agent');
      expect(control(s, 'sast').score).toBe(1);
      expect(control(s, 'sast').evidence[0]?.text).toMatch(/codeql-action\/init \(job codeql\)/);
    });
    it('1: semgrep in a run step', () => {
      const s = score(wf({ steps: `${CLAUDE}\n      - run: semgrep scan --config auto` }));
      expect(control(s, 'sast').score).toBe(1);
    });
    it('not observable: no SAST in this workflow', () => {
      expect(control(score(wf()), 'sast').score).toBeNull();
    });
  });

  describe('15 dependency audit', () => {
    it('1: a supply-chain check (Socket)', () => {
      const s = score(wf({ steps: `${CLAUDE}\n      - run: npx socket scan create .` }));
      expect(control(s, 'dependency-audit').score).toBe(1);
    });
    it('0.5: a vulnerability audit only', () => {
      const s = score(
        wf({ steps: `      - uses: actions/dependency-review-action@v4\n${CLAUDE}` }),
      );
      expect(control(s, 'dependency-audit').score).toBe(0.5);
    });
    it('not observable: no audit in this workflow', () => {
      expect(control(score(wf()), 'dependency-audit').score).toBeNull();
    });
  });

  describe('16 immutable audit log', () => {
    it('0.5: agent logs uploaded after the agent (never 1: write-once storage is not visible)', () => {
      const s = score(
        wf({
          steps: `${CLAUDE}
      - uses: actions/upload-artifact@v4
        with:
          name: transcript
          path: /tmp/agent/logs/`,
        }),
      );
      expect(control(s, 'immutable-audit-log').score).toBe(0.5);
    });
    it('0.5: OpenTelemetry export', () => {
      const s = score(
        wf({ jobExtra: '    env:\n      OTEL_EXPORTER_OTLP_ENDPOINT: https://otel.example.com\n' }),
      );
      expect(control(s, 'immutable-audit-log').score).toBe(0.5);
    });
    it('0: the token can delete run logs', () => {
      const s = score(
        wf({
          permissions: '      contents: read\n      actions: write\n',
          jobExtra: '    env:\n      OTEL_EXPORTER_OTLP_ENDPOINT: https://otel.example.com\n',
        }),
      );
      expect(control(s, 'immutable-audit-log').score).toBe(0);
    });
    it('0: nothing leaves the job', () => {
      expect(control(score(wf()), 'immutable-audit-log').score).toBe(0);
    });
  });

  describe('17 anomaly detection', () => {
    it('0.5: harden-runner’s network baseline', () => {
      expect(control(score(wf({ steps: harden('audit') })), 'anomaly-detection').score).toBe(0.5);
    });
    it('not observable otherwise', () => {
      expect(control(score(wf()), 'anomaly-detection').score).toBeNull();
    });
  });

  describe('18 session time limits', () => {
    it('1: a job timeout under the default', () => {
      const s = score(wf({ jobExtra: '    timeout-minutes: 30\n' }));
      expect(control(s, 'session-time-limits').score).toBe(1);
      expect(at(s, 'session-time-limits')).toEqual(['7']);
    });
    it('1: a timeout on the agent step', () => {
      const s = score(wf({ steps: `${CLAUDE}\n        timeout-minutes: 20` }));
      expect(control(s, 'session-time-limits').score).toBe(1);
    });
    it('0.5: from an expression', () => {
      const s = score(wf({ jobExtra: '    timeout-minutes: ${{ inputs.minutes }}\n' }));
      expect(control(s, 'session-time-limits').score).toBe(0.5);
    });
    it('0: none, or no tighter than 360', () => {
      expect(control(score(wf()), 'session-time-limits').score).toBe(0);
      expect(
        control(score(wf({ jobExtra: '    timeout-minutes: 360\n' })), 'session-time-limits').score,
      ).toBe(0);
    });
    it('not observable: a reusable workflow call', () => {
      const s = score(`on: pull_request
jobs:
  call:
    uses: org/repo/.github/workflows/agent.yml@main
`);
      expect(control(s, 'session-time-limits').score).toBeNull();
      expect(control(s, 'session-time-limits').reason).toMatch(/reusable workflow/);
    });
  });

  describe('19 kill switch', () => {
    it('0.5: cancellation, and nothing outlives the run', () => {
      expect(control(score(wf()), 'kill-switch').score).toBe(0.5);
    });
    it('0: a long-lived broad secret survives a cancelled run', () => {
      const s = score(wf({ jobExtra: '    env:\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n' }));
      expect(control(s, 'kill-switch').score).toBe(0);
    });
  });

  describe('20 rollback', () => {
    it('1: changes stay on branches', () => {
      expect(control(score(wf({ permissions: '      contents: write\n' })), 'rollback').score).toBe(
        1,
      );
    });
    it('0.5: a deploy outside git', () => {
      const s = score(wf({ steps: `${CLAUDE}\n      - uses: actions/deploy-pages@v4` }));
      expect(control(s, 'rollback').score).toBe(0.5);
    });
    it('0: a push to the default branch', () => {
      const s = score(
        wf({
          permissions: '      contents: write\n',
          steps: `${CLAUDE}\n      - run: git push origin HEAD:main`,
        }),
      );
      expect(control(s, 'rollback').score).toBe(0);
      expect(control(s, 'diff-review').score).toBe(0);
    });
  });
});

describe('totals and bands', () => {
  it('the seed’s bands, half points counting towards the band below', () => {
    expect(BANDS.map((b) => b.id)).toEqual([
      'production-ready',
      'good-foundation',
      'significant-risk',
      'pause',
    ]);
    expect(bandOf(20).id).toBe('production-ready');
    expect(bandOf(18).id).toBe('production-ready');
    expect(bandOf(17.5).id).toBe('good-foundation');
    expect(bandOf(14).id).toBe('good-foundation');
    expect(bandOf(13.5).id).toBe('significant-risk');
    expect(bandOf(10).id).toBe('significant-risk');
    expect(bandOf(9.5).id).toBe('pause');
    expect(bandOf(0).id).toBe('pause');
  });

  it('total sums the observed scores; unobservable controls count 0 in the band, 1 in the best case', () => {
    const s = score(wf());
    const observed = s.controls.filter((c) => c.score !== null);
    expect(s.observed).toBe(observed.length);
    expect(s.max).toBe(observed.length);
    expect(s.outOf).toBe(20);
    expect(s.total).toBe(observed.reduce((n, c) => n + (c.score ?? 0), 0));
    expect(s.band).toEqual(bandOf(s.total));
    expect(s.bestCaseBand).toEqual(bandOf(s.total + 20 - s.observed));
  });

  it('below 10, the Pro Tip basics that are not fully met', () => {
    const s = score(wf({ permissions: null }));
    expect(s.total).toBeLessThan(10);
    expect(s.focus).toContain('least-privilege');
    expect(s.focus).toContain('egress-allowlist');
    expect(s.focus.every((id) => CONTROLS.find((c) => c.id === id)?.basic)).toBe(true);
  });

  it('a hardened agent job reaches a higher band', () => {
    const s = score(
      wf({
        permissions: '      contents: read\n',
        jobExtra: '    timeout-minutes: 30\n',
        steps: `      - uses: step-security/harden-runner@v2
        with:
          egress-policy: block
          disable-sudo-and-containers: "true"
          allowed-endpoints: api.openai.com:443
      - run: |
          docker run --rm --read-only --tmpfs /tmp:size=64m --memory 4g --cpus 2 \\
            --cap-drop ALL --security-opt no-new-privileges \\
            -v "\${{ github.workspace }}:/w" example/img codex exec --sandbox workspace-write "x"
      - run: semgrep scan --config auto
      - run: npx socket scan create .
      - uses: actions/upload-artifact@v4
        with:
          path: agent-logs/`,
      }),
    );
    expect(s.total).toBeGreaterThanOrEqual(14);
    expect(['good-foundation', 'production-ready']).toContain(s.band.id);
    expect(s.focus).toEqual([]);
  });

  it('never throws on a job without steps', () => {
    const s = score(`on: push
jobs:
  empty:
    runs-on: ubuntu-latest
`);
    expect(s.controls).toHaveLength(20);
  });
});
