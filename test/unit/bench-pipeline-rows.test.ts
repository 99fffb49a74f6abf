/** The pipeline part's table rows: its figures, baselines and the targets, from a run's detail. */
import { pipelineRows, type PipelineDetail } from '../../scripts/bench/pipeline';

const latency = { n: 10, p50: 90, p95: 150, p99: 250, max: 300 };

function detail(over: { postsPerSecond?: number; rawPerSecond?: number; writeUnits?: number; java?: number | null } = {}): PipelineDetail {
  return {
    burst: {
      posts: 2500,
      stored: 2500,
      seconds: 36,
      postsPerSecond: over.postsPerSecond ?? 70,
      latencyMs: latency,
      cpu: { node: 0.7, java: over.java === undefined ? 1.1 : over.java },
    },
    steady: { posts: 2256, stored: 2256, offeredPerSecond: 35, latencyMs: latency },
    alerts: { messages: 7, matched: 7, latencyMs: latency },
    baseline: { items: 4756, rounds: [3500, 3600, 3700], itemsPerSecond: over.rawPerSecond ?? 3600, writeUnitsPerItem: 1.6 },
    capacity: {
      posts: 4756,
      writeUnitsPerPost: over.writeUnits ?? 13.9,
      reportedWriteUnitsPerPost: 17.9,
      readUnitsPerPost: 7.8,
      requestsPerPost: 10.1,
      byOperation: {},
      byTable: {},
    },
    invocations: { count: 476, medianMs: 700, totalSeconds: 160 },
    postItemBytes: { mean: 816, p99: 1605 },
    units: {
      lambdaGbSeconds: 0.017,
      lambdaRequests: 0.1,
      sqsRequests: 0.3,
      dynamoWriteUnits: 13.9,
      dynamoReadUnits: 7.8,
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
  expect(slow).toMatchObject({ value: 70, baseline: { value: 3600 }, ratio: 0.0194, target: { met: false } });
  expect(row(detail({ postsPerSecond: 1800, rawPerSecond: 3600 }), 'posts/s')?.target?.met).toBe(true);
  expect(row(detail({ postsPerSecond: 1799, rawPerSecond: 3600 }), 'posts/s')?.target?.met).toBe(false);
});

test('write capacity is judged as AWS bills it, at most 3 units a post, next to the post item alone', () => {
  expect(row(detail({ writeUnits: 13.9 }), 'WCU/post')).toMatchObject({ value: 13.9, ratio: 8.69, target: { met: false } });
  expect(row(detail({ writeUnits: 3 }), 'WCU/post')?.target?.met).toBe(true);
  const reported = pipelineRows(detail()).find((r) => r.figure.includes('as DynamoDB Local reports'));
  expect(reported).toMatchObject({ value: 17.9, unit: 'WCU/post' });
  expect(reported?.target).toBeUndefined();
});

test('latency rows carry the percentiles; the DynamoDB Local CPU share is named only when measured', () => {
  const rows = pipelineRows(detail());
  expect(rows.filter((r) => r.unit === 'ms').map((r) => r.value)).toEqual([90, 150, 250, 90, 150, 250, 90, 150, 250]);
  expect(rows[0]?.figure).toContain('DynamoDB Local at 110% of a core');
  expect(pipelineRows(detail({ java: null }))[0]?.figure).toBe('queue → stored, burst of 2500 posts');
});
