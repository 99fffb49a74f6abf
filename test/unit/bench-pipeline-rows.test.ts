/** The pipeline part's table rows, and how it splits the meter's figures by table, from a run's detail. */
import { TARGETS, pipelineRows, splitByTable, type PipelineDetail } from '../../scripts/bench/pipeline-rows';
import { AggregatorClock } from '../../scripts/bench/pipeline-timing';
import type { WindowedStreamEvent } from '../../infra/local/stream-poller';

const latency = { n: 10, p50: 90, p95: 150, p99: 250, max: 300 };

interface Over {
  postsPerSecond?: number;
  rawPerSecond?: number;
  writeUnits?: number;
  requests?: number;
  alertP95?: number;
  alertsMatched?: number;
  java?: number | null;
}

function detail(over: Over = {}): PipelineDetail {
  const capacity = { requests: 0, readUnits: 0, writeUnits: 0, billedWriteUnits: 0 };
  return {
    burst: {
      posts: 2500,
      stored: 2500,
      seconds: 6,
      enqueueSeconds: 1,
      postsPerSecond: over.postsPerSecond ?? 420,
      latencyMs: latency,
      cpu: { node: 0.9, java: over.java === undefined ? 1.1 : over.java },
    },
    steady: { posts: 2256, stored: 2256, offeredPerSecond: 210, latencyMs: latency },
    alerts: {
      messages: 7,
      matched: over.alertsMatched ?? 7,
      latencyMs: { n: 7, p50: 18_000, p95: over.alertP95 ?? 31_000, p99: 33_000, max: 33_000 },
    },
    classifier: { invocations: 476, medianMs: 40, totalSeconds: 25 },
    aggregator: {
      windowSeconds: 30,
      invocations: 40,
      finalInvocations: 3,
      endedByStateLimit: 0,
      closedByDrain: 1,
      failures: {},
      medianMs: 30,
      finalMs: { n: 3, p50: 800, p95: 1500, p99: 1500, max: 1500 },
      totalSeconds: 6,
      postsPerWindow: 1585,
      perWindow: { requests: 40, billedWriteUnits: 300, readUnits: 20 },
    },
    conflicts: { transactionsCancelled: 0, writesRejected: 0 },
    baseline: { items: 4756, rounds: [3500, 3600, 3700], itemsPerSecond: over.rawPerSecond ?? 3600, writeUnitsPerItem: 1.6 },
    capacity: {
      posts: 4756,
      writeUnitsPerPost: over.writeUnits ?? 2.4,
      reportedWriteUnitsPerPost: 2.6,
      readUnitsPerPost: 0.3,
      requestsPerPost: over.requests ?? 1.1,
      failedRequests: 0,
      duplicateSaves: 0,
      byOperation: {},
      byTable: {},
      byFunction: {},
      perPost: { byOperation: {}, byTable: { t: capacity }, byFunction: {} },
    },
    postItemBytes: { mean: 816, p99: 1605 },
    units: {
      lambdaGbSeconds: 0.004,
      lambdaRequests: 0.11,
      sqsRequests: 0.3,
      postsTableWriteUnits: 2.2,
      postsTableReadUnits: 0.05,
      otherTablesWriteUnits: 0.2,
      otherTablesReadUnits: 0.25,
      storedBytes: 1365,
      storageMonths: 13.1,
      snsPublishes: 0.0015,
    },
    textLengths: [80, 120],
  };
}

const row = (d: PipelineDetail, unit: string) => pipelineRows(d).find((r) => r.unit === unit && r.target);

test('throughput is judged against half the raw write rate measured in the same run', () => {
  const slow = row(detail({ postsPerSecond: 70, rawPerSecond: 3600 }), 'posts/s');
  expect(slow).toMatchObject({ value: 70, baseline: { value: 3600 }, ratio: 0.0194, target: { text: '≥ 0.5 of raw writes', met: false } });
  expect(row(detail({ postsPerSecond: 1800, rawPerSecond: 3600 }), 'posts/s')?.target?.met).toBe(true);
  expect(row(detail({ postsPerSecond: 1799, rawPerSecond: 3600 }), 'posts/s')?.target?.met).toBe(false);
});

test('write capacity is judged as AWS bills it, at most 3 units a post, next to the post item alone', () => {
  expect(row(detail({ writeUnits: 13.9 }), 'WCU/post')).toMatchObject({ value: 13.9, ratio: 8.69, target: { met: false } });
  expect(row(detail({ writeUnits: 3 }), 'WCU/post')?.target?.met).toBe(true);
  expect(row(detail({ writeUnits: 3.001 }), 'WCU/post')?.target?.met).toBe(false);
  const billed = row(detail(), 'WCU/post');
  expect(billed?.figure).not.toMatch(/fingerprints/);
  expect(billed?.figure).toMatch(/counters/);
  const reported = pipelineRows(detail()).find((r) => r.figure.includes('as DynamoDB Local reports'));
  expect(reported).toMatchObject({ value: 2.6, unit: 'WCU/post' });
  expect(reported?.target).toBeUndefined();
});

test('DynamoDB requests are judged per post stored, at most 2; read units carry no target', () => {
  expect(row(detail({ requests: 1.1 }), 'requests/post')).toMatchObject({ value: 1.1, target: { text: '≤ 2 per post', met: true } });
  expect(row(detail({ requests: 2 }), 'requests/post')?.target?.met).toBe(true);
  expect(row(detail({ requests: 2.01 }), 'requests/post')?.target?.met).toBe(false);
  const reads = pipelineRows(detail()).find((r) => r.unit === 'RCU/post');
  expect(reads).toMatchObject({ value: 0.3 });
  expect(reads?.target).toBeUndefined();
});

test('post → alert message is judged at the 95th percentile, at most 60 s, and only when alerts were measured', () => {
  const alertRow = (d: PipelineDetail) => pipelineRows(d).find((r) => r.figure.startsWith('post → alert message p95'));
  expect(alertRow(detail({ alertP95: 31_000 }))).toMatchObject({
    value: 31_000,
    unit: 'ms',
    target: { text: '≤ 60 s at the steady rate', met: true },
  });
  expect(alertRow(detail({ alertP95: TARGETS.alertP95Ms }))?.target?.met).toBe(true);
  expect(alertRow(detail({ alertP95: 60_001 }))?.target?.met).toBe(false);
  expect(alertRow(detail({ alertP95: Number.NaN, alertsMatched: 0 }))?.target?.met).toBe(false);
  expect(alertRow(detail())?.figure).toContain('30 s windows');
});

test('latency rows carry the percentiles; the DynamoDB Local CPU share is named only when measured', () => {
  const rows = pipelineRows(detail());
  expect(rows.filter((r) => r.unit === 'ms').map((r) => r.value)).toEqual([90, 150, 250, 90, 150, 250, 18_000, 31_000, 33_000, 800, 1500]);
  expect(rows.filter((r) => r.target).map((r) => r.unit)).toEqual(['posts/s', 'ms', 'WCU/post', 'requests/post']);
  expect(rows.find((r) => r.unit === 'requests/window')).toMatchObject({
    value: 40,
    figure: expect.stringContaining('1585 posts a window'),
  });
  expect(rows[0]?.figure).toContain('DynamoDB Local at 110% of a core');
  expect(pipelineRows(detail({ java: null }))[0]?.figure).toBe('queue → stored, burst of 2500 posts');
});

test('the posts table and its indexes are priced apart from every other table', () => {
  const c = (readUnits: number, billedWriteUnits: number) => ({ requests: 1, readUnits, writeUnits: 99, billedWriteUnits });
  const split = splitByTable(
    {
      'bench-posts': c(1, 10),
      'bench-posts/byTopic': c(2, 5),
      'bench-postscript': c(100, 100),
      'bench-state': c(4, 3),
      'bench-alerts/byKind': c(8, 1),
    },
    'bench-posts',
  );
  // As AWS bills: billed write units, not DynamoDB Local's report; a table whose name merely starts the same is another table.
  expect(split.posts).toEqual({ read: 3, write: 15 });
  expect(split.other).toEqual({ read: 112, write: 104 });
});

describe('the aggregator clock', () => {
  const event = (over: Partial<WindowedStreamEvent>): WindowedStreamEvent => ({
    Records: [],
    window: { start: '2026-12-06T10:00:00.000Z', end: '2026-12-06T10:00:30.000Z' },
    state: {},
    shardId: 'shard-1',
    eventSourceARN: 'arn',
    isFinalInvokeForWindow: false,
    isWindowTerminatedEarly: false,
    ...over,
  });
  const record = { eventID: '1' };
  const context = {} as Parameters<ReturnType<AggregatorClock['timed']>>[1];

  test('a window that held records is closed only by its own final invocation, and early ends are told apart', async () => {
    const clock = new AggregatorClock();
    const handler = clock.timed(async () => ({ state: {} }));
    await handler(event({ Records: [record, record] }), context);
    expect(clock.folded).toBe(2);
    expect(clock.allClosed()).toBe(false);
    // A final invocation of an earlier window does not close a later one.
    await handler(
      event({ isFinalInvokeForWindow: true, window: { start: '2026-12-06T09:59:30.000Z', end: '2026-12-06T10:00:00.000Z' } }),
      context,
    );
    expect(clock.allClosed()).toBe(false);
    await handler(event({ isFinalInvokeForWindow: true }), context);
    expect(clock.allClosed()).toBe(true);
    expect(clock.finalDurations).toHaveLength(2);
    expect(clock.durations).toHaveLength(3);

    await handler(event({ isFinalInvokeForWindow: true, isWindowTerminatedEarly: true }), context);
    clock.draining = true;
    await handler(event({ isFinalInvokeForWindow: true, isWindowTerminatedEarly: true }), context);
    expect({ state: clock.endedByStateLimit, drain: clock.closedByDrain }).toEqual({ state: 1, drain: 1 });
  });

  test('a window with the same bounds as one closed early is open until its own final invocation', async () => {
    const clock = new AggregatorClock();
    const handler = clock.timed(async () => ({ state: {} }));
    await handler(event({ Records: [record] }), context);
    clock.draining = true;
    await handler(event({ isFinalInvokeForWindow: true, isWindowTerminatedEarly: true }), context);
    clock.draining = false;
    expect(clock.allClosed()).toBe(true);
    // Posts read after the drain, before the window's end: a new window with the same bounds.
    await handler(event({ Records: [record, record] }), context);
    expect(clock.allClosed()).toBe(false);
    await handler(event({ isFinalInvokeForWindow: true }), context);
    expect(clock.allClosed()).toBe(true);
    // Another shard's window is its own.
    await handler(event({ Records: [record], shardId: 'shard-2' }), context);
    expect(clock.allClosed()).toBe(false);
    expect(clock.folded).toBe(4);
  });

  test('records of an invocation that failed are not counted as folded, but its time is', async () => {
    const clock = new AggregatorClock();
    await expect(clock.timed(() => Promise.reject(new Error('down')))(event({ Records: [record] }), context)).rejects.toThrow('down');
    await clock.timed(async () => ({ state: {}, batchItemFailures: [{ itemIdentifier: '1' }] }))(event({ Records: [record] }), context);
    expect(clock.folded).toBe(0);
    expect(clock.durations).toHaveLength(2);
    expect(clock.allClosed()).toBe(true);
  });
});
