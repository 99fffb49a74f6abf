/**
 * End to end on the embedded stack (DynamoDB Local in memory, fauxqs): the real classifier
 * handler, wired as on Lambda, behind the local poller (batches of 10, 4 at a time, as the event
 * source mapping is configured), with the benchmark as the collector.
 *
 * - Burst: generated posts (scripts/make-load.ts, a day of their own) put on the queue at once, a
 *   flood evening: posts per second from the first enqueue to the last post stored, and latency
 *   from each post's enqueue to its save returning (queueing included: a burst waits its turn);
 *   CPU of this process (classifier, poller, fauxqs) and of DynamoDB Local's Java meanwhile.
 * - Steady: the demo day put on the queue at half the burst's rate, in its order: latency from
 *   enqueue to stored when the pipeline keeps up, and from the enqueue of the post that fired an
 *   alert (the post whose event time is the alert's `firedAt`) to the alert message read from the
 *   queue subscribed to the alerts topic — what an officer waits.
 * - Baseline: BatchWriteItem of copies of the stored post items (the same sizes, the same table
 *   and index) into the same DynamoDB Local, 4 requests at a time: the raw write rate.
 * - Writes: the capacity every DynamoDB request of the classifier consumed (ReturnConsumedCapacity),
 *   per post, per operation and per table, next to the baseline's capacity per item.
 *
 *   npx tsx scripts/bench/pipeline.ts [--burst POSTS]
 */
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as classifier from '../../functions/classifier/handler';
import { receiveAlerts } from '../../infra/local/alert-inbox';
import { applyFunctionEnv } from '../../infra/local/pipeline';
import { SqsPoller } from '../../infra/local/poller';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import { batchPutAll, type PutRequest } from '../../shared/adapters/batch-write';
import { makeDocumentClient, makeSqsClient } from '../../shared/adapters/clients';
import { sqsSafe } from '../../shared/adapters/sqs';
import type { Alert } from '../../shared/alerts/alert';
import { loadConfig } from '../../shared/config';
import type { PostStore } from '../../shared/pipeline/ports';
import { postKey } from '../../shared/post';
import { CLASSIFIER, FUNCTION_MEMORY_MB, TABLES } from '../../shared/resources';
import { loadLines } from '../make-load';
import { findJava, sampleProc } from '../proc';
import { CapacityMeter, itemBytes, type IndexKeys, type OperationCapacity, type TableCapacity } from './capacity';
import { median, percentile, sig } from './stats';
import type { BenchRow, PartResult, UnitsPerPost } from './types';

const ROOT = resolve(__dirname, '..', '..');
const SEND_BATCH = 10;
const SEND_CONCURRENCY = 4;
const BASELINE_ROUNDS = 3;
/** The burst's generated posts: a day of their own, after the demo day. */
const BURST_SEED = 20261207;
const BURST_START = Date.parse('2026-12-01T00:00:00+07:00');
const DEFAULT_BURST = 2_500;
const AVERAGE_MONTH_DAYS = 30.44;

export interface PipelineBenchOptions {
  readonly configPath?: string;
  /** Generated posts put on the queue at once (default 2,500). */
  readonly burstPosts?: number;
  /** The steady phase: a posts file in the post contract, in event order (default: the demo day). */
  readonly steadyPath?: string;
  readonly log?: (line: string) => void;
}

interface Latencies {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface PipelineDetail {
  readonly burst: {
    readonly posts: number;
    readonly stored: number;
    readonly seconds: number;
    readonly postsPerSecond: number;
    readonly latencyMs: Latencies;
    /** Share of one core used meanwhile: this process (classifier, poller, fauxqs) and DynamoDB Local's Java. */
    readonly cpu: { readonly node: number; readonly java: number | null };
  };
  readonly steady: { readonly posts: number; readonly stored: number; readonly offeredPerSecond: number; readonly latencyMs: Latencies };
  /** Alert messages of the steady phase, from the enqueue of the post that fired each. */
  readonly alerts: { readonly messages: number; readonly matched: number; readonly latencyMs: Latencies };
  readonly baseline: {
    readonly items: number;
    readonly rounds: readonly number[];
    readonly itemsPerSecond: number;
    readonly writeUnitsPerItem: number;
  };
  readonly capacity: {
    readonly posts: number;
    /** As AWS bills the same requests (DynamoDB Local misprices transactions: scripts/bench/capacity.ts). */
    readonly writeUnitsPerPost: number;
    /** As DynamoDB Local reports them (ReturnConsumedCapacity). */
    readonly reportedWriteUnitsPerPost: number;
    readonly readUnitsPerPost: number;
    readonly requestsPerPost: number;
    readonly byOperation: Record<string, OperationCapacity>;
    readonly byTable: Record<string, TableCapacity>;
  };
  readonly invocations: { readonly count: number; readonly medianMs: number; readonly totalSeconds: number };
  readonly postItemBytes: { readonly mean: number; readonly p99: number };
  readonly units: UnitsPerPost;
  /** Characters of each post's text (code points), for the Comprehend comparison. */
  readonly textLengths: readonly number[];
}

interface Outgoing {
  readonly key: string;
  readonly createdMs: number;
  readonly body: string;
}

const rounded = <T extends TableCapacity>(c: T): T => ({ ...c, readUnits: sig(c.readUnits, 6), writeUnits: sig(c.writeUnits, 6) });

const latencies = (values: readonly number[]): Latencies => ({
  n: values.length,
  p50: sig(percentile(values, 50)),
  p95: sig(percentile(values, 95)),
  p99: sig(percentile(values, 99)),
  max: sig(percentile(values, 100)),
});

/** Posts of a JSON-lines file, one message each, the first of each (source, id) only. */
function outgoing(lines: readonly string[]): Outgoing[] {
  const seen = new Set<string>();
  const out: Outgoing[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const post = JSON.parse(line) as { source: string; id: string; createdAt: string };
    const key = postKey(post);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, createdMs: Date.parse(post.createdAt), body: line });
  }
  return out;
}

function generatedLines(count: number, configPath: string): Promise<string[]> {
  return loadLines({ count, seed: BURST_SEED, days: 1, startMs: BURST_START, configPath });
}

class Enqueuer {
  readonly enqueuedAt = new Map<string, number>();
  /** The first enqueue of each event time (ms), to find the post an alert was fired by. */
  readonly byEventTime = new Map<number, number>();
  requests = 0;

  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(posts: readonly Outgoing[]): Promise<void> {
    const at = performance.now();
    for (const p of posts) {
      this.enqueuedAt.set(p.key, at);
      if (!this.byEventTime.has(p.createdMs)) this.byEventTime.set(p.createdMs, at);
    }
    this.requests += 1;
    const out = await this.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: this.queueUrl,
        Entries: posts.map((p, i) => ({ Id: String(i), MessageBody: sqsSafe(p.body) })),
      }),
    );
    if (out.Failed?.length) throw new Error(`posts queue refused ${out.Failed.length} messages: ${out.Failed[0]?.Message ?? ''}`);
  }

  /** Everything at once, SEND_CONCURRENCY requests at a time. */
  async burst(posts: readonly Outgoing[]): Promise<void> {
    const batches: Outgoing[][] = [];
    for (let i = 0; i < posts.length; i += SEND_BATCH) batches.push(posts.slice(i, i + SEND_BATCH));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < batches.length) await this.send(batches[next++]!);
    };
    await Promise.all(Array.from({ length: SEND_CONCURRENCY }, worker));
  }

  /** One batch every SEND_BATCH / rate seconds. */
  async paced(posts: readonly Outgoing[], perSecond: number): Promise<void> {
    const start = performance.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < posts.length; i += SEND_BATCH) {
      const due = start + (i / perSecond) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      sends.push(this.send(posts.slice(i, i + SEND_BATCH)));
    }
    await Promise.all(sends);
  }
}

async function waitStored(keys: readonly string[], storedAt: ReadonlyMap<string, number>, poller: SqsPoller): Promise<void> {
  for (;;) {
    if (keys.every((k) => storedAt.has(k))) return;
    // A post rejected to the DLQ is never stored: stop once the queue is empty.
    if ((await poller.backlog()) === 0) {
      await poller.drained();
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The local tables' indexes by key attributes, to price transactional writes. */
function indexKeys(stack: LocalStack): IndexKeys {
  const keys: Record<string, string[][]> = {};
  for (const [name, spec] of Object.entries(TABLES)) {
    keys[stack.resources.tables[name as keyof typeof TABLES]] = spec.indexes.map((i) => [
      i.partitionKey.name,
      ...('sortKey' in i && i.sortKey ? [i.sortKey.name] : []),
    ]);
  }
  return keys;
}

async function scanAll(doc: DynamoDBDocumentClient, table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

export async function benchPipeline(opts: PipelineBenchOptions = {}): Promise<PartResult<PipelineDetail>> {
  const log = opts.log ?? (() => undefined);
  const configPath = resolve(opts.configPath ?? resolve(ROOT, 'pantau.config.json'));
  const steadyPath = resolve(opts.steadyPath ?? resolve(ROOT, 'demo', 'jakarta-day.jsonl'));
  const burstPosts = opts.burstPosts ?? DEFAULT_BURST;
  const config = loadConfig(configPath);

  log('pipeline: starting DynamoDB Local (in memory) and fauxqs');
  const stack = await startLocalStack({ prefix: 'bench' });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= stack.stop());
  const onSignal = (signal: NodeJS.Signals): void => {
    void stop().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await run(stack, { configPath, steadyPath, burstPosts, config, log });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stop();
  }
}

async function run(
  stack: LocalStack,
  o: { configPath: string; steadyPath: string; burstPosts: number; config: ReturnType<typeof loadConfig>; log: (line: string) => void },
): Promise<PartResult<PipelineDetail>> {
  applyFunctionEnv({ stack, configPath: o.configPath, postsPath: o.steadyPath, logLevel: 'SILENT' });
  // The classifier's own clients, made from the environment as on Lambda, with the meter on DynamoDB's.
  const meter = new CapacityMeter(indexKeys(stack));
  const dynamo = new DynamoDBClient({});
  meter.attach(dynamo);
  const deps = classifier.wireFromEnv({ doc: makeDocumentClient(dynamo), sqs: makeSqsClient(), sns: new SNSClient({}) });
  const storedAt = new Map<string, number>();
  const store = deps.posts;
  const timedStore: PostStore = {
    save: async (item, increments) => {
      const outcome = await store.save(item, increments);
      if (!storedAt.has(item.postKey)) storedAt.set(item.postKey, performance.now());
      return outcome;
    },
    byTopic: (topic, fromIso, toIso, limit) => store.byTopic(topic, fromIso, toIso, limit),
  };
  const handle = classifier.makeHandler({ ...deps, posts: timedStore });
  const durations: number[] = [];
  const poller = new SqsPoller({
    sqs: stack.clients.sqs,
    queueUrl: stack.resources.postsQueueUrl,
    region: stack.region,
    handler: async (event, context) => {
      const t = performance.now();
      try {
        return await handle(event, context);
      } finally {
        durations.push(performance.now() - t);
      }
    },
    functionName: 'pantau-classifier',
    batchSize: CLASSIFIER.batchSize,
    maxConcurrency: CLASSIFIER.maxConcurrency,
    timeoutSeconds: CLASSIFIER.timeoutSeconds,
  });

  const received: { alert: Alert; at: number }[] = [];
  let reading = true;
  const inbox = (async () => {
    while (reading) {
      try {
        for (const m of await receiveAlerts(stack.clients.sqs, stack.resources.inboxQueueUrl, 1))
          received.push({ alert: m.alert, at: performance.now() });
      } catch {
        if (reading) await new Promise((r) => setTimeout(r, 100));
      }
    }
  })();

  const enqueuer = new Enqueuer(stack.clients.sqs, stack.resources.postsQueueUrl);
  try {
    // A short warm-up (not counted): the first invocation loads the claims and compiles the lexicons.
    await poller.start();

    const burst = outgoing(await generatedLines(Math.ceil(o.burstPosts * 1.05), o.configPath)).slice(0, o.burstPosts);
    o.log(`pipeline: burst of ${burst.length} generated posts`);
    const javaPid = findJava(Number(new URL(stack.endpoints.dynamodb).port));
    const cpuBefore = { node: process.cpuUsage(), java: javaPid === undefined ? undefined : sampleProc(javaPid)?.cpuSeconds };
    await enqueuer.burst(burst);
    await waitStored(
      burst.map((p) => p.key),
      storedAt,
      poller,
    );
    const burstKeys = burst.map((p) => p.key).filter((k) => storedAt.has(k));
    const burstStart = Math.min(...burst.map((p) => enqueuer.enqueuedAt.get(p.key)!));
    const burstEnd = Math.max(...burstKeys.map((k) => storedAt.get(k)!));
    const burstSeconds = (burstEnd - burstStart) / 1000;
    const nodeCpu = process.cpuUsage(cpuBefore.node);
    const javaAfter = javaPid === undefined ? undefined : sampleProc(javaPid)?.cpuSeconds;
    const cpu = {
      node: sig((nodeCpu.user + nodeCpu.system) / 1e6 / burstSeconds),
      java: cpuBefore.java !== undefined && javaAfter !== undefined ? sig((javaAfter - cpuBefore.java) / burstSeconds) : null,
    };
    const burstRate = burstKeys.length / burstSeconds;
    const burstLatency = burstKeys.map((k) => storedAt.get(k)! - enqueuer.enqueuedAt.get(k)!);
    o.log(
      `pipeline: burst stored ${burstKeys.length} in ${burstSeconds.toFixed(1)} s (${burstRate.toFixed(1)} posts/s; ` +
        `CPU: node ${(cpu.node * 100).toFixed(0)}%, DynamoDB Local ${cpu.java === null ? '?' : (cpu.java * 100).toFixed(0)}% of a core)`,
    );

    // The demo day at half the burst's rate: the pipeline keeps up, and its alerts fire as in `npm start`.
    const steady = outgoing(readFileSync(o.steadyPath, 'utf8').split('\n'));
    const offered = Math.max(1, burstRate / 2);
    const alertsBefore = received.length;
    o.log(`pipeline: steady: ${steady.length} posts at ${offered.toFixed(1)} posts/s (${(steady.length / offered).toFixed(0)} s)`);
    await enqueuer.paced(steady, offered);
    await waitStored(
      steady.map((p) => p.key),
      storedAt,
      poller,
    );
    await poller.drained();
    // SNS delivers to the inbox queue at once on the emulator; give the reader a moment to catch up.
    await new Promise((r) => setTimeout(r, 1500));
    const steadyKeys = steady.map((p) => p.key).filter((k) => storedAt.has(k));
    const steadyLatency = steadyKeys.map((k) => storedAt.get(k)! - enqueuer.enqueuedAt.get(k)!);

    const steadyAlerts = received.slice(alertsBefore);
    const alertLatency: number[] = [];
    for (const { alert, at } of steadyAlerts) {
      const from = enqueuer.byEventTime.get(Date.parse(alert.firedAt));
      if (from !== undefined) alertLatency.push(at - from);
    }

    const postsHandled = storedAt.size;
    const capacityDetail = {
      posts: postsHandled,
      writeUnitsPerPost: sig(meter.billedWriteUnits / postsHandled, 4),
      reportedWriteUnitsPerPost: sig(meter.writeUnits / postsHandled, 4),
      readUnitsPerPost: sig(meter.readUnits / postsHandled, 4),
      requestsPerPost: sig(meter.requests / postsHandled, 4),
      byOperation: Object.fromEntries([...meter.byOperation].map(([op, c]) => [op, rounded(c)])),
      byTable: Object.fromEntries([...meter.byTable].map(([table, c]) => [table, rounded(c)])),
    };
    o.log(
      `pipeline: per post ${capacityDetail.writeUnitsPerPost} write units as AWS bills them ` +
        `(${capacityDetail.reportedWriteUnitsPerPost} as DynamoDB Local reports), ${capacityDetail.readUnitsPerPost} read units`,
    );

    // The baseline: the same items, written raw, in the same DynamoDB Local.
    const items = (await scanAll(stack.clients.doc, stack.resources.tables.posts)).filter((i) => storedAt.has(String(i.postKey)));
    const sizes = items.map(itemBytes);
    const rawMeter = new CapacityMeter(indexKeys(stack));
    const rawClient = new DynamoDBClient({});
    rawMeter.attach(rawClient);
    const rawDoc = makeDocumentClient(rawClient);
    const rounds: number[] = [];
    for (let round = 1; round <= BASELINE_ROUNDS; round++) {
      const requests: PutRequest[] = items.map((item) => ({
        PutRequest: { Item: { ...item, postKey: `raw${round}#${String(item.postKey)}` } },
      }));
      const t = performance.now();
      await batchPutAll(rawDoc, stack.resources.tables.posts, requests, { what: 'baseline', concurrency: CLASSIFIER.maxConcurrency });
      rounds.push(items.length / ((performance.now() - t) / 1000));
    }
    const rawRate = median(rounds);
    const rawUnitsPerItem = rawMeter.writeUnits / (items.length * BASELINE_ROUNDS);
    o.log(`pipeline: raw BatchWriteItem ${rawRate.toFixed(0)} items/s, ${rawUnitsPerItem.toFixed(2)} write units per item`);

    const invocationSeconds = durations.reduce((n, d) => n + d, 0) / 1000;
    const meanItemBytes = sizes.reduce((n, s) => n + s, 0) / Math.max(1, sizes.length);
    // Each copy (in the table, and in each index the item is in: they project the whole item) is billed with 100 bytes of overhead.
    const postIndexes = indexKeys(stack)[stack.resources.tables.posts] ?? [];
    const storedPerItem = items.map(
      (item, i) => (sizes[i]! + 100) * (1 + postIndexes.filter((keys) => keys.every((k) => item[k] !== undefined)).length),
    );
    const units: UnitsPerPost = {
      lambdaGbSeconds: sig(((invocationSeconds / postsHandled) * FUNCTION_MEMORY_MB) / 1024, 4),
      lambdaRequests: sig(durations.length / postsHandled, 4),
      // Each batch of posts: one SendMessageBatch by the collector, one receive and one delete by the event source mapping.
      sqsRequests: sig((enqueuer.requests + 2 * poller.stats.invocations) / postsHandled, 4),
      dynamoWriteUnits: capacityDetail.writeUnitsPerPost,
      dynamoReadUnits: capacityDetail.readUnitsPerPost,
      storedBytes: Math.round(storedPerItem.reduce((n, b) => n + b, 0) / Math.max(1, storedPerItem.length)),
      storageMonths: sig(o.config.retention.postsDays / AVERAGE_MONTH_DAYS, 4),
      snsPublishes: sig(received.length / postsHandled, 4),
    };
    const textLengths = [...burst, ...steady].map((p) => [...(JSON.parse(p.body) as { text: string }).text].length);

    const detail: PipelineDetail = {
      burst: {
        posts: burst.length,
        stored: burstKeys.length,
        seconds: sig(burstSeconds, 4),
        postsPerSecond: sig(burstRate, 4),
        latencyMs: latencies(burstLatency),
        cpu,
      },
      steady: { posts: steady.length, stored: steadyKeys.length, offeredPerSecond: sig(offered, 4), latencyMs: latencies(steadyLatency) },
      alerts: { messages: steadyAlerts.length, matched: alertLatency.length, latencyMs: latencies(alertLatency) },
      baseline: {
        items: items.length,
        rounds: rounds.map((r) => sig(r, 4)),
        itemsPerSecond: sig(rawRate, 4),
        writeUnitsPerItem: sig(rawUnitsPerItem, 4),
      },
      capacity: capacityDetail,
      invocations: { count: durations.length, medianMs: sig(median(durations)), totalSeconds: sig(invocationSeconds, 4) },
      postItemBytes: { mean: Math.round(meanItemBytes), p99: percentile(sizes, 99) },
      units,
      textLengths,
    };
    return { rows: pipelineRows(detail), detail };
  } finally {
    reading = false;
    await poller.stop();
    await inbox;
    dynamo.destroy();
  }
}

export function pipelineRows(d: PipelineDetail): BenchRow[] {
  const raw = { name: 'raw BatchWriteItem, same items', value: d.baseline.itemsPerSecond };
  const ratio = d.burst.postsPerSecond / raw.value;
  const latencyRow = (figure: string, value: number): BenchRow => ({ part: 'pipeline', figure, value, unit: 'ms' });
  const writeRatio = d.capacity.writeUnitsPerPost / d.baseline.writeUnitsPerItem;
  return [
    {
      part: 'pipeline',
      figure: `queue → stored, burst of ${d.burst.posts} posts${d.burst.cpu.java === null ? '' : ` (DynamoDB Local at ${Math.round(d.burst.cpu.java * 100)}% of a core)`}`,
      value: d.burst.postsPerSecond,
      unit: 'posts/s',
      baseline: raw,
      ratio: sig(ratio),
      target: { text: '≥ 0.5 of raw writes', met: ratio >= 0.5 },
    },
    latencyRow('enqueue → stored p50 (burst)', d.burst.latencyMs.p50),
    latencyRow('enqueue → stored p95 (burst)', d.burst.latencyMs.p95),
    latencyRow('enqueue → stored p99 (burst)', d.burst.latencyMs.p99),
    latencyRow(`enqueue → stored p50 (steady ${d.steady.offeredPerSecond}/s)`, d.steady.latencyMs.p50),
    latencyRow(`enqueue → stored p95 (steady ${d.steady.offeredPerSecond}/s)`, d.steady.latencyMs.p95),
    latencyRow(`enqueue → stored p99 (steady ${d.steady.offeredPerSecond}/s)`, d.steady.latencyMs.p99),
    latencyRow(`post → alert message p50 (steady, ${d.alerts.matched} alerts)`, d.alerts.latencyMs.p50),
    latencyRow(`post → alert message p95 (steady, ${d.alerts.matched} alerts)`, d.alerts.latencyMs.p95),
    latencyRow(`post → alert message p99 (steady, ${d.alerts.matched} alerts)`, d.alerts.latencyMs.p99),
    {
      part: 'writes',
      figure: 'write capacity per post (post, counters, fingerprints, alerts) as AWS bills it',
      value: d.capacity.writeUnitsPerPost,
      unit: 'WCU/post',
      baseline: { name: 'the post item alone (BatchWriteItem)', value: d.baseline.writeUnitsPerItem },
      ratio: sig(writeRatio),
      target: { text: '≤ 3 WCU per post', met: d.capacity.writeUnitsPerPost <= 3 },
    },
    {
      part: 'writes',
      figure: 'write capacity per post as DynamoDB Local reports it (it misprices transactions)',
      value: d.capacity.reportedWriteUnitsPerPost,
      unit: 'WCU/post',
    },
    { part: 'writes', figure: 'read capacity per post', value: d.capacity.readUnitsPerPost, unit: 'RCU/post' },
    { part: 'writes', figure: 'DynamoDB requests per post', value: d.capacity.requestsPerPost, unit: 'requests/post' },
  ];
}

if (require.main === module) {
  const at = process.argv.indexOf('--burst');
  const burstPosts = at >= 0 ? Number(process.argv[at + 1]) : undefined;
  benchPipeline({ burstPosts, log: (line) => console.error(line) })
    .then(({ rows, detail }) => {
      for (const r of rows)
        console.log(
          `${r.part.padEnd(9)} ${r.figure.padEnd(58)} ${String(r.value).padStart(9)} ${r.unit}${r.ratio !== undefined ? `  ratio ${r.ratio}` : ''}`,
        );
      console.log(JSON.stringify({ ...detail, textLengths: `${detail.textLengths.length} texts` }, null, 2));
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
