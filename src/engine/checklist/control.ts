/**
 * The shape of a checklist control module (controls/<id>.ts): `meta` (the seed's item, what
 * each level takes, the messages its reasons use) and `score` (a pure function of the job's
 * facts). `formatMessage` fills a message's `{placeholders}` from the verdict's data.
 */
import type { JobFacts } from './facts.js';
import type { Control, Verdict } from './types.js';
import { SHARED_MESSAGES } from './verdict.js';

export interface ChecklistControl {
  readonly meta: Control;
  score(facts: JobFacts): Verdict;
}

export function defineControl(control: ChecklistControl): ChecklistControl {
  return control;
}

/** The reason a verdict gives, in words. Unknown message ids are an internal error. */
export function formatMessage(meta: Control, v: Pick<Verdict, 'message' | 'data'>): string {
  const template = meta.messages[v.message] ?? SHARED_MESSAGES[v.message];
  if (template === undefined)
    throw new Error(`internal error: checklist control ${meta.id} has no message ${v.message}`);
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => v.data?.[key] ?? whole);
}
