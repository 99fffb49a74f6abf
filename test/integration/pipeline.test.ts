/**
 * The whole path on the embedded stack: the file collector → posts queue → local poller →
 * classifier → tables, with the real handlers wired from the environment as on Lambda.
 */
import { resolve } from 'node:path';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startPipeline, type LocalPipeline } from '../../infra/local/pipeline';
import { duplicateCount, peekDeadLetters } from '../../infra/local/summary';
import { testStack, type TestStack } from '../helpers/local-stack';
import { makePost } from '../helpers/posts';

const MIXED = resolve(__dirname, '../fixtures/mixed.jsonl');
const CONFIG = resolve(__dirname, '../../pantau.config.json');

let stack: TestStack;
let pipeline: LocalPipeline;

beforeAll(async () => {
  stack = await testStack('pipeline');
  pipeline = await startPipeline({ stack, configPath: CONFIG, postsPath: MIXED });
});

afterAll(async () => {
  await pipeline?.stop();
  await stack?.stop();
});

async function storedKeys(): Promise<string[]> {
  const out = await stack.clients.doc.send(new ScanCommand({ TableName: stack.resources.tables.posts, ProjectionExpression: 'postKey' }));
  return (out.Items ?? []).map((i) => String(i.postKey)).sort();
}

test('every valid post is stored once; each bad line is in the DLQ with its line and reason; the counts add up', async () => {
  const result = await pipeline.collect();
  await pipeline.settle();

  expect(result.read).toBe(12);
  expect(result.sent).toBe(9);
  expect(result.invalid).toHaveLength(3);

  const keys = await storedKeys();
  expect(keys).toEqual(['mix-1', 'mix-2', 'mix-3', 'mix-4', 'mix-5', 'mix-6', 'mix-7', 'mix-8'].map((id) => `file#${id}`));

  const duplicates = await duplicateCount(stack.clients.doc, stack.resources.tables.state);
  expect(duplicates).toBe(1);

  const dead = await peekDeadLetters(stack.clients.sqs, stack.resources.dlqUrl);
  expect(dead).toHaveLength(3);
  expect(dead.every((d) => d.stage === 'collector' && typeof d.line === 'number')).toBe(true);
  const reasons = dead.map((d) => d.reason).join('\n');
  expect(reasons).toMatch(/not JSON/);
  expect(reasons).toMatch(/text: required/);
  expect(reasons).toMatch(/createdAt/);
  expect(dead.find((d) => /text: required/.test(d.reason))?.postId).toBe('mix-bad-1');

  expect(result.repeated).toBe(1);
  expect(result.read).toBe(keys.length + result.repeated + dead.length);
});

test('a rerun of the collector resumes from its checkpoint and sends nothing again', async () => {
  const again = await pipeline.collect();
  await pipeline.settle();
  expect(again.read).toBe(0);
  expect(again.sent).toBe(0);
  expect(await storedKeys()).toHaveLength(8);
});

test('stored items are flat and typed, with the classification', async () => {
  const out = await stack.clients.doc.send(new ScanCommand({ TableName: stack.resources.tables.posts }));
  for (const item of out.Items ?? []) {
    expect(typeof item.createdAtEpoch).toBe('number');
    expect(['positive', 'neutral', 'negative']).toContain(item.sentimentLabel);
    expect(['none', 'low', 'medium', 'high']).toContain(item.hoaxLevel);
    expect(Array.isArray(item.topics)).toBe(true);
    expect(typeof item.expiresAt).toBe('number');
  }
});

test('a message without text that reaches the classifier goes to the DLQ with its error', async () => {
  const { text: _dropped, ...post } = makePost({ id: 'direct-no-text' });
  await stack.clients.sqs.send(new SendMessageCommand({ QueueUrl: stack.resources.postsQueueUrl, MessageBody: JSON.stringify(post) }));
  await pipeline.settle();

  const dead = await peekDeadLetters(stack.clients.sqs, stack.resources.dlqUrl);
  const letter = dead.find((d) => d.postId === 'direct-no-text');
  expect(letter).toBeDefined();
  expect(letter?.stage).toBe('classifier');
  expect(letter?.reason).toMatch(/text: required/);
  expect(await storedKeys()).not.toContain('file#direct-no-text');
});
