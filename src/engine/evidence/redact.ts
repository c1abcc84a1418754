/**
 * Secret values never reach the evidence pack. The gate reads no secret values itself, but a
 * workflow can hard-code one (a token in `env:`, a key in a script or an agent input, a password
 * in an MCP server URL), and event text (branch names, diffs) is untrusted. Every string that
 * goes into the pack passes through here first; what looks like a secret is replaced by
 * `(redacted)`, keeping the name it was assigned to so the finding stays readable. Every
 * pattern is bounded so that hostile text cannot make matching slow (no unbounded run is
 * followed by something that can fail and backtrack through it).
 */

export const REDACTED = '(redacted)';

/** Well-known credential formats, by vendor prefix or shape. */
const TOKEN_PATTERNS: readonly RegExp[] = [
  // GitHub: personal, OAuth, user-to-server, server-to-server, refresh tokens; fine-grained PATs.
  /\bgh[pousr]_[A-Za-z0-9]{20,255}/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,255}/g,
  // OpenAI / Anthropic style keys (sk-…, sk-ant-…, sk-proj-…).
  /\bsk-[A-Za-z0-9_-]{20,}/g,
  // AWS access key ids.
  /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
  // Google API keys.
  /\bAIza[0-9A-Za-z_-]{35}/g,
  // Slack, GitLab, npm, PyPI, Stripe live keys, Hugging Face.
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  /\bglpat-[A-Za-z0-9_-]{20,}/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /\bpypi-[A-Za-z0-9_-]{50,}/g,
  /\b[rs]k_live_[A-Za-z0-9]{20,}/g,
  /\bhf_[A-Za-z0-9]{30,}/g,
  // JSON Web Tokens (three base64url parts, the first two JSON objects).
  /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g,
  // PEM private keys, also when cut off.
  /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----|$)/g,
];

/** Secrets with a readable prefix worth keeping: the prefix stays, the value goes. */
const PREFIXED_PATTERNS: readonly RegExp[] = [
  // user:password@ in URLs.
  /(\b[A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s/@:]{1,256}:)[^\s/@]{1,256}(?=@)/g,
  // Authorization: Bearer|token|Basic <value>, and a bare Bearer <value>.
  /(\bAuthorization\s{0,8}[:=]\s{0,8}["']?(?:Bearer|token|Basic)\s{1,8})[A-Za-z0-9._~+/=-]{8,}/gi,
  /(\bBearer\s{1,8})[A-Za-z0-9._~+/=-]{16,}/g,
  // ?access_token=… / &api_key=… in URLs.
  /([?&](?:access_token|token|api[_-]?key|key|secret|password|sig|signature)=)[^&#\s"']+/gi,
  // ENV_NAME=value or ENV_NAME: value where the name says secret and the value is a literal
  // (not a `$VAR` or `${{ … }}` reference).
  /(\b[A-Z0-9_]{0,40}(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)[A-Z0-9_]{0,40}["']?\s{0,8}[:=]\s{0,8})(?:"(?!\$)[^"\n]{4,}"|'(?!\$)[^'\n]{4,}'|(?!["'$])[^\s"',;)}\]]{4,})/g,
  // The same in any case, as option, header or config key: `--set db.password=…`,
  // `X-Api-Key: …`, `npm_config_token=…`, `//registry/:_authToken=…`. `key: value` needs a
  // space after the colon (`secret:NAME` is a credential id); the gate's own class names
  // (`use-secret: …`) and permission levels (`id-token: write`) are not values.
  /((?<![\w.-])(?!(?:secrets|use-secret|cloud-credential)\s{0,8}:)[\w.-]{0,40}(?:password|passwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?)[\w.-]{0,40}["']?(?:\s{0,8}=\s{0,8}|\s{0,8}:\s{1,8}))(?!(?:write|read|none|inherit|true|false|null|\d+)\b)(?:"(?!\\?\$)[^"\n]{4,}"|'(?!\\?\$)[^'\n]{4,}'|(?!["'$\\])[^\s"',;)}\]]{4,})/gi,
  // Authorization / Proxy-Authorization headers with a bare value (no scheme word).
  /(\b(?:Proxy-)?Authorization\s{0,8}:\s{0,8}["']?)(?!(?:Bearer|token|Basic)\s)(?![$"'\\])[A-Za-z0-9._~+/=-]{8,}/gi,
];

/** Names whose value is a secret when it is given literally (agent inputs, config settings). */
const SECRET_NAME =
  /token|secret|password|passwd|api[-_]?key|access[-_]?key|private[-_]?key|credential/i;
/** Values that are not secrets even under such a name: flags and placeholders. */
const NOT_A_VALUE = /^(?:true|false|\d+|present|\(default\)|\(absent\)|\(redacted\))$/;
/** References to secrets (`${{ secrets.X }}`, `$VAR`, `${VAR}`): the name, not the value. */
const REFERENCE = /\$\{\{[^}]*\}\}|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g;

/** One string with every secret-looking value replaced. */
export function redactText(text: string): string {
  let out = text;
  for (const re of TOKEN_PATTERNS) out = out.replace(re, REDACTED);
  for (const re of PREFIXED_PATTERNS)
    out = out.replace(re, (_m, prefix: string) => `${prefix}${REDACTED}`);
  return out;
}

/**
 * A copy of plain data (objects, arrays, strings) with every string redacted, and the `value`
 * of `{ name | key | input, value }` records whose name says secret redacted when it is a
 * literal. Non-plain objects (Map, Date, class instances) are returned as they are.
 */
export function redactDeep<T>(value: T): T {
  const seen = new WeakMap<object, unknown>();
  // A report repeats the same strings (paths, reasons, names) many times: redact each once.
  const texts = new Map<string, string>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let done = texts.get(v);
      if (done === undefined) {
        done = redactText(v);
        texts.set(v, done);
      }
      return done;
    }
    if (typeof v !== 'object' || v === null) return v;
    const done = seen.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const item of v) out.push(walk(item));
      return out;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return v;
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const [k, x] of Object.entries(v)) out[k] = walk(x);
    redactNamedValue(out);
    return out;
  };
  return walk(value) as T;
}

function redactNamedValue(record: Record<string, unknown>): void {
  const value = record.value;
  if (typeof value !== 'string') return;
  const name = [record.name, record.key, record.input].find((n) => typeof n === 'string');
  if (typeof name !== 'string' || !SECRET_NAME.test(name)) return;
  const literal = value.replace(REFERENCE, '').trim();
  if (literal.length < 4 || NOT_A_VALUE.test(value.trim())) return;
  record.value = REDACTED;
}
