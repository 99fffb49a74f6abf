/**
 * The X, news and fact-check collector Lambdas on the embedded stack, wired from the environment
 * as on AWS: real DynamoDB Local state, the fauxqs posts queue, and real HTTP sources on loopback
 * (a stand-in for X's recent search, feeds, Google's claims:search). Each handler runs twice and
 * every post reaches the queue exactly once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteMessageBatchCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { DynamoClaimStore } from '../../shared/adapters/claims';
import { LiveClaims } from '../../shared/claims/live';
import { makeClassifier } from '../../shared/classify';
import * as factCheckCollector from '../../functions/factcheck-collector/handler';
import * as newsCollector from '../../functions/news-collector/handler';
import * as xCollector from '../../functions/x-collector/handler';
import { parsePostOrThrow } from '../../shared/post';
import { startTestServer, type Answer, type TestServer } from '../helpers/http-server';
import { testStack, type TestStack } from '../helpers/local-stack';
import { tempDir, writeJson } from '../infra/fixtures';
import { startXStandIn, type XStandIn } from '../helpers/x-standin';

const fixture = (folder: string, name: string): string => readFileSync(join(__dirname, '..', 'fixtures', folder, name), 'utf8');
const lambdaContext = { getRemainingTimeInMillis: () => 300_000 };

let stack: TestStack;
let x: XStandIn;
let web: TestServer;

beforeAll(async () => {
  stack = await testStack('collectors');
  x = await startXStandIn();
  web = await startTestServer((req): Answer => {
    if (req.url === '/portal.xml')
      return { status: 200, headers: { 'content-type': 'application/rss+xml' }, body: fixture('feeds', 'portal-rss.xml') };
    if (req.url === '/atom.xml') {
      // Answers 304 to a client that shows the ETag it was given.
      if (req.headers['if-none-match'] === '"atom-v1"') return { status: 304 };
      return { status: 200, headers: { 'content-type': 'application/atom+xml', etag: '"atom-v1"' }, body: fixture('feeds', 'atom.xml') };
    }
    if (req.url.startsWith('/v1alpha1/claims:search'))
      return { status: 200, headers: { 'content-type': 'application/json' }, body: fixture('factchecks', 'air.json') };
    return { status: 404 };
  });
  const dir = tempDir();
  const configPath = writeJson(dir, 'pantau.config.json', {
    name: 'pantau-it',
    topics: [{ name: 'banjir', label: 'Banjir', keywords: ['banjir', 'genangan'], query: 'banjir jakarta' }],
    sources: {
      x: { enabled: true, backfillMinutes: 7 * 24 * 60 },
      news: { enabled: true, googleNews: false, feeds: [{ url: `${web.url}/portal.xml` }, { url: `${web.url}/atom.xml` }] },
      factchecks: { enabled: true },
    },
  });
  Object.assign(process.env, stack.env, {
    PANTAU_CONFIG: configPath,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
    X_BEARER_TOKEN: 'local-test-token',
    X_API_BASE_URL: x.url,
    FACTCHECK_API_KEY: 'local-test-key',
    FACTCHECK_API_BASE_URL: web.url,
  });
});

afterAll(async () => {
  await x?.close();
  await web?.close();
  await stack?.stop();
});

/** Every message on the posts queue now (received and deleted), as post keys. */
async function drainQueue(): Promise<string[]> {
  const keys: string[] = [];
  for (let empty = 0; empty < 2;) {
    const out = await stack.clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: stack.resources.postsQueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    const messages = out.Messages ?? [];
    if (messages.length === 0) {
      empty += 1;
      continue;
    }
    for (const m of messages) {
      const post = parsePostOrThrow(m.Body ?? '');
      keys.push(`${post.source}#${post.id}`);
    }
    await stack.clients.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: stack.resources.postsQueueUrl,
        Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
      }),
    );
  }
  return keys;
}

test('the X collector, run twice, puts each post on the queue once; the second run asks only for newer posts', async () => {
  const handler = xCollector.makeHandler(xCollector.wireFromEnv());
  const first = await handler({}, lambdaContext);
  expect(first).toMatchObject({ sent: 5, stopped: 'done' });

  x.add(x.generate(2, { idBase: 1996851300000000000n, at: Date.now() - 60_000 }));
  const second = await handler({}, lambdaContext);
  expect(second).toMatchObject({ sent: 2 });
  expect(x.calls.at(-1)?.sinceId).toBe('1996851200000000006');

  const keys = await drainQueue();
  expect(keys).toHaveLength(7);
  expect(new Set(keys).size).toBe(7);
  expect(keys).toContain('x#1996851300000000001');
});

test('the news collector, run twice, puts each item on the queue once (a 304 for the feed with an ETag)', async () => {
  const handler = newsCollector.makeHandler(newsCollector.wireFromEnv());
  const first = await handler({});
  const second = await handler({});
  expect('feeds' in first && first.feeds.map((f) => f.status)).toEqual(['new', 'new']);
  expect('feeds' in second && second.feeds.map((f) => f.status)).toEqual(['unchanged', 'unchanged']);
  expect(web.requests.filter((r) => r.url === '/atom.xml').at(-1)?.headers['if-none-match']).toBe('"atom-v1"');

  const keys = await drainQueue();
  expect(first).toMatchObject({ sent: keys.length });
  expect(keys.length).toBeGreaterThanOrEqual(5);
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys.every((k) => k.startsWith('news#'))).toBe(true);
});

test('overlapping runs of a collector do not matter: one holds the lock, the other does nothing', async () => {
  const handler = newsCollector.makeHandler({ ...newsCollector.wireFromEnv() });
  const outcomes = await Promise.all([handler({}), handler({})]);
  expect(outcomes.filter((o) => 'notRun' in o)).toHaveLength(1);
  // The feeds were all read before: nothing new reaches the queue either way.
  expect(await drainQueue()).toEqual([]);
});

test('the fact-check collector, run twice, stores each debunk once in the claims store the classifier reads', async () => {
  const handler = factCheckCollector.makeHandler(factCheckCollector.wireFromEnv());
  const first = await handler({});
  const second = await handler({});
  expect('stored' in first && first.stored.length).toBeGreaterThan(0);
  expect('stored' in second && second.stored.length).toBe(0);
  const stored = await new DynamoClaimStore(stack.clients.doc, stack.resources.tables.state).all();
  const fromFeed = stored.filter((c) => c.id.startsWith('factcheck-'));
  expect(fromFeed.map((c) => c.id).sort()).toEqual(('stored' in first ? first.stored.map((c) => c.id) : []).sort());
  expect(fromFeed.every((c) => c.topic === 'banjir' && c.source.startsWith('https://'))).toBe(true);
  expect(web.requests.some((r) => r.url.includes('languageCode=id') && r.url.includes('query=banjir+jakarta'))).toBe(true);

  // What the classifier reads: a post repeating a collected debunk is flagged with that claim.
  const claims = new LiveClaims(new DynamoClaimStore(stack.clients.doc, stack.resources.tables.state));
  await claims.refresh();
  const classify = makeClassifier([{ name: 'air-bersih', keywords: ['air pam'], all: [], exclude: [] }], { claims });
  const result = classify('Katanya air PAM Jaya tercemar bakteri E. coli, warga Jakarta jangan mandi tiga hari dulu!!');
  const known = result.hoax.indicators.find((i) => i.name === 'known_claim');
  const debunk = fromFeed.find((c) => /E\. coli/.test(c.text));
  expect(known?.evidence[0]).toContain(debunk?.source);
});
