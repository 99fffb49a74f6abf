/**
 * The rig of the fault-injection tests: a private embedded stack (its own DynamoDB Local process
 * on a fixed port and data folder, so it can be stopped and started again, behind the proxy that
 * answers transaction conflicts as DynamoDB does; fauxqs; SNS reached through a proxy that can be
 * made to fail), the real classifier handler behind the local poller, the real aggregator behind
 * the local stream poller, the alert subscriber, and the books (cli/replay.ts, infra/local/books.ts) at
 * the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountingReport } from '../../infra/local/books';
import { loadConfig, type Config } from '../../shared/config';
import { parsePostOrThrow, postKey, type Post } from '../../shared/post';
import { AGGREGATOR, CLASSIFIER, type StreamConsumerSpec } from '../../shared/resources';
import { resolveEpisodes } from '../../shared/pipeline/resolve-episodes';
import * as aggregator from '../../functions/aggregator/handler';
import * as classifier from '../../functions/classifier/handler';
import { startConflictProxy, type ConflictProxy } from '../../infra/local/conflicts';
import { receiveAlerts, type InboxMessage } from '../../infra/local/alert-inbox';
import { freePort, startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/emulators';
import { RunJournal } from '../../infra/local/run-journal';
import { queueBacklog, SqsPoller } from '../../infra/local/poller';
import {
  createResources,
  destroyClients,
  functionEnv,
  localClients,
  LOCAL_REGION,
  type LocalClients,
  type LocalResources,
} from '../../infra/local/stack';
import { StreamPoller, type StreamFailure } from '../../infra/local/stream-poller';
import { streamCheckpoints } from '../../infra/local/pipeline';
import { journaledPostQueue, replayBooks } from '../../cli/replay';
import { mulberry32 } from '../../scripts/prng';

export const CONFIG_PATH = resolve(__dirname, '../../pantau.config.json');

/** A fault test's time limit: each starts its own DynamoDB Local, and CI machines are shared. */
export const FAULT_TIMEOUT_MS = 300_000;

/** An HTTP proxy in front of an endpoint that answers 503 while it is down. */
export interface FaultProxy {
  readonly url: string;
  down: boolean;
  /** Requests refused while down. */
  refused: number;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const to = new URL(target);
  const proxy = {
    url: '',
    down: false,
    refused: 0,
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    if (proxy.down) {
      proxy.refused += 1;
      req.resume();
      res.writeHead(503, { 'content-type': 'text/xml' });
      res.end(
        '<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>unavailable (fault injected)</Message></Error></ErrorResponse>',
      );
      return;
    }
    const upstream = request(
      { hostname: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  proxy.url = `http://127.0.0.1:${port}`;
  proxy.close = () => new Promise<void>((ok) => server.close(() => ok()));
  return proxy;
}

export interface RigOptions {
  /**
   * Seconds before a failed message is delivered again (default 6; AWS: 6× the classifier's
   * timeout). Short, so retries come round within a test; long enough that a batch on a busy
   * machine finishes before its messages come round again.
   */
  readonly visibilityTimeoutSeconds?: number;
  /** Changes to the classifier's wiring (a fault in the classifier itself). */
  readonly classifierDeps?: (deps: classifier.ClassifierHandlerDeps) => classifier.ClassifierHandlerDeps;
  readonly config?: (config: Config) => Config;
}

export class Rig {
  readonly journal: RunJournal;
  readonly received: InboxMessage[] = [];
  /** What the poller reported failing: message ids of failed records, or the error of a failed invocation. */
  readonly failures: { readonly messageIds: readonly string[]; readonly error?: unknown }[] = [];
  /** What the stream poller reported failing: aggregator invocations (retried) and stream reads. */
  readonly streamFailures: StreamFailure[] = [];
  poller?: SqsPoller;
  streamPoller?: StreamPoller;
  private reading = true;
  private inbox?: Promise<void>;

  private constructor(
    readonly dataDir: string,
    readonly config: Config,
    readonly configPath: string,
    private dynamo: DynamoDbLocal,
    readonly conflicts: ConflictProxy,
    readonly sns: FaultProxy,
    readonly clients: LocalClients,
    readonly resources: LocalResources,
    readonly env: Record<string, string>,
    private readonly opts: RigOptions,
  ) {
    this.journal = new RunJournal(dataDir);
  }

  static async start(name: string, opts: RigOptions = {}): Promise<Rig> {
    const dataDir = mkdtempSync(join(tmpdir(), `pantau-fault-${name}-`));
    const base = loadConfig(CONFIG_PATH);
    const config = opts.config ? opts.config(base) : base;
    const configPath = join(dataDir, 'pantau.config.json');
    writeFileSync(configPath, JSON.stringify(config));
    const region = LOCAL_REGION;
    const sqsSns = process.env.PANTAU_FAULTS_SQS_SNS;
    if (!sqsSns) throw new Error('the faults global setup did not start fauxqs (PANTAU_FAULTS_SQS_SNS unset)');
    const dynamo = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb'), port: await freePort(), region });
    const conflicts = await startConflictProxy(dynamo.endpoint);
    const sns = await startFaultProxy(sqsSns);
    const clients = localClients({ dynamodb: conflicts.url, sqsSns }, region);
    const resources = await createResources(clients, `f-${name}`, opts.visibilityTimeoutSeconds ?? 6);
    const env = {
      ...functionEnv(region, { dynamodb: conflicts.url, sqsSns }, resources),
      AWS_ENDPOINT_URL_SNS: sns.url,
      PANTAU_CONFIG: configPath,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
    };
    Object.assign(process.env, env);
    const rig = new Rig(dataDir, config, configPath, dynamo, conflicts, sns, clients, resources, env, opts);
    rig.inbox = rig.readInbox();
    return rig;
  }

  /** Puts posts on the posts queue as a collector does, writing each to the journal first. */
  async collect(posts: readonly Post[]): Promise<void> {
    const queue = journaledPostQueue(this, this.journal);
    const outgoing = posts.map((post) => ({ key: postKey(post), body: JSON.stringify(post), source: post.source }));
    for (let i = 0; i < outgoing.length; i += 100) await queue.sendAll(outgoing.slice(i, i + 100));
  }

  /**
   * The aggregator (the real handler, wired from the environment) behind the local stream poller,
   * keeping its checkpoints in the rig's data folder as the event source mapping keeps its own.
   */
  async startAggregator(spec: StreamConsumerSpec = AGGREGATOR): Promise<StreamPoller> {
    this.streamPoller = new StreamPoller({
      streams: this.clients.streams,
      streamArn: this.resources.postsStreamArn,
      region: LOCAL_REGION,
      handler: aggregator.makeHandler(aggregator.wireFromEnv()),
      functionName: 'pantau-aggregator',
      spec,
      checkpointFile: streamCheckpoints(this.dataDir),
      failures: { sqs: this.clients.sqs, queueUrl: this.resources.aggregatorFailuresUrl },
      onFailure: (failure) => this.streamFailures.push(failure),
    });
    await this.streamPoller.start();
    return this.streamPoller;
  }

  /**
   * The classifier (the real handler, wired from the environment) behind the local poller, and
   * the aggregator behind the stream unless told not to (it runs in a process of its own).
   */
  async startClassifier(opts: { readonly aggregator?: boolean } = {}): Promise<SqsPoller> {
    const wired = classifier.wireFromEnv();
    // The first invocation's cold work (the claims store read) done before any message is taken.
    await wired.claims?.refresh();
    const handler = classifier.makeHandler(this.opts.classifierDeps ? this.opts.classifierDeps(wired) : wired);
    this.poller = new SqsPoller({
      sqs: this.clients.sqs,
      queueUrl: this.resources.postsQueueUrl,
      region: LOCAL_REGION,
      handler,
      functionName: 'pantau-classifier',
      batchSize: CLASSIFIER.batchSize,
      maxConcurrency: CLASSIFIER.maxConcurrency,
      timeoutSeconds: CLASSIFIER.timeoutSeconds,
      onFailure: (failure) => this.failures.push(failure),
    });
    await this.poller.start();
    if (opts.aggregator !== false && !this.streamPoller) await this.startAggregator();
    return this.poller;
  }

  /**
   * Waits until the posts queue is empty and nothing is in flight, then until the aggregator has
   * closed a window on every post stored (an open window is closed early), then reads the
   * subscriber dry. Without a poller in this process (the classifier in a child process), the
   * queue's own figures decide: empty, visible or not, at three readings in a row.
   */
  async settle(): Promise<void> {
    if (this.poller) {
      await this.poller.drained();
    } else {
      for (let empty = 0; empty < 3;) {
        empty = (await this.backlog()) === 0 ? empty + 1 : 0;
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    await this.streamPoller?.drained();
    await new Promise((r) => setTimeout(r, 300));
    while ((await this.drainInbox(0)) > 0);
  }

  /** Messages on the posts queue: visible, in flight or delayed. */
  backlog(): Promise<number> {
    return queueBacklog(this.clients.sqs, this.resources.postsQueueUrl);
  }

  /**
   * The alert sweeper's run (the scheduled function), at the event time of the last post: it
   * sends what waits in the outbox and resolves quiet episodes. Returns the alerts it sent.
   */
  async sweep(lastEventMs: number): Promise<number> {
    return (await resolveEpisodes(lastEventMs, aggregator.wireFromEnv())).length;
  }

  /** Stops DynamoDB Local; `start` brings it back on the same port and data folder. */
  async stopDynamo(): Promise<void> {
    await this.dynamo.stop();
  }

  async startDynamo(): Promise<void> {
    this.dynamo = await startDynamoDbLocal({ dataDir: join(this.dataDir, 'dynamodb'), port: this.dynamo.port, region: LOCAL_REGION });
  }

  /** Waits until `ready` holds, reading it every 100 ms; fails after `timeoutMs`. */
  async until(what: string, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await ready())) {
      if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Posts stored so far (a Scan count). */
  async storedCount(): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.clients.doc.send(
        new ScanCommand({ TableName: this.resources.tables.posts, Select: 'COUNT', ExclusiveStartKey: start }),
      );
      count += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return count;
  }

  /** The books: what was collected against the tables, the DLQ and the subscriber. */
  async books(): Promise<AccountingReport> {
    const received = this.received.map((m) => ({ alertId: m.alert.alertId, revision: m.alert.revision }));
    return (await replayBooks(this, this.config, this.journal, { keepDeadLetters: false, received })).books;
  }

  async stop(): Promise<void> {
    this.reading = false;
    await this.poller?.stop();
    await this.streamPoller?.stop();
    await this.inbox;
    destroyClients(this.clients);
    await Promise.allSettled([this.conflicts.close(), this.sns.close()]);
    await this.dynamo.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async drainInbox(wait: number): Promise<number> {
    const got = await receiveAlerts(this.clients.sqs, this.resources.inboxQueueUrl, wait);
    this.received.push(...got);
    return got.length;
  }

  private async readInbox(): Promise<void> {
    while (this.reading) {
      try {
        await this.drainInbox(1);
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
}

/** One line per source and the problems, for a failing assertion's message and the closing note. */
export function figures(name: string, report: AccountingReport, alertsSent: number): string {
  const t = report.totals;
  return `${name}: collected ${t.collected} (deliveries ${t.deliveries}), stored ${t.stored}, in DLQ ${t.deadLettered}, missing ${t.missing}, stored twice ${report.storedTwice}, repeat deliveries absorbed ${report.duplicatesAbsorbed ?? 0}, counters wrong ${report.counters.wrong}/${report.counters.checked}, alert messages ${alertsSent} (repeated ${report.alerts?.repeated ?? 0}, in the outbox ${report.alerts?.pending ?? 0})${report.ok ? '' : `\n  ${report.problems.join('\n  ')}`}`;
}

/** The bundled demo day's posts with `createdAt` in [fromIso, toIso): real texts, the banjir spike included. */
export function demoPosts(fromIso = '2026-11-26T06:00:00Z', toIso = '2026-11-26T10:00:00Z'): Post[] {
  return readFileSync(resolve(__dirname, '../../demo/jakarta-day.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => parsePostOrThrow(line))
    .filter((post) => post.createdAt >= fromIso && post.createdAt < toIso);
}

/** A fixed shuffle (same order every run), so a failure can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A script of the fault tests run in a process of its own (to be killed), and what it prints. */
export interface ScriptProcess {
  readonly child: ChildProcess;
  /** Every line it printed so far. */
  readonly lines: string[];
  /** Resolves when it prints `ready`; rejects if it ends first. */
  readonly ready: Promise<void>;
  /** Resolves when it next prints `line`. */
  said(line: string): Promise<void>;
}

/** Runs `script` (a file of test/faults) with tsx, with the rig's environment and `env` on top. */
export function scriptProcess(script: string, env: Record<string, string>): ScriptProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, script)], {
    cwd: resolve(__dirname, '../..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiting = new Map<string, () => void>();
  const ready = new Promise<void>((ok, fail) => {
    child.once('exit', (code, signal) => fail(new Error(`${script} ended early (${code ?? signal})`)));
    waiting.set('ready', ok);
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    waiting.get(line)?.();
  });
  return { child, lines, ready, said: (line) => new Promise<void>((ok) => waiting.set(line, ok)) };
}
