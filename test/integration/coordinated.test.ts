/**
 * Coordinated posting on the embedded stack: the same chain message (other emoji, links,
 * mentions, case and punctuation) pushed by 20 accounts within 15 minutes, each message
 * delivered twice to the real classifier Lambda handler, and the posts table's stream read by
 * the real aggregator handler behind the local stream poller. `coordinated` is set on the stored
 * post from the Nth account on (N = hoax.coordinated.minAuthors), each post is stored once, and
 * redeliveries and the same account posting again do not raise the count.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSEvent } from 'aws-lambda';
import * as aggregator from '../../functions/aggregator/handler';
import * as classifier from '../../functions/classifier/handler';
import { applyFunctionEnv } from '../../infra/local/pipeline';
import { StreamPoller } from '../../infra/local/stream-poller';
import { duplicateCount } from '../../infra/local/summary';
import { decodeSpread } from '../../shared/adapters/spread-log';
import { textFingerprints } from '../../shared/classify/fingerprint';
import { normalise } from '../../shared/classify/normalise';
import { loadConfig } from '../../shared/config';
import { AGGREGATOR } from '../../shared/resources';
import { authorKey } from '../../shared/post';
import type { Post } from '../../shared/post';
import { testStack, type TestStack } from '../helpers/local-stack';
import { makePost, writePostsFile } from '../helpers/posts';

const CONFIG = resolve(__dirname, '../../pantau.config.json');
const rule = loadConfig(CONFIG).hoax.coordinated;
const N = rule.minAuthors;
const T0 = Date.parse('2026-11-26T12:40:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;

const openings = ['AWAS!!', '🚨🚨 AWAS!!', 'awas!!!', '⚠️AWAS⚠️', 'Awas...', 'AWAS!! 😱'];
const endings = ['!!', ' 🙏🙏', ' https://bit.ly/mgr-jebol', ' @bpbddki', '!!! https://s.id/air2m', ' 😭😭', '.'];
/** The i-th account's copy: the same words, decorated its own way. */
function chainText(i: number): string {
  const body = `${openings[i % openings.length]} Pintu air Manggarai jebol malam ini, Jakarta Pusat akan tenggelam 2 meter. Info dari orang dalam BPBD. SEBARKAN ke grup keluarga sebelum dihapus`;
  const text = `${body}${endings[i % endings.length]}`;
  return i % 3 === 2 ? text.toLowerCase() : text;
}

const chain: Post[] = Array.from({ length: 20 }, (_, i) =>
  makePost({
    source: 'x',
    id: `push-${i + 1}`,
    text: chainText(i),
    createdAt: new Date(T0 + i * 40 * SECOND).toISOString(),
    url: `https://x.com/i/status/push${i + 1}`,
    author: { id: `bot${i + 1}`, handle: `akun_${i + 1}`, followers: 3, following: 900, createdAt: '2026-11-20T00:00:00Z' },
  }),
);
const unrelated = makePost({
  source: 'x',
  id: 'ordinary-1',
  text: 'Banjir lagi di Kemang, air udah sepinggang, parah banget! Pemerintah gak becus',
  createdAt: new Date(T0 + 5 * MINUTE).toISOString(),
  author: { id: 'warga1', handle: 'warga_kemang' },
});
/** The first account posts the message again after the push: still one account. */
const repost = makePost({ ...chain[0]!, id: 'push-again', text: chainText(3), createdAt: new Date(T0 + 13 * MINUTE).toISOString() });
/** The same text long after the push stopped: nobody else in its window. */
const late = makePost({
  ...chain[1]!,
  id: 'push-late',
  author: { id: 'latecomer', handle: 'telat' },
  createdAt: new Date(T0 + 45 * MINUTE).toISOString(),
});

let stack: TestStack;
let handler: classifier.ClassifierHandler;
let streamPoller: StreamPoller;

function sqsEvent(body: string, messageId: string, receiveCount: number): SQSEvent {
  const now = String(Date.now());
  return {
    Records: [
      {
        messageId,
        receiptHandle: `rh-${messageId}-${receiveCount}`,
        body,
        attributes: {
          ApproximateReceiveCount: String(receiveCount),
          SentTimestamp: now,
          SenderId: 'test',
          ApproximateFirstReceiveTimestamp: now,
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:${stack.region}:000000000000:${stack.prefix}-posts`,
        awsRegion: stack.region,
      },
    ],
  };
}

const context = (): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'pantau-classifier',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:pantau-classifier',
  memoryLimitInMB: '512',
  awsRequestId: randomUUID(),
  logGroupName: '/aws/lambda/pantau-classifier',
  logStreamName: 'test',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/** Delivers a post twice, as SQS may: the same message id, received a second time. */
async function deliverTwice(post: Post): Promise<void> {
  const body = JSON.stringify(post);
  const messageId = randomUUID();
  for (const receiveCount of [1, 2]) {
    expect(await handler(sqsEvent(body, messageId, receiveCount), context())).toEqual({ batchItemFailures: [] });
  }
}

async function storedPosts(): Promise<Map<string, Record<string, unknown>>> {
  const out = await stack.clients.doc.send(new ScanCommand({ TableName: stack.resources.tables.posts }));
  return new Map((out.Items ?? []).map((item) => [String(item.id), item]));
}

const indicatorsOf = (item: Record<string, unknown> | undefined): string[] => (item?.hoaxIndicators as string[] | undefined) ?? [];
const coordinatedEvidence = (item: Record<string, unknown> | undefined): string[] =>
  ((item?.hoaxEvidence as string[] | undefined) ?? []).filter((e) => e.startsWith('coordinated:'));
/** The evidence names the number of accounts first (`coordinated: teks sama dari 7 akun dalam 15 menit`). */
const accounts = (n: number): RegExp => new RegExp(`^coordinated: \\D*\\b${n}\\b`);

beforeAll(async () => {
  stack = await testStack('coordinated');
  applyFunctionEnv({ stack, configPath: CONFIG, postsPath: writePostsFile([]) });
  handler = classifier.makeHandler(classifier.wireFromEnv());
  streamPoller = new StreamPoller({
    streams: stack.clients.streams,
    streamArn: stack.resources.postsStreamArn,
    region: stack.region,
    handler: aggregator.makeHandler(aggregator.wireFromEnv()),
    functionName: 'pantau-aggregator',
    // Small windows: the push spreads over several of them, as it would live.
    spec: { ...AGGREGATOR, windowSeconds: 1, maxBatchingWindowSeconds: 0.2 },
  });
  await streamPoller.start();
  // One account after another, each message delivered twice, the unrelated post mid-push.
  for (const [i, post] of chain.entries()) {
    await deliverTwice(post);
    if (i === 9) await deliverTwice(unrelated);
  }
  await deliverTwice(repost);
  await deliverTwice(late);
  await streamPoller.drained();
});

afterAll(async () => {
  await streamPoller?.stop();
  await stack?.stop();
});

test('the copies are one text to the fingerprints: the variations are only decoration', () => {
  const keys = textFingerprints(normalise(chain[0]!.text));
  expect(keys.length).toBeGreaterThan(0);
  for (const post of chain) expect(textFingerprints(normalise(post.text))).toEqual(keys);
  expect(N).toBeGreaterThan(1);
  expect(N).toBeLessThan(chain.length);
});

test(`coordinated is absent for the first ${N - 1} accounts and present from account ${N} on, counting each account once`, async () => {
  const stored = await storedPosts();
  chain.forEach((post, i) => {
    const item = stored.get(post.id);
    expect(item).toBeDefined();
    if (i + 1 < N) {
      expect([post.id, indicatorsOf(item)]).toEqual([post.id, expect.not.arrayContaining(['coordinated'])]);
    } else {
      expect([post.id, indicatorsOf(item)]).toEqual([post.id, expect.arrayContaining(['coordinated'])]);
      // Exactly i + 1 accounts so far, although every earlier message was delivered twice.
      expect(coordinatedEvidence(item)).toEqual([expect.stringMatching(accounts(i + 1))]);
    }
  });
});

test('a coordinated push raises the hoax level; the unrelated post in the window is not coordinated', async () => {
  const stored = await storedPosts();
  const levels = ['none', 'low', 'medium', 'high'];
  const before = stored.get(chain[N - 2]!.id)!;
  const after = stored.get(chain[N - 1]!.id)!;
  expect(Number(after.hoaxScore)).toBeGreaterThan(Number(before.hoaxScore));
  expect(levels.indexOf(String(after.hoaxLevel))).toBeGreaterThanOrEqual(levels.indexOf(String(before.hoaxLevel)));
  expect(indicatorsOf(stored.get(unrelated.id))).not.toContain('coordinated');
});

test('the same account posting again counts once; the same text after the window is not coordinated', async () => {
  const stored = await storedPosts();
  expect(coordinatedEvidence(stored.get(repost.id))).toEqual([expect.stringMatching(accounts(chain.length))]);
  expect(indicatorsOf(stored.get(late.id))).not.toContain('coordinated');
});

test('every post is stored once and every redelivery is absorbed as a duplicate', async () => {
  const stored = await storedPosts();
  expect(stored.size).toBe(chain.length + 3);
  expect(await duplicateCount(stack.clients.doc, stack.resources.tables.state)).toBe(chain.length + 3);
});

test('the spread record holds each stored post once, under its accounts and keys: redeliveries wrote nothing more', async () => {
  const out = await stack.clients.doc.send(
    new ScanCommand({
      TableName: stack.resources.tables.state,
      FilterExpression: 'begins_with(pk, :spread)',
      ExpressionAttributeValues: { ':spread': 'SPREAD#' },
    }),
  );
  const entries = (out.Items ?? []).flatMap((item) => decodeSpread(String(item.entries)));
  // The chain's 20 posts, the first account's repost and the latecomer: keyed texts, each once;
  // the unrelated complaint has keys of its own.
  const keys = textFingerprints(normalise(chain[0]!.text));
  const onChain = entries.filter((e) => e.keys.some((k) => keys.includes(k)));
  expect(onChain.map((e) => e.author).sort()).toEqual([...chain.map(authorKey), authorKey(repost), authorKey(late)].sort());
  expect(entries).toHaveLength(chain.length + 3);
  expect((out.Items ?? []).every((it) => typeof it.expiresAt === 'number')).toBe(true);
});
