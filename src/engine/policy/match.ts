/**
 * Whether a policy rule's `when` matches an action path of a job. Every given matcher must
 * match; a list matches when any of its values does. A matcher on something the run does
 * not tell (actor, branch in the CLI) does not match.
 */
import { branchOf } from '../context/run-context.js';
import type { RunContext } from '../context/run-context.js';
import { matchesAnyGlob } from '../glob.js';
import type { ActionPath, Credential, JobInventory } from '../inventory/types.js';
import type { When } from './types.js';

export function matchesWhen(
  when: When,
  path: ActionPath,
  job: JobInventory,
  context: RunContext,
): boolean {
  if (when.class && !when.class.includes(path.class)) return false;
  if (when.agent !== undefined) {
    const ok =
      typeof when.agent === 'boolean'
        ? job.agents.length > 0 === when.agent
        : job.agents.some((a) => (when.agent as readonly string[]).includes(a.id));
    if (!ok) return false;
  }
  if (when.trigger && !job.triggers.some((t) => matchesAnyGlob(t, when.trigger ?? [])))
    return false;
  if (when.unattended !== undefined && job.unattended !== when.unattended) return false;
  if (when.credential && !matchesCredential(when.credential, pathCredentials(path, job)))
    return false;
  if (when.environment !== undefined) {
    const ok =
      typeof when.environment === 'boolean'
        ? (job.environment !== undefined) === when.environment
        : job.environment !== undefined &&
          matchesAnyGlob(job.environment.name, when.environment, true);
    if (!ok) return false;
  }
  if (when.uses) {
    const uses = path.uses;
    if (
      !uses ||
      !(
        matchesAnyGlob(uses, when.uses, true) ||
        matchesAnyGlob(uses.split('@')[0] ?? uses, when.uses, true)
      )
    )
      return false;
  }
  if (when.actor) {
    const actors = [context.actor, context.triggeringActor].filter(
      (a): a is string => a !== undefined,
    );
    if (!actors.some((a) => matchesAnyGlob(a, when.actor ?? [], true))) return false;
  }
  if (when.branch) {
    const branch = branchOf(context.ref);
    if (branch === undefined || !matchesAnyGlob(branch, when.branch)) return false;
  }
  return true;
}

function pathCredentials(path: ActionPath, job: JobInventory): Credential[] {
  return job.credentials.filter((c) => path.credentials.includes(c.id));
}

/** Tags a credential carries for `when.credential`. */
export function credentialTags(c: Credential): string[] {
  const tags: string[] = [c.kind, c.scope, c.lifetime];
  if (c.write) tags.push('write');
  if (c.production) tags.push('production');
  return tags;
}

function matchesCredential(wanted: readonly string[], credentials: readonly Credential[]): boolean {
  return wanted.some((tag) => {
    if (tag === 'read-only') return credentials.every((c) => !c.write);
    if (tag.startsWith('name:'))
      return credentials.some((c) => matchesAnyGlob(c.name, [tag.slice(5)], true));
    return credentials.some((c) => credentialTags(c).includes(tag));
  });
}
