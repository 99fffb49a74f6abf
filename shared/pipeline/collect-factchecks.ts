/**
 * The `factchecks` collector's core: asks Google Fact Check Tools `claims:search` about every watch
 * topic and stores the debunks it finds in the claims store that hoax matching reads, so a hoax
 * Indonesian fact-checkers debunked this week is recognised in posts without anyone importing it.
 *
 * Each review is stored once: the ids already stored are remembered in the collector state, and
 * only new ones are written. A page's new claims are stored before they are remembered, so a
 * crash in between stores them again (the same id replaces itself) rather than losing them.
 */
import * as z from 'zod';
import type { ClaimRecord } from '../claims/types';
import type { WatchTopic } from '../config';
import { describeIssues } from '../post';
import type { Backoff } from '../retry';
import { claimsFromSearch, FactCheckResponseError, parseClaimsSearch, type ClaimsSearchResponse } from '../sources/factchecks';
import { HttpError, type HttpClient } from './http-port';
import type { ClaimStore, CollectorState } from './ports';

export const FACTCHECK_COLLECTOR = 'factchecks';
export const FACTCHECK_BASE_URL = 'https://factchecktools.googleapis.com';
const SEARCH_PATH = '/v1alpha1/claims:search';

/**
 * Review ids remembered between runs. The API returns only reviews of the last `maxAgeDays`, a few
 * hundred per run at most, so 5,000 covers months; a review that falls out is stored once more,
 * which replaces it by id and changes nothing.
 */
export const SEEN_LIMIT = 5000;
const SEEN_KEY = 'seen';
const SeenSchema = z.object({ ids: z.array(z.string()), updatedAt: z.string() });

/** One search of a run: the phrase sent, and the watch topic its claims are filed under. */
export interface FactCheckQuery {
  readonly topic: string;
  readonly query: string;
}

/** One query per watch topic: its `query`, else its first keyword (the search takes one short phrase). */
export function factCheckQueries(topics: readonly WatchTopic[]): FactCheckQuery[] {
  // The config requires a keyword; the label only keeps the type honest.
  return topics.map((topic) => ({ topic: topic.name, query: topic.query ?? topic.keywords[0] ?? topic.label }));
}

export type FactCheckLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface FactCheckDeps {
  /** The searches go through it. */
  readonly web: Pick<HttpClient, 'get'>;
  readonly claims: ClaimStore;
  readonly state: CollectorState;
  readonly now: () => number;
  readonly log?: FactCheckLog;
}

export interface FactCheckOptions {
  /** `FACTCHECK_BASE_URL`; a test server in tests. */
  readonly baseUrl: string;
  /** Goes in the request's query string only: never into errors or logs. */
  readonly apiKey: string;
  readonly languageCode: string;
  readonly maxAgeDays: number;
  readonly pageSize: number;
  /** Pages read per query in one run. */
  readonly maxPages: number;
  readonly timeoutMs?: number;
  readonly backoff?: Backoff;
}

export interface FactCheckQueryResult {
  readonly query: string;
  readonly topic: string;
  /** Pages read. */
  readonly pages: number;
  /** ClaimReviews in those pages: `stored` plus `skipped`. */
  readonly reviews: number;
  /** New claims written to the store. */
  readonly stored: number;
  /** Reviews not written: not a hoax verdict, unusable, or stored already. */
  readonly skipped: number;
  /** Why the query stopped early (429, 5xx or no answer after retries, a malformed response); the other queries went on. */
  readonly error?: string;
}

export interface FactCheckResult {
  readonly queries: readonly FactCheckQueryResult[];
  /** The claims this run wrote, in the `pantau claims import` format. */
  readonly stored: readonly ClaimRecord[];
  /** Reviews not written, by reason: the reasons of `claimsFromSearch`, and `already_stored`. */
  readonly skipped: Record<string, number>;
}

/**
 * The API refused the key or the project: no query can succeed, so the run fails loudly instead
 * of recording the same error per query and looking healthy.
 */
export class FactCheckAuthError extends Error {
  override readonly name = 'FactCheckAuthError';
}

/**
 * Runs every query, page by page up to `maxPages`, and stores the reviews not seen before. A query
 * that fails for its own reasons is recorded and the rest go on; a refused key throws
 * FactCheckAuthError; a failing claims store or collector state throws as it is.
 */
export async function collectFactChecks(
  queries: readonly FactCheckQuery[],
  opts: FactCheckOptions,
  deps: FactCheckDeps,
): Promise<FactCheckResult> {
  if (opts.apiKey.trim() === '') throw new FactCheckAuthError(`no fact-check API key: ${WHAT_TO_CHECK}`);
  const run: Run = { opts, deps, seen: await SeenReviews.load(deps), stored: [], skipped: {} };
  const results: FactCheckQueryResult[] = [];
  for (const query of queries) results.push(await collectQuery(query, run));
  return { queries: results, stored: run.stored, skipped: run.skipped };
}

/** What the queries of one run share. */
interface Run {
  readonly opts: FactCheckOptions;
  readonly deps: FactCheckDeps;
  readonly seen: SeenReviews;
  readonly stored: ClaimRecord[];
  readonly skipped: Record<string, number>;
}

async function collectQuery(query: FactCheckQuery, run: Run): Promise<FactCheckQueryResult> {
  const tally = { query: query.query, topic: query.topic, pages: 0, reviews: 0, stored: 0, skipped: 0 };
  try {
    let pageToken: string | undefined;
    do {
      const response = await searchPage(query.query, pageToken, run);
      const page = await storePage(response, query, run);
      tally.pages += 1;
      tally.reviews += page.reviews;
      tally.stored += page.stored;
      tally.skipped += page.skipped;
      pageToken = response.nextPageToken;
    } while (pageToken && tally.pages < run.opts.maxPages);
    run.deps.log?.('info', 'fact-check query done', tally);
    return tally;
  } catch (err) {
    if (err instanceof HttpError && refusesKey(err)) {
      throw new FactCheckAuthError(
        `the Fact Check Tools API refused the request: ${WHAT_TO_CHECK} (${redact(err.message, run.opts.apiKey)})`,
        {
          cause: err,
        },
      );
    }
    if (!(err instanceof HttpError || err instanceof FactCheckResponseError)) throw err;
    const error = redact(err.message, run.opts.apiKey);
    run.deps.log?.('warn', 'fact-check query failed; the other queries go on', { ...tally, error });
    return { ...tally, error };
  }
}

const WHAT_TO_CHECK =
  'check the API key (the fact-check secret in Secrets Manager when deployed, FACTCHECK_API_KEY locally) ' +
  "and that the Fact Check Tools API is enabled in the key's Google Cloud project";

/** 401, 403 (API not enabled, key restricted), or the 400 Google answers for a key it does not know. */
function refusesKey(err: HttpError): boolean {
  return err.status === 401 || err.status === 403 || (err.status === 400 && /API key/i.test(err.message));
}

/** Defence in depth: the key is never in the label, but an answer could echo the address back. */
function redact(message: string, apiKey: string): string {
  return message.split(apiKey).join('[API key]');
}

async function searchPage(query: string, pageToken: string | undefined, run: Run): Promise<ClaimsSearchResponse> {
  const { opts, deps } = run;
  const params = new URLSearchParams({
    query,
    languageCode: opts.languageCode,
    maxAgeDays: String(opts.maxAgeDays),
    pageSize: String(opts.pageSize),
    ...(pageToken ? { pageToken } : {}),
  });
  const endpoint = `${opts.baseUrl.replace(/\/+$/, '')}${SEARCH_PATH}`;
  const label = `${endpoint}?${params.toString()}`;
  params.set('key', opts.apiKey);
  const response = await deps.web.get(`${endpoint}?${params.toString()}`, {
    label,
    headers: { accept: 'application/json' },
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.backoff !== undefined ? { backoff: opts.backoff } : {}),
    onRetry: (err, attempt, waitMs) =>
      deps.log?.('warn', 'fact-check search failed; retrying', {
        query,
        attempt,
        waitMs,
        error: redact((err as Error).message, opts.apiKey),
      }),
  });
  return parseClaimsSearch(response.body);
}

/** Stores a page's new claims, then remembers them; counts what was left out. */
async function storePage(
  response: ClaimsSearchResponse,
  query: FactCheckQuery,
  run: Run,
): Promise<{ reviews: number; stored: number; skipped: number }> {
  const page = claimsFromSearch(response, query.topic);
  const fresh = page.claims.filter((claim) => !run.seen.has(claim.id));
  if (fresh.length > 0) {
    await run.deps.claims.put(fresh);
    await run.seen.remember(fresh.map((claim) => claim.id));
    run.stored.push(...fresh);
  }
  const skipped: Record<string, number> = { ...page.skipped, already_stored: page.claims.length - fresh.length };
  for (const [reason, count] of Object.entries(skipped)) {
    if (count > 0) run.skipped[reason] = (run.skipped[reason] ?? 0) + count;
  }
  if (page.unknownRatings.length > 0) {
    run.deps.log?.('info', 'fact-check verdicts not in the table; those reviews were skipped', {
      query: query.query,
      ratings: page.unknownRatings,
    });
  }
  return { reviews: page.reviews, stored: fresh.length, skipped: page.reviews - fresh.length };
}

/** The ids of the reviews already stored, oldest first, kept to the newest `SEEN_LIMIT`. */
class SeenReviews {
  private constructor(
    private readonly ids: Set<string>,
    private readonly deps: FactCheckDeps,
  ) {}

  /**
   * What the state holds. A value of another shape is dropped with a warning: the reviews it
   * named are stored again, which replaces them by id and loses nothing.
   */
  static async load(deps: FactCheckDeps): Promise<SeenReviews> {
    const value = await deps.state.get(FACTCHECK_COLLECTOR, SEEN_KEY);
    if (value === undefined) return new SeenReviews(new Set(), deps);
    const saved = SeenSchema.safeParse(value);
    if (!saved.success) {
      deps.log?.('warn', 'fact-check seen reviews unreadable; starting afresh', { error: describeIssues(saved.error, value) });
    }
    return new SeenReviews(new Set(saved.success ? saved.data.ids : []), deps);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  async remember(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.ids.add(id);
    for (const oldest of this.ids) {
      if (this.ids.size <= SEEN_LIMIT) break;
      this.ids.delete(oldest);
    }
    await this.deps.state.put(FACTCHECK_COLLECTOR, SEEN_KEY, { ids: [...this.ids], updatedAt: new Date(this.deps.now()).toISOString() });
  }
}
