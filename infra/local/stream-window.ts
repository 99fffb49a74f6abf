/**
 * The books of the local stream poller (stream-poller.ts), apart from the reading: Lambda's
 * event and answer shapes for a stream function with a tumbling window, the conversion of a
 * stream record to Lambda's shape, the batch being gathered, the window open on a shard, the
 * on-failure record Lambda sends when it gives up on a batch, and the shards' checkpoints.
 */
import { randomUUID } from 'node:crypto';
import type { AttributeValue as SdkAttributeValue, _Record as SdkRecord } from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, Context, DynamoDBRecord } from 'aws-lambda';
import { FUNCTION_MEMORY_MB, type StreamConsumerSpec } from '../../shared/resources';
import { readJsonFile, writeJsonFile } from './json-file';
import { backoffDelay, type Backoff } from '../../shared/retry';

// Lambda's shapes for a stream function with a tumbling window, as the aggregator declares them.
export type { WindowedStreamEvent, WindowedStreamResponse } from '../../functions/aggregator/handler';

/** Lambda's limit on a synchronous invocation's payload. */
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value));
}

/** Wait before retry number `retry` (1 for the first): 200 ms, doubling, at most 5 s. */
export function retryDelayMs(retry: number): number {
  return backoffDelay(STREAM_RETRY, retry);
}

/** The event source mapping's retries of a failed batch: doubling waits, none left to chance (tries are counted elsewhere). */
const STREAM_RETRY: Backoff = { attempts: Infinity, baseDelayMs: 200, maxDelayMs: 5_000, jitter: 'none' };

export interface WindowBounds {
  /** Epoch milliseconds, inclusive. */
  readonly start: number;
  /** Epoch milliseconds, exclusive. */
  readonly end: number;
}

/** The tumbling window holding `nowMs`: windows are aligned to multiples of their length. */
export function windowAt(nowMs: number, windowSeconds: number): WindowBounds {
  const length = windowSeconds * 1000;
  const start = Math.floor(nowMs / length) * length;
  return { start, end: start + length };
}

/** A stream record as Lambda hands it to a function. */
export function toLambdaRecord(r: SdkRecord, streamArn: string, region: string): DynamoDBRecord {
  const d = r.dynamodb ?? {};
  const created = d.ApproximateCreationDateTime;
  return {
    eventID: r.eventID,
    eventName: r.eventName,
    eventVersion: r.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      // Lambda sends epoch seconds.
      ApproximateCreationDateTime: created ? Math.floor(created.getTime() / 1000) : undefined,
      Keys: d.Keys && image(d.Keys),
      NewImage: d.NewImage && image(d.NewImage),
      OldImage: d.OldImage && image(d.OldImage),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType,
    },
    eventSourceARN: streamArn,
    ...(r.userIdentity ? { userIdentity: r.userIdentity } : {}),
  };
}

function image(item: Record<string, SdkAttributeValue>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, attribute(v)]));
}

/** The SDK's attribute values are DynamoDB JSON already, except binaries (bytes, not base64). */
function attribute(v: SdkAttributeValue): AttributeValue {
  if (v.B !== undefined) return { B: Buffer.from(v.B).toString('base64') };
  if (v.BS !== undefined) return { BS: v.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (v.M !== undefined) return { M: image(v.M) };
  if (v.L !== undefined) return { L: v.L.map(attribute) };
  return v as AttributeValue;
}

/** The sequence number and arrival of a record, for the books of a batch or window. */
export interface RecordMark {
  readonly sequence: string;
  /** Epoch seconds (ApproximateCreationDateTime). */
  readonly arrival: number | undefined;
}

export function markOf(r: DynamoDBRecord): RecordMark {
  return { sequence: r.dynamodb?.SequenceNumber ?? '', arrival: r.dynamodb?.ApproximateCreationDateTime };
}

/** Records gathered for one invocation of a shard's window. */
export class Batch {
  readonly records: DynamoDBRecord[] = [];
  /** The last stream record this batch covers, filtered-out ones included. */
  lastSequence = '';
  private bytes: number;

  /** `envelopeBytes`: the event without its records (window, state, ids). */
  constructor(
    readonly openedAt: number,
    envelopeBytes: number,
  ) {
    this.bytes = envelopeBytes;
  }

  /** Whether the record still fits in Lambda's payload limit. */
  fits(recordBytes: number): boolean {
    return this.records.length === 0 || this.bytes + recordBytes + 1 <= MAX_PAYLOAD_BYTES;
  }

  add(record: DynamoDBRecord, recordBytes: number): void {
    this.records.push(record);
    this.bytes += recordBytes + 1;
    this.lastSequence = record.dynamodb?.SequenceNumber ?? this.lastSequence;
  }

  full(spec: StreamConsumerSpec): boolean {
    return this.records.length >= spec.batchSize;
  }

  /** Full, or gathered for the batching window. */
  due(nowMs: number, spec: StreamConsumerSpec): boolean {
    return this.full(spec) || nowMs - this.openedAt >= spec.maxBatchingWindowSeconds * 1000;
  }
}

/** A tumbling window open on one shard: the state folded so far and what it covers. */
export class OpenWindow {
  /** The state as JSON, as Lambda keeps it: each invocation gets its own copy. */
  stateJson = '{}';
  /** Records that reached the function in successful invocations. */
  records = 0;
  first?: RecordMark;
  last?: RecordMark;
  /** The last stream record covered (filtered-out and given-up ones included): checkpointed at the end. */
  lastSequence = '';

  constructor(readonly bounds: WindowBounds) {}

  get iso(): { start: string; end: string } {
    return { start: new Date(this.bounds.start).toISOString(), end: new Date(this.bounds.end).toISOString() };
  }

  /** Folds in a successful invocation of `batch`. */
  fold(batch: Batch, stateJson: string): void {
    this.stateJson = stateJson;
    this.records += batch.records.length;
    const first = batch.records[0];
    const last = batch.records.at(-1);
    if (first && !this.first) this.first = markOf(first);
    if (last) this.last = markOf(last);
    this.lastSequence = batch.lastSequence;
  }
}

export interface FailedBatch {
  readonly shardId: string;
  readonly streamArn: string;
  readonly functionArn: string;
  readonly first: RecordMark;
  readonly last: RecordMark;
  readonly batchSize: number;
  readonly invokeCount: number;
  /** `Unhandled` when the last try threw; absent when it answered with failures or without a state. */
  readonly functionError?: string;
  readonly nowMs: number;
}

/** What Lambda sends to a stream mapping's on-failure destination when it gives up on a batch. */
export function failureRecord(f: FailedBatch, requestId: string): Record<string, unknown> {
  const iso = (seconds: number | undefined) => (seconds === undefined ? undefined : new Date(seconds * 1000).toISOString());
  return {
    requestContext: {
      requestId,
      functionArn: f.functionArn,
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: f.invokeCount,
    },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: f.functionError },
    version: '1.0',
    timestamp: new Date(f.nowMs).toISOString(),
    DDBStreamBatchInfo: {
      shardId: f.shardId,
      startSequenceNumber: f.first.sequence,
      endSequenceNumber: f.last.sequence,
      approximateArrivalOfFirstRecord: iso(f.first.arrival),
      approximateArrivalOfLastRecord: iso(f.last.arrival),
      batchSize: f.batchSize,
      streamArn: f.streamArn,
    },
  };
}

export function functionArn(region: string, name: string): string {
  return `arn:aws:lambda:${region}:000000000000:function:${name}`;
}

/** A Lambda-like context: the remaining time counts down from the function's timeout. */
export function lambdaContext(region: string, name: string, timeoutSeconds: number): Context {
  const deadline = Date.now() + timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn(region, name),
    memoryLimitInMB: String(FUNCTION_MEMORY_MB),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Shard id → the last sequence number processed, in memory and (when given) in a JSON file. */
export class Checkpoints {
  private values: Record<string, string> = {};
  private dirty = false;

  constructor(private readonly file?: string) {
    if (!file) return;
    const stored = readJsonFile(file, 'stream checkpoints', 'delete it to read the stream from its start');
    if (stored) this.values = stored as Record<string, string>;
  }

  get(shardId: string): string | undefined {
    return this.values[shardId];
  }

  advance(shardId: string, sequence: string): void {
    if (this.values[shardId] === sequence) return;
    this.values[shardId] = sequence;
    this.dirty = true;
  }

  /** Written whole, through a temporary file, so a crash never leaves half a file. */
  save(): void {
    if (!this.dirty || !this.file) return;
    writeJsonFile(this.file, this.values);
    this.dirty = false;
  }
}
