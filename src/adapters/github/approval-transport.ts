/**
 * The HTTP side of the `approval: wait` adapter (approval-api.ts holds the endpoints): one
 * `send` over the REST client (src/adapters/github/client.ts: Octokit with the retry and throttling
 * plugins) that counts every HTTP attempt (retries and 304s included) and notes the rate
 * limit, GitHub errors turned into `ApprovalApiError` (transient, retry-after), and `list`:
 * every page of a list (per_page=100, `link: rel="next"`), fetched conditionally — the ETag
 * and items of each page URL are kept and a 304 reuses them (it does not count against the
 * primary rate limit).
 */
import type { GitHubClient } from './client.js';
import { ApprovalApiError } from '../../engine/approval/types.js';

interface Page {
  readonly etag: string | undefined;
  readonly items: readonly unknown[];
  readonly next: string | undefined;
}

type Fetch = typeof globalThis.fetch;
export type Response = {
  status: number;
  headers: Record<string, string | undefined>;
  data: unknown;
};

const PER_PAGE = 100;

export interface ApprovalTransport {
  /** HTTP requests made so far (each retry and each 304 counts). */
  readonly requests: number;
  readonly rateLimit: { remaining: number; resetAt: number } | undefined;
  readonly send: (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    params?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) => Promise<Response | 'not-modified'>;
  /** Every page of a list, each fetched with If-None-Match when seen before. */
  readonly list: (url: string) => Promise<unknown[]>;
}

export function createApprovalTransport(
  client: GitHubClient,
  options: { readonly signal?: AbortSignal; readonly maxPages?: number },
): ApprovalTransport {
  const maxPages = options.maxPages ?? 50;
  const pages = new Map<string, Page>();
  let requests = 0;
  let rateLimit: { remaining: number; resetAt: number } | undefined;

  // The client's own fetch (the runner's proxy settings), counted per HTTP attempt: the
  // retry and throttling plugins call it again for each retry.
  const defaults = client.request.endpoint.DEFAULTS as { request?: { fetch?: Fetch } };
  const baseFetch: Fetch = defaults.request?.fetch ?? globalThis.fetch;
  const countingFetch: Fetch = (input, init) => {
    requests++;
    return baseFetch(input, init);
  };

  const noteRateLimit = (headers: Record<string, string | undefined> | undefined): void => {
    const remaining = Number(headers?.['x-ratelimit-remaining']);
    const reset = Number(headers?.['x-ratelimit-reset']);
    if (headers?.['x-ratelimit-remaining'] !== undefined && Number.isFinite(remaining))
      rateLimit = { remaining, resetAt: Number.isFinite(reset) ? reset * 1000 : 0 };
  };

  async function send(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    params: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<Response | 'not-modified'> {
    try {
      const response = (await client.request(`${method} ${url}`, {
        ...params,
        headers,
        request: {
          fetch: countingFetch,
          ...(method === 'GET' && options.signal ? { signal: options.signal } : {}),
        },
      })) as unknown as Response;
      noteRateLimit(response.headers);
      return response;
    } catch (error) {
      const e = error as {
        status?: unknown;
        message?: unknown;
        response?: { headers?: Record<string, string | undefined> };
      };
      noteRateLimit(e.response?.headers);
      if (e.status === 304) return 'not-modified';
      throw apiError(`${method} ${url.replace(/^https?:\/\/[^/]+/, '')}`, error, e);
    }
  }

  /** Every page of a list, each fetched with If-None-Match when seen before. */
  async function list(url: string): Promise<unknown[]> {
    const items: unknown[] = [];
    let next: string | undefined = url;
    for (let n = 0; next !== undefined; n++) {
      if (n >= maxPages)
        throw new ApprovalApiError(`${url}: more than ${maxPages} pages`, undefined, undefined);
      const cached = pages.get(next);
      const response = await send(
        'GET',
        next,
        {},
        cached?.etag ? { 'if-none-match': cached.etag } : {},
      );
      let page: Page;
      if (response === 'not-modified' && cached && cached.items.length >= 100 && !cached.next) {
        // A full last page answers 304 even when a new item started the next page (the ETag
        // covers the body, not the Link header): ask once more without the condition.
        const fresh = await send('GET', next);
        if (fresh === 'not-modified') throw new ApprovalApiError(`${next}: unexpected 304`, 304, 0);
        page = {
          etag: fresh.headers.etag,
          items: Array.isArray(fresh.data) ? (fresh.data as unknown[]) : [],
          next: nextLink(fresh.headers.link),
        };
        pages.set(next, page);
      } else if (response === 'not-modified') {
        if (!cached) throw new ApprovalApiError(`${next}: 304 without a cached page`, 304, 0);
        page = cached;
      } else {
        page = {
          etag: response.headers.etag,
          items: Array.isArray(response.data) ? (response.data as unknown[]) : [],
          next: nextLink(response.headers.link),
        };
        pages.set(next, page);
      }
      items.push(...page.items);
      next = page.next;
    }
    return items;
  }

  return {
    get requests() {
      return requests;
    },
    get rateLimit() {
      return rateLimit;
    },
    send,
    list,
  };
}

/** `path?k=v&per_page=100` (undefined values left out). */
export function query(path: string, q: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) search.set(k, v);
  search.set('per_page', String(PER_PAGE));
  return `${path}?${search.toString()}`;
}

export function ok(response: Response | 'not-modified'): Response {
  if (response === 'not-modified')
    throw new ApprovalApiError('unexpected 304 Not Modified', 304, undefined);
  return response;
}

function nextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part);
    if (m?.[2]?.split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
}

function apiError(
  what: string,
  error: unknown,
  e: {
    status?: unknown;
    message?: unknown;
    response?: { headers?: Record<string, string | undefined> };
  },
): ApprovalApiError {
  const status = typeof e.status === 'number' && e.status > 0 ? e.status : undefined;
  const headers = e.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  const reset = Number(headers['x-ratelimit-reset']);
  const limited =
    (status === 403 || status === 429) &&
    (headers['retry-after'] !== undefined ||
      headers['x-ratelimit-remaining'] === '0' ||
      /rate limit/i.test(String(e.message)));
  const retryAfterMs = !limited
    ? undefined
    : Number.isFinite(retryAfter) && headers['retry-after'] !== undefined
      ? retryAfter * 1000
      : headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset)
        ? Math.max(0, reset * 1000 - Date.now())
        : 60_000;
  // AbortError and network failures have no HTTP status (Octokit reports 500 for aborts).
  const aborted = error instanceof Error && error.name === 'AbortError';
  return new ApprovalApiError(
    `${what}: ${aborted ? 'aborted' : String(e.message ?? error)}`,
    aborted ? undefined : status,
    retryAfterMs,
    { cause: error },
  );
}
