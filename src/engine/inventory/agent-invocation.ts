/**
 * Whether a catalog pattern that matches a `run:` script stands for a model run, or only for
 * installing the agent or asking its version or help. A job lists an agent only when the
 * agent is invoked: `npm i -g @openai/codex` and `claude --version` run no model, while
 * `npx @google/gemini-cli -p "…"` does.
 */

/** Command separators around a match: the match's own simple command lies between them. */
const SEPARATOR = /&&|\|\||[;|\n]/g;

const INSTALL =
  /^\s*(?:sudo\s+(?:-\S+\s+)*)?(?:(?:npm|pnpm|yarn|bun)\s+(?:(?:-\S+|--\S+)\s+)*(?:i|install|add|ci|global\s+add|update|upgrade|view|info)\b|(?:pip3?|pipx|uv\s+(?:tool|pip)|python3?\s+-m\s+pip|brew|apt(?:-get)?|gem|go|cargo)\s+(?:(?:-\S+)\s+)*install\b|curl\b|wget\b)/;
/** `--version` / `--help` anywhere, or a short command that is only a version or help query. */
const PROBE = /(?:^|\s)(?:--version|--help)(?:\s|$)|^\s*(?:which|command\s+-v|type)\s/;
const SHORT_PROBE = /(?:^|\s)(?:-v|-V|-h|version)(?:\s|$)/;

function isProbe(segment: string): boolean {
  return (
    PROBE.test(segment) || (SHORT_PROBE.test(segment) && segment.trim().split(/\s+/).length <= 3)
  );
}

/** The global form of each catalog pattern, compiled once. */
const GLOBAL_FORMS = new WeakMap<RegExp, RegExp>();

export function invokesAgent(pattern: RegExp, script: string): boolean {
  let global = GLOBAL_FORMS.get(pattern);
  if (global === undefined) {
    global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
    );
    GLOBAL_FORMS.set(pattern, global);
  }
  let count = 0;
  for (const match of script.matchAll(global)) {
    if (++count > 64) return true; // many mentions: not worth telling apart; fail closed
    // The command around the match's end: a pattern's leading context may reach back over
    // a separator (`@openai/codex && codex exec`), its end is the invocation.
    const segment = segmentAt(script, match.index + Math.max(match[0].length - 1, 0));
    if (!INSTALL.test(segment) && !isProbe(segment)) return true;
  }
  return false;
}

function segmentAt(script: string, at: number): string {
  let from = 0;
  let to = script.length;
  for (const sep of script.matchAll(SEPARATOR)) {
    if (sep.index + sep[0].length <= at) from = sep.index + sep[0].length;
    else if (sep.index > at) {
      to = sep.index;
      break;
    }
  }
  return script.slice(from, to);
}
