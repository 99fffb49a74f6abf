/**
 * How the pipeline part (scripts/bench/pipeline.ts) takes its times: the posts it puts on the
 * queue and when, when the classifier's save of each returned, and the aggregator's invocations
 * and windows as the stream poller makes them.
 */
import { performance } from 'node:perf_hooks';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SqsPoller } from '../../infra/local/poller';
import type { StreamHandler } from '../../infra/local/stream-poller';
import { sqsSafe } from '../../shared/adapters/sqs';
import type { SaveOutcome } from '../../shared/pipeline/ports';
import { postKey } from '../../shared/post';
import { AGGREGATOR } from '../../shared/resources';
import { mapLimited } from '../../shared/pool';
import { sleep } from '../../shared/retry';

const SEND_BATCH = 10;
const SEND_CONCURRENCY = 4;
/** How long the aggregator may take to close the windows of a phase's posts at their own end. */
const WINDOWS_CLOSE_MS = 4 * (AGGREGATOR.windowSeconds + AGGREGATOR.maxBatchingWindowSeconds) * 1000 + 60_000;

export interface Outgoing {
  readonly key: string;
  readonly createdMs: number;
  readonly body: string;
}

export { sleep };

/** Posts of a JSON-lines file, one message each, the first of each (source, id) only. */
export function outgoing(lines: readonly string[]): Outgoing[] {
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

/** Puts posts on the posts queue as a collector does (SendMessageBatch of 10), noting when each went. */
export class Enqueuer {
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
    await mapLimited(batches, SEND_CONCURRENCY, (batch) => this.send(batch));
  }

  /** One batch every SEND_BATCH / rate seconds. */
  async paced(posts: readonly Outgoing[], perSecond: number): Promise<void> {
    const start = performance.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < posts.length; i += SEND_BATCH) {
      const due = start + (i / perSecond) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      sends.push(this.send(posts.slice(i, i + SEND_BATCH)));
    }
    await Promise.all(sends);
  }
}

/**
 * The aggregator's invocations as the stream poller makes them: their durations, and per shard
 * the last invocation that folded records and the last final one, to tell when every post read
 * has had its window closed. (A shard's invocations come one at a time; a window closed early
 * and the next one may have the same bounds, so the order of the invocations decides, not the
 * windows' ends alone.)
 */
export class AggregatorClock {
  readonly durations: number[] = [];
  readonly finalDurations: number[] = [];
  /** Records handed to invocations that succeeded. */
  folded = 0;
  endedByStateLimit = 0;
  closedByDrain = 0;
  /** Set while the benchmark drains the aggregator: windows ended early meanwhile are its doing. */
  draining = false;
  private calls = 0;
  /** Per shard: the last invocation that folded records, and the last final one (call number, window end). */
  private readonly lastFolded = new Map<string, { call: number; end: number }>();
  private readonly lastClosed = new Map<string, { call: number; end: number }>();

  /** Forgets the figures (not which windows are closed): what came before is not measured. */
  reset(): void {
    this.durations.length = 0;
    this.finalDurations.length = 0;
    this.folded = 0;
    this.endedByStateLimit = 0;
    this.closedByDrain = 0;
  }

  timed(handler: StreamHandler): StreamHandler {
    return async (event, context) => {
      const t = performance.now();
      const answer = await handler(event, context).finally(() => {
        const ms = performance.now() - t;
        this.durations.push(ms);
        if (event.isFinalInvokeForWindow) this.finalDurations.push(ms);
      });
      if (answer.batchItemFailures?.length) return answer;
      const mark = { call: ++this.calls, end: Date.parse(event.window.end) };
      if (event.Records.length > 0) {
        this.folded += event.Records.length;
        this.lastFolded.set(event.shardId, mark);
      }
      if (event.isFinalInvokeForWindow) {
        this.lastClosed.set(event.shardId, mark);
        if (event.isWindowTerminatedEarly) {
          if (this.draining) this.closedByDrain += 1;
          else this.endedByStateLimit += 1;
        }
      }
      return answer;
    };
  }

  /** Every window that held records has had its final invocation since. */
  allClosed(): boolean {
    return [...this.lastFolded].every(([shard, folded]) => {
      const closed = this.lastClosed.get(shard);
      return closed !== undefined && closed.call > folded.call && closed.end >= folded.end;
    });
  }
}

/** Posts stored, as the classifier's save returned them. */
export class StoredPosts {
  /** When the save that wrote each post returned (performance.now()). */
  readonly at = new Map<string, number>();
  /** Saves that wrote the post (each makes one stream record). */
  written = 0;
  /** Saves that found the post already stored. */
  duplicates = 0;

  saved(key: string, outcome: SaveOutcome): void {
    if (outcome === 'duplicate') {
      this.duplicates += 1;
      return;
    }
    this.written += 1;
    if (!this.at.has(key)) this.at.set(key, performance.now());
  }

  reset(): void {
    this.at.clear();
    this.written = 0;
    this.duplicates = 0;
  }
}

export async function waitStored(keys: readonly string[], stored: StoredPosts, poller: SqsPoller): Promise<void> {
  for (;;) {
    if (keys.every((k) => stored.at.has(k))) return;
    // A post rejected to the DLQ is never stored: stop once the queue is empty.
    if ((await poller.backlog()) === 0) {
      await poller.drained();
      return;
    }
    await sleep(50);
  }
}

/**
 * Waits until every post written has reached the aggregator and each window that held posts has
 * had its final invocation at its own end (or Lambda's state limit): nothing is closed early.
 */
export async function windowsClosed(clock: AggregatorClock, stored: StoredPosts): Promise<void> {
  const deadline = performance.now() + WINDOWS_CLOSE_MS;
  while (!(clock.folded >= stored.written && clock.allClosed())) {
    if (performance.now() > deadline)
      throw new Error(
        `the aggregator has not closed its windows within ${WINDOWS_CLOSE_MS / 1000} s: ${clock.folded} of ${stored.written} posts read from the stream`,
      );
    await sleep(100);
  }
}
