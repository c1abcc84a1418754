/** Analyzers for the commands that need real logic: `git push` refspecs, `rm -r`, `find -delete`. */
import type { HitClass, ParsedCommand } from '../command-table.js';
import { isBroadPath } from '../delete-scope.js';
import { commandName } from './argv.js';
import type { Context, Finding } from './types.js';

export function analyzeGitPush(c: ParsedCommand, rest: readonly string[], ctx: Context): Finding[] {
  if (c.has('-n')) return []; // `git push -n` is a dry run
  const [url, ...refspecs] = rest;
  const remote = url?.replace(/\/\/[^@/]*@/, '//'); // never echo credentials embedded in a URL
  if (remote !== undefined && (remote === 'heroku' || remote.includes('heroku.com'))) {
    return [finding('deploy', 'git-push-heroku', 'deploys to Heroku with git push', remote)];
  }
  const specs = refspecs.map(parseRefspec);
  const forcedByFlag = c.has('-f', '--force', '--force-with-lease');
  const deletesAll = c.has('-d', '--delete');
  const where = (branch: string | undefined): string | undefined =>
    branch && branch !== 'HEAD' ? `${remote ?? 'origin'}/${branch}` : remote;
  const target = where(specs[0]?.branch);
  const out = [
    forcedByFlag || specs.some((s) => s.force)
      ? finding('write-branch', 'git-push-force', 'force-pushes to a branch', target)
      : finding('write-branch', 'git-push', 'pushes to a branch', target),
  ];
  if (c.has('--mirror')) {
    out.push(
      finding('destructive', 'git-push-mirror', 'overwrites and prunes every remote ref', remote),
    );
  }
  for (const spec of specs) {
    const at = where(spec.branch);
    if (deletesAll || spec.deletes) {
      out.push(finding('destructive', 'git-push-delete', 'deletes a remote branch or tag', at));
    } else if ((forcedByFlag || spec.force) && isDefaultBranch(spec.branch, ctx)) {
      out.push(
        finding('destructive', 'git-push-force-default', 'force-pushes to the default branch', at),
      );
    }
  }
  // `--no-verify` skips the client's own pre-push hook, nothing the server enforces: a write.
  return out;
}

function finding(cls: HitClass, kind: string, detail: string, target: string | undefined): Finding {
  return { class: cls, kind, detail, target };
}

/** `+src:dst` forces, `:dst` deletes; the branch is dst (or src alone) without `refs/heads/`. */
function parseRefspec(spec: string): { branch: string; force: boolean; deletes: boolean } {
  const force = spec.startsWith('+');
  const body = force ? spec.slice(1) : spec;
  const colon = body.indexOf(':');
  const dst = colon < 0 ? body : body.slice(colon + 1);
  return { branch: dst.replace(/^refs\/heads\//, ''), force, deletes: colon === 0 };
}

function isDefaultBranch(branch: string, ctx: Context): boolean {
  return (
    ctx.defaultBranches.has(branch) || /github\.event\.repository\.default_branch/.test(branch)
  );
}

export function analyzeRm(c: ParsedCommand, _rest: readonly string[], ctx: Context): Finding[] {
  if (!c.has('-r', '-R', '--recursive')) return [];
  let options = true;
  for (let i = 0; i < c.args.length; i++) {
    const arg = c.args[i] ?? '';
    if (options && arg === '--') options = false;
    else if (options && arg.length > 1 && arg.startsWith('-')) continue;
    else if (isBroadPath(arg, c.raw[i] ?? arg, ctx.inWorkspace)) {
      return [finding('destructive', 'rm-rf-broad', 'recursively deletes a broad path', arg)];
    }
  }
  return [];
}

/** `find / -delete`, `find ~ -exec rm -rf {} +`: deletion under a broad starting point. */
export function analyzeFind(c: ParsedCommand): Finding[] {
  const first = c.args.findIndex((a) => /^[-(!]/.test(a));
  const expression = first < 0 ? [] : c.args.slice(first);
  const deletes =
    expression.includes('-delete') ||
    expression.some(
      (a, i) =>
        /^-(?:exec|execdir|ok|okdir)$/.test(a) && commandName(expression[i + 1] ?? '') === 'rm',
    );
  if (!deletes) return [];
  const roots = first < 0 ? c.args : c.args.slice(0, first);
  const starts = roots.length > 0 ? roots : ['.'];
  // A filtered walk of the current directory (`cd "$d"; find . -name x -delete`) is a targeted
  // clean-up; the starting point alone makes it broad (`find / -delete`, `find ~ -exec rm`).
  const broad = starts.find((r, i) => isBroadPath(r, c.raw[i] ?? r, true));
  return broad === undefined
    ? []
    : [finding('destructive', 'find-delete-broad', 'deletes files under a broad path', broad)];
}
