/**
 * The whole pipeline on the embedded stack: the real handlers, wired from the environment exactly
 * as on Lambda, with the local pollers in place of the event source mappings (SQS for the
 * classifier, the posts table's stream for the aggregator) and the alert inbox in place of the
 * officers' phones.
 */
import { join, resolve } from 'node:path';
import { ENV } from '../../shared/env-names';
import { AGGREGATOR, CLASSIFIER, COLLECTOR, type StreamConsumerSpec } from '../../shared/resources';
import type { FileCollectResult, FilePageProgress } from '../../shared/pipeline/collect-file';
import { DynamoRunLock } from '../../shared/adapters/collector-state';
import type { PostQueue } from '../../shared/pipeline/ports';
import type { Alert } from '../../shared/alerts/alert';
import { sendDailyDigest } from '../../shared/pipeline/daily-digest';
import { resolveEpisodes } from '../../shared/pipeline/resolve-episodes';
import { loadConfig, type Config } from '../../shared/config';
import { FACTCHECK_COLLECTOR } from '../../shared/pipeline/collect-factchecks';
import { NEWS_COLLECTOR } from '../../shared/pipeline/collect-news';
import { X_COLLECTOR } from '../../shared/pipeline/collect-x';
import * as aggregator from '../../functions/aggregator/handler';
import * as classifier from '../../functions/classifier/handler';
import * as factCheckCollector from '../../functions/factcheck-collector/handler';
import * as fileCollector from '../../functions/file-collector/handler';
import * as newsCollector from '../../functions/news-collector/handler';
import * as xCollector from '../../functions/x-collector/handler';
import { receiveAlerts, type InboxMessage } from './alert-inbox';
import { SqsPoller } from './poller';
import { StreamPoller } from './stream-poller';
import { JournaledQueue, type RunJournal } from './run-journal';
import { PacedQueue } from './paced-queue';
import type { LocalStack } from './stack';
import { tablesDir } from './table-files';

export interface PipelineOptions {
  readonly stack: LocalStack;
  readonly configPath: string;
  readonly postsPath: string;
  readonly logLevel?: 'SILENT' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
  readonly onPage?: (progress: FilePageProgress) => void;
  readonly onAlert?: (message: InboxMessage) => void;
  readonly onFailure?: (failure: { readonly messageIds: readonly string[]; readonly error?: unknown }) => void;
  /** The run's books: each post put on the queue and each alert received is written there. */
  readonly journal?: RunJournal;
  /**
   * The file collector waits while this many messages are on the posts queue (default 5,000), so
   * that a large replay does not sit whole in the in-process queue; 0 never waits.
   */
  readonly maxBacklog?: number;
  /**
   * Where the stream poller keeps how far it has read the posts table's stream (a file in the data
   * folder, so a stopped run resumes where it was, as the event source mapping does); in memory when absent.
   */
  readonly dataDir?: string;
  /** Told of each failed aggregator invocation or stream read (retried). */
  readonly onAggregatorFailure?: (failure: { readonly error?: unknown }) => void;
  /** The local console's address: alert messages link to it (unless the config names a console). */
  readonly consoleUrl?: string;
  /**
   * The aggregator's tumbling window and batching window, in seconds, when not the deployed ones
   * (AGGREGATOR: 30 s and 5 s). A replay lives through a day in seconds: with the deployed timing
   * the whole day is counted, and its alerts raised, only as the replay ends. Shorter windows let
   * the counters, the alerts and the console follow the replay. The alerts are the same whatever
   * the windows' length: each window takes its posts one by one in event-time order.
   */
  readonly aggregatorTiming?: Pick<StreamConsumerSpec, 'windowSeconds' | 'maxBatchingWindowSeconds'>;
  /**
   * Replay the posts file at this many times the pace of its posts' event time (paced-queue.ts):
   * 2,400 plays a day in 36 seconds. As fast as the pipeline takes them when absent.
   */
  readonly speed?: number;
}

/** The stream poller's checkpoints in a data folder: beside DynamoDB Local's files, so a fresh start clears both. */
export const streamCheckpoints = (dataDir: string): string => join(tablesDir(dataDir), 'stream-checkpoints.json');

export const DEFAULT_MAX_BACKLOG = 5_000;

/**
 * The aggregator's windows in a replay (deployed: 30 s tumbling, 5 s batching). A replay goes
 * through a day in seconds; short windows let the counters, the alerts and the console follow it
 * rather than all come at its end. The alerts are the same.
 */
export const REPLAY_AGGREGATOR_TIMING = { windowSeconds: 2, maxBatchingWindowSeconds: 1 } as const;
/** How long settling waits for published alerts to reach the inbox queue. */
const SETTLE_INBOX_MS = 10_000;

/** What one run of a source collector (X, news, fact checks) did, for the run's report and its accounting. */
export interface SourceRun {
  readonly collector: string;
  /** Posts put on the queue, plus posts dead-lettered by the collector. */
  readonly sent: number;
  readonly rejected: number;
  /** One line for people: what was read, or why nothing was. */
  readonly report: string;
  readonly failed: boolean;
}

/** An enabled source collector with its configured schedule. */
export interface LocalCollector {
  readonly name: string;
  readonly schedule: string;
  /** One run, as EventBridge would start it; a failure is reported, not thrown. */
  run(): Promise<SourceRun>;
}

export interface LocalPipeline {
  readonly poller: SqsPoller;
  /** The aggregator behind the posts table's stream. */
  readonly streamPoller: StreamPoller;
  /**
   * One scheduled run of the file collector. Once `signal` aborts it stops at the next page, its
   * checkpoint saved, as it stops when its invocation's time runs out.
   */
  collect(signal?: AbortSignal): Promise<FileCollectResult>;
  /** The X, news and fact-check collectors enabled in the config. */
  readonly collectors: readonly LocalCollector[];
  /** The resolution sweep at event time `nowMs` (the scheduled sweeper's job when deployed). */
  resolve(nowMs: number): Promise<Alert[]>;
  /** The daily digest for the 24 hours before `nowMs` (the digest function's job when deployed). */
  digest(nowMs: number): Promise<Alert | undefined>;
  /**
   * Waits until the posts queue is empty, the aggregator has closed a window on every post stored
   * (a window still open is closed early: nothing more is coming), and every alert published has
   * been read.
   */
  settle(): Promise<void>;
  readonly alerts: readonly InboxMessage[];
  stop(): Promise<void>;
}

/** Sets the functions' environment as the CDK app does on AWS, pointing at the emulators. */
export function applyFunctionEnv(opts: Pick<PipelineOptions, 'stack' | 'configPath' | 'postsPath' | 'logLevel' | 'consoleUrl'>): void {
  Object.assign(process.env, opts.stack.env, {
    [ENV.config]: resolve(opts.configPath),
    [ENV.consoleUrl]: opts.consoleUrl ?? '',
    [ENV.postsFile]: resolve(opts.postsPath),
    POWERTOOLS_LOG_LEVEL: opts.logLevel ?? 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
}

export async function startPipeline(opts: PipelineOptions): Promise<LocalPipeline> {
  applyFunctionEnv(opts);
  const { stack } = opts;
  const classify = classifier.makeHandler(classifier.wireFromEnv());
  const wired = aggregator.wireFromEnv();
  // Counted, so that settling waits for every alert SNS took to reach the inbox queue.
  let published = 0;
  const aggregatorDeps: aggregator.AggregatorHandlerDeps = {
    ...wired,
    publisher: {
      async publish(alert) {
        await wired.publisher.publish(alert);
        published += 1;
      },
    },
  };
  // This process is the only runner on its data folder: a lock left by a killed run is stale.
  const locks = new DynamoRunLock(stack.clients.doc, stack.resources.tables.state);
  for (const name of [X_COLLECTOR, NEWS_COLLECTOR, FACTCHECK_COLLECTOR]) await locks.breakLock(name);
  const journaled = <T extends { readonly queue: PostQueue }>(deps: T): T =>
    opts.journal ? { ...deps, queue: new JournaledQueue(deps.queue, opts.journal) } : deps;
  const fileDeps = journaled(fileCollector.wireFromEnv());
  const maxBacklog = opts.maxBacklog ?? DEFAULT_MAX_BACKLOG;
  // Set by each collect(): a stop ends the wait for posts' event time.
  let collecting: AbortSignal | undefined;
  const paced = new PacedQueue(fileDeps.queue, {
    backlog: () => poller.backlog(),
    maxBacklog: maxBacklog > 0 ? maxBacklog : Infinity,
    ...(opts.speed ? { speed: opts.speed, stopped: () => collecting?.aborted === true } : {}),
  });
  const collect = fileCollector.makeHandler({ ...fileDeps, queue: paced, onPage: opts.onPage });

  const poller = new SqsPoller({
    sqs: stack.clients.sqs,
    queueUrl: stack.resources.postsQueueUrl,
    region: stack.region,
    handler: classify,
    functionName: 'pantau-classifier',
    batchSize: CLASSIFIER.batchSize,
    maxConcurrency: CLASSIFIER.maxConcurrency,
    timeoutSeconds: CLASSIFIER.timeoutSeconds,
    onFailure: opts.onFailure,
  });
  await poller.start();
  const streamPoller = new StreamPoller({
    streams: stack.clients.streams,
    streamArn: stack.resources.postsStreamArn,
    region: stack.region,
    handler: aggregator.makeHandler(aggregatorDeps),
    functionName: 'pantau-aggregator',
    spec: { ...AGGREGATOR, ...opts.aggregatorTiming },
    ...(opts.dataDir ? { checkpointFile: streamCheckpoints(opts.dataDir) } : {}),
    failures: { sqs: stack.clients.sqs, queueUrl: stack.resources.aggregatorFailuresUrl },
    onFailure: opts.onAggregatorFailure,
  });
  await streamPoller.start();

  const alerts: InboxMessage[] = [];
  let reading = true;
  const drainInbox = async (wait: number): Promise<number> => {
    const got = await receiveAlerts(stack.clients.sqs, stack.resources.inboxQueueUrl, wait);
    for (const message of got) {
      alerts.push(message);
      opts.journal?.received(message.alert);
      opts.onAlert?.(message);
    }
    return got.length;
  };
  const inbox = (async () => {
    while (reading) {
      try {
        await drainInbox(1);
      } catch {
        if (reading) await new Promise((r) => setTimeout(r, 200));
      }
    }
  })();

  const collectorTimeoutMs = 15 * 60_000;
  return {
    poller,
    streamPoller,
    alerts,
    collectors: sourceCollectors(loadConfig(opts.configPath), journaled),
    resolve: (nowMs) => resolveEpisodes(nowMs, aggregatorDeps),
    digest: (nowMs) => sendDailyDigest(nowMs, aggregatorDeps),
    collect: (signal) => {
      collecting = signal;
      const deadline = Date.now() + collectorTimeoutMs;
      const waitedBefore = paced.waitedMs;
      // Time spent waiting for the queue to drain, or for posts' event time, is not the collector's: on AWS it would not wait.
      return collect(
        { source: 'local-scheduler' },
        { getRemainingTimeInMillis: () => (signal?.aborted ? 0 : deadline + paced.waitedMs - waitedBefore - Date.now()) },
      );
    },
    async settle() {
      await poller.drained();
      await streamPoller.drained();
      // SNS hands each message to the inbox queue on its own time: read until every alert
      // published has arrived (or a few seconds have passed), then until the queue stays empty.
      const deadline = Date.now() + SETTLE_INBOX_MS;
      while (alerts.length < published && Date.now() < deadline) {
        if ((await drainInbox(0)) === 0) await new Promise((r) => setTimeout(r, 50));
      }
      while ((await drainInbox(0)) > 0);
    },
    async stop() {
      reading = false;
      await poller.stop();
      await streamPoller.stop();
      await inbox;
    },
  };
}

const lambdaContext = { getRemainingTimeInMillis: () => COLLECTOR.timeoutSeconds * 1000 };

/** The enabled source collectors, each wired from the environment as on Lambda. */
function sourceCollectors(config: Config, journaled: <T extends { readonly queue: PostQueue }>(deps: T) => T): LocalCollector[] {
  const { x, news, factchecks } = config.sources;
  const collectors: LocalCollector[] = [];
  const guarded = (name: string, schedule: string, run: () => Promise<SourceRun>): LocalCollector => ({
    name,
    schedule,
    run: () =>
      run().catch((err: unknown) => ({
        collector: name,
        sent: 0,
        rejected: 0,
        failed: true,
        report: `${name}: failed: ${(err as Error).message}`,
      })),
  });
  if (x?.enabled) {
    let handler: xCollector.XCollectorHandler | undefined;
    collectors.push(
      guarded('x', x.schedule, async () => {
        handler ??= xCollector.makeHandler(journaled(xCollector.wireFromEnv()));
        const r = await handler({}, lambdaContext);
        if ('notRun' in r) return { collector: 'x', sent: 0, rejected: 0, failed: false, report: `x: not run (${r.notRun})` };
        const report = `x: ${r.reads} posts read, ${r.sent} sent, stopped: ${r.stopped}; ${r.spentToday} of today's ${x.budget.perDay} reads spent`;
        return { collector: 'x', sent: r.sent, rejected: r.rejected.length, failed: r.queries.some((q) => q.error), report };
      }),
    );
  }
  if (news?.enabled) {
    let handler: newsCollector.NewsCollectorHandler | undefined;
    collectors.push(
      guarded('news', news.schedule, async () => {
        handler ??= newsCollector.makeHandler(journaled(newsCollector.wireFromEnv()));
        const r = await handler({});
        if ('notRun' in r) return { collector: 'news', sent: 0, rejected: 0, failed: false, report: `news: not run (${r.notRun})` };
        const failed = r.feeds.filter((f) => f.status === 'failed');
        const report = `news: ${r.sent} new items from ${r.feeds.length} feeds${failed.length ? `; failed: ${failed.map((f) => `${f.url} (${f.error})`).join(', ')}` : ''}`;
        return { collector: 'news', sent: r.sent, rejected: r.rejected.length, failed: failed.length > 0, report };
      }),
    );
  }
  if (factchecks?.enabled) {
    let handler: factCheckCollector.FactCheckHandler | undefined;
    collectors.push(
      guarded('factchecks', factchecks.schedule, async () => {
        handler ??= factCheckCollector.makeHandler(factCheckCollector.wireFromEnv());
        const r = await handler({});
        if ('notRun' in r)
          return { collector: 'factchecks', sent: 0, rejected: 0, failed: false, report: `factchecks: not run (${r.notRun})` };
        const failed = r.queries.filter((q) => q.error);
        const report = `factchecks: ${r.stored.length} new debunked claims stored${failed.length ? `; failed: ${failed.map((q) => `"${q.query}" (${q.error})`).join(', ')}` : ''}`;
        return { collector: 'factchecks', sent: 0, rejected: 0, failed: failed.length > 0, report };
      }),
    );
  }
  return collectors;
}
