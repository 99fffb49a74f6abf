/**
 * The conflict proxy (infra/local/conflicts.ts) in front of the DynamoDB Local that the
 * integration setup started: the transaction conflicts DynamoDB has and DynamoDB Local lacks,
 * no conflict where DynamoDB has none, and everything else passing through unchanged.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import {
  CreateTableCommand,
  DynamoDBClient,
  TransactionCanceledException,
  TransactionConflictException,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
} from '@aws-sdk/client-dynamodb-streams';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { startConflictProxy, type ConflictProxy } from '../../infra/local/conflicts';
import { freePort, LOCAL_CREDENTIALS } from '../../infra/local/emulators';
import { LOCAL_REGION } from '../../infra/local/stack';

const ONGOING = 'Transaction is ongoing for the item';

let dynamoDbLocal: string;
let proxy: ConflictProxy;
let direct: DynamoDBDocumentClient;
let doc: DynamoDBDocumentClient;
const table = `t-conflicts-${randomBytes(3).toString('hex')}`;
const opened: { destroy(): void }[] = [];

function client(endpoint: string, extra: Partial<DynamoDBClientConfig> = {}): DynamoDBDocumentClient {
  const dynamo = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, ...extra });
  opened.push(dynamo);
  return DynamoDBDocumentClient.from(dynamo);
}

beforeAll(async () => {
  const endpoint = process.env.PANTAU_TEST_DYNAMODB;
  if (!endpoint) throw new Error('the integration global setup did not start DynamoDB Local (PANTAU_TEST_DYNAMODB unset)');
  dynamoDbLocal = endpoint;
  proxy = await startConflictProxy(dynamoDbLocal);
  direct = client(dynamoDbLocal);
  doc = client(proxy.url);
  // Created through the proxy; a sort key, so a put's key is two of its attributes.
  await doc.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    }),
  );
});

afterAll(async () => {
  for (const c of opened) c.destroy();
  await proxy?.close();
});

/** Adds 1 to `n` of an item. */
const addOneTo = (pk: string, sk: string) => ({
  TableName: table,
  Key: { pk, sk },
  UpdateExpression: 'ADD n :one',
  ExpressionAttributeValues: { ':one': 1 },
});
const addOne = (pk: string, sk: string): UpdateCommand => new UpdateCommand(addOneTo(pk, sk));

/** `count` transactions at once, each putting its own item and adding 1 to the counter of `run`. */
function hotTransactions(via: DynamoDBDocumentClient, run: string, count: number): Promise<PromiseSettledResult<unknown>[]> {
  return Promise.allSettled(
    Array.from({ length: count }, (_, i) =>
      via.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table, Item: { pk: run, sk: `own-${i}` }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Update: addOneTo(run, 'counter') },
          ],
        }),
      ),
    ),
  );
}

async function counter(run: string): Promise<unknown> {
  return (await direct.send(new GetCommand({ TableName: table, Key: { pk: run, sk: 'counter' }, ConsistentRead: true }))).Item?.n;
}

async function exists(pk: string, sk: string): Promise<boolean> {
  return (await direct.send(new GetCommand({ TableName: table, Key: { pk, sk }, ConsistentRead: true }))).Item !== undefined;
}

/** The error a promise fails with (the test fails when it does not). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the request to fail');
}

describe('transactions on one hot item', () => {
  test('DynamoDB Local alone lets 50 concurrent transactions on one counter all succeed', async () => {
    const results = await hotTransactions(direct, 'local-alone', 50);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await counter('local-alone')).toBe(50);
  });

  test('through the proxy, transactions meeting an ongoing one are cancelled with TransactionConflict on the counter', async () => {
    const before = proxy.transactionsCancelled;
    const results = await hotTransactions(doc, 'proxied', 50);
    const succeeded = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    const cancelled = results.flatMap((r, i) => (r.status === 'rejected' ? [{ i, err: r.reason as unknown }] : []));

    expect(succeeded.length).toBeGreaterThan(0);
    expect(cancelled.length).toBeGreaterThan(0);
    expect(proxy.transactionsCancelled - before).toBe(cancelled.length);
    for (const { err } of cancelled) {
      expect(err).toBeInstanceOf(TransactionCanceledException);
      const e = err as TransactionCanceledException;
      expect(e.CancellationReasons).toEqual([{ Code: 'None' }, { Code: 'TransactionConflict', Message: ONGOING }]);
      expect(e.message).toBe('Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]');
      expect(e.$metadata.httpStatusCode).toBe(400);
      // Not retried by the SDK, as with DynamoDB.
      expect(e.$metadata.attempts).toBe(1);
    }
    expect(await counter('proxied')).toBe(succeeded.length);
    for (const i of succeeded) expect(await exists('proxied', `own-${i}`)).toBe(true);
    for (const { i } of cancelled) expect(await exists('proxied', `own-${i}`)).toBe(false);
  });

  test('a single write on an item an ongoing transaction holds fails with TransactionConflictException; one on another item succeeds', async () => {
    // Items stay held 1.5 s after the transaction's answer: a window the test cannot miss.
    const wide = await startConflictProxy(dynamoDbLocal, { holdMs: 1_500 });
    const held = client(wide.url);
    try {
      await held.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table, Item: { pk: 'single', sk: 'a', n: 0 } } },
            { Put: { TableName: table, Item: { pk: 'single', sk: 'b', n: 0 } } },
          ],
        }),
      );
      expect(wide.held()).toBe(2);

      const err = await failure(held.send(addOne('single', 'a')));
      expect(err).toBeInstanceOf(TransactionConflictException);
      expect((err as TransactionConflictException).message).toBe(ONGOING);
      expect((err as TransactionConflictException).$metadata.attempts).toBe(1);
      expect(wide.writesRejected).toBe(1);

      await held.send(addOne('single', 'c'));
      expect(await exists('single', 'c')).toBe(true);

      // A read transaction on a held item is cancelled too, the reason on the held item's place.
      const read = await failure(
        held.send(
          new TransactGetCommand({
            TransactItems: [
              { Get: { TableName: table, Key: { pk: 'single', sk: 'c' } } },
              { Get: { TableName: table, Key: { pk: 'single', sk: 'b' } } },
            ],
          }),
        ),
      );
      expect(read).toBeInstanceOf(TransactionCanceledException);
      expect((read as TransactionCanceledException).CancellationReasons).toEqual([
        { Code: 'None' },
        { Code: 'TransactionConflict', Message: ONGOING },
      ]);
      expect(wide.transactionsCancelled).toBe(1);

      // Once the hold is over, the same write goes through.
      await until(() => wide.held() === 0, 5_000);
      await held.send(addOne('single', 'a'));
      expect((await direct.send(new GetCommand({ TableName: table, Key: { pk: 'single', sk: 'a' } }))).Item?.n).toBe(1);
    } finally {
      await wide.close();
    }
  });
});

describe('single writes in flight', () => {
  test('a read transaction meeting one is cancelled; a write transaction goes ahead', async () => {
    // An upstream that answers every request after half a second: the single write stays in flight.
    const slow = createServer((req, res) => {
      req.resume();
      req.on('end', () => setTimeout(() => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}'), 500));
    });
    const port = await freePort();
    await new Promise<void>((ok) => slow.listen(port, '127.0.0.1', ok));
    const behind = await startConflictProxy(`http://127.0.0.1:${port}`);
    const via = client(behind.url);
    try {
      const single = via.send(addOne('slow', 'a'));
      await until(() => behind.held() === 1, 5_000);

      const read = await failure(
        via.send(new TransactGetCommand({ TransactItems: [{ Get: { TableName: table, Key: { pk: 'slow', sk: 'a' } } }] })),
      );
      expect(read).toBeInstanceOf(TransactionCanceledException);
      expect((read as TransactionCanceledException).CancellationReasons).toEqual([{ Code: 'TransactionConflict', Message: ONGOING }]);

      const write = via.send(new TransactWriteCommand({ TransactItems: [{ Update: addOneTo('slow', 'a') }] }));
      await until(() => behind.forwarded === 2, 5_000);
      await Promise.all([single, write]);
      expect({ cancelled: behind.transactionsCancelled, rejected: behind.writesRejected }).toEqual({ cancelled: 1, rejected: 0 });
      await until(() => behind.held() === 0, 1_000);
    } finally {
      await behind.close();
      await new Promise<void>((ok) => slow.close(() => ok()));
    }
  });
});

describe('no conflict where DynamoDB has none', () => {
  test('200 concurrent conditional puts of distinct items all succeed', async () => {
    const before = { cancelled: proxy.transactionsCancelled, rejected: proxy.writesRejected };
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        doc.send(
          new PutCommand({ TableName: table, Item: { pk: 'puts', sk: `p-${i}`, i }, ConditionExpression: 'attribute_not_exists(pk)' }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const stored = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'puts' },
        Select: 'COUNT',
      }),
    );
    expect(stored.Count).toBe(200);
    expect({ cancelled: proxy.transactionsCancelled, rejected: proxy.writesRejected }).toEqual(before);
  });

  test('100 concurrent single updates of one item all succeed', async () => {
    const before = proxy.writesRejected;
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => doc.send(addOne('updates', 'counter'))));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await counter('updates')).toBe(100);
    expect(proxy.writesRejected).toBe(before);
  });
});

describe('passing through', () => {
  test('reads, the streams API and requests the proxy cannot read reach DynamoDB Local unchanged', async () => {
    const before = proxy.forwarded;
    const got = await doc.send(new GetCommand({ TableName: table, Key: { pk: 'updates', sk: 'counter' } }));
    expect(got.Item).toEqual({ pk: 'updates', sk: 'counter', n: 100 });
    const page = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': 'puts', ':p': 'p-19' },
      }),
    );
    expect(page.Items?.map((item) => item.sk)).toEqual([
      'p-19',
      'p-190',
      'p-191',
      'p-192',
      'p-193',
      'p-194',
      'p-195',
      'p-196',
      'p-197',
      'p-198',
      'p-199',
    ]);

    const streams = new DynamoDBStreamsClient({ endpoint: proxy.url, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    opened.push(streams);
    const arn = (await streams.send(new ListStreamsCommand({ TableName: table }))).Streams?.[0]?.StreamArn;
    expect(arn).toBeDefined();
    const shards = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription?.Shards ?? [];
    expect(shards.length).toBeGreaterThan(0);
    const iterator = await streams.send(
      new GetShardIteratorCommand({ StreamArn: arn, ShardId: shards[0]?.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const records = await streams.send(new GetRecordsCommand({ ShardIterator: iterator.ShardIterator, Limit: 1000 }));
    expect(records.Records?.length).toBeGreaterThan(0);
    expect(records.Records?.some((r) => r.dynamodb?.Keys?.pk?.S === 'puts')).toBe(true);

    // A body that is not JSON: DynamoDB Local's own answer comes back, as if asked directly.
    const garbled = (endpoint: string): Promise<Response> =>
      fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.PutItem',
          authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/ap-southeast-3/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: '{not json',
      });
    const [proxied, asked] = await Promise.all([garbled(proxy.url), garbled(dynamoDbLocal)]);
    expect(proxied.status).toBe(asked.status);
    const errorType = async (answer: Response): Promise<unknown> => ((await answer.json()) as { __type?: unknown }).__type;
    expect(await errorType(proxied)).toBe(await errorType(asked));
    expect(proxy.forwarded - before).toBe(7);
  });

  test('with DynamoDB Local unreachable the SDK sees a server error, retries it, and no item stays held', async () => {
    const dead = await startConflictProxy(`http://127.0.0.1:${await freePort()}`);
    const via = client(dead.url, { maxAttempts: 2 });
    try {
      type Failed = { $metadata?: { httpStatusCode?: number; attempts?: number } };
      const err = (await failure(via.send(addOne('down', 'a')))) as Failed;
      expect(err.$metadata?.httpStatusCode).toBe(502);
      expect(err.$metadata?.attempts).toBe(2);
      const tx = (await failure(via.send(new TransactWriteCommand({ TransactItems: [{ Update: addOneTo('down', 'b') }] })))) as Failed;
      expect(tx.$metadata?.httpStatusCode).toBe(502);
      await until(() => dead.held() === 0, 1_000);
      expect(dead.forwarded).toBe(4);
    } finally {
      await dead.close();
    }
  });
});

describe('at the end', () => {
  test('after all of the above, no item is left held', async () => {
    expect(proxy.forwarded).toBeGreaterThan(300);
    await until(() => proxy.held() === 0, 1_000);
    expect(proxy.held()).toBe(0);
  });
});

async function until(ready: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
