/**
 * A loopback stand-in for the REST endpoints `scan --github` reads: organisation and user
 * repository listings (paginated, `link: rel="next"`), a repository, the default branch
 * head (sha media type), one recursive tree, blobs (base64) — with ETags and `304 Not
 * Modified` for `If-None-Match`, like GitHub. Faults fail the first N matching requests
 * (rate limits, 5xx), `hang` never answers, and every request is logged.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, lstatSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';

export interface FakeRepo {
  /** Repository path → text (a value `{ symlink: target }` is a link). */
  readonly files: Readonly<Record<string, string | { readonly symlink: string }>>;
  readonly archived?: boolean;
  readonly fork?: boolean;
  /** No commit yet: the head request answers 409 as GitHub does. */
  readonly empty?: boolean;
  /** The tree answer says `truncated: true`. */
  readonly truncated?: boolean;
}

export interface Fault {
  readonly match: RegExp;
  readonly times: number;
  readonly status: number;
  readonly message?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ServerSetup {
  /** `owner/name` → repository. */
  readonly repos: Map<string, FakeRepo>;
  /** Owners that are organisations; any other owner is a user. */
  readonly orgs: ReadonlySet<string>;
  readonly faults?: Fault[];
  readonly hang?: RegExp;
  readonly perPage?: number;
}

export interface LoggedRequest {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly conditional: boolean;
}

export interface GithubServer {
  readonly url: string;
  readonly requests: LoggedRequest[];
  close(): Promise<void>;
}

export function gitBlobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The files of a directory on disk (no links followed), as a FakeRepo's files. */
export function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const stat = lstatSync(full);
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile())
        out[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

function headOf(name: string, repo: FakeRepo): string {
  return createHash('sha1').update(name).update(JSON.stringify(repo.files)).digest('hex');
}

function repoJson(base: string, fullName: string, repo: FakeRepo): Record<string, unknown> {
  const [owner = '', name = ''] = fullName.split('/');
  return {
    name,
    full_name: fullName,
    owner: { login: owner },
    archived: repo.archived === true,
    fork: repo.fork === true,
    default_branch: 'main',
    html_url: `${base}/web/${fullName}`,
    private: false,
  };
}

export async function startGithubServer(setup: ServerSetup): Promise<GithubServer> {
  const requests: LoggedRequest[] = [];
  const faultHits = new Map<Fault, number>();
  const perPage = setup.perPage ?? 100;
  let base = '';
  const blobIndex = (): Map<string, Buffer> => {
    const index = new Map<string, Buffer>();
    for (const repo of setup.repos.values())
      for (const content of Object.values(repo.files)) {
        const bytes = Buffer.from(typeof content === 'string' ? content : content.symlink);
        index.set(gitBlobSha(bytes), bytes);
      }
    return index;
  };
  let blobs = blobIndex();

  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', base);
    const conditional = typeof req.headers['if-none-match'] === 'string';
    const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', status, conditional });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(body);
    };
    const withEtag = (body: string, headers: Record<string, string> = {}, type?: string): void => {
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) {
        send(304, '', { etag });
        return;
      }
      send(200, body, { etag, ...headers, ...(type ? { 'content-type': type } : {}) });
    };
    const notFound = (): void => send(404, JSON.stringify({ message: 'Not Found' }));
    const where = `${url.pathname}${url.search}`;
    if (setup.hang?.test(where)) {
      requests.push({ method: req.method ?? '', url: req.url ?? '', status: 0, conditional });
      return;
    }
    const fault = (setup.faults ?? []).find(
      (f) => f.match.test(where) && (faultHits.get(f) ?? 0) < f.times,
    );
    if (fault) {
      faultHits.set(fault, (faultHits.get(fault) ?? 0) + 1);
      send(fault.status, JSON.stringify({ message: fault.message ?? 'Server Error' }), {
        ...fault.headers,
      });
      return;
    }
    const path = url.pathname.split('/').map(decodeURIComponent);
    // /orgs/{o}/repos, /users/{u}/repos
    if ((path[1] === 'orgs' || path[1] === 'users') && path[3] === 'repos' && path.length === 4) {
      const owner = path[2] ?? '';
      const isOrg = setup.orgs.has(owner);
      if ((path[1] === 'orgs') !== isOrg && path[1] === 'orgs') return notFound();
      const all = [...setup.repos.keys()]
        .filter((n) => n.split('/')[0] === owner)
        .sort((a, b) => a.localeCompare(b));
      if (path[1] === 'users' && isOrg) return notFound();
      if (all.length === 0 && !isOrg && path[1] === 'users' && !hasUser(setup, owner))
        return notFound();
      const page = Number(url.searchParams.get('page') ?? '1');
      const size = Math.min(Number(url.searchParams.get('per_page') ?? '30'), perPage);
      const slice = all.slice((page - 1) * size, page * size);
      const more = page * size < all.length;
      const body = JSON.stringify(slice.map((n) => repoJson(base, n, setup.repos.get(n)!)));
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      return withEtag(body, more ? { link: `<${next.href}>; rel="next"` } : {});
    }
    if (path[1] !== 'repos' || path.length < 4) return notFound();
    const fullName = `${path[2]}/${path[3]}`;
    const repo = setup.repos.get(fullName);
    if (!repo) return notFound();
    if (path.length === 4) return withEtag(JSON.stringify(repoJson(base, fullName, repo)));
    if (path[4] === 'commits' && path[5] === 'main') {
      if (repo.empty) return send(409, JSON.stringify({ message: 'Git Repository is empty.' }));
      if (!String(req.headers.accept ?? '').includes('sha'))
        return send(415, JSON.stringify({ message: 'this stand-in serves the sha media type' }));
      return withEtag(headOf(fullName, repo), {}, 'application/vnd.github.sha; charset=utf-8');
    }
    if (path[4] === 'git' && path[5] === 'trees' && path[6] === headOf(fullName, repo)) {
      const tree = Object.entries(repo.files).map(([p, content]) => {
        const bytes = Buffer.from(typeof content === 'string' ? content : content.symlink);
        return {
          path: p,
          mode: typeof content === 'string' ? '100644' : '120000',
          type: 'blob',
          sha: gitBlobSha(bytes),
          size: bytes.length,
        };
      });
      const dirs = new Set(
        Object.keys(repo.files).flatMap((p) =>
          p
            .split('/')
            .slice(0, -1)
            .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
        ),
      );
      const entries = [
        ...[...dirs].map((d) => ({ path: d, mode: '040000', type: 'tree', sha: '0'.repeat(40) })),
        ...tree,
      ];
      return send(
        200,
        JSON.stringify({ sha: path[6], tree: entries, truncated: repo.truncated === true }),
      );
    }
    if (path[4] === 'git' && path[5] === 'blobs') {
      if (blobs.size === 0) blobs = blobIndex();
      const bytes = blobs.get(path[6] ?? '');
      if (!bytes) return notFound();
      return send(
        200,
        JSON.stringify({
          sha: path[6],
          size: bytes.length,
          encoding: 'base64',
          content: bytes.toString('base64'),
        }),
      );
    }
    return notFound();
  };

  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `n` small repositories of five shapes (agent, CI, none, composite + CODEOWNERS, scripts). */
export function generatedOrg(owner: string, n: number): Map<string, FakeRepo> {
  const repos = new Map<string, FakeRepo>();
  for (let i = 0; i < n; i++) {
    const name = `${owner}/repo-${String(i).padStart(4, '0')}`;
    const ci = `name: ci\non: push\npermissions: { contents: read }\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo test ${i}\n`;
    const shapes: Record<string, string>[] = [
      {
        '.github/workflows/agent.yml': `on: issue_comment\npermissions: { contents: write, issues: write }\njobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with: { anthropic_api_key: "\${{ secrets.KEY }}" }\n`,
      },
      { '.github/workflows/ci.yml': ci, 'README.md': `# ${i}\n` },
      { 'README.md': `# nothing to gate ${i}\n` },
      {
        '.github/workflows/ci.yml': ci.replace(
          '- run: echo',
          '- uses: ./.github/actions/setup\n      - run: echo',
        ),
        '.github/actions/setup/action.yml': `name: setup\nruns:\n  using: composite\n  steps:\n    - run: git push origin HEAD\n      shell: bash\n`,
        '.github/CODEOWNERS': `* @${owner}/platform\n`,
      },
      {
        '.github/workflows/release.yml': `on: push\npermissions: { contents: read }\njobs:\n  ship:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run ship\n`,
        'package.json': `{ "scripts": { "ship": "npm publish" } }\n`,
      },
    ];
    repos.set(name, { files: shapes[i % shapes.length] ?? {} });
  }
  return repos;
}

function hasUser(setup: ServerSetup, owner: string): boolean {
  return [...setup.repos.keys()].some((n) => n.split('/')[0] === owner);
}
