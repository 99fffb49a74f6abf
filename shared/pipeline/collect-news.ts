/**
 * The `news` collector's core: the RSS and Atom feeds of the config, plus a Google News search
 * feed per watch topic, fetched with conditional GETs and turned into post messages (contract v1)
 * on the posts queue. Each feed remembers its ETag, Last-Modified and the ids it already sent
 * (state table), so an unchanged feed costs a 304 and a changed one sends only its new items.
 * Feeds are independent: one that fails (network, 5xx after retries, 404, not a feed) gets a
 * `failed` outcome and the others go on. State is saved only after the posts are on the queue,
 * so a crash in between resends (the classifier stores a post once) rather than loses.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Config } from '../config';
import { mapLimited } from '../pool';
import type { Backoff } from '../retry';
import { googleNewsFeeds, type NewsFeed, type NewsPostCandidate, parseFeedDocument, toPostCandidate } from '../sources/feeds';
import { HttpError, type HttpClient } from './http-port';
import type { CollectorState } from './ports';
import { type Rejected, type SendDeps, sendPosts } from './send-posts';

export type { NewsFeed } from '../sources/feeds';

export const NEWS_COLLECTOR = 'news';

/** Ids remembered per feed when the options do not say: well above what a feed lists at once. */
export const DEFAULT_MAX_SEEN_PER_FEED = 1_000;

export interface NewsCollectorDeps extends SendDeps {
  /** The feeds are read through it. */
  readonly web: Pick<HttpClient, 'get'>;
  readonly state: CollectorState;
  readonly now: () => number;
  readonly log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

export interface NewsCollectOptions {
  /** Per request (each retry gets its own). */
  readonly timeoutMs: number;
  readonly backoff?: Backoff;
  /** Item ids remembered per feed, newest first (default 1,000); keep it above the longest feed. */
  readonly maxSeenPerFeed?: number;
  /** Zone of feed dates written without one (the config's `timezone`); Asia/Jakarta by default. */
  readonly timeZone?: string;
  /** Feeds fetched at once (default 4): a slow outlet does not hold up the rest. */
  readonly concurrency?: number;
}

export interface FeedOutcome {
  readonly url: string;
  /** `new`: items not sent before were found; `unchanged`: a 304, or every item already sent. */
  readonly status: 'new' | 'unchanged' | 'failed';
  /** Items the feed listed (0 for a 304 or a failure). */
  readonly items: number;
  readonly sent: number;
  /** Items dead-lettered: they broke the post contract or the queue refused them. */
  readonly rejected: number;
  readonly error?: string;
}

export interface NewsCollectResult {
  readonly feeds: readonly FeedOutcome[];
  readonly sent: number;
  readonly rejected: readonly Rejected[];
}

/**
 * The feeds one run collects: the configured ones, a Google News search per watch topic (unless
 * `googleNews` is off), and `extraUrls` (e.g. given on the command line). A config without a news
 * section lists no feeds. Listed once each, the first mention keeping its name.
 */
export function newsFeeds(config: Config, extraUrls: readonly string[] = []): NewsFeed[] {
  const news = config.sources.news;
  const google = news?.googleNews ? googleNewsFeeds(config.topics, news.googleNewsWindow) : [];
  const all: NewsFeed[] = [...(news?.feeds ?? []), ...google, ...extraUrls.map((url) => ({ url }))];
  return all.filter((feed, index) => all.findIndex((other) => other.url === feed.url) === index);
}

const FeedStateSchema = z.object({
  url: z.string(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** Ids of the items already sent (or dead-lettered), the current document's first. */
  seen: z.array(z.string()),
});

type FeedState = z.infer<typeof FeedStateSchema>;

/** Where a feed's state lives in the collector state: a short hash, since feed addresses can be long. */
export function feedStateKey(url: string): string {
  return `feed:${createHash('sha256').update(url).digest('hex').slice(0, 32)}`;
}

/** Collects every feed; never throws for one feed's failure, which its outcome reports. */
export async function collectNews(
  feeds: readonly NewsFeed[],
  opts: NewsCollectOptions,
  deps: NewsCollectorDeps,
): Promise<NewsCollectResult> {
  const run: Run = { opts, deps, sentInRun: new Set(), rejected: [] };
  const outcomes = await mapLimited(feeds, opts.concurrency ?? 4, async (feed) => {
    try {
      const outcome = await collectFeed(feed, run);
      deps.log?.('info', 'feed collected', { ...outcome });
      return outcome;
    } catch (err) {
      const error = err instanceof HttpError ? err.message : `${feed.url}: ${messageOf(err)}`;
      deps.log?.('warn', 'feed failed', { url: feed.url, error });
      return { url: feed.url, status: 'failed', items: 0, sent: 0, rejected: 0, error } satisfies FeedOutcome;
    }
  });
  return { feeds: outcomes, sent: outcomes.reduce((sum, o) => sum + o.sent, 0), rejected: run.rejected };
}

interface Run {
  readonly opts: NewsCollectOptions;
  readonly deps: NewsCollectorDeps;
  /**
   * Ids already handled in this run (queued or dead-lettered): Google News searches for different
   * topics often list the same article, which is sent once. Filled after a send succeeds, so a
   * feed whose send failed never makes another skip an item.
   */
  readonly sentInRun: Set<string>;
  readonly rejected: Rejected[];
}

async function collectFeed(feed: NewsFeed, run: Run): Promise<FeedOutcome> {
  const { opts, deps } = run;
  const key = feedStateKey(feed.url);
  const saved = readState(await deps.state.get(NEWS_COLLECTOR, key), feed.url);
  const response = await deps.web.get(feed.url, {
    headers: conditionalHeaders(saved),
    timeoutMs: opts.timeoutMs,
    backoff: opts.backoff,
    onRetry: (err, attempt, waitMs) => deps.log?.('warn', 'feed retry', { url: feed.url, attempt, waitMs, error: messageOf(err) }),
  });
  if (response.status === 304) return { url: feed.url, status: 'unchanged', items: 0, sent: 0, rejected: 0 };

  const parsed = parseFeedDocument(response.body);
  const context = { feed, collectedAt: deps.now(), timeZone: opts.timeZone ?? 'Asia/Jakarta' };
  const candidates = uniqueById(parsed.entries.map((entry) => toPostCandidate(entry, parsed, context)));
  const seen = new Set(saved?.seen);
  const fresh = candidates.filter((c) => !seen.has(c.id) && !run.sentInRun.has(c.id));
  const outcome = fresh.length > 0 ? await sendPosts(NEWS_COLLECTOR, fresh, deps) : { sent: [], rejected: [] };
  for (const candidate of fresh) run.sentInRun.add(candidate.id);
  run.rejected.push(...outcome.rejected);

  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  const state: FeedState = {
    url: feed.url,
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
    seen: remembered(candidates, saved?.seen ?? [], opts.maxSeenPerFeed ?? DEFAULT_MAX_SEEN_PER_FEED),
  };
  await deps.state.put(NEWS_COLLECTOR, key, state);

  const newItems = candidates.some((c) => !seen.has(c.id));
  return {
    url: feed.url,
    status: newItems ? 'new' : 'unchanged',
    items: parsed.entries.length,
    sent: outcome.sent.length,
    rejected: outcome.rejected.length,
  };
}

/** What was saved for `url`, or undefined when nothing was, or what was is not a feed state (it is then rebuilt). */
function readState(value: unknown, url: string): FeedState | undefined {
  const state = FeedStateSchema.safeParse(value);
  return state.success && state.data.url === url ? state.data : undefined;
}

function conditionalHeaders(saved: FeedState | undefined): Record<string, string> {
  return {
    ...(saved?.etag ? { 'if-none-match': saved.etag } : {}),
    ...(saved?.lastModified ? { 'if-modified-since': saved.lastModified } : {}),
  };
}

/** A feed that lists an item twice sends it once. */
function uniqueById(candidates: readonly NewsPostCandidate[]): NewsPostCandidate[] {
  const byId = new Map<string, NewsPostCandidate>();
  for (const candidate of candidates) if (!byId.has(candidate.id)) byId.set(candidate.id, candidate);
  return [...byId.values()];
}

/**
 * The ids to remember: everything the feed lists now first (so an item still listed is never
 * forgotten while the cap is above the feed's length), then what was remembered before.
 */
function remembered(candidates: readonly NewsPostCandidate[], before: readonly string[], max: number): string[] {
  return [...new Set([...candidates.map((c) => c.id), ...before])].slice(0, max);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
