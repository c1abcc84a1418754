/**
 * The repositories an org scan reads, through the REST API: an organisation's (or, when
 * there is no such organisation, a user's) repositories page by page, or one named
 * repository; then per repository its default branch head, ONE recursive tree request and the
 * blobs the scan asks for. Listings and heads are conditional requests (ETag /
 * `If-None-Match`, a 304 served from the cache); trees are cached by commit SHA and blobs by
 * blob SHA, so a resumed run reads nothing again that it already has. Every failure names
 * the repository and the request; nothing is skipped silently.
 */
import { InputError } from '../../engine/errors.js';
import type { GitHubClient } from './client.js';
import { gitBlobSha } from './rest-cache.js';
import type { RestCache, TreeBlob } from './rest-cache.js';

/** A repository as the listing describes it (only what the scan uses). */
export interface RepoRef {
  readonly owner: string;
  readonly name: string;
  /** `owner/name`. */
  readonly fullName: string;
  /** Undefined for an empty repository (no branch yet). */
  readonly defaultBranch: string | undefined;
  readonly htmlUrl: string;
  readonly archived: boolean;
  readonly fork: boolean;
}

export interface ListFilters {
  readonly includeArchived: boolean;
  readonly includeForks: boolean;
}

export interface RestApi {
  readonly client: GitHubClient;
  readonly cache: RestCache;
}

/** GitHub's largest page. */
const PER_PAGE = 100;

/**
 * Every repository of `owner` (an organisation, else a user), sorted by name, filtered —
 * yielded page by page, so the scan starts before the listing ends.
 */
export async function* listRepositories(
  api: RestApi,
  owner: string,
  filters: ListFilters,
): AsyncGenerator<RepoRef> {
  let route = `GET /orgs/{owner}/repos`;
  let type = 'all';
  for (let page = 1; ; page++) {
    let answer: { data: unknown; more: boolean };
    try {
      answer = await conditionalGet(
        api,
        route,
        { owner, type, sort: 'full_name', direction: 'asc', per_page: PER_PAGE, page },
        slimRepoList,
      );
    } catch (error) {
      if (page === 1 && statusOf(error) === 404 && route.startsWith('GET /orgs/')) {
        // Not an organisation: a user's own repositories.
        route = `GET /users/{owner}/repos`;
        type = 'owner';
        page = 0;
        continue;
      }
      throw new InputError(
        `${owner}: cannot list the repositories (${route.includes('/users/') ? 'user' : 'organisation'}, page ${page}): ${describe(error)}`,
        { cause: error },
      );
    }
    if (!Array.isArray(answer.data))
      throw new InputError(`${owner}: the repository listing (page ${page}) is not a list`);
    for (const repo of answer.data as RepoRef[]) {
      if (repo.archived && !filters.includeArchived) continue;
      if (repo.fork && !filters.includeForks) continue;
      yield repo;
    }
    if (!answer.more) return;
  }
}

/** One named repository (`owner/name`), whatever its archived / fork state. */
export async function getRepository(api: RestApi, owner: string, name: string): Promise<RepoRef> {
  try {
    const { data } = await conditionalGet(
      api,
      'GET /repos/{owner}/{repo}',
      { owner, repo: name },
      slimRepo,
    );
    return data as RepoRef;
  } catch (error) {
    throw new InputError(`${owner}/${name}: cannot read the repository: ${describe(error)}`, {
      cause: error,
    });
  }
}

/** The commit SHA at the head of the default branch (undefined: an empty repository). */
export async function headSha(api: RestApi, repo: RepoRef): Promise<string | undefined> {
  if (repo.defaultBranch === undefined) return undefined;
  try {
    const { data } = await conditionalGet(
      api,
      'GET /repos/{owner}/{repo}/commits/{ref}',
      { owner: repo.owner, repo: repo.name, ref: repo.defaultBranch, mediaType: { format: 'sha' } },
      (d) => (typeof d === 'string' ? d.trim() : d),
    );
    if (typeof data !== 'string' || !/^[0-9a-f]{40}$/i.test(data))
      throw new Error('the answer is not a commit SHA');
    return data.toLowerCase();
  } catch (error) {
    // GitHub answers 409 for a repository without any commit.
    if (statusOf(error) === 409) return undefined;
    throw new InputError(
      `${repo.fullName}: cannot read the head of ${repo.defaultBranch}: ${describe(error)}`,
      { cause: error },
    );
  }
}

/** The repository's blobs at `sha`: one recursive tree request (cached by commit SHA). */
export async function readTree(
  api: RestApi,
  repo: RepoRef,
  sha: string,
): Promise<readonly TreeBlob[]> {
  const cached = api.cache.tree(sha);
  if (cached) return cached;
  let data: { truncated?: unknown; tree?: unknown };
  try {
    ({ data } = await api.client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      owner: repo.owner,
      repo: repo.name,
      tree_sha: sha,
      recursive: '1',
    }));
  } catch (error) {
    throw new InputError(
      `${repo.fullName}: cannot list the tree at ${sha.slice(0, 12)}: ${describe(error)}`,
      { cause: error },
    );
  }
  if (data.truncated === true)
    throw new InputError(
      `${repo.fullName}: the tree at ${sha.slice(0, 12)} is too large for one request (GitHub truncated it), so files the scan needs may be missing; scan a clone of it instead`,
    );
  if (!Array.isArray(data.tree))
    throw new InputError(`${repo.fullName}: the tree answer has no list of entries`);
  const blobs: TreeBlob[] = [];
  for (const e of data.tree as Record<string, unknown>[]) {
    if (e?.type !== 'blob' || typeof e.path !== 'string' || typeof e.sha !== 'string') continue;
    blobs.push({
      path: e.path,
      sha: e.sha.toLowerCase(),
      mode: typeof e.mode === 'string' ? e.mode : '100644',
      size: typeof e.size === 'number' ? e.size : 0,
    });
  }
  api.cache.storeTree(sha, blobs);
  return blobs;
}

/** A blob's text (cached by SHA; the content is checked against its SHA). */
export function readBlob(api: RestApi, repo: RepoRef, blob: TreeBlob): Promise<string> {
  const cached = api.cache.blob(blob.sha);
  if (cached !== undefined) return Promise.resolve(cached);
  // The same file in several repositories (same SHA) read ahead at once: one request.
  let pending = inflight.get(blob.sha);
  if (!pending) {
    pending = fetchBlob(api, repo, blob).finally(() => inflight.delete(blob.sha));
    inflight.set(blob.sha, pending);
  }
  return pending;
}

const inflight = new Map<string, Promise<string>>();

async function fetchBlob(api: RestApi, repo: RepoRef, blob: TreeBlob): Promise<string> {
  let data: { content?: unknown; encoding?: unknown };
  try {
    ({ data } = await api.client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
      owner: repo.owner,
      repo: repo.name,
      file_sha: blob.sha,
    }));
  } catch (error) {
    throw new InputError(
      `${repo.fullName}/${blob.path}: cannot read the file: ${describe(error)}`,
      {
        cause: error,
      },
    );
  }
  if (data.encoding !== 'base64' || typeof data.content !== 'string')
    throw new InputError(`${repo.fullName}/${blob.path}: the blob answer is not base64 content`);
  const bytes = Buffer.from(data.content, 'base64');
  if (gitBlobSha(bytes) !== blob.sha)
    throw new InputError(
      `${repo.fullName}/${blob.path}: the content read does not match its blob SHA ${blob.sha.slice(0, 12)}`,
    );
  api.cache.storeBlob(blob.sha, bytes);
  return bytes.toString('utf8');
}

/**
 * A GET with `If-None-Match` when the cache has an answer for it; 304 serves the cached
 * data. `slim` keeps only what the scan reads (the cache stays small).
 */
async function conditionalGet(
  api: RestApi,
  route: string,
  params: Record<string, unknown>,
  slim: (data: unknown) => unknown,
): Promise<{ data: unknown; more: boolean }> {
  const key = `${route} ${JSON.stringify(params)}`;
  const cached = api.cache.answer(key);
  try {
    const response = await api.client.request(route, {
      ...params,
      headers: cached ? { 'if-none-match': cached.etag } : {},
    });
    const data = slim(response.data);
    const more = /\brel="next"/.test(String(response.headers.link ?? ''));
    const etag = response.headers.etag;
    if (typeof etag === 'string' && etag !== '') api.cache.storeAnswer(key, { etag, data, more });
    return { data, more };
  } catch (error) {
    if (statusOf(error) === 304 && cached) {
      api.cache.hits.answers += 1;
      return { data: cached.data, more: cached.more === true };
    }
    throw error;
  }
}

function slimRepoList(data: unknown): unknown {
  return Array.isArray(data) ? data.map(slimRepo) : data;
}

function slimRepo(data: unknown): unknown {
  const r = data as Record<string, unknown> | null;
  if (r === null || typeof r !== 'object') return data;
  const owner = (r.owner as { login?: unknown } | undefined)?.login;
  const fullName = r.full_name;
  if (typeof fullName !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(fullName))
    throw new Error(`a repository without a usable full_name (${JSON.stringify(fullName)})`);
  const [login = '', name = ''] = fullName.split('/');
  const repo: RepoRef = {
    owner: typeof owner === 'string' ? owner : login,
    name: typeof r.name === 'string' ? r.name : name,
    fullName,
    defaultBranch: typeof r.default_branch === 'string' ? r.default_branch : undefined,
    htmlUrl: typeof r.html_url === 'string' ? r.html_url : `https://github.com/${fullName}`,
    archived: r.archived === true,
    fork: r.fork === true,
  };
  return repo;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** What went wrong, with the HTTP status when there was one. */
export function describe(error: unknown): string {
  const status = statusOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return status === undefined || message.includes(String(status))
    ? message
    : `HTTP ${status}: ${message}`;
}
