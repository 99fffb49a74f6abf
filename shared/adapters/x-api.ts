/**
 * X API v2 recent search through `twitter-api-v2`: one page per call, retried with backoff on 5xx
 * answers and network errors; a 429 and a refused token come out as their own errors, which the
 * collector treats differently (stop and resume later; fail loudly).
 */
import { Agent as HttpAgent } from 'node:http';
import { ApiRequestError, ApiResponseError, TwitterApi, type ITwitterApiClientPlugin, type Tweetv2SearchParams } from 'twitter-api-v2';
import { type Backoff, DEFAULT_BACKOFF, withRetry } from '../retry';
import {
  TWEET_FIELDS,
  USER_FIELDS,
  XAuthError,
  XRateLimitError,
  XUnavailableError,
  type XSearch,
  type XSearchPage,
  type XSearchRequest,
} from '../sources/x';

export const X_API_BASE = 'https://api.x.com';

export interface TwitterSearchOptions {
  /** Where the X API is: X itself by default; a stand-in server for local trials and tests. */
  readonly baseUrl?: string;
  readonly backoff?: Backoff;
  readonly timeoutMs?: number;
  readonly onRetry?: (err: unknown, attempt: number, waitMs: number) => void;
}

export class TwitterSearch implements XSearch {
  private readonly client: TwitterApi;

  constructor(
    private readonly bearerToken: string,
    private readonly opts: TwitterSearchOptions = {},
  ) {
    const base = new URL(opts.baseUrl ?? X_API_BASE);
    const plugins: ITwitterApiClientPlugin[] = [];
    if (base.origin !== X_API_BASE) plugins.push(sendTo(base));
    this.client = new TwitterApi(bearerToken, {
      plugins,
      // The library speaks https; a plain-http stand-in needs an http agent.
      ...(base.protocol === 'http:' ? { httpAgent: new HttpAgent({ keepAlive: true }) } : {}),
    });
  }

  search(request: XSearchRequest): Promise<XSearchPage> {
    return withRetry(
      () => this.searchOnce(request),
      (err) => err instanceof XUnavailableError,
      this.opts.backoff ?? DEFAULT_BACKOFF,
      this.opts.onRetry,
    );
  }

  private async searchOnce(request: XSearchRequest): Promise<XSearchPage> {
    const params: Partial<Tweetv2SearchParams> = {
      max_results: request.maxResults,
      'tweet.fields': [...TWEET_FIELDS],
      'user.fields': [...USER_FIELDS],
      expansions: request.withOriginals ? ['author_id', 'referenced_tweets.id'] : ['author_id'],
    };
    if (request.sinceId) params.since_id = request.sinceId;
    if (request.untilId) params.until_id = request.untilId;
    if (request.startTime) params.start_time = request.startTime;
    if (request.nextToken) params.next_token = request.nextToken;
    try {
      const page = await this.client.v2.search(request.query, params);
      const body = page.data;
      return {
        tweets: body.data ?? [],
        users: body.includes?.users ?? [],
        includedTweets: body.includes?.tweets ?? [],
        newestId: body.meta?.newest_id,
        oldestId: body.meta?.oldest_id,
        nextToken: body.meta?.next_token,
        errors: (body.errors ?? []).map((e) => ({ title: e.title, detail: e.detail })),
      };
    } catch (err) {
      throw withoutToken(classify(err), this.bearerToken);
    }
  }
}

/** The library's errors as the collector's: rate limit, refused, passing trouble, or a request X rejects. */
function classify(err: unknown): Error {
  if (err instanceof ApiResponseError) {
    const detail = describe(err);
    if (err.code === 429) {
      const reset = err.rateLimit?.reset ?? Number(err.headers?.['x-rate-limit-reset']);
      return new XRateLimitError(Number.isFinite(reset) && reset > 0 ? reset * 1000 : undefined);
    }
    if (err.code === 401 || err.code === 403) return new XAuthError(err.code, detail);
    if (err.code >= 500) return new XUnavailableError(`X answered ${err.code}: ${detail}`);
    return new Error(`X rejected the search (${err.code}): ${detail}`);
  }
  if (err instanceof ApiRequestError) return new XUnavailableError(`X could not be reached: ${err.requestError.message}`);
  return err instanceof Error ? err : new Error(String(err));
}

/**
 * The error with the bearer token cut out of its message: an answer (a proxy's page, a stand-in)
 * may quote the request's Authorization header back.
 */
function withoutToken(err: Error, token: string): Error {
  if (token.length < 8 || !err.message.includes(token)) return err;
  err.message = err.message.split(token).join('[secret]');
  if (err.stack) err.stack = err.stack.split(token).join('[secret]');
  return err;
}

function describe(err: ApiResponseError): string {
  const data = err.data ?? {};
  const parts = [data.title, data.detail, ...(data.errors ?? []).map((e) => ('message' in e ? e.message : ''))];
  return parts.filter((p) => typeof p === 'string' && p !== '').join(': ') || err.message;
}

/** Sends every request to `base` instead of api.x.com (a stand-in server), keeping path and query. */
function sendTo(base: URL): ITwitterApiClientPlugin {
  return {
    onBeforeRequest({ computedParams }) {
      computedParams.url.protocol = base.protocol;
      computedParams.url.host = base.host;
    },
  };
}
