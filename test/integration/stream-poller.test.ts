/**
 * The local stream poller behaves like Lambda's DynamoDB Streams event source mapping with a
 * tumbling window, against the stream of a real DynamoDB Local table: filtered, ordered, batched
 * records; state handed from one invocation of a window to the next; one final invocation per
 * window; retries, then the on-failure record; checkpoints that a restarted poller reads from.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DeleteItemCommand, DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBRecord } from 'aws-lambda';
import { LOCAL_CREDENTIALS } from '../../infra/local/emulators';
import { LOCAL_REGION } from '../../infra/local/stack';
import {
  StreamPoller,
  type StreamFailure,
  type StreamHandler,
  type StreamPollerOptions,
  type WindowedStreamEvent,
  type WindowedStreamResponse,
} from '../../infra/local/stream-poller';
import { AGGREGATOR, type StreamConsumerSpec } from '../../shared/resources';

const SPEC: StreamConsumerSpec = { ...AGGREGATOR, windowSeconds: 2, maxBatchingWindowSeconds: 0.2, batchSize: 50 };
const HOUR = 3600;
const FUNCTION_NAME = 'aggregator-test';

let dynamo: DynamoDBClient;
let streams: DynamoDBStreamsClient;
let sqs: SQSClient;
let work: string;
const pollers: StreamPoller[] = [];

beforeAll(() => {
  const dynamodb = process.env.PANTAU_TEST_DYNAMODB;
  const sqsSns = process.env.PANTAU_TEST_SQS_SNS;
  if (!dynamodb || !sqsSns) throw new Error('the integration global setup did not start the emulators (PANTAU_TEST_* unset)');
  const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  dynamo = new DynamoDBClient({ ...common, endpoint: dynamodb });
  streams = new DynamoDBStreamsClient({ ...common, endpoint: dynamodb });
  sqs = new SQSClient({ ...common, endpoint: sqsSns });
  work = mkdtempSync(join(tmpdir(), 'pantau-stream-'));
});

afterEach(async () => {
  await Promise.all(pollers.splice(0).map((p) => p.stop()));
});

afterAll(() => {
  dynamo.destroy();
  streams.destroy();
  sqs.destroy();
  rmSync(work, { recursive: true, force: true });
});

// --- Helpers --------------------------------------------------------------------------------------

const suffix = (): string => randomBytes(3).toString('hex');

async function streamTable(name: string): Promise<{ table: string; streamArn: string }> {
  const table = `t-stream-${name}-${suffix()}`;
  const out = await dynamo.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    }),
  );
  return { table, streamArn: out.TableDescription!.LatestStreamArn! };
}

const keys = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

/** One put at a time, so the stream holds them in this order. */
async function put(table: string, pks: readonly string[]): Promise<void> {
  for (const [i, pk] of pks.entries()) {
    await dynamo.send(
      new PutItemCommand({ TableName: table, Item: { pk: { S: pk }, n: { N: String(i) }, tags: { L: [{ S: 'banjir' }] } } }),
    );
  }
}

/** Every record on the table's stream, read directly. */
async function streamRecords(streamArn: string): Promise<{ shardId: string; records: _Record[] }> {
  const shards = (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription?.Shards ?? [];
  expect(shards).toHaveLength(1);
  const shardId = shards[0]!.ShardId!;
  let iterator = (
    await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }))
  ).ShardIterator;
  const records: _Record[] = [];
  for (;;) {
    const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
    if (!out.Records?.length) return { shardId, records };
    records.push(...out.Records);
    iterator = out.NextShardIterator;
  }
}

const keyOf = (r: DynamoDBRecord): string => r.dynamodb?.NewImage?.pk?.S ?? '?';
const seqOf = (r: { dynamodb?: { SequenceNumber?: string } }): string => r.dynamodb?.SequenceNumber ?? '';

interface Call {
  /** The event as it arrived (a copy: a handler may change it). */
  readonly event: WindowedStreamEvent;
  readonly at: number;
  answer?: WindowedStreamResponse;
}

/** A folding function: the state lists the keys of the window's records, in order. */
function fold(event: WindowedStreamEvent): WindowedStreamResponse {
  if (event.isFinalInvokeForWindow) return { state: event.state };
  const folded = [...((event.state.keys as string[] | undefined) ?? []), ...event.Records.map(keyOf)];
  return { state: { count: folded.length, keys: folded } };
}

function recorder(respond: (event: WindowedStreamEvent, n: number) => WindowedStreamResponse = fold, clock: () => number = Date.now) {
  const calls: Call[] = [];
  const handler: StreamHandler = async (event) => {
    const call: Call = { event: structuredClone(event), at: clock() };
    calls.push(call);
    call.answer = respond(event, calls.length);
    return call.answer;
  };
  const batches = (): Call[] => calls.filter((c) => !c.event.isFinalInvokeForWindow);
  const finals = (): Call[] => calls.filter((c) => c.event.isFinalInvokeForWindow);
  return { calls, handler, batches, finals };
}

/** A clock set in the middle of nowhere (far from an hour's end), that a test can move on. */
function testClock() {
  const start = Date.now();
  const base = Date.UTC(2031, 0, 1, 8, 0, 1);
  let jumped = 0;
  return { now: () => base + jumped + (Date.now() - start), jump: (ms: number) => (jumped += ms) };
}

function poller(streamArn: string, handler: StreamHandler, extra: Partial<StreamPollerOptions> = {}): StreamPoller {
  const p = new StreamPoller({
    streams,
    streamArn,
    region: LOCAL_REGION,
    handler,
    functionName: FUNCTION_NAME,
    spec: SPEC,
    sleep: () => Promise.resolve(),
    ...extra,
  });
  pollers.push(p);
  return p;
}

async function waitFor(what: string, done: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const readCheckpoints = (file: string): Record<string, string> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;

async function failuresQueue(): Promise<string> {
  return (await sqs.send(new CreateQueueCommand({ QueueName: `t-stream-failures-${suffix()}` }))).QueueUrl!;
}

async function receiveAll(queueUrl: string): Promise<Record<string, unknown>[]> {
  const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
  return (out.Messages ?? []).map((m) => JSON.parse(m.Body ?? '{}') as Record<string, unknown>);
}

// --- Tests ----------------------------------------------------------------------------------------

test('every inserted item reaches the function once, in sequence order, in batches of at most batchSize; updates and deletes are filtered out', async () => {
  const { table, streamArn } = await streamTable('order');
  const inserted = keys('p', 120);
  await put(table, inserted);
  for (const pk of inserted.slice(0, 10)) {
    await dynamo.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { pk: { S: pk } },
        UpdateExpression: 'SET n = :n',
        ExpressionAttributeValues: { ':n': { N: '-1' } },
      }),
    );
  }
  for (const pk of inserted.slice(10, 20)) await dynamo.send(new DeleteItemCommand({ TableName: table, Key: { pk: { S: pk } } }));
  const clock = testClock();
  const run = recorder(fold, clock.now);
  const checkpointFile = join(work, `order-${suffix()}.json`);
  const p = poller(streamArn, run.handler, { now: clock.now, spec: { ...SPEC, windowSeconds: HOUR }, checkpointFile });

  await p.start();
  await p.drained();

  const delivered = run.batches().flatMap((c) => c.event.Records);
  expect(delivered.map(keyOf)).toEqual(inserted);
  expect(delivered.every((r) => r.eventName === 'INSERT')).toBe(true);
  const sequences = delivered.map((r) => BigInt(seqOf(r)));
  expect(sequences.every((s, i) => i === 0 || s > sequences[i - 1]!)).toBe(true);
  expect(Math.max(...run.batches().map((c) => c.event.Records.length))).toBeLessThanOrEqual(50);
  expect(run.batches().length).toBeGreaterThanOrEqual(3);

  // Lambda's record shape.
  const { shardId, records } = await streamRecords(streamArn);
  const first = delivered[0]!;
  expect(first).toMatchObject({
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    awsRegion: LOCAL_REGION,
    eventSourceARN: streamArn,
    dynamodb: {
      Keys: { pk: { S: 'p000' } },
      NewImage: { pk: { S: 'p000' }, n: { N: '0' }, tags: { L: [{ S: 'banjir' }] } },
      SequenceNumber: seqOf(records[0]!),
      StreamViewType: 'NEW_IMAGE',
    },
  });
  expect(typeof first.eventID).toBe('string');
  expect(Math.abs(first.dynamodb!.ApproximateCreationDateTime! - Date.now() / 1000)).toBeLessThan(300);
  expect(run.batches().every((c) => c.event.shardId === shardId && c.event.eventSourceARN === streamArn)).toBe(true);

  // drained() ended the window itself, and the checkpoint covers the filtered records at the end.
  expect(run.finals()).toHaveLength(1);
  expect(run.finals()[0]!.event).toMatchObject({ Records: [], isWindowTerminatedEarly: true, state: { count: 120 } });
  expect(records).toHaveLength(140);
  expect(records.slice(120).every((r) => r.eventName !== 'INSERT')).toBe(true);
  expect(readCheckpoints(checkpointFile)).toEqual({ [shardId]: seqOf(records.at(-1)!) });
  expect(p.stats).toEqual({ invocations: run.calls.length, finalInvocations: 1, records: 120, failedInvocations: 0 });
});

test("a window's state passes from one invocation to the next, and each window ends with one final invocation after its end", async () => {
  const { table, streamArn } = await streamTable('windows');
  const run = recorder();
  const spec = { ...SPEC, windowSeconds: 1, batchSize: 4 };
  const p = poller(streamArn, run.handler, { spec });
  await p.start();
  const written = keys('w', 24);
  for (let i = 0; i < written.length; i += 3) {
    await put(table, written.slice(i, i + 3));
    await new Promise((r) => setTimeout(r, 300));
  }
  const folded = (): number => run.finals().reduce((n, c) => n + (c.event.state.count as number), 0);
  await waitFor('every record to be in a finished window', () => folded() === written.length);

  const windows = new Map<string, Call[]>();
  for (const c of run.calls) windows.set(c.event.window.start, [...(windows.get(c.event.window.start) ?? []), c]);
  expect(windows.size).toBeGreaterThanOrEqual(2);
  for (const calls of windows.values()) {
    const { start, end } = calls[0]!.event.window;
    expect(Date.parse(end) - Date.parse(start)).toBe(1000);
    expect(Date.parse(start) % 1000).toBe(0);
    expect(calls[0]!.event.state).toEqual({});
    // Each invocation gets what the previous one of its window answered.
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.event.state).toEqual(calls[i - 1]!.answer!.state);
    const final = calls.at(-1)!;
    expect(calls.filter((c) => c.event.isFinalInvokeForWindow)).toEqual([final]);
    expect(final.event).toMatchObject({ Records: [], isFinalInvokeForWindow: true, isWindowTerminatedEarly: false });
    expect(final.at).toBeGreaterThanOrEqual(Date.parse(end));
    const records = calls.slice(0, -1).flatMap((c) => c.event.Records.map(keyOf));
    expect(final.event.state).toEqual({ count: records.length, keys: records });
    expect(calls.every((c) => c.event.Records.length <= 4)).toBe(true);
  }
  expect(run.finals().flatMap((c) => c.event.state.keys as string[])).toEqual(written);
});

test('a failing invocation is retried with the same records and incoming state, with backoff; each record counts once', async () => {
  const { table, streamArn } = await streamTable('retry');
  const written = keys('r', 20);
  await put(table, written);
  const clock = testClock();
  const run = recorder((event, n) => {
    if (n === 2) {
      // Changes to the event do not reach the retry.
      event.state.count = 999;
      event.Records.pop();
      throw new Error('aggregator down');
    }
    if (n === 3) return {} as WindowedStreamResponse; // no state: a failure on Lambda
    if (n === 4) return { state: { count: -1 }, batchItemFailures: [{ itemIdentifier: seqOf(event.Records[0]!) }] };
    return fold(event);
  }, clock.now);
  const failures: StreamFailure[] = [];
  const waits: number[] = [];
  const spec = { ...SPEC, windowSeconds: HOUR, batchSize: 5, maxRetryAttempts: 3 };
  const p = poller(streamArn, run.handler, {
    now: clock.now,
    spec,
    onFailure: (f) => failures.push(f),
    sleep: async (ms) => {
      waits.push(ms);
    },
  });

  await p.start();
  await p.drained();

  const [first, ...tries] = run.calls.slice(0, 5);
  const retried = tries.map((c) => c.event);
  expect(retried.map((e) => e.Records.map(keyOf))).toEqual(Array(4).fill(written.slice(5, 10)));
  expect(retried.map((e) => e.state)).toEqual(Array(4).fill(first!.answer!.state));
  expect(failures.map((f) => [f.kind, f.attempt, f.givenUp])).toEqual([
    ['invocation', 1, false],
    ['invocation', 2, false],
    ['invocation', 3, false],
  ]);
  expect((failures[0]!.error as Error).message).toBe('aggregator down');
  expect(failures[1]!.error).toBeInstanceOf(Error);
  expect(failures[2]!.itemIdentifiers).toEqual([seqOf(retried[2]!.Records[0]!)]);
  expect(waits).toEqual([200, 400, 800]);
  expect(run.finals()).toHaveLength(1);
  expect(run.finals()[0]!.event.state).toEqual({ count: 20, keys: written });
  expect(p.stats).toEqual({ invocations: 4 + 3 + 1, finalInvocations: 1, records: 20, failedInvocations: 3 });
});

test("a batch whose retries run out goes to the failures queue as Lambda's on-failure record, and is skipped", async () => {
  const { table, streamArn } = await streamTable('exhausted');
  const written = keys('x', 15);
  await put(table, written);
  const queueUrl = await failuresQueue();
  const clock = testClock();
  const run = recorder((event) => {
    if (event.Records.some((r) => keyOf(r) === 'x005')) throw new Error('poison');
    return fold(event);
  }, clock.now);
  const failures: StreamFailure[] = [];
  const checkpointFile = join(work, `exhausted-${suffix()}.json`);
  const spec = { ...SPEC, windowSeconds: HOUR, batchSize: 5, maxRetryAttempts: 2 };
  const p = poller(streamArn, run.handler, {
    now: clock.now,
    spec,
    checkpointFile,
    failures: { sqs, queueUrl },
    onFailure: (f) => failures.push(f),
  });

  await p.start();
  await p.drained();

  const { shardId, records } = await streamRecords(streamArn);
  expect(failures.map((f) => [f.attempt, f.givenUp])).toEqual([
    [1, false],
    [2, false],
    [3, true],
  ]);
  const [message, ...more] = await receiveAll(queueUrl);
  expect(more).toEqual([]);
  const iso = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  expect(message).toEqual({
    requestContext: {
      requestId: expect.any(String),
      functionArn: `arn:aws:lambda:${LOCAL_REGION}:000000000000:function:${FUNCTION_NAME}`,
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: 3,
    },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    version: '1.0',
    timestamp: iso,
    DDBStreamBatchInfo: {
      shardId,
      startSequenceNumber: seqOf(records[5]!),
      endSequenceNumber: seqOf(records[9]!),
      approximateArrivalOfFirstRecord: iso,
      approximateArrivalOfLastRecord: iso,
      batchSize: 5,
      streamArn,
    },
  });
  // The rest goes on, and the skipped batch counts as processed.
  expect(run.finals()[0]!.event.state).toEqual({ count: 10, keys: [...written.slice(0, 5), ...written.slice(10)] });
  expect(readCheckpoints(checkpointFile)).toEqual({ [shardId]: seqOf(records[14]!) });
});

test('a final invocation that keeps failing is reported like a batch, and its window still counts as processed', async () => {
  const { table, streamArn } = await streamTable('final-fails');
  await put(table, keys('f', 3));
  const queueUrl = await failuresQueue();
  const clock = testClock();
  const run = recorder((event) => {
    if (event.isFinalInvokeForWindow) throw new Error('alerts table unreachable');
    return fold(event);
  }, clock.now);
  const failures: StreamFailure[] = [];
  const checkpointFile = join(work, `final-${suffix()}.json`);
  const spec = { ...SPEC, windowSeconds: HOUR, maxRetryAttempts: 1 };
  const p = poller(streamArn, run.handler, {
    now: clock.now,
    spec,
    checkpointFile,
    failures: { sqs, queueUrl },
    onFailure: (f) => failures.push(f),
  });

  await p.start();
  await p.drained();

  const { shardId, records } = await streamRecords(streamArn);
  expect(failures.map((f) => [f.isFinalInvokeForWindow, f.givenUp])).toEqual([
    [true, false],
    [true, true],
  ]);
  const [message] = await receiveAll(queueUrl);
  expect(message?.DDBStreamBatchInfo).toMatchObject({
    shardId,
    startSequenceNumber: seqOf(records[0]!),
    endSequenceNumber: seqOf(records[2]!),
    batchSize: 3,
  });
  expect(readCheckpoints(checkpointFile)).toEqual({ [shardId]: seqOf(records[2]!) });
  expect(p.stats).toMatchObject({ finalInvocations: 2, failedInvocations: 2, records: 3 });
});

test('a state past maxStateBytes ends the window early; the next records go on in the same window from {}', async () => {
  const { table, streamArn } = await streamTable('state-size');
  const written = keys('s', 20);
  await put(table, written);
  const clock = testClock();
  const run = recorder(fold, clock.now);
  // {"count":15,"keys":["s000",...]} passes 100 bytes with the third batch of five.
  const spec = { ...SPEC, windowSeconds: HOUR, batchSize: 5, maxStateBytes: 100 };
  const p = poller(streamArn, run.handler, { now: clock.now, spec });

  await p.start();
  await p.drained();

  const shape = run.calls.map((c) => [c.event.isFinalInvokeForWindow, c.event.isWindowTerminatedEarly, c.event.Records.length]);
  expect(shape).toEqual([
    [false, false, 5],
    [false, false, 5],
    [false, false, 5],
    [true, true, 0],
    [false, false, 5],
    [true, true, 0], // drained() ends the rest
  ]);
  expect(JSON.stringify(run.calls[2]!.answer!.state).length).toBeGreaterThan(100);
  expect(run.calls[3]!.event.state).toEqual({ count: 15, keys: written.slice(0, 15) });
  expect(run.calls[4]!.event.state).toEqual({});
  expect(run.calls[4]!.event.window).toEqual(run.calls[0]!.event.window);
  expect(run.calls[5]!.event.state).toEqual({ count: 5, keys: written.slice(15) });
});

test('flush() ends the open window at once; a window left alone ends when the clock passes its end, and the next starts from {}', async () => {
  const { table, streamArn } = await streamTable('flush');
  const clock = testClock();
  const run = recorder(fold, clock.now);
  const spec = { ...SPEC, windowSeconds: HOUR };
  const p = poller(streamArn, run.handler, { now: clock.now, spec });
  await p.start();

  await put(table, keys('a', 7));
  await waitFor('the first batch', () => p.stats.records === 7);
  expect(p.stats.finalInvocations).toBe(0);
  await p.flush();
  expect(run.finals().map((c) => c.event)).toEqual([
    expect.objectContaining({ Records: [], isWindowTerminatedEarly: true, state: { count: 7, keys: keys('a', 7) } }),
  ]);
  await p.flush(); // nothing open: nothing invoked
  expect(p.stats.finalInvocations).toBe(1);

  await put(table, keys('b', 3));
  await waitFor('the second batch', () => p.stats.records === 10);
  const window = run.calls.at(-1)!.event.window;
  clock.jump(HOUR * 1000);
  await waitFor("the window's end", () => p.stats.finalInvocations === 2);
  expect(run.calls.at(-1)!.event).toMatchObject({ window, isWindowTerminatedEarly: false, state: { count: 3, keys: keys('b', 3) } });

  await put(table, keys('c', 2));
  await waitFor('the third batch', () => p.stats.records === 12);
  const next = run.calls.at(-1)!.event;
  expect(next.state).toEqual({});
  expect(Date.parse(next.window.start)).toBe(Date.parse(window.end));
});

test('a poller stopped mid-window is followed by one that reads that window again from the checkpoint, and not the windows before', async () => {
  const { table, streamArn } = await streamTable('restart');
  const clock = testClock();
  const checkpointFile = join(work, `restart-${suffix()}.json`);
  const spec = { ...SPEC, windowSeconds: HOUR };
  const before = recorder(fold, clock.now);
  const first = poller(streamArn, before.handler, { now: clock.now, spec, checkpointFile });
  await first.start();
  await put(table, keys('a', 5));
  await waitFor('the first window', () => first.stats.records === 5);
  clock.jump(HOUR * 1000);
  await waitFor("the first window's end", () => first.stats.finalInvocations === 1);
  await put(table, keys('b', 5));
  await waitFor('the second window', () => first.stats.records === 10);
  await first.stop();
  expect(first.stats.finalInvocations).toBe(1);
  const { shardId, records } = await streamRecords(streamArn);
  expect(readCheckpoints(checkpointFile)).toEqual({ [shardId]: seqOf(records[4]!) });

  const after = recorder(fold, clock.now);
  const second = poller(streamArn, after.handler, { now: clock.now, spec, checkpointFile });
  await second.start();
  await second.drained();
  expect(after.batches().flatMap((c) => c.event.Records.map(keyOf))).toEqual(keys('b', 5));
  expect(after.finals().map((c) => c.event.state)).toEqual([{ count: 5, keys: keys('b', 5) }]);
  expect(readCheckpoints(checkpointFile)).toEqual({ [shardId]: seqOf(records[9]!) });
  expect(existsSync(`${checkpointFile}.${process.pid}.tmp`)).toBe(false);
});

test('a child shard is read only once its parent is read to its end and acted on; stale iterators and read errors are retried', async () => {
  // DynamoDB Local keeps one shard per table, so a parent and its child are scripted here.
  const arn = 'arn:aws:dynamodb:ddblocal:000000000000:table/scripted/stream/2031-01-01T00:00:00.000';
  const record = (pk: string, seq: number): _Record => ({
    eventID: `e${seq}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    dynamodb: {
      ApproximateCreationDateTime: new Date(),
      Keys: { pk: { S: pk } },
      NewImage: { pk: { S: pk } },
      SequenceNumber: String(seq).padStart(21, '0'),
      SizeBytes: 10,
      StreamViewType: 'NEW_IMAGE',
    },
  });
  const pages: Record<string, _Record[][]> = {
    parent: [[record('p0', 1), record('p1', 2)], [record('p2', 3)]],
    child: [[record('c0', 4)]],
  };
  const log: string[] = [];
  let failParent = true;
  let expireChild = true;
  const fake = {
    send: async (command: object): Promise<unknown> => {
      if (command instanceof DescribeStreamCommand) {
        // One shard a page: the child is listed first, and only on the second page is its parent.
        const from = command.input.ExclusiveStartShardId;
        if (!from) return { StreamDescription: { Shards: [{ ShardId: 'child', ParentShardId: 'parent' }], LastEvaluatedShardId: 'child' } };
        return { StreamDescription: { Shards: [{ ShardId: 'parent' }] } };
      }
      if (command instanceof GetShardIteratorCommand) {
        log.push(`iterator ${command.input.ShardId} ${command.input.ShardIteratorType} ${command.input.SequenceNumber ?? ''}`.trim());
        const read = command.input.SequenceNumber
          ? pages[command.input.ShardId!]!.findIndex((p) => p.some((r) => seqOf(r) === command.input.SequenceNumber)) + 1
          : 0;
        return { ShardIterator: `${command.input.ShardId}|${read}` };
      }
      if (command instanceof GetRecordsCommand) {
        const [shard, at] = command.input.ShardIterator!.split('|') as [string, string];
        if (shard === 'parent' && at === '1' && failParent) {
          failParent = false;
          throw new Error('connection refused');
        }
        if (shard === 'child' && expireChild) {
          expireChild = false;
          throw new ExpiredIteratorException({ message: 'Iterator expired', $metadata: {} });
        }
        const page = pages[shard]![Number(at)] ?? [];
        const closed = shard === 'parent' && Number(at) >= pages.parent!.length - 1;
        return { Records: page, NextShardIterator: closed ? undefined : `${shard}|${Math.min(Number(at) + 1, pages[shard]!.length)}` };
      }
      throw new Error(`unexpected ${command.constructor.name}`);
    },
  } as unknown as DynamoDBStreamsClient;
  const clock = testClock();
  const run = recorder(fold, clock.now);
  const failures: StreamFailure[] = [];
  const p = poller(arn, run.handler, {
    streams: fake,
    now: clock.now,
    spec: { ...SPEC, windowSeconds: HOUR },
    onFailure: (f) => failures.push(f),
  });

  await p.start();
  await p.drained();

  expect(run.calls.map((c) => [c.event.shardId, c.event.isFinalInvokeForWindow, c.event.Records.map(keyOf)])).toEqual([
    ['parent', false, ['p0', 'p1']], // invoked at its batching window's end, while the read is retried
    ['parent', false, ['p2']],
    ['parent', true, []],
    ['child', false, ['c0']],
    ['child', true, []],
  ]);
  // The failed read and the expired iterator start again after the last record read.
  expect(log).toEqual([
    'iterator parent TRIM_HORIZON',
    `iterator parent AFTER_SEQUENCE_NUMBER ${seqOf(record('p1', 2))}`,
    'iterator child TRIM_HORIZON',
    'iterator child TRIM_HORIZON',
  ]);
  expect(failures.map((f) => [f.kind, f.shardId, (f.error as Error).message])).toEqual([['read', 'parent', 'connection refused']]);
});
