/**
 * The benchmark's capacity meter against DynamoDB Local: every request asks for its consumed
 * capacity, the units add up per operation and per table, and transactions are also priced by
 * AWS's rules (DynamoDB Local misprices them).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS } from '../../infra/local/emulators';
import { LOCAL_REGION } from '../../infra/local/stack';
import { makeDocumentClient } from '../../shared/adapters/clients';
import { CapacityMeter } from '../../scripts/bench/capacity';
import { testStack, type TestStack } from '../helpers/local-stack';

describe('capacity meter', () => {
  let stack: TestStack;
  let dynamo: DynamoDBClient;
  let meter: CapacityMeter;

  beforeAll(async () => {
    stack = await testStack('capacity');
    dynamo = new DynamoDBClient({ region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, endpoint: stack.endpoints.dynamodb });
    meter = new CapacityMeter({ [stack.resources.tables.posts]: [['topic', 'createdAt']] });
    meter.attach(dynamo);
  });

  afterAll(async () => {
    dynamo.destroy();
    await stack.stop();
  });

  beforeEach(() => meter.reset());

  // 1.5 KB: two write units a plain write, four in a transaction.
  const item = (postKey: string) => ({ postKey, topic: 'banjir', createdAt: '2026-12-06T10:00:00Z', text: 'x'.repeat(1500) });

  it('counts a write by its size on the table and on the index, and reads as read units', async () => {
    const doc = makeDocumentClient(dynamo);
    const posts = stack.resources.tables.posts;
    await doc.send(new PutCommand({ TableName: posts, Item: item('file#1') }));
    expect(meter.byOperation.get('PutItem')).toMatchObject({ requests: 1, readUnits: 0, writeUnits: 4, billedWriteUnits: 4 });
    expect(meter.byTable.get(posts)?.writeUnits).toBe(2);
    expect(meter.byTable.get(`${posts}/byTopic`)?.writeUnits).toBe(2);

    await doc.send(
      new QueryCommand({
        TableName: posts,
        KeyConditionExpression: 'postKey = :k',
        ExpressionAttributeValues: { ':k': 'file#1' },
        ConsistentRead: true,
      }),
    );
    expect(meter.byOperation.get('Query')).toMatchObject({ requests: 1, writeUnits: 0 });
    expect(meter.byOperation.get('Query')?.readUnits).toBeGreaterThan(0);
    expect(meter.requests).toBe(2);
  });

  it('prices a transaction as AWS bills it: 2 units per KB on the table, 1 per KB on each index, 2 per small update', async () => {
    const doc = makeDocumentClient(dynamo);
    const { posts, state } = stack.resources.tables;
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: posts, Item: item('file#2') } },
          {
            Update: {
              TableName: state,
              Key: { pk: 'AGG#*', sk: '2026-12-06T10:00Z' },
              UpdateExpression: 'ADD #t :one',
              ExpressionAttributeNames: { '#t': 'total' },
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
      }),
    );
    const transaction = meter.byOperation.get('TransactWriteItems');
    // 1.5 KB put: 2 × 2 on the table, 2 on byTopic; the counter update: 2.
    expect(transaction?.billedWriteUnits).toBe(8);
    expect(transaction?.writeUnits).toBeGreaterThan(0);
    expect(meter.billedWriteUnits).toBe(8);
  });

  it('counts nothing while switched off', async () => {
    const doc = makeDocumentClient(dynamo);
    meter.counting = false;
    await doc.send(new PutCommand({ TableName: stack.resources.tables.posts, Item: item('file#3') }));
    meter.counting = true;
    expect(meter.requests).toBe(0);
    expect(meter.writeUnits).toBe(0);
  });
});
