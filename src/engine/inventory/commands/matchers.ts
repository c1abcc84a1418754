/**
 * The command tables compiled for lookup by tool name: each declarative rule of
 * command-table.ts and each analyzer becomes a matcher over a tool's positional path.
 */
import { COMMAND_RULES, LOOPBACK_TARGET } from '../command-table.js';
import { analyzeGhApi, analyzeHttpClient } from '../github-api-calls.js';
import { analyzeFind, analyzeGitPush, analyzeRm } from './analyzers.js';
import type { Analyzer, Matcher } from './types.js';

/** `'s3 cp|sync, s3api put-object'` → alternatives of steps of accepted words. */
export function compilePath(path: string | undefined): string[][][] {
  if (path === undefined) return [[]];
  return path.split(',').map((alt) =>
    alt
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((step) => step.split('|')),
  );
}

export function matchPath(
  paths: Matcher['paths'],
  positionals: readonly string[],
): readonly string[] | undefined {
  for (const steps of paths) {
    const ok = steps.every((options, i) => {
      const word = positionals[i];
      return word !== undefined && (options.includes('*') || options.includes(word));
    });
    if (ok) return positionals.slice(steps.length);
  }
  return undefined;
}

const ANALYZERS: readonly { tools: string; path?: string; analyze: Analyzer }[] = [
  { tools: 'git', path: 'push', analyze: analyzeGitPush },
  { tools: 'rm', analyze: analyzeRm },
  { tools: 'gh', path: 'api', analyze: analyzeGhApi },
  { tools: 'curl wget http https xh', analyze: analyzeHttpClient },
  { tools: 'find', analyze: analyzeFind },
];

export const MATCHERS: ReadonlyMap<string, readonly Matcher[]> = (() => {
  const byTool = new Map<string, Matcher[]>();
  const add = (tools: string, matcher: Matcher): void => {
    for (const tool of tools.split(' ')) byTool.set(tool, [...(byTool.get(tool) ?? []), matcher]);
  };
  for (const rule of COMMAND_RULES) {
    add(rule.tools, {
      paths: compilePath(rule.path),
      run: (c, rest) => {
        if (rule.when && !rule.when(c, rest)) return [];
        const target = rule.target?.(c, rest);
        // A publish to a registry on the runner itself ships nothing.
        if (rule.class === 'publish' && target !== undefined && LOOPBACK_TARGET.test(target))
          return [];
        return [{ class: rule.class, kind: rule.kind, detail: rule.detail, target }];
      },
    });
  }
  for (const a of ANALYZERS) add(a.tools, { paths: compilePath(a.path), run: a.analyze });
  return byTool;
})();
