/**
 * Which env vars, headers and arguments of a tool server carry secrets — by NAME only; no
 * value ever leaves this module. A value carries a secret when it references one
 * (`${VAR}`, `$VAR`, `${env:VAR}`, opencode `{env:VAR}` / `{file:path}`, `${{ secrets.X }}`, a VS Code
 * `${input:id}` whose input is a password, a Copilot `COPILOT_MCP_*` secret name) or when a
 * credential-looking name holds a literal (a token committed to the repository).
 */

export interface SecretContext {
  /** VS Code `inputs` declared with `password: true`. */
  readonly passwordInputs: ReadonlySet<string>;
}

export const NO_SECRET_CONTEXT: SecretContext = { passwordInputs: new Set() };

/**
 * Variables that hold paths and names, never credentials (shell basics, VS Code predefined
 * variables, the agents' own directory variables): referencing them is not a secret.
 */
const NOT_SECRET = new Set([
  'HOME', 'PATH', 'PWD', 'USER', 'USERNAME', 'USERPROFILE', 'SHELL', 'LANG', 'TMPDIR', 'TEMP',
  'TMP', 'APPDATA', 'LOCALAPPDATA', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME',
  'workspaceFolder', 'workspaceFolderBasename', 'workspaceRoot', 'userHome', 'cwd',
  'pathSeparator', 'file', 'fileDirname', 'relativeFile', 'execPath',
  'CLAUDE_PROJECT_DIR', 'GITHUB_WORKSPACE', 'RUNNER_TEMP', 'CODEX_HOME', 'GEMINI_CLI_HOME',
]); // prettier-ignore

/** Names that hold credentials when given a literal value. */
const CREDENTIAL_NAME =
  /(^|[-_])(token|secret|password|passwd|pat|credentials?)($|[-_])|api[-_]?key|access[-_]?key|private[-_]?key|^authorization$|^cookie$/i;

/** Workflow expressions that expand to secrets before the agent sees the text. */
const SECRET_EXPRESSION = /\bsecrets\.|\bgithub\.token\b|\bsteps\.[\w-]+\.outputs\.|\benv\./;

/** Copilot coding agent: an env value naming a `COPILOT_MCP_*` secret. */
const COPILOT_SECRET = /^COPILOT_MCP_[A-Za-z0-9_]+$/;

/** Every variable reference in `value`, as [form, name]. */
function* references(value: string): Generator<readonly [string, string]> {
  for (const m of value.matchAll(/\$\{\{([^}]*)\}\}/g)) yield ['expr', m[1] ?? ''];
  const rest = value.replace(/\$\{\{[^}]*\}\}/g, ' ');
  for (const m of rest.matchAll(/\$\{input:([^}]+)\}/g)) yield ['input', m[1] ?? ''];
  for (const m of rest.matchAll(/\{file:([^}]+)\}/g)) yield ['file', m[1] ?? ''];
  for (const m of rest.matchAll(/\$\{env:([^}]+)\}|\{env:([^}]+)\}/g))
    yield ['env', m[1] ?? m[2] ?? ''];
  for (const m of rest.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}/g))
    yield ['env', m[1] ?? ''];
  for (const m of rest.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) yield ['env', m[1] ?? ''];
}

/** Names of the secrets `value` references (`GH_PAT`, `input:token`, `secrets.X`). */
export function referencedSecrets(value: string, ctx: SecretContext): string[] {
  const out: string[] = [];
  for (const [form, name] of references(value)) {
    if (form === 'expr') {
      const expr = name.trim();
      if (SECRET_EXPRESSION.test(expr)) out.push(expr.replace(/^secrets\./, ''));
    } else if (form === 'input') {
      if (ctx.passwordInputs.has(name)) out.push(`input:${name}`);
    } else if (form === 'file') {
      out.push(`file:${name}`); // opencode `{file:path}`: a value read from a file
    } else if (!NOT_SECRET.has(name)) {
      out.push(name);
    }
  }
  if (COPILOT_SECRET.test(value.trim())) out.push(value.trim());
  return [...new Set(out)];
}

/** `env` / `headers` entries whose value carries a secret: the entry NAMES. */
export function secretEntryNames(
  entries: readonly (readonly [string, string])[],
  ctx: SecretContext,
): string[] {
  return entries
    .filter(
      ([name, value]) =>
        referencedSecrets(value, ctx).length > 0 ||
        (CREDENTIAL_NAME.test(name) && value.trim() !== '' && !/^\$|\{/.test(value.trim())),
    )
    .map(([name]) => name);
}

/** Whether a bare env var NAME (codex `env_vars`, `bearer_token_env_var`) looks like a credential. */
export function looksLikeCredential(name: string): boolean {
  return CREDENTIAL_NAME.test(name);
}
