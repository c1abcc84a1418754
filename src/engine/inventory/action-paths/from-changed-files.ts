/** Paths of a pull request's changed files: CI files, the gate's policy, an incomplete listing. */
import { locate } from '../../workflow/source.js';
import { sensitiveChanges } from '../changed-files.js';
import { draft, type Draft, type PathInput } from './input.js';

export function fromChangedFiles({ context, workflow, job }: PathInput): Draft[] {
  if (!context.changedFiles) return [];
  const at = locate(workflow.source, job.at, { key: true });
  const drafts = sensitiveChanges(
    context.changedFiles,
    context.policyFile,
    context.policyFiles,
  ).map((c) =>
    draft(
      'modify-workflow',
      `the pull request changes ${c.what}: ${c.file}`,
      at,
      ['github-token'],
      { target: `file:${c.file}` },
    ),
  );
  // Files the API did not list may be workflows: an incomplete listing counts as a CI change.
  if (context.changedFilesIncomplete)
    drafts.push(
      draft(
        'modify-workflow',
        `incomplete list of changed files, treated as changing CI files: ${context.changedFilesIncomplete}`,
        at,
        ['github-token'],
        { target: 'file:*' },
      ),
    );
  return drafts;
}
