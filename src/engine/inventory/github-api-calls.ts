/**
 * GitHub REST and GraphQL calls a script makes — through `gh api`, or curl / wget / HTTPie
 * against the API — read by method and endpoint against the tables in command-table.ts.
 */
import {
  GH_API_RULES,
  GH_GRAPHQL_RULES,
  type HitClass,
  type ParsedCommand,
} from './command-table.js';

interface Finding {
  class: HitClass;
  kind: string;
  detail: string;
  target?: string | undefined;
}

function finding(cls: HitClass, kind: string, detail: string, target: string): Finding {
  return { class: cls, kind, detail, target };
}

export function analyzeGhApi(c: ParsedCommand, rest: readonly string[]): Finding[] {
  const endpoint = (rest[0] ?? '')
    .replace(/^https?:\/\/[^/]+\//, '')
    .replace(/^\/+/, '')
    .replace(/^api\/v3\//, '')
    .replace(/[?#].*$/, '');
  if (endpoint === 'graphql') return graphqlFindings(c.args.join(' '));
  const implied = c.has('-f', '-F', '--field', '--raw-field', '--input') ? 'POST' : 'GET';
  const method = (c.value('-X', '--method') ?? implied).toUpperCase();
  return GH_API_RULES.filter((r) => r.methods.includes(method) && r.endpoint.test(endpoint)).map(
    (r) => finding(r.class, r.kind, r.detail, endpoint),
  );
}

/**
 * The same REST calls as `gh api`, made with curl, wget or HTTPie against the GitHub API
 * (`api.github.com`, a GHES `/api/v3/`, `$GITHUB_API_URL`). The token may come from a header,
 * a netrc or a config file, so the call counts whether or not one is visible.
 */
const API_BASE =
  /^(?:https?:\/\/)?(?:api\.github\.com\/|[^/\s]+\/api\/v3\/|\$\{?GITHUB_API_URL\}?\/|\$\{\{\s*github\.api_url\s*\}\}\/)(.*)$/i;
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']);

export function analyzeHttpClient(c: ParsedCommand): Finding[] {
  let endpoint: string | undefined;
  let method: string | undefined;
  for (const a of c.args) {
    const m = API_BASE.exec(a);
    if (m && endpoint === undefined) endpoint = (m[1] ?? '').replace(/[?#].*$/, '');
    // HTTPie: `http DELETE api.github.com/…`
    if (method === undefined && HTTP_METHODS.has(a)) method = a;
  }
  if (endpoint === undefined) return [];
  if (endpoint === 'graphql') return graphqlFindings(c.args.join(' '));
  const sends = c.has('-d', '--data', '--data-raw', '--data-binary', '--json', '-F', '--form');
  method = (
    c.value('-X', '--request', '--method') ??
    method ??
    (sends || c.has('--post-data', '--post-file') ? 'POST' : 'GET')
  ).toUpperCase();
  return GH_API_RULES.filter((r) => r.methods.includes(method) && r.endpoint.test(endpoint)).map(
    (r) => finding(r.class, r.kind.replace(/^gh-/, 'http-'), r.detail, endpoint),
  );
}

function graphqlFindings(query: string): Finding[] {
  if (!/\bmutation\b/.test(query)) return [];
  return GH_GRAPHQL_RULES.filter((r) => r.mutation.test(query)).map((r) =>
    finding(r.class, r.kind, r.detail, 'graphql'),
  );
}
