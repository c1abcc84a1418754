/**
 * The vocabulary of what a job can do (DESIGN.md §4). A job has a set of action classes,
 * each put there by a piece of evidence; the policy decides per class occurrence.
 */
export const ACTION_CLASSES = [
  'read',
  'comment',
  'write-branch',
  'modify-workflow',
  'run-shell',
  'use-secret',
  'cloud-credential',
  'call-tool',
  'publish',
  'deploy',
  'production',
  'destructive',
  'bypass-checks',
  'opaque',
] as const;

export type ActionClass = (typeof ACTION_CLASSES)[number];

export function isActionClass(value: string): value is ActionClass {
  return (ACTION_CLASSES as readonly string[]).includes(value);
}
