/**
 * One hostile repository — a workflow file name, workflow name, job name and step name that
 * carry workflow commands (`::`, `##[`), Markdown (a link, table pipes, backticks), HTML and a
 * line break — scanned in every CLI format. Table-driven: each sink has the invariant that
 * makes it safe for where it goes (a CI log, workflow-command annotations, a Markdown summary,
 * SARIF for code scanning, an HTML page, JSON data), and each run must show the hostile text
 * (so the check is not vacuous). Each invariant is also run on a raw, unescaped line (the bad
 * case) to show it catches what it is meant to. The bundle's own sinks (step log, job summary,
 * PR comment) are covered by test/e2e/action.test.ts and test/e2e/approval.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/adapters/cli/run-cli.js';
import validateSarif from '../../src/generated/sarif-validator.js';
import { tempDir } from '../helpers.js';
import { readReport } from '../cli/json-report.js';

const FILE = 'x,line=1,title=forged::y ##[error]z <b>|`t`.yml';
const WORKFLOW = `name: "::warning::forged-wf ##[error]forged-wf <img src=x onerror=alert(1)>"
on: push
permissions:
  contents: read
jobs:
  merge:
    name: "::error::forged-job ##[warning]forged-job [l](https://evil.example) | \`tick\` <img src=x onerror=alert(2)>"
    runs-on: ubuntu-latest
    steps:
      - name: "::notice::forged-step ##[group]forged-step <script>alert(3)</script> [l](https://evil.example) | pipe\\n::add-mask::second line"
        run: ./missing.sh
        env:
          T: \${{ secrets.T }}
      - run: gh pr merge --admin 1
`;

let dir = '';
const outputs = new Map<string, { code: number; out: string }>();

beforeAll(async () => {
  dir = tempDir('agent-gate-hostile-');
  mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(dir, '.github', 'workflows', FILE), WORKFLOW);
  for (const format of ['text', 'github', 'markdown', 'sarif', 'html', 'json']) {
    let out = '';
    const code = await runCli(['scan', dir, '--format', format, '--verbose'], {
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
      now: () => new Date('2026-11-21T00:00:00Z'),
    });
    outputs.set(format, { code, out });
  }
});

/** Lines a runner would read as a workflow command: `::cmd …::` at the start, `##[` anywhere. */
function runnerCommands(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => /^\s*::/.test(l) || l.includes('##['));
}

/** An annotation line: properties free of the delimiters `:` `,` (percent-encoded), then `::`. */
const ANNOTATION = /^::(error|warning|notice)(?: [a-z]+=[^:,\r\n]*(?:,[a-z]+=[^:,\r\n]*)*)?::(.*)$/;

function annotationProblems(text: string): string[] {
  const problems: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    const m = ANNOTATION.exec(line);
    if (!m) {
      if (runnerCommands(line).length > 0) problems.push(`not an annotation: ${line}`);
      continue;
    }
    // The message is data after the command; a legacy `##[` in it stays neutralised.
    if (m[2]!.includes('##[')) problems.push(`##[ in the message: ${line}`);
  }
  return problems;
}

/** Markdown: no raw HTML tag, no live link to the hostile URL, no `##[`, table rows intact. */
function markdownProblems(text: string): string[] {
  const problems: string[] = [];
  if (/<(script|img|b)\b/i.test(text)) problems.push('raw HTML tag');
  if (/(?<!\\)\]\(https:\/\/evil\.example/.test(text)) problems.push('live link');
  if (text.includes('##[')) problems.push('##[');
  let cells: number | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      cells = undefined;
      continue;
    }
    const n = line.match(/(?<!\\)\|/g)!.length;
    if (cells === undefined) cells = n;
    else if (n !== cells) problems.push(`table row with ${n} pipes, header ${cells}: ${line}`);
  }
  return problems;
}

interface Sarif {
  runs: {
    results: {
      message: { text: string; markdown?: string };
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
  }[];
}

function sarifProblems(text: string): string[] {
  const doc = JSON.parse(text) as Sarif;
  const problems: string[] = [];
  if (!validateSarif(doc)) problems.push('not valid SARIF 2.1.0');
  for (const r of doc.runs.flatMap((run) => run.results)) {
    for (const l of r.locations) {
      const uri = l.physicalLocation.artifactLocation.uri;
      if (!/^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*$/.test(uri)) problems.push(`uri not encoded: ${uri}`);
    }
    if (r.message.markdown && markdownProblems(r.message.markdown).length > 0)
      problems.push(`markdown message: ${r.message.markdown}`);
  }
  return problems;
}

function htmlProblems(text: string): string[] {
  return /<script>alert|<img src|<b>\|/.test(text) ? ['hostile markup live'] : [];
}

const SINKS: readonly {
  format: string;
  /** The hostile text the run must show (escaped or not), so the check is not vacuous. */
  shows: RegExp;
  problems: (text: string) => string[];
  /** A raw, unescaped rendering the invariant must reject. */
  raw: string;
}[] = [
  {
    format: 'text',
    shows: /forged-step/,
    problems: runnerCommands,
    raw: 'gap: step 1 (x)\n::add-mask::second line',
  },
  {
    format: 'github',
    shows: /forged-step/,
    problems: annotationProblems,
    raw: '::warning file=a.yml,line=1::opaque: step 1 (x ##[group]forged-step)',
  },
  {
    format: 'markdown',
    shows: /forged/,
    problems: markdownProblems,
    raw: '| a | b |\n| --- | --- |\n| x | [l](https://evil.example) | pipe |',
  },
  {
    format: 'sarif',
    shows: /forged-step/,
    problems: sarifProblems,
    raw: JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 't' } },
          results: [
            {
              message: { text: 'x' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'a ##[b]|.yml' } } }],
            },
          ],
        },
      ],
    }),
  },
  {
    format: 'html',
    shows: /forged-step/,
    problems: htmlProblems,
    raw: '<td><script>alert(3)</script></td>',
  },
];

describe.each(SINKS)('$format: hostile names reach the sink escaped', (sink) => {
  it('the scan decides (blocked), shows the hostile text, and breaks no invariant', () => {
    const r = outputs.get(sink.format)!;
    expect(r.code).toBe(1);
    expect(r.out).toMatch(sink.shows);
    expect(sink.problems(r.out)).toEqual([]);
  });

  it('bad case: the invariant rejects a raw rendering', () => {
    expect(sink.problems(sink.raw).length).toBeGreaterThan(0);
  });
});

describe('json: data, not markup', () => {
  it('the hostile names round-trip exactly', () => {
    const r = outputs.get('json')!;
    expect(r.code).toBe(1);
    const doc = readReport(r.out) as {
      jobs: { workflow: string }[];
      bom: { workflows: { name: string | null; jobs: { name: string | null }[] }[] };
    };
    expect(doc.jobs[0]!.workflow.endsWith(`/${FILE}`)).toBe(true);
    expect(doc.bom.workflows[0]!.name).toBe(
      '::warning::forged-wf ##[error]forged-wf <img src=x onerror=alert(1)>',
    );
    expect(doc.bom.workflows[0]!.jobs[0]!.name).toContain('[l](https://evil.example) | `tick`');
  });
});
