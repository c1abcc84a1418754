/**
 * Agents run from `run:` scripts: each agent is a `CliSpec` (how to recognise its binary,
 * its flag table, what its absence of flags means). `applyCli` reads every invocation in the
 * step (or the given steps) into the collector.
 */
import type { Step } from '../../workflow/model.js';
import type { Arg, CliMatch, Invocation } from './argv.js';
import { findInvocations } from './argv.js';
import type { FlagRule } from './flags.js';
import { applyArgs } from './flags.js';
import type { Collector } from './collector.js';
import { needleAt, risky, safe, scalarLocator } from './collector.js';
import { catalogDetect } from './inputs.js';

export interface CliSpec {
  /** Catalog id the flags belong to (for `detect` backstops). */
  readonly catalogId: string;
  readonly match: CliMatch;
  readonly rules: readonly FlagRule[];
  /** The input name the first positional is reported under (the prompt), if any. */
  readonly positionalPrompt?: string;
  /** The agent's mode when no flag sets one. */
  readonly defaultMode?: string;
  /** After an invocation's flags: env knobs and risky defaults. */
  readonly finish?: (c: Collector, inv: Invocation, seen: ReadonlySet<string>) => void;
  /**
   * Catalog knobs whose `detect` regex finds a risky value in text. When it matches a
   * script but the parse saw no such flag (odd quoting, a variable), the match is reported.
   */
  readonly backstop?: readonly string[];
}

/** Reads the spec's invocations in `steps` (default: the agent's step). Returns how many. */
export function applyCli(c: Collector, spec: CliSpec, steps?: readonly Step[]): number {
  const scope = steps ?? (c.ctx.step ? [c.ctx.step] : c.ctx.job.steps);
  let count = 0;
  for (const step of scope) {
    const script = step.run;
    if (!script) continue;
    const path = [...step.at, 'run'];
    const invocations = findInvocations(script, spec.match, scalarLocator(c.ctx, path));
    for (const inv of invocations) {
      count++;
      if (c.mode === undefined && spec.defaultMode !== undefined) c.mode = spec.defaultMode;
      if (inv.wrappedBy && !c.has(inv.wrappedBy)) {
        c.add(
          inv.wrappedBy,
          'present',
          safe(`runs inside gh-aw's ${inv.wrappedBy} container with an egress firewall`),
          inv.at,
        );
      }
      const seen = applyArgs(c, inv.args, spec.rules, spec.positionalPrompt);
      spec.finish?.(c, inv, seen);
    }
    backstop(c, spec, script, (needle) => needleAt(c.ctx, path, script, needle));
  }
  return count;
}

/** Applies `args` (from an action input) like an invocation's. */
export function applySpecArgs(c: Collector, spec: CliSpec, args: readonly Arg[]): Set<string> {
  return applyArgs(c, args, spec.rules, undefined);
}

export function backstop(
  c: Collector,
  spec: CliSpec,
  source: string,
  at: (needle: string) => ReturnType<typeof needleAt>,
  knobs: readonly string[] = spec.backstop ?? [],
  catalogId = spec.catalogId,
): void {
  for (const knob of knobs) {
    const detect = catalogDetect(catalogId, knob);
    const match = detect ? flagMatch(detect, source) : undefined;
    if (!match) continue;
    const text = match[0].trim();
    const flag = /^-{1,2}[\w-]+/.exec(text)?.[0] ?? knob;
    const rule = spec.rules.find((r) => r.names.includes(flag));
    const canonical = rule?.names[0] ?? flag;
    if (c.settings.some((s) => s.name === canonical || s.value.includes(text))) continue;
    // Fail closed: a bare flag found only as text still has its effects (shell, bypass).
    const effects = rule?.effect.kind === 'flag' ? rule.effect.verdict : undefined;
    const why = 'appears in the text but not as a parsed argument (a variable, odd quoting)';
    c.add(
      canonical,
      text,
      risky(effects ? `${why}: ${effects.reason}` : `${why}: treated as set`, {
        shell: effects?.shell,
        bypass: effects?.bypass,
      }),
      at(text),
    );
  }
}

/** The first match not glued to more flag characters (`--allow-all` is not `--allow-all-tools`). */
function flagMatch(detect: RegExp, source: string): RegExpExecArray | undefined {
  const re = new RegExp(detect.source, `${detect.flags.replace('g', '')}g`);
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m[0] === '') re.lastIndex++;
    else if (!/[\w-]/.test(source.charAt(m.index + m[0].length))) return m;
  }
  return undefined;
}
