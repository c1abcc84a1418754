/**
 * Which findings become workflow annotations. GitHub shows at most 10 error, 10 warning and
 * 10 notice annotations per step and silently drops the rest, so the most severe come first
 * within each level and, when any are left out, the last notice says how many and where they
 * are. Shared by the action (through adapters/action/runner-commands.ts) and the CLI's `github` format.
 */
import { SEVERITIES } from '../rules/types.js';
import type { Finding } from '../policy/types.js';
import type { SourceLocation } from '../errors.js';
import { escapeLegacyCommands } from '../escape.js';
import { allFindings } from './report.js';
import type { Report } from './report.js';

/** GitHub's per-step display limit for each annotation level. */
export const ANNOTATIONS_PER_LEVEL = 10;

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  readonly level: AnnotationLevel;
  readonly title: string;
  /** Untrusted text: the writer escapes it for its sink. */
  readonly message: string;
  readonly location: SourceLocation | undefined;
}

export interface AnnotationPlan {
  /** In emission order: errors, then warnings, then notices (the overflow note last). */
  readonly annotations: readonly Annotation[];
  /** Findings left out per level (they are in the summary and the report). */
  readonly omitted: Readonly<Record<AnnotationLevel, number>>;
}

const LEVEL_OF: Readonly<Record<Finding['decision'], AnnotationLevel>> = {
  blocked: 'error',
  'approval-required': 'warning',
  allow: 'notice',
};

/** What a finding means for the run, in the annotation's title. */
const TITLE_OF: Readonly<Record<Finding['decision'], string>> = {
  blocked: 'blocked',
  'approval-required': 'approval-required',
  // A finding that does not gate is reported, not "allowed".
  allow: 'reported, does not gate',
};

export function planAnnotations(
  report: Report,
  options: { where?: string; perLevel?: number } = {},
): AnnotationPlan {
  const where = options.where ?? 'the job summary';
  const limit = options.perLevel ?? ANNOTATIONS_PER_LEVEL;
  const candidates: { a: Annotation; rank: number }[] = allFindings(report).map((f) => ({
    a: {
      level: LEVEL_OF[f.decision],
      title: `agent-gate: ${TITLE_OF[f.decision]} (${f.ruleId})`,
      message: f.message,
      location: f.location,
    },
    rank: SEVERITIES.indexOf(f.severity),
  }));
  for (const e of report.evaluations)
    for (const x of e.decision.waivers.expired)
      candidates.push({
        a: {
          level: 'warning',
          title: 'agent-gate: waiver expired',
          message: x.message,
          location: x.waiver.at,
        },
        rank: SEVERITIES.indexOf('medium'),
      });
  const byLevel = (level: AnnotationLevel): Annotation[] =>
    candidates
      .map((c, i) => ({ ...c, i }))
      .filter((c) => c.a.level === level)
      // Most severe first; the report's order within one severity.
      .sort((x, y) => y.rank - x.rank || x.i - y.i)
      .map((c) => c.a);
  const errors = byLevel('error');
  const warnings = byLevel('warning');
  const notices = byLevel('notice');
  const overflow = errors.length > limit || warnings.length > limit || notices.length > limit;
  // The overflow note takes the last notice slot.
  const noticeRoom = overflow ? limit - 1 : limit;
  const omitted = {
    error: Math.max(0, errors.length - limit),
    warning: Math.max(0, warnings.length - limit),
    notice: Math.max(0, notices.length - noticeRoom),
  };
  const annotations = [
    ...errors.slice(0, limit),
    ...warnings.slice(0, limit),
    ...notices.slice(0, noticeRoom),
  ];
  const left = omitted.error + omitted.warning + omitted.notice;
  if (left > 0) {
    const parts = [
      omitted.error > 0 ? `${omitted.error} blocked` : undefined,
      omitted.warning > 0 ? `${omitted.warning} needing approval` : undefined,
      omitted.notice > 0 ? `${omitted.notice} reported` : undefined,
    ].filter(Boolean);
    annotations.push({
      level: 'notice',
      title: 'agent-gate: more findings',
      message: `${left} more finding${left === 1 ? '' : 's'} (${parts.join(', ')}) are not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} of each level per step); see ${where}`,
      location: undefined,
    });
  }
  return { annotations, omitted };
}

/** Workflow-command data: `%`, CR and LF encoded as the runner decodes them. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property values: also `:` and `,`, which delimit properties. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The plan as `::error file=…,line=…,col=…,title=…::message` lines (the CLI's `github` format). */
export function renderWorkflowCommands(plan: AnnotationPlan): string {
  return plan.annotations
    .map((a) => {
      const props = [
        ...(a.location
          ? [
              `file=${escapeCommandProperty(a.location.path)}`,
              `line=${Math.max(1, a.location.line)}`,
              `col=${Math.max(1, a.location.column)}`,
            ]
          : []),
        `title=${escapeCommandProperty(a.title)}`,
      ];
      return `::${a.level} ${props.join(',')}::${escapeCommandData(oneLine(a.message))}\n`;
    })
    .join('');
}

/**
 * The message on one line with no `##[` or leading `::` the runner could read as a legacy
 * command (the encoded data itself cannot start a new command line).
 */
function oneLine(text: string): string {
  return escapeLegacyCommands(
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
      .replace(/\r?\n/g, ' ⏎ '),
  );
}
