/**
 * End to end on the embedded stack (DynamoDB Local in memory behind the proxy that answers
 * transaction conflicts as DynamoDB does, and fauxqs), with both functions of the data path wired
 * as on Lambda and the benchmark as the collector:
 * - the classifier behind the local SQS poller (batches of 10, 4 at a time, as its event source
 *   mapping is configured): one conditional put per post;
 * - the aggregator behind the local stream poller, with the deployed spec (AGGREGATOR: tumbling
 *   windows of 30 s per shard, batches of up to 1,000 records, a 5 s batching window): each window
 *   counted, checked for coordinated posting and held against the alert rules at its end. Each of
 *   its invocations is timed.
 *
 * - Warm-up: 1,000 generated posts through the whole pipeline first, not measured (DynamoDB Local
 *   is a fresh JVM compiling its hot paths, and the baseline runs on it warm).
 * - Burst: generated posts (scripts/make-load.ts, a day of their own) put on the queue at once, a
 *   flood evening: posts per second from the first enqueue to the last post stored (the
 *   classifier's save returning), and latency from each post's enqueue to it (queueing included: a
 *   burst waits its turn); CPU of this process (classifier, aggregator, both pollers, fauxqs, the
 *   conflict proxy) and of DynamoDB Local's Java meanwhile. Then the aggregator is drained (its
 *   open window closed early: nothing of the burst's alerts is measured).
 * - Steady: the demo day put on the queue at half the burst's rate, in its order: latency from
 *   enqueue to stored when the pipeline keeps up, and from the enqueue of the post that fired an
 *   alert (the post whose event time is the alert's `firedAt`) to the alert message read from the
 *   queue subscribed to the alerts topic — what an officer waits, the aggregator's window
 *   included. The windows holding the last posts are left to close at their own end before the
 *   alert latencies are taken: closing them early (as draining does) would shorten the wait of
 *   the alerts they fire.
 * - Capacity: the capacity every DynamoDB request of the classifier and the aggregator consumed
 *   (ReturnConsumedCapacity; each function's own client, one meter), per post stored, per
 *   operation, per table and index, and per function, reported and as AWS bills it. The
 *   aggregator's reads of the posts table's stream are not DynamoDB requests billed to the
 *   account: DynamoDB Streams reads by Lambda triggers are free, and the stream poller's client is
 *   not metered.
 *   What the aggregator does per window (read its mark, write and read the spread record, commit
 *   the counters, read the counters of the topics it judges) is shared by the posts of the window,
 *   and a counter item by the window's posts of the same topic and bucket: the benchmark replays a
 *   day in seconds, so a window holds a thousand posts or more and hours of event time. The
 *   per-post figures are those of such rates (a flood evening); at a trickle a window holds a post
 *   or two, which carry its requests, its mark and their counter items alone
 *   (`aggregator.perWindow` and `postsPerWindow`).
 * - Baseline: BatchWriteItem of copies of the stored post items (the same sizes, the same table
 *   and index) through the same endpoint into the same DynamoDB Local, 4 requests at a time, once
 *   both pollers are stopped: the raw write rate, median of 3 rounds.
 *
 *   npx tsx scripts/bench/pipeline.ts [--burst POSTS]
 */
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { ScanCommand, type DynamoDBDocumentClient, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import * as aggregator from '../../functions/aggregator/handler';
import * as classifier from '../../functions/classifier/handler';
import { receiveAlerts } from '../../infra/local/alert-inbox';
import { applyFunctionEnv } from '../../infra/local/pipeline';
import { SqsPoller } from '../../infra/local/poller';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import { StreamPoller } from '../../infra/local/stream-poller';
import { batchPutAll, type PutRequest } from '../../shared/adapters/batch-write';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { makeSqsClient } from '../../shared/adapters/sqs';
import type { Alert } from '../../shared/alerts/alert';
import { loadConfig } from '../../shared/config';
import { AGGREGATOR, CLASSIFIER, FUNCTION_MEMORY_MB, TABLES } from '../../shared/resources';
import { loadLines } from '../make-load';
import { findJava, sampleProc } from '../proc';
import { CapacityMeter, itemBytes, type IndexKeys, type TableCapacity } from './capacity';
import { pipelineRows, splitByTable, type Latencies, type PerPost, type PipelineDetail } from './pipeline-rows';
import { AggregatorClock, Enqueuer, StoredPosts, outgoing, sleep, waitStored, windowsClosed } from './pipeline-timing';
import { median, percentile, sig } from './stats';
import type { PartResult, UnitsPerPost } from './types';
import { allItems } from '../../shared/adapters/pages';

const ROOT = resolve(__dirname, '..', '..');
const BASELINE_ROUNDS = 3;
/** The burst's generated posts: a day of their own, after the demo day. */
const BURST_SEED = 20261207;
const BURST_START = Date.parse('2026-12-01T00:00:00+07:00');
const DEFAULT_BURST = 2_500;
/**
 * Posts sent through the whole pipeline before anything is measured: a day of their own a year
 * before the demo day, so that their alert episodes are long over (in event time) and their
 * counters outside every baseline when the measured posts come.
 */
const WARM_UP_POSTS = 1_000;
const WARM_UP_SEED = 20251126;
const WARM_UP_START = Date.parse('2025-11-26T00:00:00+07:00');
const AVERAGE_MONTH_DAYS = 30.44;
/** How long published alerts may take to reach the inbox queue. */
const INBOX_MS = 10_000;

export interface PipelineBenchOptions {
  readonly configPath?: string;
  /** Generated posts put on the queue at once (default 2,500). */
  readonly burstPosts?: number;
  /** The steady phase: a posts file in the post contract, in event order (default: the demo day). */
  readonly steadyPath?: string;
  readonly log?: (line: string) => void;
}

const rounded = <T extends TableCapacity>(c: T): T => ({
  ...c,
  readUnits: sig(c.readUnits, 6),
  writeUnits: sig(c.writeUnits, 6),
  billedWriteUnits: sig(c.billedWriteUnits, 6),
});

const perPost = (c: TableCapacity, posts: number): PerPost => ({
  requests: sig(c.requests / posts, 4),
  readUnits: sig(c.readUnits / posts, 4),
  writeUnits: sig(c.writeUnits / posts, 4),
  billedWriteUnits: sig(c.billedWriteUnits / posts, 4),
});

const latencies = (values: readonly number[]): Latencies => ({
  n: values.length,
  p50: sig(percentile(values, 50)),
  p95: sig(percentile(values, 95)),
  p99: sig(percentile(values, 99)),
  max: sig(percentile(values, 100)),
});

function generatedLines(count: number, configPath: string, seed = BURST_SEED, startMs = BURST_START): Promise<string[]> {
  return loadLines({ count, seed, days: 1, startMs, configPath });
}

/** The local tables' indexes, to price transactional writes. */
function indexKeys(stack: LocalStack): IndexKeys {
  const keys: Record<string, { name: string; keys: string[] }[]> = {};
  for (const [name, spec] of Object.entries(TABLES)) {
    keys[stack.resources.tables[name as keyof typeof TABLES]] = spec.indexes.map((i) => ({
      name: i.name,
      keys: [i.partitionKey.name, ...('sortKey' in i && i.sortKey ? [i.sortKey.name] : [])],
    }));
  }
  return keys;
}

async function scanAll(doc: DynamoDBDocumentClient, table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const pages = allItems((start: ScanCommandInput['ExclusiveStartKey']) =>
    doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start })),
  );
  for await (const item of pages) items.push(item);
  return items;
}

export async function benchPipeline(opts: PipelineBenchOptions = {}): Promise<PartResult<PipelineDetail>> {
  const log = opts.log ?? (() => undefined);
  const configPath = resolve(opts.configPath ?? resolve(ROOT, 'pantau.config.json'));
  const steadyPath = resolve(opts.steadyPath ?? resolve(ROOT, 'demo', 'jakarta-day.jsonl'));
  const burstPosts = opts.burstPosts ?? DEFAULT_BURST;
  const config = loadConfig(configPath);

  log('pipeline: starting DynamoDB Local (in memory, behind the conflict proxy) and fauxqs');
  const stack = await startLocalStack({ prefix: 'bench', conflicts: true });
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
  // Each function's own clients, made from the environment as on Lambda; one meter on both DynamoDB clients.
  const meter = new CapacityMeter(indexKeys(stack));
  const classifierDynamo = new DynamoDBClient({});
  const aggregatorDynamo = new DynamoDBClient({});
  meter.attach(classifierDynamo, 'classifier');
  meter.attach(aggregatorDynamo, 'aggregator');
  const sqs = makeSqsClient();
  const sns = new SNSClient({});

  const classifierDeps = classifier.wireFromEnv({ doc: makeDocumentClient(classifierDynamo), sqs, sns });
  const store = classifierDeps.posts;
  const stored = new StoredPosts();
  const classify = classifier.makeHandler({
    ...classifierDeps,
    posts: {
      save: async (item) => {
        const outcome = await store.save(item);
        stored.saved(item.postKey, outcome);
        return outcome;
      },
    },
  });
  const durations: number[] = [];
  const poller = new SqsPoller({
    sqs: stack.clients.sqs,
    queueUrl: stack.resources.postsQueueUrl,
    region: stack.region,
    handler: async (event, context) => {
      const t = performance.now();
      try {
        return await classify(event, context);
      } finally {
        durations.push(performance.now() - t);
      }
    },
    functionName: 'pantau-classifier',
    batchSize: CLASSIFIER.batchSize,
    maxConcurrency: CLASSIFIER.maxConcurrency,
    timeoutSeconds: CLASSIFIER.timeoutSeconds,
  });

  const aggregatorDeps = aggregator.wireFromEnv({ doc: makeDocumentClient(aggregatorDynamo), sqs, sns });
  // Counted, so that the benchmark waits for every alert SNS took to reach the inbox queue.
  let published = 0;
  const clock = new AggregatorClock();
  const failures: Record<string, number> = {};
  const streamPoller = new StreamPoller({
    streams: stack.clients.streams,
    streamArn: stack.resources.postsStreamArn,
    region: stack.region,
    handler: clock.timed(
      aggregator.makeHandler({
        ...aggregatorDeps,
        publisher: {
          async publish(alert) {
            await aggregatorDeps.publisher.publish(alert);
            published += 1;
          },
        },
      }),
    ),
    functionName: 'pantau-aggregator',
    spec: AGGREGATOR,
    failures: { sqs: stack.clients.sqs, queueUrl: stack.resources.aggregatorFailuresUrl },
    onFailure: (f) => {
      failures[f.kind] = (failures[f.kind] ?? 0) + 1;
    },
  });
  /** Drains the aggregator: its open windows are closed early (only once a phase's figures are taken). */
  const drainAggregator = async (): Promise<void> => {
    clock.draining = true;
    try {
      await streamPoller.drained();
    } finally {
      clock.draining = false;
    }
  };

  const received: { alert: Alert; at: number }[] = [];
  let reading = true;
  const inbox = (async () => {
    while (reading) {
      try {
        for (const m of await receiveAlerts(stack.clients.sqs, stack.resources.inboxQueueUrl, 1))
          received.push({ alert: m.alert, at: performance.now() });
      } catch {
        if (reading) await sleep(100);
      }
    }
  })();
  /** Waits until every alert published so far has been read from the inbox queue (SNS delivers on its own time). */
  const inboxCaughtUp = async (): Promise<void> => {
    const deadline = performance.now() + INBOX_MS;
    while (received.length < published && performance.now() < deadline) await sleep(50);
  };

  const enqueuer = new Enqueuer(stack.clients.sqs, stack.resources.postsQueueUrl);
  try {
    await poller.start();
    await streamPoller.start();

    // A warm-up through the whole pipeline, not measured: DynamoDB Local is a fresh JVM, which
    // spends the first seconds compiling its hot paths (over half its CPU in a burst sent cold),
    // and the baseline below runs once it is warm; the functions load their lexicons and claims.
    const warm = outgoing(await generatedLines(WARM_UP_POSTS, o.configPath, WARM_UP_SEED, WARM_UP_START));
    await enqueuer.burst(warm);
    await waitStored(
      warm.map((p) => p.key),
      stored,
      poller,
    );
    await drainAggregator();
    await inboxCaughtUp();
    o.log(`pipeline: warmed up with ${warm.length} posts (not measured)`);
    meter.reset();
    stored.reset();
    clock.reset();
    durations.length = 0;
    enqueuer.requests = 0;
    for (const kind of Object.keys(failures)) delete failures[kind];
    const before = {
      classifierInvocations: poller.stats.invocations,
      published,
      cancelled: stack.conflicts?.transactionsCancelled ?? 0,
      rejected: stack.conflicts?.writesRejected ?? 0,
    };

    const burst = outgoing(await generatedLines(Math.ceil(o.burstPosts * 1.05), o.configPath)).slice(0, o.burstPosts);
    o.log(`pipeline: burst of ${burst.length} generated posts`);
    // DynamoDB Local's own port: with conflicts on, the endpoint the clients use is the proxy's.
    const javaPid = findJava(Number(new URL(stack.dynamoDbLocalEndpoint).port));
    const cpuBefore = { node: process.cpuUsage(), java: javaPid === undefined ? undefined : sampleProc(javaPid)?.cpuSeconds };
    await enqueuer.burst(burst);
    const enqueuedAll = performance.now();
    await waitStored(
      burst.map((p) => p.key),
      stored,
      poller,
    );
    const burstKeys = burst.map((p) => p.key).filter((k) => stored.at.has(k));
    const burstStart = Math.min(...burst.map((p) => enqueuer.enqueuedAt.get(p.key)!));
    const burstEnd = Math.max(...burstKeys.map((k) => stored.at.get(k)!));
    const burstSeconds = (burstEnd - burstStart) / 1000;
    const nodeCpu = process.cpuUsage(cpuBefore.node);
    const javaAfter = javaPid === undefined ? undefined : sampleProc(javaPid)?.cpuSeconds;
    const cpu = {
      node: sig((nodeCpu.user + nodeCpu.system) / 1e6 / burstSeconds),
      java: cpuBefore.java !== undefined && javaAfter !== undefined ? sig((javaAfter - cpuBefore.java) / burstSeconds) : null,
    };
    const burstRate = burstKeys.length / burstSeconds;
    const burstLatency = burstKeys.map((k) => stored.at.get(k)! - enqueuer.enqueuedAt.get(k)!);
    o.log(
      `pipeline: burst stored ${burstKeys.length} in ${burstSeconds.toFixed(1)} s (${burstRate.toFixed(1)} posts/s; ` +
        `CPU: node ${(cpu.node * 100).toFixed(0)}%, DynamoDB Local ${cpu.java === null ? '?' : (cpu.java * 100).toFixed(0)}% of a core)`,
    );
    // The burst's figures are taken and none of its alerts is measured: its last window may close early.
    await drainAggregator();
    await inboxCaughtUp();
    o.log(
      `pipeline: aggregator drained after the burst (${clock.finalDurations.length} windows closed, ${published - before.published} alerts sent)`,
    );

    // The demo day at half the burst's rate: the pipeline keeps up, and its alerts fire as in `npm start`.
    const steady = outgoing(readFileSync(o.steadyPath, 'utf8').split('\n'));
    const offered = Math.max(1, burstRate / 2);
    const alertsBefore = received.length;
    o.log(`pipeline: steady: ${steady.length} posts at ${offered.toFixed(1)} posts/s (${(steady.length / offered).toFixed(0)} s)`);
    await enqueuer.paced(steady, offered);
    await waitStored(
      steady.map((p) => p.key),
      stored,
      poller,
    );
    await poller.drained();
    const steadyKeys = steady.map((p) => p.key).filter((k) => stored.at.has(k));
    const steadyLatency = steadyKeys.map((k) => stored.at.get(k)! - enqueuer.enqueuedAt.get(k)!);

    // The windows holding the last posts close at their own end, as deployed; then their alerts are read.
    await windowsClosed(clock, stored);
    await inboxCaughtUp();
    const steadyAlerts = received.slice(alertsBefore);
    const alertLatency: number[] = [];
    for (const { alert, at } of steadyAlerts) {
      const from = enqueuer.byEventTime.get(Date.parse(alert.firedAt));
      if (from !== undefined) alertLatency.push(at - from);
    }
    o.log(`pipeline: steady: ${steadyAlerts.length} alert messages, ${alertLatency.length} matched to the post that fired them`);
    // Nothing should be left open; the alert latencies are taken, so closing early changes none of them.
    await drainAggregator();

    const posts = stored.written;
    const byTable = Object.fromEntries([...meter.byTable].map(([table, c]) => [table, rounded(c)]));
    const byOperation = Object.fromEntries([...meter.byOperation].map(([op, c]) => [op, rounded(c)]));
    const byFunction = Object.fromEntries([...meter.byFunction].map(([fn, c]) => [fn, rounded(c)]));
    const capacityDetail: PipelineDetail['capacity'] = {
      posts,
      writeUnitsPerPost: sig(meter.billedWriteUnits / posts, 4),
      reportedWriteUnitsPerPost: sig(meter.writeUnits / posts, 4),
      readUnitsPerPost: sig(meter.readUnits / posts, 4),
      requestsPerPost: sig(meter.requests / posts, 4),
      failedRequests: meter.failedRequests,
      duplicateSaves: stored.duplicates,
      byOperation,
      byTable,
      byFunction,
      perPost: {
        byOperation: Object.fromEntries([...meter.byOperation].map(([op, c]) => [op, perPost(c, posts)])),
        byTable: Object.fromEntries([...meter.byTable].map(([table, c]) => [table, perPost(c, posts)])),
        byFunction: Object.fromEntries([...meter.byFunction].map(([fn, c]) => [fn, perPost(c, posts)])),
      },
    };
    const split = splitByTable(Object.fromEntries([...meter.byTable].map(([table, c]) => [table, c])), stack.resources.tables.posts);
    meter.counting = false;
    o.log(
      `pipeline: per post ${capacityDetail.requestsPerPost} DynamoDB requests, ${capacityDetail.writeUnitsPerPost} write units as AWS bills them ` +
        `(${capacityDetail.reportedWriteUnitsPerPost} as DynamoDB Local reports), ${capacityDetail.readUnitsPerPost} read units`,
    );

    // The baseline: the same items, written raw, through the same endpoint into the same DynamoDB Local, nothing else running.
    await streamPoller.stop();
    await poller.stop();
    const items = (await scanAll(stack.clients.doc, stack.resources.tables.posts)).filter((i) => stored.at.has(String(i.postKey)));
    const sizes = items.map(itemBytes);
    const rawMeter = new CapacityMeter(indexKeys(stack));
    const rawClient = new DynamoDBClient({});
    rawMeter.attach(rawClient);
    const rawDoc = makeDocumentClient(rawClient);
    const rounds: number[] = [];
    try {
      for (let round = 1; round <= BASELINE_ROUNDS; round++) {
        const requests: PutRequest[] = items.map((item) => ({
          PutRequest: { Item: { ...item, postKey: `raw${round}#${String(item.postKey)}` } },
        }));
        const t = performance.now();
        await batchPutAll(rawDoc, stack.resources.tables.posts, requests, { what: 'baseline', concurrency: CLASSIFIER.maxConcurrency });
        rounds.push(items.length / ((performance.now() - t) / 1000));
      }
    } finally {
      rawClient.destroy();
    }
    const rawRate = median(rounds);
    const rawUnitsPerItem = rawMeter.writeUnits / (items.length * BASELINE_ROUNDS);
    o.log(`pipeline: raw BatchWriteItem ${rawRate.toFixed(0)} items/s, ${rawUnitsPerItem.toFixed(2)} write units per item`);

    const windows = Math.max(1, clock.finalDurations.length);
    const aggregatorCapacity = meter.byFunction.get('aggregator') ?? { requests: 0, billedWriteUnits: 0, readUnits: 0 };
    const classifierSeconds = durations.reduce((n, d) => n + d, 0) / 1000;
    const aggregatorSeconds = clock.durations.reduce((n, d) => n + d, 0) / 1000;
    const meanItemBytes = sizes.reduce((n, s) => n + s, 0) / Math.max(1, sizes.length);
    // Each copy (in the table, and in each index the item is in: they project the whole item) is billed with 100 bytes of overhead.
    const postIndexes = indexKeys(stack)[stack.resources.tables.posts] ?? [];
    const storedPerItem = items.map(
      (item, i) => (sizes[i]! + 100) * (1 + postIndexes.filter((index) => index.keys.every((k) => item[k] !== undefined)).length),
    );
    const units: UnitsPerPost = {
      lambdaGbSeconds: sig((((classifierSeconds + aggregatorSeconds) / posts) * FUNCTION_MEMORY_MB) / 1024, 4),
      lambdaRequests: sig((durations.length + clock.durations.length) / posts, 4),
      // Each batch of posts: one SendMessageBatch by the collector, one receive and one delete by the event source mapping.
      sqsRequests: sig((enqueuer.requests + 2 * (poller.stats.invocations - before.classifierInvocations)) / posts, 4),
      postsTableWriteUnits: sig(split.posts.write / posts, 4),
      postsTableReadUnits: sig(split.posts.read / posts, 4),
      otherTablesWriteUnits: sig(split.other.write / posts, 4),
      otherTablesReadUnits: sig(split.other.read / posts, 4),
      storedBytes: Math.round(storedPerItem.reduce((n, b) => n + b, 0) / Math.max(1, storedPerItem.length)),
      storageMonths: sig(o.config.retention.postsDays / AVERAGE_MONTH_DAYS, 4),
      snsPublishes: sig((published - before.published) / posts, 4),
    };
    const textLengths = [...burst, ...steady].map((p) => [...(JSON.parse(p.body) as { text: string }).text].length);

    const detail: PipelineDetail = {
      burst: {
        posts: burst.length,
        stored: burstKeys.length,
        seconds: sig(burstSeconds, 4),
        enqueueSeconds: sig((enqueuedAll - burstStart) / 1000, 4),
        postsPerSecond: sig(burstRate, 4),
        latencyMs: latencies(burstLatency),
        cpu,
      },
      steady: { posts: steady.length, stored: steadyKeys.length, offeredPerSecond: sig(offered, 4), latencyMs: latencies(steadyLatency) },
      alerts: { messages: steadyAlerts.length, matched: alertLatency.length, latencyMs: latencies(alertLatency) },
      classifier: { invocations: durations.length, medianMs: sig(median(durations)), totalSeconds: sig(classifierSeconds, 4) },
      aggregator: {
        windowSeconds: AGGREGATOR.windowSeconds,
        invocations: clock.durations.length,
        finalInvocations: clock.finalDurations.length,
        endedByStateLimit: clock.endedByStateLimit,
        closedByDrain: clock.closedByDrain,
        failures,
        medianMs: sig(median(clock.durations)),
        finalMs: latencies(clock.finalDurations),
        totalSeconds: sig(aggregatorSeconds, 4),
        postsPerWindow: sig(clock.folded / windows, 4),
        perWindow: {
          requests: sig(aggregatorCapacity.requests / windows, 4),
          billedWriteUnits: sig(aggregatorCapacity.billedWriteUnits / windows, 4),
          readUnits: sig(aggregatorCapacity.readUnits / windows, 4),
        },
      },
      conflicts: {
        transactionsCancelled: (stack.conflicts?.transactionsCancelled ?? 0) - before.cancelled,
        writesRejected: (stack.conflicts?.writesRejected ?? 0) - before.rejected,
      },
      baseline: {
        items: items.length,
        rounds: rounds.map((r) => sig(r, 4)),
        itemsPerSecond: sig(rawRate, 4),
        writeUnitsPerItem: sig(rawUnitsPerItem, 4),
      },
      capacity: capacityDetail,
      postItemBytes: { mean: Math.round(meanItemBytes), p99: percentile(sizes, 99) },
      units,
      textLengths,
    };
    return { rows: pipelineRows(detail), detail };
  } finally {
    reading = false;
    await streamPoller.stop();
    await poller.stop();
    await inbox;
    classifierDynamo.destroy();
    aggregatorDynamo.destroy();
    sqs.destroy();
    sns.destroy();
  }
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
