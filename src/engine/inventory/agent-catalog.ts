/**
 * Loads the agent catalog (data, with sources) once and compiles its patterns. The catalog
 * is the single source of how agents appear; detection code holds no agent-specific regexes.
 */
import catalogData from './agents-catalog.json' with { type: 'json' };

export interface CatalogKnob {
  readonly name: string;
  readonly kind: 'input' | 'flag' | 'setting';
  readonly risky_values: readonly string[];
  readonly meaning: string;
  readonly default?: string;
  readonly detect?: string;
}

export interface CatalogEntry {
  readonly id: string;
  readonly vendor: string;
  readonly product: string;
  readonly uses: readonly string[];
  readonly cli_patterns: readonly string[];
  readonly secret_env: readonly string[];
  readonly authority_knobs: readonly CatalogKnob[];
  readonly bot_logins: readonly string[];
  readonly config_files: readonly string[];
  readonly sources: readonly string[];
  readonly evidence: string;
}

export interface CompiledAgent {
  readonly entry: CatalogEntry;
  readonly patterns: readonly RegExp[];
  readonly knobs: readonly {
    readonly knob: CatalogKnob;
    readonly names: readonly string[];
    readonly detect: RegExp | undefined;
  }[];
  /** Plain secret names the agent consumes (notes and placeholders removed). */
  readonly secretNames: readonly string[];
}

const entries = (catalogData as unknown as { agents: CatalogEntry[] }).agents;

export const AGENTS: readonly CompiledAgent[] = entries.map((entry) => ({
  entry,
  patterns: entry.cli_patterns.map(compilePattern),
  knobs: entry.authority_knobs.map((knob) => ({
    knob,
    names: knob.name.split(' / ').map((n) => n.trim()),
    detect: knob.detect ? new RegExp(knob.detect, 'm') : undefined,
  })),
  secretNames: entry.secret_env
    .map((s) => s.split(' ')[0] ?? '')
    .filter((s) => /^[A-Z][A-Z0-9_]*$/.test(s) && s !== 'GITHUB_TOKEN' && s !== 'GH_TOKEN'),
}));

/**
 * A catalog pattern, compiled. A pattern led by `(?:^|[<separators>])` (a word start: line
 * start or a separator before the command) is compiled with that lead as a lookbehind,
 * `(?<![^<separators>])`: the same places match and every match ends where it did (only the
 * separator is no longer part of it), but the engine can look for the command's literal
 * first instead of trying the lead at every character: 3× faster over the corpus's scripts.
 */
export function compilePattern(source: string): RegExp {
  const lead = /^\(\?:\^\|\[((?:[^\]\\]|\\.)*)\]\)/.exec(source);
  const separators = lead?.[1];
  // `^` in multiline mode matches after any line terminator: the lookbehind lets them too.
  return lead && separators !== undefined && !separators.startsWith('^')
    ? new RegExp(`(?<![^${separators}\\n\\r\\u2028\\u2029])${source.slice(lead[0].length)}`, 'm')
    : new RegExp(source, 'm');
}

/** Bot logins that belong to agents (github-actions[bot] is not an agent by itself). */
export const AGENT_BOT_LOGINS: ReadonlySet<string> = new Set(
  entries
    .flatMap((e) => e.bot_logins)
    .filter((l) => l !== 'github-actions[bot]')
    .map((l) => l.toLowerCase()),
);

/** A bot or agent account: `[bot]` suffix or a known agent login. */
export function isBotOrAgent(login: string | undefined): boolean {
  if (!login) return false;
  const l = login.toLowerCase();
  return l.endsWith('[bot]') || AGENT_BOT_LOGINS.has(l);
}
