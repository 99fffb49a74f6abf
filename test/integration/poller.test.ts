/**
 * The local poller behaves like Lambda's SQS event source mapping: only failed records stay on
 * the queue, and the queue's redrive policy moves a record that keeps failing to the DLQ after
 * maxReceiveCount receives, while its batch-mates are stored.
 */
import { resolve } from 'node:path';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import * as classifier from '../../functions/classifier/handler';
import { applyFunctionEnv } from '../../infra/local/pipeline';
import { SqsPoller } from '../../infra/local/poller';
import { peekDeadLetters } from '../../infra/local/summary';
import { QUEUES } from '../../shared/resources';
import { testStack, type TestStack } from '../helpers/local-stack';
import { makePost, writePostsFile } from '../helpers/posts';

let stack: TestStack;

beforeAll(async () => {
  stack = await testStack('poller', { visibilityTimeoutSeconds: 1 });
});

afterAll(async () => {
  await stack?.stop();
});

test('a record that keeps failing ends in the DLQ after maxReceiveCount; its batch-mates are stored', async () => {
  applyFunctionEnv({ stack, configPath: resolve(__dirname, '../../pantau.config.json'), postsPath: writePostsFile([]) });
  const real = classifier.makeHandler(classifier.wireFromEnv());
  const posts = Array.from({ length: 6 }, (_, i) => makePost({ id: `batch-${i}` }));
  const poison = 'batch-3';
  const receives: number[] = [];
  // The real classifier, except that one record's processing blows up every time.
  const handler = async (event: SQSEvent, context: Parameters<typeof real>[1]) => {
    const bad = event.Records.find((r) => r.body.includes(`"${poison}"`));
    if (bad) receives.push(Number(bad.attributes.ApproximateReceiveCount));
    const good = event.Records.filter((r) => r !== bad);
    const response = good.length > 0 ? await real({ Records: good }, context) : { batchItemFailures: [] };
    return { batchItemFailures: [...response.batchItemFailures, ...(bad ? [{ itemIdentifier: bad.messageId }] : [])] };
  };
  const poller = new SqsPoller({
    sqs: stack.clients.sqs,
    queueUrl: stack.resources.postsQueueUrl,
    region: stack.region,
    handler,
    functionName: 'classifier-test',
    batchSize: 10,
    maxConcurrency: 1,
    timeoutSeconds: 30,
  });
  await stack.clients.sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: stack.resources.postsQueueUrl,
      Entries: posts.map((p, i) => ({ Id: String(i), MessageBody: JSON.stringify(p) })),
    }),
  );
  await poller.start();
  try {
    await poller.drained();
  } finally {
    await poller.stop();
  }

  const stored = await stack.clients.doc.send(new ScanCommand({ TableName: stack.resources.tables.posts, ProjectionExpression: 'id' }));
  expect((stored.Items ?? []).map((i) => i.id).sort()).toEqual(
    posts
      .map((p) => p.id)
      .filter((id) => id !== poison)
      .sort(),
  );
  expect(receives).toEqual(Array.from({ length: QUEUES.posts.deadLetter.maxReceiveCount }, (_, i) => i + 1));
  const dead = await peekDeadLetters(stack.clients.sqs, stack.resources.dlqUrl);
  expect(dead).toHaveLength(1);
  expect(poller.stats.failed).toBe(QUEUES.posts.deadLetter.maxReceiveCount);
});
