/**
 * A loopback stand-in for the REST endpoints the action calls: repository contents, pull
 * request files, environments. It serves only what a test configures (everything else is GitHub's
 * 404 JSON), can fail the first N matching requests, and logs every request so tests can
 * assert what the bundle really sent over the wire.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Fault {
  /** Which requests fail, matched against the path and query (e.g. /\/contents\//). */
  readonly match: RegExp;
  /** How many matching requests fail before the route answers normally; Infinity = forever. */
  readonly times: number;
  readonly status: number;
  readonly message?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type PullFile =
  | string
  | { readonly filename: string; readonly previous_filename: string }
  | { readonly filename: string; readonly status: string; readonly patch?: string };

export interface ApiRoutes {
  /** File text by commit SHA, then by repository path: `{ [sha]: { [path]: text } }`. */
  readonly contents?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Files of other repositories: `{ 'owner/name': { [ref]: { [path]: text } } }`. */
  readonly otherRepos?: Readonly<
    Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>
  >;
  /** Commits refs of any repository resolve to (GET …/commits/{ref}, sha media type): `{ 'owner/name@v1': sha }`. */
  readonly refs?: Readonly<Record<string, string>>;
  /** Changed files by pull request number: a name, or a rename `{ filename, previous_filename }`. */
  readonly pullFiles?: Readonly<Record<number, readonly PullFile[]>>;
  readonly faults?: readonly Fault[];
  /** Jobs of a run attempt (GET …/actions/runs/{id}/attempts/{n}/jobs), as the API lists them. */
  readonly jobs?: readonly Record<string, unknown>[];
  /** Check runs of a commit (GET …/commits/{sha}/check-runs). */
  readonly checkRuns?: readonly Record<string, unknown>[];
  /** Environments by name (GET …/environments/{name}), as the API returns them. */
  readonly environments?: Readonly<Record<string, Record<string, unknown>>>;
  /** Requests matching this never get an answer (a hung API, for timeouts). */
  readonly hang?: RegExp;
  /** Files of a comparison (GET …/compare/{base}...{head}), by `base...head`. */
  readonly compare?: Readonly<Record<string, readonly PullFile[]>>;
}

export interface LoggedRequest {
  readonly method: string;
  /** Path and query exactly as sent (still percent-encoded). */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly status: number;
}

export interface ApiServer {
  readonly url: string;
  readonly requests: readonly LoggedRequest[];
  close(): Promise<void>;
}

/** The only repository the harness runs in (GITHUB_REPOSITORY). */
const REPO = '/repos/acme/app';
/** GitHub's largest page for pull request files. */
const MAX_PER_PAGE = 100;

export async function startApiServer(routes: ApiRoutes = {}): Promise<ApiServer> {
  const faultHits: number[] = [];
  const requests: LoggedRequest[] = [];
  let base = '';

  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', base);
    const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, status });
      res
        .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
        .end(body);
    };
    const notFound = (): void => send(404, JSON.stringify({ message: 'Not Found', status: '404' }));

    if (routes.hang?.test(`${url.pathname}${url.search}`)) {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        status: 0,
      });
      return;
    }
    const faults = routes.faults ?? [];
    const fault = faults.findIndex(
      (f, i) => f.match.test(`${url.pathname}${url.search}`) && (faultHits[i] ?? 0) < f.times,
    );
    if (fault >= 0) {
      const f = faults[fault]!;
      faultHits[fault] = (faultHits[fault] ?? 0) + 1;
      send(f.status, JSON.stringify({ message: f.message ?? 'Server Error' }), { ...f.headers });
      return;
    }
    if (req.method !== 'GET') return notFound();

    const commit = /^\/repos\/([^/]+\/[^/]+)\/commits\/([^/]+)$/.exec(url.pathname);
    if (commit) {
      const sha = routes.refs?.[`${commit[1] ?? ''}@${decodeURIComponent(commit[2] ?? '')}`];
      if (sha === undefined) return notFound();
      return send(200, sha, { 'content-type': 'text/plain; charset=utf-8' });
    }
    const other = /^\/repos\/([^/]+\/[^/]+)\/contents\/(.+)$/.exec(url.pathname);
    if (other && `/repos/${other[1]}` !== REPO) {
      const text =
        routes.otherRepos?.[other[1] ?? '']?.[url.searchParams.get('ref') ?? '']?.[
          decodeURIComponent(other[2] ?? '')
        ];
      if (text === undefined) return notFound();
      return send(200, text, { 'content-type': 'text/plain; charset=utf-8' });
    }
    const contents = url.pathname.startsWith(`${REPO}/contents/`)
      ? decodeURIComponent(url.pathname.slice(`${REPO}/contents/`.length))
      : undefined;
    if (contents !== undefined) {
      const text = routes.contents?.[url.searchParams.get('ref') ?? '']?.[contents];
      if (text === undefined) return notFound();
      // Real GitHub answers the raw media type as text/plain; anything else gets the JSON object.
      if (/\braw\b/.test(req.headers.accept ?? ''))
        return send(200, text, { 'content-type': 'text/plain; charset=utf-8' });
      return send(
        200,
        JSON.stringify({
          type: 'file',
          path: contents,
          encoding: 'base64',
          content: Buffer.from(text).toString('base64'),
        }),
      );
    }

    if (
      /^\/repos\/acme\/app\/actions\/runs\/\d+\/attempts\/\d+\/jobs$/.test(url.pathname) &&
      routes.jobs
    ) {
      return send(200, JSON.stringify({ total_count: routes.jobs.length, jobs: routes.jobs }));
    }
    if (
      /^\/repos\/acme\/app\/commits\/[0-9a-f]{40}\/check-runs$/.test(url.pathname) &&
      routes.checkRuns
    ) {
      return send(
        200,
        JSON.stringify({ total_count: routes.checkRuns.length, check_runs: routes.checkRuns }),
      );
    }

    const env = /^\/repos\/acme\/app\/environments\/([^/]+)$/.exec(url.pathname);
    if (env) {
      const body = routes.environments?.[decodeURIComponent(env[1] ?? '')];
      return body ? send(200, JSON.stringify(body)) : notFound();
    }
    const compare = /^\/repos\/acme\/app\/compare\/([^/]+)$/.exec(url.pathname);
    if (compare) {
      const files = routes.compare?.[decodeURIComponent(compare[1] ?? '')];
      if (!files) return notFound();
      return send(
        200,
        JSON.stringify({
          status: 'ahead',
          files: files.map((f) =>
            typeof f === 'string'
              ? { filename: f, status: 'modified', additions: 1, deletions: 0, changes: 1 }
              : 'previous_filename' in f
                ? { ...f, status: 'renamed' }
                : f,
          ),
        }),
      );
    }

    // The recursive tree of a commit: the blobs the test gave for that SHA.
    const tree = /^\/repos\/acme\/app\/git\/trees\/([0-9a-f]{40})$/.exec(url.pathname);
    if (tree) {
      const files = routes.contents?.[tree[1] ?? ''];
      if (!files) return notFound();
      const entries = Object.keys(files).map((path) => ({
        path,
        mode: '100644',
        type: 'blob',
        sha: '0'.repeat(40),
      }));
      return send(200, JSON.stringify({ sha: tree[1], tree: entries, truncated: false }));
    }

    const pull = /^\/repos\/acme\/app\/pulls\/(\d+)\/files$/.exec(url.pathname);
    const files = pull ? routes.pullFiles?.[Number(pull[1])] : undefined;
    if (!files) return notFound();
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, MAX_PER_PAGE);
    const page = Number(url.searchParams.get('page') ?? 1) || 1;
    const last = Math.max(1, Math.ceil(files.length / perPage));
    const slice = files.slice((page - 1) * perPage, page * perPage);
    const link = (p: number): string => {
      const next = new URL(url);
      next.searchParams.set('page', String(p));
      return next.href;
    };
    const headers: Record<string, string> =
      page < last ? { link: `<${link(page + 1)}>; rel="next", <${link(last)}>; rel="last"` } : {};
    send(
      200,
      JSON.stringify(
        slice.map((f) =>
          typeof f === 'string'
            ? { filename: f, status: 'modified', additions: 1, deletions: 0, changes: 1 }
            : 'previous_filename' in f
              ? { ...f, status: 'renamed', additions: 0, deletions: 0, changes: 0 }
              : { additions: 1, deletions: 0, changes: 1, ...f },
        ),
      ),
      headers,
    );
  };

  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Loopback servers for one test file, one per test: tests then share no routes or request
 * log and can run concurrently (the retry tests spend most of their time waiting).
 */
export function apiServers(): {
  start(routes?: ApiRoutes): Promise<ApiServer>;
  closeAll(): Promise<void>;
} {
  const servers: ApiServer[] = [];
  return {
    async start(routes = {}) {
      const server = await startApiServer(routes);
      servers.push(server);
      return server;
    },
    async closeAll() {
      await Promise.all(servers.splice(0).map((s) => s.close()));
    },
  };
}
