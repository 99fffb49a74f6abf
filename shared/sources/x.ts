/**
 * X (Twitter) API v2 recent search, the pure part: the search queries built from the watch topics
 * within X's query length limit, and a search answer's posts turned into post messages (v1).
 */
import { createHash } from 'node:crypto';
import type { TweetV2, UserV2 } from 'twitter-api-v2';
import { ConfigError, type WatchTopic, type XSource } from '../config';

export const X_SOURCE = 'x';

/** Fields asked of every search: what the post contract and the hoax indicators use. */
export const TWEET_FIELDS = ['created_at', 'lang', 'public_metrics', 'entities', 'referenced_tweets', 'note_tweet', 'author_id'] as const;
export const USER_FIELDS = ['created_at', 'public_metrics', 'verified', 'username', 'name'] as const;

export interface XQuery {
  /** Stable name of the query for its checkpoint: the same text always gives the same key. */
  readonly key: string;
  readonly query: string;
  /** Watch topics whose keywords the query holds. */
  readonly topics: readonly string[];
}

/** A keyword as an X search term: a phrase or anything beyond letters and digits is quoted. */
function term(keyword: string): string {
  const k = keyword.trim().replace(/"/g, '');
  return /^[\p{L}\p{N}_]+$/u.test(k) ? k : `"${k}"`;
}

function anyOf(terms: readonly string[]): string {
  return terms.length === 1 ? (terms[0] as string) : `(${terms.join(' OR ')})`;
}

/** One topic's keywords (or a share of them) as a clause: `((a OR b) -"x y")`. */
function clause(keywords: readonly string[], exclude: readonly string[]): string {
  const any = anyOf(keywords.map(term));
  if (exclude.length === 0) return any;
  return `(${any} ${exclude.map((e) => `-${term(e)}`).join(' ')})`;
}

/** What every query ends with: the languages and the reposts setting. */
function suffix(source: Pick<XSource, 'languages' | 'retweets'>): string {
  const langs = anyOf(source.languages.map((l) => `lang:${l}`));
  return source.retweets === 'exclude' ? `${langs} -is:retweet` : langs;
}

/**
 * The searches that cover every watch topic: topics' clauses packed together while the query stays
 * within `maxQueryLength`, a topic with too many keywords split over several queries (each keeping
 * its exclusions). Throws a ConfigError naming the topic when even one keyword cannot fit.
 */
export function buildXQueries(topics: readonly WatchTopic[], source: Pick<XSource, 'languages' | 'retweets' | 'maxQueryLength'>): XQuery[] {
  const tail = ` ${suffix(source)}`;
  const room = source.maxQueryLength - tail.length;
  const fits = (clauses: readonly string[]): boolean => anyOf(clauses).length <= room;

  // Each topic as one clause, or as several when it is too long alone.
  const parts: { topic: string; clause: string }[] = [];
  for (const topic of topics) {
    let chunk: string[] = [];
    for (const keyword of topic.keywords) {
      if (chunk.length > 0 && !fits([clause([...chunk, keyword], topic.exclude)])) {
        parts.push({ topic: topic.name, clause: clause(chunk, topic.exclude) });
        chunk = [];
      }
      chunk.push(keyword);
      if (!fits([clause(chunk, topic.exclude)])) {
        throw new ConfigError(
          `topics: "${topic.name}": the keyword "${keyword}" with the topic's exclusions does not fit X's ${source.maxQueryLength}-character query (sources.x.maxQueryLength)`,
        );
      }
    }
    if (chunk.length > 0) parts.push({ topic: topic.name, clause: clause(chunk, topic.exclude) });
  }

  // Pack clauses into as few queries as fit.
  const queries: XQuery[] = [];
  let clauses: string[] = [];
  let names: string[] = [];
  const close = (): void => {
    if (clauses.length === 0) return;
    const query = `${anyOf(clauses)}${tail}`;
    queries.push({ key: `q-${createHash('sha256').update(query).digest('hex').slice(0, 16)}`, query, topics: [...new Set(names)] });
    clauses = [];
    names = [];
  };
  for (const part of parts) {
    if (clauses.length > 0 && !fits([...clauses, part.clause])) close();
    clauses.push(part.clause);
    names.push(part.topic);
  }
  close();
  return queries;
}

/** What one search page holds (the fields of X's answer that Pantau reads). */
export interface XSearchPage {
  readonly tweets: readonly TweetV2[];
  readonly users: readonly UserV2[];
  /** Referenced posts (the originals of reposts), when asked for. */
  readonly includedTweets: readonly TweetV2[];
  readonly newestId?: string;
  readonly oldestId?: string;
  readonly nextToken?: string;
  /** Problems X reports beside a successful answer (e.g. an author it could not return). */
  readonly errors: readonly { readonly title: string; readonly detail?: string }[];
}

const isRepost = (tweet: TweetV2): boolean => tweet.referenced_tweets?.some((r) => r.type === 'retweeted') ?? false;

export interface MappedPage {
  /** Post candidates (contract v1), checked again before sending. */
  readonly posts: readonly Record<string, unknown>[];
  /** Reposts left out because `retweets` is `exclude` (X returned them all the same). */
  readonly repostsSkipped: number;
}

/**
 * A page's posts as post messages. A long post's full text comes from `note_tweet`; a repost
 * (when included) carries its original's full text and `repostOf`, since it spreads that text.
 */
export function pageToPosts(page: XSearchPage, retweets: XSource['retweets'], collectedAt: string): MappedPage {
  const users = new Map(page.users.map((u) => [u.id, u]));
  const originals = new Map(page.includedTweets.map((t) => [t.id, t]));
  const posts: Record<string, unknown>[] = [];
  let repostsSkipped = 0;
  for (const tweet of page.tweets) {
    if (isRepost(tweet) && retweets === 'exclude') {
      repostsSkipped += 1;
      continue;
    }
    posts.push(tweetToPost(tweet, users, originals, collectedAt));
  }
  return { posts, repostsSkipped };
}

function tweetToPost(tweet: TweetV2, users: ReadonlyMap<string, UserV2>, originals: ReadonlyMap<string, TweetV2>, collectedAt: string) {
  const user = tweet.author_id ? users.get(tweet.author_id) : undefined;
  const reference = (type: string): string | undefined => tweet.referenced_tweets?.find((r) => r.type === type)?.id;
  const repostOf = reference('retweeted');
  const original = repostOf ? originals.get(repostOf) : undefined;
  const text = fullText(original ?? tweet);
  const m = tweet.public_metrics;
  const links = (tweet.entities?.urls ?? []).map((u) => u.unwound_url ?? u.expanded_url ?? u.url).filter((u): u is string => !!u);
  return dropUndefined({
    v: 1,
    source: X_SOURCE,
    id: tweet.id,
    url: user?.username ? `https://x.com/${user.username}/status/${tweet.id}` : `https://x.com/i/status/${tweet.id}`,
    text,
    lang: tweet.lang,
    createdAt: tweet.created_at,
    collectedAt,
    author: user ? authorOf(user) : tweet.author_id ? { id: tweet.author_id } : undefined,
    metrics: m
      ? dropUndefined({
          likes: m.like_count,
          reposts: m.retweet_count,
          replies: m.reply_count,
          quotes: m.quote_count,
          views: (m as { impression_count?: number }).impression_count,
        })
      : undefined,
    links: links.length > 0 ? [...new Set(links)] : undefined,
    hashtags: tweet.entities?.hashtags?.map((h) => h.tag),
    repostOf,
    replyTo: reference('replied_to'),
    quoteOf: reference('quoted'),
  });
}

function fullText(tweet: TweetV2): string {
  return tweet.note_tweet?.text ?? tweet.text;
}

function authorOf(user: UserV2): Record<string, unknown> {
  return dropUndefined({
    id: user.id,
    handle: user.username,
    name: user.name,
    followers: user.public_metrics?.followers_count,
    following: user.public_metrics?.following_count,
    createdAt: user.created_at,
    verified: user.verified,
  });
}

function dropUndefined<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}

export interface XSearchRequest {
  readonly query: string;
  readonly maxResults: number;
  readonly sinceId?: string;
  readonly untilId?: string;
  readonly startTime?: string;
  readonly nextToken?: string;
  /** Ask for the originals of reposts too (`referenced_tweets.id`). */
  readonly withOriginals?: boolean;
}

/** The collector's view of X: one search page per call. */
export interface XSearch {
  search(request: XSearchRequest): Promise<XSearchPage>;
}

/** X said too many requests: no more searches until `resetAtMs`. */
export class XRateLimitError extends Error {
  override readonly name = 'XRateLimitError';
  constructor(readonly resetAtMs: number | undefined) {
    super(`X rate limit reached${resetAtMs ? `; it resets at ${new Date(resetAtMs).toISOString()}` : ''}`);
  }
}

/** X refused the credentials (401) or the app's access (403): nothing will work until a person fixes it. */
export class XAuthError extends Error {
  override readonly name = 'XAuthError';
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(
      status === 401
        ? `X refused the bearer token (401 Unauthorized): put a valid app bearer token in the secret or X_BEARER_TOKEN. ${detail}`.trim()
        : `X refused access (${status} Forbidden): the app's access level or project does not allow recent search. ${detail}`.trim(),
    );
  }
}

/** X could not answer (5xx, network) even after retries. */
export class XUnavailableError extends Error {
  override readonly name = 'XUnavailableError';
}
