/**
 * The benchmark's capacity meter against DynamoDB Local, behind the conflict proxy: every request
 * asks for its consumed capacity, the units add up per operation, per table and per function,
 * failed requests are counted, a window's counting is priced, and transactions are also priced
 * by AWS's rules (DynamoDB Local misprices them).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS } from '../../infra/local/emulators';
import { LOCAL_REGION } from '../../infra/local/stack';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { DynamoPostStore, DynamoWindowTally } from '../../shared/adapters/dynamodb';
import type { CounterIncrement, PostItem } from '../../shared/items';
import { CapacityMeter } from '../../scripts/bench/capacity';
import { testStack, type TestStack } from '../helpers/local-stack';

describe('capacity meter', () => {
  let stack: TestStack;
  let dynamo: DynamoDBClient;
  let other: DynamoDBClient;
  let meter: CapacityMeter;

  beforeAll(async () => {
    stack = await testStack('capacity');
    const client = () => new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: stack.endpoints.dynamodb });
    dynamo = client();
    other = client();
    meter = new CapacityMeter({ [stack.resources.tables.posts]: [{ name: 'byTopic', keys: ['topic', 'createdAt'] }] });
    meter.attach(dynamo, 'classifier');
    meter.attach(other, 'aggregator');
  });

  afterAll(async () => {
    dynamo.destroy();
    other.destroy();
    await stack.stop();
  });

  beforeEach(() => meter.reset());

  // 1.5 KB: two write units a plain write, four in a transaction.
  const item = (postKey: string) => ({ postKey, topic: 'banjir', createdAt: '2026-12-06T10:00:00Z', text: 'x'.repeat(1500) });

  const increments = (n: number, prefix: string): CounterIncrement[] =>
    Array.from({ length: n }, (_, i) => ({
      topic: `${prefix}${i}`,
      bucket: '2026-12-06T10:00',
      add: { total: 3, negative: 1, positive: 1, neutral: 1, hoax: 0, driven: 0 },
      expiresAt: 1_800_000_000,
    }));

  it('counts a write by its size on the table and on the index, and reads as read units', async () => {
    const doc = makeDocumentClient(dynamo);
    const posts = stack.resources.tables.posts;
    await doc.send(new PutCommand({ TableName: posts, Item: item('file#1') }));
    expect(meter.byOperation.get('PutItem')).toMatchObject({ requests: 1, readUnits: 0, writeUnits: 4, billedWriteUnits: 4 });
    expect(meter.byTable.get(posts)).toMatchObject({ requests: 1, writeUnits: 2, billedWriteUnits: 2 });
    expect(meter.byTable.get(`${posts}/byTopic`)).toMatchObject({ writeUnits: 2, billedWriteUnits: 2 });

    await doc.send(
      new QueryCommand({
        TableName: posts,
        KeyConditionExpression: 'postKey = :k',
        ExpressionAttributeValues: { ':k': 'file#1' },
        ConsistentRead: true,
      }),
    );
    expect(meter.byOperation.get('Query')).toMatchObject({ requests: 1, writeUnits: 0, billedWriteUnits: 0 });
    expect(meter.byOperation.get('Query')?.readUnits).toBeGreaterThan(0);
    expect(meter.byTable.get(posts)?.readUnits).toBe(meter.byOperation.get('Query')?.readUnits);
    expect(meter.requests).toBe(2);
    expect(meter.byFunction.get('classifier')).toMatchObject({ requests: 2, billedWriteUnits: 4 });
    expect(meter.byFunction.get('aggregator')).toBeUndefined();
  });

  it('prices a window’s counting as AWS bills it: one unit a small counter item and one for the mark, nothing again on a retry', async () => {
    const tally = new DynamoWindowTally(makeDocumentClient(other), stack.resources.tables.state, 30);
    const state = stack.resources.tables.state;
    await tally.add('shard-a', [{ seq: '100', increments: increments(5, 'topic') }]);
    await tally.mark('shard-a', '100');
    // Five counter items far under 1 KB, written in one BatchWriteItem, then the mark.
    expect(meter.byOperation.get('BatchWriteItem')).toMatchObject({ requests: 1, billedWriteUnits: 5 });
    expect(meter.byOperation.get('UpdateItem')).toMatchObject({ requests: 1, billedWriteUnits: 1 });
    expect(meter.byOperation.get('BatchGetItem')?.requests).toBe(1);
    expect(meter.byOperation.get('TransactWriteItems')).toBeUndefined();
    expect(meter.byTable.get(state)?.billedWriteUnits).toBe(6);
    expect(await tally.counted('shard-a')).toBe('100'.padStart(40, '0'));

    // The same window tried again: the items already hold its post, so nothing is written.
    meter.reset();
    await tally.add('shard-a', [{ seq: '100', increments: increments(5, 'topic') }]);
    expect(meter.byOperation.get('BatchWriteItem')).toBeUndefined();
    expect(meter.byOperation.get('BatchGetItem')?.readUnits).toBeGreaterThan(0);

    // A wide window: 120 counter items, 25 to a request.
    meter.reset();
    await tally.add('shard-a', [{ seq: '200', increments: increments(120, 'wide') }]);
    await tally.mark('shard-a', '200');
    expect(meter.byOperation.get('BatchWriteItem')).toMatchObject({ requests: 5, billedWriteUnits: 120 });
    expect(meter.byFunction.get('aggregator')).toMatchObject({ billedWriteUnits: 121 });
    expect(await tally.counted('shard-a')).toBe('200'.padStart(40, '0'));
  });

  it('prices a transactional put per KB, on the table and on the index the item is in', async () => {
    const doc = makeDocumentClient(dynamo);
    const { posts, state } = stack.resources.tables;
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: posts, Item: item('file#2') } },
          {
            Update: {
              TableName: state,
              Key: { pk: 'AGG#*', sk: '2026-12-06T10:00Z#shard-b' },
              UpdateExpression: 'ADD #t :one',
              ExpressionAttributeNames: { '#t': 'total' },
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
      }),
    );
    // 1.5 KB put: 2 × 2 on the table, 2 on byTopic; the counter update: 2.
    expect(meter.byOperation.get('TransactWriteItems')?.billedWriteUnits).toBe(8);
    expect(meter.byTable.get(posts)?.billedWriteUnits).toBe(4);
    expect(meter.byTable.get(`${posts}/byTopic`)?.billedWriteUnits).toBe(2);
    expect(meter.byTable.get(state)?.billedWriteUnits).toBe(2);
  });

  it('counts a failed request, by its error, with no units: a post saved twice', async () => {
    const store = new DynamoPostStore(makeDocumentClient(dynamo), stack.resources.tables.posts);
    const post = { ...item('file#3'), createdAtEpoch: 1_800_000_000 } as unknown as PostItem;
    expect(await store.save(post)).toBe('stored');
    expect(await store.save(post)).toBe('duplicate');
    expect(meter.byOperation.get('PutItem')).toMatchObject({
      requests: 2,
      billedWriteUnits: 4,
      failed: { ConditionalCheckFailedException: 1 },
    });
    expect(meter.failedRequests).toBe(1);
  });

  it('counts nothing while switched off', async () => {
    const doc = makeDocumentClient(dynamo);
    meter.counting = false;
    await doc.send(new PutCommand({ TableName: stack.resources.tables.posts, Item: item('file#4') }));
    meter.counting = true;
    expect(meter.requests).toBe(0);
    expect(meter.writeUnits).toBe(0);
  });
});
