/**
 * The X collector's core: for each search built from the watch topics, reads the posts newer than
 * its checkpoint page by page and sends them to the posts queue, within a per-run and a per-day
 * read budget (X bills every post read).
 *
 * Checkpoint per query: `sinceId`, everything up to it has been sent; and, when a run stopped in
 * the middle of a search (page limit, budget, rate limit, failure), the `gap` still to read: posts
 * after `sinceId` and before `untilId` (the oldest post sent), up to `newestId`. The next run reads
 * the gap first with `until_id`, then moves `sinceId` to `newestId`. The checkpoint moves only
 * after a page is on the queue: a run that fails loses nothing, and at worst sends one page again,
 * which the classifier stores once (idempotent on source + id).
 */
import * as z from 'zod';
import type { XSource } from '../config';
import {
  pageToPosts,
  X_SOURCE,
  XAuthError,
  XRateLimitError,
  XUnavailableError,
  type XQuery,
  type XSearch,
  type XSearchRequest,
} from '../sources/x';
import { MINUTE, calendarDay } from '../time';
import type { CollectorState, ReadBudget } from './ports';
import { sendPosts, type Rejected, type SendDeps } from './send-posts';

export const X_COLLECTOR = 'x';
/** X's smallest page: a search cannot ask for fewer posts. */
export const X_MIN_PAGE = 10;
/** Recent search reaches this far back; a start time beyond it is refused. */
const SEARCH_REACH_MS = 7 * 24 * 60 * MINUTE - 5 * MINUTE;

const QueryStateSchema = z.object({
  sinceId: z.string().optional(),
  gap: z.object({ newestId: z.string(), untilId: z.string(), startTime: z.string().optional() }).optional(),
});
type QueryState = z.infer<typeof QueryStateSchema>;

const RateLimitSchema = z.object({ until: z.number() });
const RATE_LIMIT_KEY = 'rate-limit';

export type XLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface XCollectorDeps extends SendDeps {
  readonly x: XSearch;
  readonly state: CollectorState;
  readonly budget: ReadBudget;
  readonly now: () => number;
  readonly timeZone: string;
  readonly log?: XLog;
  /** Asked before each page; true stops the run with what was sent checkpointed (Lambda time running out). */
  readonly shouldStop?: () => boolean;
}

export type XStopReason = 'done' | 'page-limit' | 'run-budget' | 'day-budget' | 'rate-limited' | 'unavailable' | 'out-of-time';

export interface XQueryOutcome {
  readonly key: string;
  readonly topics: readonly string[];
  readonly pages: number;
  readonly reads: number;
  readonly sent: number;
  /** More posts are waiting for this query (the next run reads them). */
  readonly more: boolean;
  readonly error?: string;
}

export interface XCollectResult {
  readonly queries: readonly XQueryOutcome[];
  /** Posts X returned (and billed) in this run. */
  readonly reads: number;
  readonly sent: number;
  readonly repostsSkipped: number;
  readonly rejected: readonly Rejected[];
  /** Why the run ended: `done` when every query was read to its end or its page limit. */
  readonly stopped: XStopReason;
  /** Reads counted against today's budget after this run. */
  readonly spentToday: number;
  /** When X's rate limit lets the collector search again (after a 429). */
  readonly rateLimitedUntil?: string;
}

/**
 * Reads every query once (see the module comment). A 401/403 from X is thrown (XAuthError) after
 * what was sent so far is checkpointed; a 429 ends the run and the next runs wait for its reset.
 */
export async function collectX(queries: readonly XQuery[], source: XSource, deps: XCollectorDeps): Promise<XCollectResult> {
  const log = deps.log ?? (() => undefined);
  const day = calendarDay(deps.now(), deps.timeZone);
  const outcomes: XQueryOutcome[] = [];
  const rejected: Rejected[] = [];
  let reads = 0;
  let sent = 0;
  let repostsSkipped = 0;
  let stopped: XStopReason = 'done';
  let rateLimitedUntil: number | undefined;

  const waiting = RateLimitSchema.safeParse(await deps.state.get(X_COLLECTOR, RATE_LIMIT_KEY));
  if (waiting.success && waiting.data.until > deps.now()) {
    log('warn', 'X rate limit still in force: this run reads nothing', { until: new Date(waiting.data.until).toISOString() });
    return result('rate-limited', waiting.data.until);
  }

  /** Reads a page may take: within the run's budget and reserved from the day's. */
  const allowance = async (): Promise<number | XStopReason> => {
    const wanted = Math.min(source.pageSize, source.budget.perRun - reads);
    if (wanted < X_MIN_PAGE) return 'run-budget';
    const granted = await deps.budget.reserve(day, wanted, source.budget.perDay);
    if (granted < X_MIN_PAGE) {
      await deps.budget.refund(day, granted);
      return 'day-budget';
    }
    return granted;
  };

  for (const query of queries) {
    if (stopped !== 'done') break;
    const outcome = {
      key: query.key,
      topics: query.topics,
      pages: 0,
      reads: 0,
      sent: 0,
      more: false,
      error: undefined as string | undefined,
    };
    outcomes.push(outcome);
    let state = QueryStateSchema.catch({}).parse((await deps.state.get(X_COLLECTOR, query.key)) ?? {});
    // The search being read: the gap a run left, else everything after sinceId.
    let window = openWindow(state, deps.now(), source);
    let nextToken: string | undefined;

    for (;;) {
      if (outcome.pages >= source.maxPages) {
        outcome.more = true;
        break;
      }
      if (deps.shouldStop?.()) {
        stopped = 'out-of-time';
        outcome.more = true;
        break;
      }
      const granted = await allowance();
      if (typeof granted !== 'number') {
        stopped = granted;
        outcome.more = true;
        break;
      }
      const request: XSearchRequest = { ...window.request, query: query.query, maxResults: granted, nextToken };
      let page;
      try {
        page = await deps.x.search(request);
      } catch (err) {
        await deps.budget.refund(day, granted);
        outcome.more = true;
        if (err instanceof XRateLimitError) {
          stopped = 'rate-limited';
          rateLimitedUntil = err.resetAtMs ?? deps.now() + 15 * MINUTE;
          await deps.state.put(X_COLLECTOR, RATE_LIMIT_KEY, { until: rateLimitedUntil });
          log('warn', 'X rate limit reached: stopping; the next runs wait for its reset', {
            query: query.key,
            until: new Date(rateLimitedUntil).toISOString(),
          });
        } else if (err instanceof XAuthError) {
          throw err;
        } else if (err instanceof XUnavailableError) {
          stopped = 'unavailable';
          outcome.error = err.message;
          log('error', 'X unavailable after retries: stopping; the next run continues', { query: query.key, error: err.message });
        } else {
          // X rejected this query (e.g. 400 for its text): the others may still work.
          outcome.error = (err as Error).message;
          log('error', 'X rejected a search', { query: query.key, error: outcome.error });
        }
        break;
      }
      const got = page.tweets.length;
      await deps.budget.refund(day, granted - got);
      reads += got;
      outcome.reads += got;
      outcome.pages += 1;
      for (const e of page.errors) log('warn', 'X reported a problem beside its answer', { query: query.key, ...e });

      const mapped = pageToPosts(page, source.retweets, new Date(deps.now()).toISOString());
      repostsSkipped += mapped.repostsSkipped;
      const out = await sendPosts(X_SOURCE, mapped.posts, deps);
      sent += out.sent.length;
      outcome.sent += out.sent.length;
      rejected.push(...out.rejected);

      const newestId = window.newestId ?? page.newestId;
      if (page.nextToken && page.oldestId && newestId) {
        // More of this search is waiting: remember it as the gap until the search is read out.
        state = { sinceId: state.sinceId, gap: { newestId, untilId: page.oldestId, startTime: window.request.startTime } };
        await deps.state.put(X_COLLECTOR, query.key, state);
        window = { ...window, newestId };
        nextToken = page.nextToken;
        continue;
      }
      // This search is read out: everything up to its newest post has been sent.
      const wasGap = state.gap !== undefined;
      state = { sinceId: newestId ?? state.sinceId };
      await deps.state.put(X_COLLECTOR, query.key, state);
      if (!wasGap) break;
      // The gap left by an earlier run is closed; now the posts that came after it.
      window = openWindow(state, deps.now(), source);
      nextToken = undefined;
    }
  }
  if (stopped === 'day-budget' || stopped === 'run-budget') {
    log('warn', `X read budget spent (${stopped === 'day-budget' ? 'today' : 'this run'}): stopping; the next run continues`, {
      readsThisRun: reads,
      perRun: source.budget.perRun,
      perDay: source.budget.perDay,
    });
  }
  return result(stopped, rateLimitedUntil);

  async function result(why: XStopReason, until?: number): Promise<XCollectResult> {
    return {
      queries: outcomes,
      reads,
      sent,
      repostsSkipped,
      rejected,
      stopped: why,
      spentToday: await deps.budget.spent(day),
      rateLimitedUntil: until === undefined ? undefined : new Date(until).toISOString(),
    };
  }
}

interface Window {
  readonly request: Pick<XSearchRequest, 'sinceId' | 'untilId' | 'startTime'>;
  /** The newest post of this search, once known (the first page tells). */
  readonly newestId?: string;
}

function openWindow(state: QueryState, now: number, source: XSource): Window {
  if (state.gap) {
    return {
      request: {
        sinceId: state.sinceId,
        untilId: state.gap.untilId,
        startTime: state.sinceId ? undefined : reachable(state.gap.startTime, now),
      },
      newestId: state.gap.newestId,
    };
  }
  if (state.sinceId) return { request: { sinceId: state.sinceId } };
  // A query's first run: look back `backfillMinutes`.
  return { request: { startTime: new Date(now - source.backfillMinutes * MINUTE).toISOString().replace(/\.\d{3}Z$/, 'Z') } };
}

/** A start time recent search still accepts (a gap older than its reach is read from what remains). */
function reachable(startTime: string | undefined, now: number): string | undefined {
  if (!startTime) return undefined;
  const earliest = now - SEARCH_REACH_MS;
  return Date.parse(startTime) < earliest ? new Date(earliest).toISOString().replace(/\.\d{3}Z$/, 'Z') : startTime;
}
