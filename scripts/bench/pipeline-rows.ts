/**
 * What the pipeline part reports (scripts/bench/pipeline.ts): the detail kept in
 * bench/results.json, the issue's targets, and the table rows made from them.
 */
import type { OperationCapacity, TableCapacity } from './capacity';
import { sig } from './stats';
import type { BenchRow, UnitsPerPost } from './types';

/** The issue's targets for the pipeline and its writes. */
export const TARGETS = {
  /** Burst posts per second queue → stored, as a share of the raw BatchWriteItem rate. */
  burstRatio: 0.5,
  /** Post → alert message at the 95th percentile, at the steady rate (ms). */
  alertP95Ms: 60_000,
  /** DynamoDB requests per post stored, the classifier's and the aggregator's. */
  requestsPerPost: 2,
  /** Write units per post as AWS bills them. */
  writeUnitsPerPost: 3,
} as const;

export interface Latencies {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Units per post of an operation, a table or a function. */
export interface PerPost {
  readonly requests: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  readonly billedWriteUnits: number;
}

export interface PipelineDetail {
  readonly burst: {
    readonly posts: number;
    readonly stored: number;
    readonly seconds: number;
    /** From the first enqueue to the last SendMessageBatch answered: how fast the benchmark put the burst on the queue. */
    readonly enqueueSeconds: number;
    readonly postsPerSecond: number;
    readonly latencyMs: Latencies;
    /** Share of one core used meanwhile: this process (both functions, both pollers, fauxqs, the conflict proxy) and DynamoDB Local's Java. */
    readonly cpu: { readonly node: number; readonly java: number | null };
  };
  readonly steady: { readonly posts: number; readonly stored: number; readonly offeredPerSecond: number; readonly latencyMs: Latencies };
  /** Alert messages of the steady phase, from the enqueue of the post that fired each. */
  readonly alerts: { readonly messages: number; readonly matched: number; readonly latencyMs: Latencies };
  readonly classifier: { readonly invocations: number; readonly medianMs: number; readonly totalSeconds: number };
  readonly aggregator: {
    readonly windowSeconds: number;
    /** Every call of the function: a window's batches and its final invocation. */
    readonly invocations: number;
    readonly finalInvocations: number;
    /** Windows ended before their time by Lambda's state limit (1 MB), as they would be deployed. */
    readonly endedByStateLimit: number;
    /** Windows closed early by the benchmark draining the aggregator after a phase's figures were taken. */
    readonly closedByDrain: number;
    /** Invocations that failed (retried by the poller), by what failed. */
    readonly failures: Record<string, number>;
    readonly medianMs: number;
    /** A window's final invocation: counting, coordinated posting, the alert rules. */
    readonly finalMs: Latencies;
    readonly totalSeconds: number;
    /** Posts a closed window held, on average: what the aggregator's per-window requests are shared among. */
    readonly postsPerWindow: number;
    /** The aggregator's DynamoDB requests and write units (as AWS bills them) per closed window. */
    readonly perWindow: { readonly requests: number; readonly billedWriteUnits: number; readonly readUnits: number };
  };
  /** What the conflict proxy answered as DynamoDB would: transactions cancelled, single writes refused. */
  readonly conflicts: { readonly transactionsCancelled: number; readonly writesRejected: number };
  readonly baseline: {
    readonly items: number;
    readonly rounds: readonly number[];
    readonly itemsPerSecond: number;
    readonly writeUnitsPerItem: number;
  };
  readonly capacity: {
    /** Posts stored: what every figure here is per. */
    readonly posts: number;
    /** As AWS bills the same requests (DynamoDB Local misprices transactions: scripts/bench/capacity.ts). */
    readonly writeUnitsPerPost: number;
    /** As DynamoDB Local reports them (ReturnConsumedCapacity). */
    readonly reportedWriteUnitsPerPost: number;
    readonly readUnitsPerPost: number;
    readonly requestsPerPost: number;
    /** Requests that failed (counted in the requests, reporting no capacity). */
    readonly failedRequests: number;
    /** Saves that found their post already stored (a message delivered again): not counted in `posts`. */
    readonly duplicateSaves: number;
    readonly byOperation: Record<string, OperationCapacity>;
    /** Per table and per index (`<table>/<index>`). */
    readonly byTable: Record<string, TableCapacity>;
    /** The classifier's client and the aggregator's. */
    readonly byFunction: Record<string, TableCapacity>;
    readonly perPost: {
      readonly byOperation: Record<string, PerPost>;
      readonly byTable: Record<string, PerPost>;
      readonly byFunction: Record<string, PerPost>;
    };
  };
  readonly postItemBytes: { readonly mean: number; readonly p99: number };
  readonly units: UnitsPerPost;
  /** Characters of each post's text (code points), for the Comprehend comparison. */
  readonly textLengths: readonly number[];
}

/** Units of the posts table and its indexes, and of every other table, from the meter's byTable (per table and `<table>/<index>`). */
export function splitByTable(
  byTable: Readonly<Record<string, TableCapacity>>,
  postsTable: string,
): { posts: { read: number; write: number }; other: { read: number; write: number } } {
  const posts = { read: 0, write: 0 };
  const other = { read: 0, write: 0 };
  for (const [name, c] of Object.entries(byTable)) {
    const to = name === postsTable || name.startsWith(`${postsTable}/`) ? posts : other;
    to.read += c.readUnits;
    to.write += c.billedWriteUnits;
  }
  return { posts, other };
}

export function pipelineRows(d: PipelineDetail): BenchRow[] {
  const raw = { name: 'raw BatchWriteItem, same items', value: d.baseline.itemsPerSecond };
  const ratio = d.burst.postsPerSecond / raw.value;
  const latencyRow = (figure: string, value: number): BenchRow => ({ part: 'pipeline', figure, value, unit: 'ms' });
  const writeRatio = d.capacity.writeUnitsPerPost / d.baseline.writeUnitsPerItem;
  const steady = `steady ${d.steady.offeredPerSecond}/s`;
  const alerts = `steady, ${d.alerts.matched} alerts, ${d.aggregator.windowSeconds} s windows`;
  const alertP95 = d.alerts.latencyMs.p95;
  return [
    {
      part: 'pipeline',
      figure: `queue → stored, burst of ${d.burst.posts} posts${d.burst.cpu.java === null ? '' : ` (DynamoDB Local at ${Math.round(d.burst.cpu.java * 100)}% of a core)`}`,
      value: d.burst.postsPerSecond,
      unit: 'posts/s',
      baseline: raw,
      ratio: sig(ratio),
      target: { text: `≥ ${TARGETS.burstRatio} of raw writes`, met: ratio >= TARGETS.burstRatio },
    },
    latencyRow('enqueue → stored p50 (burst)', d.burst.latencyMs.p50),
    latencyRow('enqueue → stored p95 (burst)', d.burst.latencyMs.p95),
    latencyRow('enqueue → stored p99 (burst)', d.burst.latencyMs.p99),
    latencyRow(`enqueue → stored p50 (${steady})`, d.steady.latencyMs.p50),
    latencyRow(`enqueue → stored p95 (${steady})`, d.steady.latencyMs.p95),
    latencyRow(`enqueue → stored p99 (${steady})`, d.steady.latencyMs.p99),
    latencyRow(`post → alert message p50 (${alerts})`, d.alerts.latencyMs.p50),
    {
      ...latencyRow(`post → alert message p95 (${alerts})`, alertP95),
      // No alert measured is no evidence: NaN is never within the target.
      target: { text: `≤ ${TARGETS.alertP95Ms / 1000} s at the steady rate`, met: d.alerts.matched > 0 && alertP95 <= TARGETS.alertP95Ms },
    },
    latencyRow(`post → alert message p99 (${alerts})`, d.alerts.latencyMs.p99),
    latencyRow(`aggregator: a window's final invocation p50 (${d.aggregator.finalInvocations} windows)`, d.aggregator.finalMs.p50),
    latencyRow(`aggregator: a window's final invocation p95 (${d.aggregator.finalInvocations} windows)`, d.aggregator.finalMs.p95),
    {
      part: 'pipeline',
      figure: `aggregator: DynamoDB requests per window (${d.aggregator.postsPerWindow} posts a window on average)`,
      value: d.aggregator.perWindow.requests,
      unit: 'requests/window',
    },
    {
      part: 'writes',
      figure:
        'write capacity per post as AWS bills it (its put and index copy; the windows’ counters, spread record, coordinated marks, alerts)',
      value: d.capacity.writeUnitsPerPost,
      unit: 'WCU/post',
      baseline: { name: 'the post item alone (BatchWriteItem)', value: d.baseline.writeUnitsPerItem },
      ratio: sig(writeRatio),
      target: { text: `≤ ${TARGETS.writeUnitsPerPost} WCU per post`, met: d.capacity.writeUnitsPerPost <= TARGETS.writeUnitsPerPost },
    },
    {
      part: 'writes',
      figure: 'write capacity per post as DynamoDB Local reports it (it misprices transactions)',
      value: d.capacity.reportedWriteUnitsPerPost,
      unit: 'WCU/post',
    },
    { part: 'writes', figure: 'read capacity per post (classifier and aggregator)', value: d.capacity.readUnitsPerPost, unit: 'RCU/post' },
    {
      part: 'writes',
      figure: 'DynamoDB requests per post (classifier and aggregator)',
      value: d.capacity.requestsPerPost,
      unit: 'requests/post',
      target: { text: `≤ ${TARGETS.requestsPerPost} per post`, met: d.capacity.requestsPerPost <= TARGETS.requestsPerPost },
    },
  ];
}
