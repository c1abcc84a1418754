/**
 * Rendering of the seed checklist score: the one-job table, the several-jobs matrix, the
 * escaping of hostile names and evidence, and the BOM object.
 */
import { describe, expect, it } from 'vitest';
import { bandOf } from '../../src/engine/checklist/controls.js';
import { checklistDoc, renderChecklistMarkdown } from '../../src/engine/checklist/render.js';
import type { ScoredJob } from '../../src/engine/checklist/render.js';
import { scoreJob } from '../../src/engine/checklist/score-job.js';
import type { ChecklistScore } from '../../src/engine/checklist/types.js';
import { EMPTY_CONTEXT } from '../../src/engine/context/run-context.js';
import { buildInventory } from '../../src/engine/inventory/build-inventory.js';
import { parseWorkflow } from '../../src/engine/workflow/build-model.js';

function scored(path: string, yaml: string): ScoredJob[] {
  const workflow = parseWorkflow(path, yaml);
  return buildInventory(workflow, EMPTY_CONTEXT, { productionPatterns: ['prod'] }).map((inv) => {
    const job = workflow.jobs.find((j) => j.id === inv.job);
    if (!job) throw new Error('no job');
    return { workflow: inv.workflow, job: inv.job, score: scoreJob(job, inv, workflow) };
  });
}

const HOSTILE_JOB = '<img src=x onerror=alert(1)>|`x`|';
const HOSTILE_PATH = '.github/workflows/a|b<script>.yml';

const YAML = `on: pull_request
jobs:
  "${HOSTILE_JOB.replace(/"/g, '\\"')}":
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - name: "::set-output name=x::| **bold** <b>"
        run: claude -p "fix | it" --allowedTools "Bash(npm test)"
  second:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
`;

/** Table rows: lines starting with `|`; every cell separator is an unescaped `|`. */
function cellCounts(markdown: string): number[] {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) => l.replace(/\\\|/g, '').split('|').length);
}

describe('renderChecklistMarkdown', () => {
  const jobs = scored(HOSTILE_PATH, YAML);

  it('renders one job as a table of the 20 controls, escaping names and evidence', () => {
    const md = renderChecklistMarkdown([jobs[0]!]);
    expect(md).toContain('| # | Control | Score | Why | Evidence |');
    expect(md.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(20);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('::set-output');
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
    // Every table row has the same number of cells: no pipe from the input splits one.
    expect(new Set(cellCounts(md)).size).toBe(1);
    expect(md).toMatch(/\*\*\d+(\.5)? \/ 20\*\*/);
    expect(md).toContain('not observable from CI');
  });

  it('renders several jobs as a control × job matrix with totals and bands', () => {
    const md = renderChecklistMarkdown(jobs);
    const header = md.split('\n').find((l) => l.startsWith('| # |')) ?? '';
    expect(header).toContain('second');
    expect(header).not.toContain('<img');
    expect(md).toContain('**Total / 20**');
    expect(md).toMatch(/\| Band \|/);
    expect(md.split('\n').filter((l) => /^\| \d+ \|/.test(l))).toHaveLength(20);
    expect(new Set(cellCounts(md)).size).toBe(1);
  });

  it('shows half points as ½ and unobservable controls as n/o', () => {
    const md = renderChecklistMarkdown([jobs[0]!]);
    expect(md).toMatch(/\| n\/o \|/);
    expect(md).toMatch(/\| ½ \|/);
  });

  it('renders nothing for no jobs', () => {
    expect(renderChecklistMarkdown([])).toBe('');
  });

  it('names the Pro Tip basics below 10', () => {
    const s: ChecklistScore = {
      ...jobs[0]!.score,
      total: 4,
      focus: ['least-privilege', 'isolation'],
    };
    const md = renderChecklistMarkdown([{ ...jobs[0]!, score: s }]);
    expect(md).toContain('Start with the basics');
    expect(md).toContain('1 Enforce least\\-privilege permissions');
  });
});

describe('checklistDoc', () => {
  it('is plain JSON with statuses, band and file:line evidence', () => {
    const doc = checklistDoc(scored('.github/workflows/x.yml', YAML)[0]!.score);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(doc.controls).toHaveLength(20);
    expect(doc.notObservable).toBe(20 - doc.observed);
    expect(doc.band).toEqual({
      id: bandOf(doc.total).id,
      label: bandOf(doc.total).label,
      range: bandOf(doc.total).range,
    });
    expect(doc.unobservable).toMatch(/count as 0/);
    for (const c of doc.controls) {
      expect(['met', 'partial', 'not-met', 'not-observable']).toContain(c.status);
      expect(c.status === 'not-observable').toBe(c.score === null);
      for (const e of c.evidence)
        expect(e.at === null || /^\.github\/workflows\/x\.yml:\d+$/.test(e.at)).toBe(true);
    }
    expect(doc.controls.find((c) => c.id === 'tool-allowlist')?.status).toBe('met');
  });
});
