/**
 * The X collector over real HTTP: `twitter-api-v2` talking to a stand-in for X's recent search on
 * loopback. First and incremental runs, pagination, page limits, 429 mid-pagination, 5xx retries,
 * refused tokens and the read budgets.
 */
import { XSourceSchema, type XSource } from '../../shared/config';
import { TwitterSearch } from '../../shared/adapters/x-api';
import { MemoryCollectorState } from '../../shared/adapters/memory-state';
import { collectX, X_COLLECTOR, type XCollectResult } from '../../shared/pipeline/collect-x';
import type { DeadLetter, OutgoingPost } from '../../shared/pipeline/ports';
import { XAuthError, type XQuery } from '../../shared/sources/x';
import { startXStandIn, xError, type XStandIn } from '../helpers/x-standin';

const NOW = Date.parse('2026-12-05T09:20:00Z');
const QUERY: XQuery = { key: 'q-test', query: '(banjir OR genangan) (lang:id OR lang:en) -is:retweet', topics: ['banjir'] };
const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAsecret-bearer-token';

let x: XStandIn;
afterEach(async () => x?.close());

function harness(opts: { now?: () => number } = {}) {
  const sent: OutgoingPost[] = [];
  const dead: DeadLetter[] = [];
  const state = new MemoryCollectorState();
  const run = (overrides: Partial<XSource> = {}, now = opts.now ?? (() => NOW)): Promise<XCollectResult> =>
    collectX([QUERY], XSourceSchema.parse({ enabled: true, ...overrides }), {
      x: new TwitterSearch(TOKEN, { baseUrl: x.url, backoff: { attempts: 3, baseDelayMs: 1 } }),
      state,
      budget: state,
      queue: { sendAll: async (posts) => (sent.push(...posts), []) },
      deadLetters: { send: async (letter) => void dead.push(letter) },
      now,
      timeZone: 'Asia/Jakarta',
    });
  const ids = (): string[] => sent.map((p) => p.key);
  return { sent, dead, state, run, ids };
}

/** 35 posts from 10:00 on, ids 2000…2034, with nothing else on the stand-in. */
async function thirtyFive(): Promise<string[]> {
  x = await startXStandIn({ withFixture: false });
  const tweets = x.generate(35, { idBase: 2_000n, at: NOW - 30 * 60_000 });
  x.add(tweets);
  return tweets.map((t) => `x#${t.id}`);
}

test('first run: reads the last backfill window, sends every original post, leaves reposts out, keeps the newest id', async () => {
  x = await startXStandIn();
  const h = harness();
  const result = await h.run();

  expect(result).toMatchObject({ reads: 6, sent: 5, repostsSkipped: 1, stopped: 'done', spentToday: 6 });
  expect(h.ids()).not.toContain('x#1996851200000000004');
  expect(x.calls).toHaveLength(1);
  expect(x.calls[0]).toMatchObject({ query: QUERY.query, startTime: '2026-12-05T08:20:00Z', maxResults: 100 });
  expect(x.calls[0]?.authorization).toBe(`Bearer ${TOKEN}`);
  expect(x.calls[0]?.expansions).toBe('author_id');
  expect(await h.state.get(X_COLLECTOR, QUERY.key)).toEqual({ sinceId: '1996851200000000006' });
  expect(h.dead).toEqual([]);
});

test('incremental: the next run asks only for posts after the newest one sent and sends only those', async () => {
  x = await startXStandIn();
  const h = harness();
  await h.run();
  const again = await h.run();
  expect(again).toMatchObject({ reads: 0, sent: 0 });
  expect(x.calls[1]).toMatchObject({ sinceId: '1996851200000000006', startTime: undefined });

  x.add(x.generate(3, { idBase: 1996851300000000000n, at: NOW }));
  const third = await h.run();
  expect(third.sent).toBe(3);
  expect(h.ids().slice(5)).toEqual(['x#1996851300000000002', 'x#1996851300000000001', 'x#1996851300000000000']);
  expect(new Set(h.ids()).size).toBe(h.ids().length);
});

test('pagination: follows next_token to the end of the search', async () => {
  const all = await thirtyFive();
  const h = harness();
  const result = await h.run({ pageSize: 10 });
  expect(result).toMatchObject({ reads: 35, sent: 35, stopped: 'done' });
  expect(x.calls.map((c) => c.nextToken)).toEqual([undefined, 'page-10', 'page-20', 'page-30']);
  expect(h.ids().sort()).toEqual([...all].sort());
  expect(await h.state.get(X_COLLECTOR, QUERY.key)).toEqual({ sinceId: '2034' });
});

test('page limit: the rest of the search is left as a gap that the next run reads first, then newer posts', async () => {
  const all = await thirtyFive();
  const h = harness();
  const first = await h.run({ pageSize: 10, maxPages: 2 });
  expect(first.sent).toBe(20);
  expect(first.queries[0]?.more).toBe(true);
  expect(await h.state.get(X_COLLECTOR, QUERY.key)).toMatchObject({ gap: { newestId: '2034', untilId: '2015' } });

  x.add(x.generate(4, { idBase: 3_000n, at: NOW }));
  const second = await h.run({ pageSize: 10, maxPages: 5 });
  // The gap (2000…2014) with until_id, then the newer posts (3000…3003) after since_id.
  expect(x.calls[2]).toMatchObject({ untilId: '2015', nextToken: undefined });
  expect(second.sent).toBe(19);
  expect(h.ids().sort()).toEqual([...all, 'x#3000', 'x#3001', 'x#3002', 'x#3003'].sort());
  expect(await h.state.get(X_COLLECTOR, QUERY.key)).toEqual({ sinceId: '3003' });
});

test('429 mid-pagination: what was sent stays checkpointed, runs before the reset read nothing, the run after resumes without gaps or repeats', async () => {
  const all = await thirtyFive();
  x.failOn(3, xError(429));
  let now = NOW;
  const h = harness({ now: () => now });
  const first = await h.run({ pageSize: 10 });
  expect(first).toMatchObject({ sent: 20, stopped: 'rate-limited', rateLimitedUntil: '2026-12-05T20:15:00.000Z' });
  // The refused request is not billed.
  expect(first.spentToday).toBe(20);
  expect(await h.state.get(X_COLLECTOR, QUERY.key)).toMatchObject({ gap: { untilId: '2015' } });

  const calls = x.calls.length;
  const waiting = await h.run({ pageSize: 10 });
  expect(waiting).toMatchObject({ sent: 0, stopped: 'rate-limited' });
  expect(x.calls.length).toBe(calls);

  now = Date.parse('2026-12-05T20:16:00Z');
  const resumed = await h.run({ pageSize: 10 });
  expect(resumed.sent).toBe(15);
  expect(h.ids().sort()).toEqual([...all].sort());
});

test('5xx: retried with backoff, and the run goes on', async () => {
  x = await startXStandIn();
  x.failOn(1, xError(503));
  const h = harness();
  const result = await h.run();
  expect(result).toMatchObject({ sent: 5, stopped: 'done' });
  expect(x.calls).toHaveLength(2);
});

test('5xx that does not pass: the run stops without sending or moving the checkpoint, and says why', async () => {
  x = await startXStandIn();
  for (const n of [1, 2, 3]) x.failOn(n, xError(503));
  const h = harness();
  const result = await h.run();
  expect(result).toMatchObject({ sent: 0, stopped: 'unavailable', spentToday: 0 });
  expect(result.queries[0]?.error).toMatch(/X answered 503: Service Unavailable/);
  expect(await h.state.get(X_COLLECTOR, QUERY.key)).toBeUndefined();
  // The next run reads the same window.
  expect((await h.run()).sent).toBe(5);
});

test('401: fails loudly with a message that says what to fix and never shows the token', async () => {
  x = await startXStandIn();
  x.failOn(1, xError(401));
  const h = harness();
  const failure = h.run().then(
    () => undefined,
    (e: unknown) => e,
  );
  const err = (await failure) as XAuthError;
  expect(err).toBeInstanceOf(XAuthError);
  expect(err.status).toBe(401);
  expect(err.message).toMatch(/bearer token.*X_BEARER_TOKEN/);
  expect(err.message).not.toContain(TOKEN);
  expect(x.calls).toHaveLength(1);
});

test("403 mid-pagination: the pages already sent stay checkpointed and the error carries X's reason", async () => {
  await thirtyFive();
  x.failOn(2, xError(403));
  const h = harness();
  await expect(h.run({ pageSize: 10 })).rejects.toThrow(/403 Forbidden.*Client Forbidden/);
  expect(h.sent).toHaveLength(10);
  expect(await h.state.get(X_COLLECTOR, QUERY.key)).toMatchObject({ gap: { untilId: '2025' } });
});

test('per-run budget: stops before a page would pass it, and says so', async () => {
  await thirtyFive();
  const h = harness();
  const result = await h.run({ pageSize: 10, budget: { perRun: 25, perDay: 10_000 } });
  expect(result).toMatchObject({ reads: 20, stopped: 'run-budget' });
  expect(result.queries[0]?.more).toBe(true);
});

test('per-day budget: shared by the runs of a day; a page asks only for what is left', async () => {
  await thirtyFive();
  const h = harness();
  const budget = { perRun: 1_000, perDay: 25 };
  const first = await h.run({ pageSize: 20, budget });
  // 20 read, then a page of 5 is too small for X (at least 10): stop.
  expect(first).toMatchObject({ reads: 20, stopped: 'day-budget', spentToday: 20 });
  const second = await h.run({ pageSize: 20, budget });
  expect(second).toMatchObject({ reads: 0, stopped: 'day-budget' });
  expect(x.calls).toHaveLength(1);
  // The next day (in Jakarta) has its own budget.
  const tomorrow = await h.run({ pageSize: 20, budget }, () => Date.parse('2026-12-05T17:30:00Z'));
  expect(tomorrow.reads).toBe(15);
});

test('reads reserved for a page but not returned are given back to the day', async () => {
  x = await startXStandIn();
  const h = harness();
  const result = await h.run({ pageSize: 100 });
  expect(result.spentToday).toBe(6);
});
