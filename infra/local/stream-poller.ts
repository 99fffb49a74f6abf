/**
 * What Lambda's DynamoDB Streams event source mapping does, for the embedded stack (poller.ts is
 * its twin for the SQS queue). It reads each shard of a table's stream in order, one invocation
 * per shard at a time, a child shard only once its parent is done; keeps only the records whose
 * kind the mapping's filter lets through; gathers them into batches (batch size, batching window,
 * 6 MB payload); folds them into a tumbling window whose state each invocation hands to the next,
 * and ends each window with one final invocation; retries a failing invocation with backoff, then
 * reports the batch to the failures queue (Lambda's on-failure destination) and moves on; and
 * checkpoints a window's records only once its final invocation is done, in a file that survives
 * the process, so a run killed mid-window reads that window again, as Lambda does after a failure.
 *
 * Windows follow the poller's clock: a record belongs to the window in which it was read
 * (DynamoDB Local rounds ApproximateCreationDateTime to the minute, too coarse for windows).
 */
import { randomUUID } from 'node:crypto';
import {
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type GetShardIteratorCommandOutput,
  type DynamoDBStreamsClient,
  type Shard,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Context, DynamoDBRecord } from 'aws-lambda';
import type { StreamConsumerSpec } from '../../shared/resources';
import {
  Batch,
  Checkpoints,
  OpenWindow,
  functionArn,
  lambdaContext,
  failureRecord,
  jsonBytes,
  markOf,
  retryDelayMs,
  toLambdaRecord,
  windowAt,
  type RecordMark,
  type WindowedStreamEvent,
  type WindowedStreamResponse,
} from './stream-window';

export type { WindowedStreamEvent, WindowedStreamResponse } from './stream-window';

export type StreamHandler = (event: WindowedStreamEvent, context: Context) => Promise<WindowedStreamResponse>;

export interface StreamFailure {
  /** Absent when the stream itself could not be described. */
  readonly shardId?: string;
  /**
   * `invocation`: the function threw, answered without a state or reported failed records (the
   * invocation is retried until the retries run out); `read`: the stream could not be read (retried);
   * `destination`: a given-up batch could not be sent to the failures queue.
   */
  readonly kind: 'invocation' | 'read' | 'destination';
  readonly error?: unknown;
  /** The records the function reported as failed. */
  readonly itemIdentifiers?: readonly string[];
  readonly isFinalInvokeForWindow?: boolean;
  /** 1 for the first try. */
  readonly attempt?: number;
  /** No retries left: the batch (or the window's final invocation) is given up on. */
  readonly givenUp?: boolean;
}

export interface StreamPollerOptions {
  readonly streams: DynamoDBStreamsClient;
  readonly streamArn: string;
  readonly region: string;
  readonly handler: StreamHandler;
  readonly functionName: string;
  readonly spec: StreamConsumerSpec;
  /** JSON file of checkpoints (shard id → last sequence number processed), read when the poller is made. */
  readonly checkpointFile?: string;
  /** Where a batch given up on is reported, as Lambda's on-failure destination. */
  readonly failures?: { readonly sqs: SQSClient; readonly queueUrl: string };
  readonly onFailure?: (failure: StreamFailure) => void;
  /** The clock of windows and batching windows (epoch milliseconds). */
  readonly now?: () => number;
  /** How a retry waits its backoff. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface StreamPollerStats {
  /** Calls of the function, retries and final invocations included. */
  invocations: number;
  /** Calls with `isFinalInvokeForWindow`, retries included. */
  finalInvocations: number;
  /** Records of invocations that succeeded: each record once. */
  records: number;
  failedInvocations: number;
}

/** Lambda polls an idle shard four times a second. */
const IDLE_POLL_MS = 250;
const DISCOVERY_MS = 3_000;
const READ_ERROR_PAUSE_MS = 500;
/** The event without its records: window, ids, flags (the state is counted apart). */
const ENVELOPE_BYTES = 1024;

interface ShardReader {
  readonly id: string;
  iterator?: string;
  /** The last sequence number read: where a new iterator starts. */
  position?: string;
  /** A closed shard read to its end. */
  ended: boolean;
  /** Ended, and its last window acted on: its children may be read. */
  finished: boolean;
  /** Waiting for new records with nothing under way (see drained). */
  idle: boolean;
  batch?: Batch;
  window?: OpenWindow;
  /** Ticket of the last read that found no records (see drained). */
  emptyRead: number;
  flushWaiters: (() => void)[];
  wake?: () => void;
  loop?: Promise<void>;
}

type Outcome = 'stopped' | { readonly ok: true; readonly stateJson: string } | { readonly ok: false; readonly functionError?: string };

export class StreamPoller {
  readonly stats: StreamPollerStats = { invocations: 0, finalInvocations: 0, records: 0, failedInvocations: 0 };
  private running = false;
  private readonly readers = new Map<string, ShardReader>();
  private known: Shard[] = [];
  private discovery?: Promise<void>;
  private wakeDiscovery?: () => void;
  private tickets = 0;
  private readonly checkpoints: Checkpoints;
  private readonly now: () => number;

  constructor(private readonly opts: StreamPollerOptions) {
    this.checkpoints = new Checkpoints(opts.checkpointFile);
    this.now = opts.now ?? Date.now;
  }

  /** Finds the shards and starts reading them; fails if the stream cannot be described. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.discover();
    } catch (err) {
      this.running = false;
      throw err;
    }
    this.discovery = this.discoverEvery(DISCOVERY_MS);
  }

  /** Stops reading and waits for an invocation under way; an open window is left to be read again. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeDiscovery?.();
    for (const r of this.readers.values()) r.wake?.();
    await Promise.all([this.discovery, ...[...this.readers.values()].map((r) => r.loop)]);
    this.readers.clear();
    this.discovery = undefined;
  }

  /** Ends every open window now, with its final invocation (as an early end), and waits for it. */
  async flush(): Promise<void> {
    const open = [...this.readers.values()].filter((r) => !r.finished && (r.batch || r.window));
    await Promise.all(
      open.map(
        (r) =>
          new Promise<void>((resolve) => {
            r.flushWaiters.push(resolve);
            r.wake?.();
          }),
      ),
    );
  }

  /**
   * Resolves once every shard has been read to its end after the call, nothing is gathered or
   * invoked, and no window is open: the windows still open once everything is read are flushed.
   */
  async drained(): Promise<void> {
    for (;;) {
      if (!this.running) throw new Error('the stream poller is not running');
      const ticket = this.tickets;
      await this.discover().catch((error: unknown) => this.report({ kind: 'read', error }));
      await this.until(() => [...this.readers.values()].every((r) => r.finished || ((r.ended || r.emptyRead > ticket) && r.idle)));
      if ([...this.readers.values()].some((r) => r.batch || r.window)) await this.flush();
      else if (this.known.every((s) => s.ShardId && this.readers.has(s.ShardId))) return;
      else await pause(50); // a child shard is about to start
    }
  }

  private async until(done: () => boolean): Promise<void> {
    while (!done()) {
      if (!this.running) throw new Error('the stream poller was stopped');
      await pause(50);
    }
  }

  // --- Shards ---------------------------------------------------------------------------------

  private async discoverEvery(ms: number): Promise<void> {
    while (this.running) {
      await pause(ms, (wake) => (this.wakeDiscovery = wake));
      if (!this.running) return;
      await this.discover().catch((error: unknown) => this.report({ kind: 'read', error }));
    }
  }

  private async discover(): Promise<void> {
    const shards: Shard[] = [];
    let from: string | undefined;
    do {
      const out = await this.opts.streams.send(new DescribeStreamCommand({ StreamArn: this.opts.streamArn, ExclusiveStartShardId: from }));
      shards.push(...(out.StreamDescription?.Shards ?? []));
      from = out.StreamDescription?.LastEvaluatedShardId;
    } while (from);
    this.known = shards;
    this.startReady();
  }

  /** Starts a reader on each shard not yet read whose parent is done (or gone from the stream). */
  private startReady(): void {
    if (!this.running) return;
    const present = new Set(this.known.map((s) => s.ShardId));
    for (const shard of this.known) {
      const id = shard.ShardId;
      if (!id || this.readers.has(id)) continue;
      const parent = shard.ParentShardId;
      if (parent && present.has(parent) && !this.readers.get(parent)?.finished) continue;
      const reader: ShardReader = {
        id,
        position: this.checkpoints.get(id),
        ended: false,
        finished: false,
        idle: false,
        emptyRead: 0,
        flushWaiters: [],
      };
      this.readers.set(id, reader);
      reader.loop = this.readShard(reader);
    }
  }

  private async readShard(r: ShardReader): Promise<void> {
    try {
      while (this.running && !r.finished) {
        try {
          await this.step(r);
        } catch (error) {
          // Never fatal: e.g. the checkpoint file could not be written. Try again shortly.
          this.report({ shardId: r.id, kind: 'read', error });
          await this.idle(r, READ_ERROR_PAUSE_MS);
        }
      }
    } finally {
      for (const resolve of r.flushWaiters.splice(0)) resolve();
    }
  }

  /** One turn of a shard's reader: act on what is due, else read a page and take its records. */
  private async step(r: ShardReader): Promise<void> {
    if (r.flushWaiters.length > 0) {
      const waiters = r.flushWaiters.splice(0);
      await this.endWindow(r, true);
      for (const resolve of waiters) resolve();
      return;
    }
    const now = this.now();
    if (r.window && now >= r.window.bounds.end) await this.endWindow(r, false);
    else if (r.batch?.due(now, this.opts.spec)) await this.invokeBatch(r);
    if (!this.running) return;
    if (r.ended) {
      if (r.batch || r.window) return this.idle(r, this.untilDue(r));
      r.finished = true;
      this.startReady();
      return;
    }
    const records = await this.read(r);
    if (records === undefined) return this.idle(r, READ_ERROR_PAUSE_MS);
    if (records.length === 0) return this.idle(r, this.untilDue(r));
    const readAt = this.now();
    for (const record of records) {
      if (!this.running) return;
      await this.take(r, record, readAt);
    }
    this.checkpoints.save();
  }

  /** A page of records, or undefined when the stream could not be read (reported). */
  private async read(r: ShardReader): Promise<_Record[] | undefined> {
    for (let tries = 1; ; tries++) {
      const ticket = ++this.tickets;
      try {
        r.iterator ??= await this.iteratorFor(r);
        const out = await this.opts.streams.send(new GetRecordsCommand({ ShardIterator: r.iterator, Limit: 1000 }));
        r.iterator = out.NextShardIterator;
        // A closed shard: no iterator after its last record.
        if (!out.NextShardIterator) r.ended = true;
        const records = out.Records ?? [];
        if (records.length === 0) r.emptyRead = ticket;
        return records;
      } catch (error) {
        // The next try starts a new iterator after the last record read.
        r.iterator = undefined;
        const stale = error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException;
        if (stale && tries === 1) continue;
        this.report({ shardId: r.id, kind: 'read', error });
        return undefined;
      }
    }
  }

  private async iteratorFor(r: ShardReader): Promise<string> {
    const input = { StreamArn: this.opts.streamArn, ShardId: r.id };
    let out: GetShardIteratorCommandOutput;
    try {
      out = await this.opts.streams.send(
        new GetShardIteratorCommand(
          r.position
            ? { ...input, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: r.position }
            : { ...input, ShardIteratorType: this.opts.spec.startingPosition },
        ),
      );
    } catch (error) {
      if (!(error instanceof TrimmedDataAccessException) || !r.position) throw error;
      // The records after the checkpoint have passed the stream's retention: read what is left.
      this.report({ shardId: r.id, kind: 'read', error });
      out = await this.opts.streams.send(new GetShardIteratorCommand({ ...input, ShardIteratorType: 'TRIM_HORIZON' }));
    }
    if (!out.ShardIterator) throw new Error(`no iterator for shard ${r.id}`);
    return out.ShardIterator;
  }

  // --- Batches and windows --------------------------------------------------------------------

  private async take(r: ShardReader, record: _Record, readAt: number): Promise<void> {
    // Read after its window's end: the record opens the next window, once the old one is acted on.
    if (r.window && readAt >= r.window.bounds.end) await this.endWindow(r, false);
    if (!this.running) return;
    const sequence = record.dynamodb?.SequenceNumber ?? '';
    r.position = sequence;
    if (!record.eventName || !this.opts.spec.eventNames.includes(record.eventName)) {
      // Filtered out: processed, as far as the checkpoint goes, once what precedes it is.
      if (r.batch) r.batch.lastSequence = sequence;
      else if (r.window) r.window.lastSequence = sequence;
      else this.checkpoints.advance(r.id, sequence);
      return;
    }
    const event = toLambdaRecord(record, this.opts.streamArn, this.opts.region);
    const bytes = jsonBytes(event);
    if (r.batch && !r.batch.fits(bytes)) await this.invokeBatch(r);
    if (!this.running) return;
    r.window ??= new OpenWindow(windowAt(readAt, this.opts.spec.windowSeconds));
    r.batch ??= new Batch(this.now(), ENVELOPE_BYTES + Buffer.byteLength(r.window.stateJson));
    r.batch.add(event, bytes);
    if (r.batch.full(this.opts.spec)) await this.invokeBatch(r);
  }

  private async invokeBatch(r: ShardReader): Promise<void> {
    const { batch, window } = r;
    if (!batch || !window) return;
    const outcome = await this.invoke(r, window, batch.records, false);
    if (outcome === 'stopped') return;
    r.batch = undefined;
    if (outcome.ok) {
      this.stats.records += batch.records.length;
      window.fold(batch, outcome.stateJson);
      // Lambda ends a window early when its state passes the limit; the next records start afresh.
      if (Buffer.byteLength(outcome.stateJson) > this.opts.spec.maxStateBytes) await this.endWindow(r, true);
      return;
    }
    const first = batch.records[0];
    const last = batch.records.at(-1);
    if (first && last) await this.giveUp(r, markOf(first), markOf(last), batch.records.length, outcome.functionError);
    // Given up on: the batch's records count as processed.
    window.lastSequence = batch.lastSequence;
  }

  /** The final invocation of the shard's window (when it had records), then its checkpoint. */
  private async endWindow(r: ShardReader, early: boolean): Promise<void> {
    if (r.batch) await this.invokeBatch(r);
    const window = r.window;
    if (!window || r.batch) return; // already ended early, or stopping
    if (window.records > 0) {
      const outcome = await this.invoke(r, window, [], true, early);
      if (outcome === 'stopped') return;
      if (!outcome.ok && window.first && window.last)
        await this.giveUp(r, window.first, window.last, window.records, outcome.functionError);
    }
    r.window = undefined;
    if (window.lastSequence) {
      this.checkpoints.advance(r.id, window.lastSequence);
      this.checkpoints.save();
    }
  }

  /** Time until the shard's batch or window is due, at most the idle polling interval. */
  private untilDue(r: ShardReader): number {
    const now = this.now();
    let ms = IDLE_POLL_MS;
    if (r.batch) ms = Math.min(ms, r.batch.openedAt + this.opts.spec.maxBatchingWindowSeconds * 1000 - now);
    if (r.window) ms = Math.min(ms, r.window.bounds.end - now);
    return Math.max(0, ms);
  }

  private async idle(r: ShardReader, ms: number): Promise<void> {
    r.idle = true;
    try {
      await pause(ms, (wake) => (r.wake = wake));
    } finally {
      r.idle = false;
    }
  }

  // --- Invocations ----------------------------------------------------------------------------

  /** Invokes the function, retrying a failure with backoff up to the spec's retry attempts. */
  private async invoke(r: ShardReader, window: OpenWindow, records: DynamoDBRecord[], final: boolean, early = false): Promise<Outcome> {
    const event: WindowedStreamEvent = {
      Records: records,
      window: window.iso,
      state: JSON.parse(window.stateJson) as Record<string, unknown>,
      shardId: r.id,
      eventSourceARN: this.opts.streamArn,
      isFinalInvokeForWindow: final,
      isWindowTerminatedEarly: early,
    };
    // On Lambda the event is JSON: each try gets its own copy of the same records and state.
    const json = JSON.stringify(event);
    const tries = this.opts.spec.maxRetryAttempts + 1;
    let functionError: string | undefined;
    for (let attempt = 1; attempt <= tries; attempt++) {
      if (attempt > 1)
        await (this.opts.sleep ? this.opts.sleep(retryDelayMs(attempt - 1)) : pause(retryDelayMs(attempt - 1), (w) => (r.wake = w)));
      if (!this.running) return 'stopped';
      this.stats.invocations += 1;
      if (final) this.stats.finalInvocations += 1;
      let failure: Pick<StreamFailure, 'error' | 'itemIdentifiers'>;
      try {
        const answer = (await this.opts.handler(
          JSON.parse(json) as WindowedStreamEvent,
          lambdaContext(this.opts.region, this.opts.functionName, this.opts.spec.timeoutSeconds),
        )) as Partial<WindowedStreamResponse> | undefined;
        const failed = answer?.batchItemFailures ?? [];
        const state = answer?.state;
        functionError = undefined;
        if (failed.length > 0) failure = { itemIdentifiers: failed.map((f) => f.itemIdentifier) };
        else if (typeof state !== 'object' || state === null || Array.isArray(state))
          failure = { error: new Error('the function answered without a state object') };
        else return { ok: true, stateJson: JSON.stringify(state) };
      } catch (error) {
        functionError = 'Unhandled';
        failure = { error };
      }
      this.stats.failedInvocations += 1;
      this.report({ shardId: r.id, kind: 'invocation', ...failure, isFinalInvokeForWindow: final, attempt, givenUp: attempt === tries });
    }
    return { ok: false, functionError };
  }

  /** Sends Lambda's on-failure record of a batch given up on to the failures queue. */
  private async giveUp(r: ShardReader, first: RecordMark, last: RecordMark, batchSize: number, functionError?: string): Promise<void> {
    const failures = this.opts.failures;
    if (!failures) return;
    const record = failureRecord(
      {
        shardId: r.id,
        streamArn: this.opts.streamArn,
        functionArn: functionArn(this.opts.region, this.opts.functionName),
        first,
        last,
        batchSize,
        invokeCount: this.opts.spec.maxRetryAttempts + 1,
        functionError,
        nowMs: this.now(),
      },
      randomUUID(),
    );
    try {
      await failures.sqs.send(new SendMessageCommand({ QueueUrl: failures.queueUrl, MessageBody: JSON.stringify(record) }));
    } catch (error) {
      this.report({ shardId: r.id, kind: 'destination', error });
    }
  }

  private report(failure: StreamFailure): void {
    this.opts.onFailure?.(failure);
  }
}

/** A wait that `hold`'s wake function ends early. */
function pause(ms: number, hold?: (wake: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    hold?.(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
